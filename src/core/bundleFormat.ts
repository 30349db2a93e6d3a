/**
 * The bundled roadmaps as the build compiles them into the extension (see esbuild.js), shared by
 * the build (bundle.ts) and the registry. Pure.
 */
import type { RoadmapDocument } from '../model/document';
import { isRecord } from '../model/ids';
import type { TaskIds } from '../model/types';

export interface BundledRoadmap {
  /** The YAML file it came from, in the extension's roadmaps/ folder. */
  readonly file: string;
  readonly document: RoadmapDocument;
}

export function isBundle(value: unknown): value is BundledRoadmap[] {
  return Array.isArray(value) && value.every((e: unknown) => isRecord(e) && typeof e.file === 'string' && isRecord(e.document) && typeof e.document.id === 'string' && Array.isArray(e.document.phases));
}

/**
 * What the tree's first rows need of a bundled roadmap, compiled beside the documents so that
 * they need no model: its id and title, and the ids its progress is kept under.
 */
export interface RoadmapOutline {
  readonly id: string;
  readonly title: string;
  /** Every task, in roadmap order. */
  readonly tasks: readonly TaskIds[];
}

export function isOutlines(value: unknown): value is RoadmapOutline[] {
  const isTaskIds = (t: unknown) => isRecord(t) && typeof t.id === 'string' && Array.isArray(t.formerIds);
  return Array.isArray(value) && value.every((e: unknown) => isRecord(e) && typeof e.id === 'string' && typeof e.title === 'string' && Array.isArray(e.tasks) && e.tasks.every(isTaskIds));
}

// The two loaders below are alike on purpose: each `import()` of a module that only the build
// provides must sit inside a `try` of its own, where esbuild lets an unresolvable import through
// to fail at run time (sources run unbundled, the web tests' bundle) instead of failing the build.

/** The compiled roadmaps, or undefined when running from sources that were not bundled. */
export async function compiledBundle(): Promise<BundledRoadmap[] | undefined> {
  try {
    const bundle: unknown = (await import('ml-roadmaps:bundled-roadmaps')).default;
    return isBundle(bundle) ? bundle : undefined;
  } catch {
    return undefined;
  }
}

/** The compiled outlines, in the bundle's order, or undefined when running from sources that were not bundled. */
export async function compiledOutlines(): Promise<RoadmapOutline[] | undefined> {
  try {
    const outlines: unknown = (await import('ml-roadmaps:roadmap-outlines')).default;
    return isOutlines(outlines) ? outlines : undefined;
  } catch {
    return undefined;
  }
}
