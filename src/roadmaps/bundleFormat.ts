/** The shape of dist/roadmaps.json, shared by the build (bundle.ts) and the registry. Pure. */
import type { RoadmapDocument } from '../model/document';

export const BUNDLE_FILE = 'roadmaps.json';

export interface BundledRoadmap {
  /** The YAML file it came from, in the extension's roadmaps/ folder. */
  readonly file: string;
  readonly document: RoadmapDocument;
}

export function isBundle(value: unknown): value is BundledRoadmap[] {
  return Array.isArray(value) && value.every((e) => typeof e?.file === 'string' && typeof e?.document?.id === 'string' && Array.isArray(e?.document?.phases));
}
