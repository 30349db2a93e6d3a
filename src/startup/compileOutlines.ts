/** Build time (esbuild.js): the outlines of the compiled roadmaps (see outlines.ts). Pure. */
import type { BundledRoadmap } from '../core/bundleFormat';
import { buildRoadmap } from '../model/document';
import { tasksOf } from '../model/types';
import type { RoadmapOutline } from './outlines';

/** The outline of each compiled roadmap, from the model itself, so it counts what the model counts. */
export function outlinesOf(bundle: readonly BundledRoadmap[]): RoadmapOutline[] {
  return bundle.map(({ file, document }) => {
    const roadmap = buildRoadmap(document, { label: file, location: file, bundled: true });
    return { id: roadmap.id, title: roadmap.title, tasks: tasksOf(roadmap).map(({ id, formerIds }) => ({ id, formerIds })) };
  });
}
