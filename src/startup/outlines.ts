/**
 * What the first rows need of each bundled roadmap, compiled by the build beside the roadmaps
 * (esbuild.js writes dist/outlines.json with compileOutlines.ts) so that start-up needs no model: its id
 * and title, and the ids its progress is kept under. Made from the model itself, so it counts what
 * the model counts; an integration test holds the rows drawn from it equal to the tree's.
 */
import { isRecord } from '../model/ids';
import type { TaskIds } from '../model/types';

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

/**
 * The compiled outlines, in the bundle's order, or undefined when running from sources that were
 * not bundled. The `import()` of what only the build provides sits inside a `try` of its own,
 * where esbuild lets an unresolvable import through to fail at run time instead of failing the build.
 */
export async function compiledOutlines(): Promise<RoadmapOutline[] | undefined> {
  try {
    const outlines: unknown = (await import('ml-roadmaps:roadmap-outlines')).default;
    return isOutlines(outlines) ? outlines : undefined;
  } catch {
    return undefined;
  }
}
