/**
 * The bundled roadmaps as the build compiles them into the extension (see esbuild.js), shared by
 * the build (bundle.ts) and the registry. Pure.
 */
import type { RoadmapDocument } from '../model/document';
import { isRecord } from '../model/ids';

export interface BundledRoadmap {
  /** The YAML file it came from, in the extension's roadmaps/ folder. */
  readonly file: string;
  readonly document: RoadmapDocument;
}

export function isBundle(value: unknown): value is BundledRoadmap[] {
  return Array.isArray(value) && value.every((e: unknown) => isRecord(e) && typeof e.file === 'string' && isRecord(e.document) && typeof e.document.id === 'string' && Array.isArray(e.document.phases));
}

// An `import()` of a module that only the build provides must sit inside a `try` of its own, where
// esbuild lets an unresolvable import through to fail at run time (sources run unbundled, the web
// tests' bundle) instead of failing the build. src/startup/outlines.ts has the other such loader.

/** The compiled roadmaps, or undefined when running from sources that were not bundled. */
export async function compiledBundle(): Promise<BundledRoadmap[] | undefined> {
  try {
    const bundle: unknown = (await import('ml-roadmaps:bundled-roadmaps')).default;
    return isBundle(bundle) ? bundle : undefined;
  } catch {
    return undefined;
  }
}
