/**
 * Class files made up for the tests and the bench: a learner's progress through a roadmap's tasks,
 * varied by the learner's number so that sorting and the stuck tasks have something to find.
 * Pure (no Node), so the unit, integration, web and bench suites all use it.
 */
import { CLASS_FILE_FORMAT, CLASS_FILE_VERSION, ClassFile } from '../src/model/classroom/classFile';
import type { ClassRoadmapShape } from '../src/model/classroom/aggregate';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Learner `n` of a class: finished the first `n mod (total + 1)` tasks, in progress on the next, failing checks on it when `n` is odd. */
export function learnerFile(shape: ClassRoadmapShape, n: number, now: number, handle = `learner-${String(n).padStart(4, '0')}`): ClassFile {
  const taskIds = shape.phases.flatMap((p) => p.taskIds);
  const finished = (n * 7) % (taskIds.length + 1);
  const tasks: Record<string, { state: 'done' | 'inProgress' | 'skipped'; changedAt: number }> = {};
  taskIds.slice(0, finished).forEach((taskId, i) => (tasks[taskId] = { state: i % 11 === 5 ? 'skipped' : 'done', changedAt: now - (finished - i) * DAY_MS }));
  const current = taskIds[finished];
  if (current) tasks[current] = { state: 'inProgress', changedAt: now - ((n % 9) + 1) * DAY_MS };
  const verified = taskIds.slice(0, finished).filter((_, i) => i % 4 === 0).map((taskId, i) => ({ taskId, at: new Date(now - (finished - i) * DAY_MS).toISOString() }));
  return {
    format: CLASS_FILE_FORMAT,
    version: CLASS_FILE_VERSION,
    handle,
    exportedAt: new Date(now).toISOString(),
    roadmaps: [
      {
        id: shape.id,
        tasks,
        verified,
        ...(current && n % 2 === 1 ? { failing: { [current]: (n % 3) + 1 } } : {}),
        ...(n % 3 === 0 ? {} : { plan: { pace: 5 + (n % 10), finishBy: '2027-06-30', aheadBehindDays: (n % 21) - 10 } }),
      },
    ],
  };
}

export function learnerText(shape: ClassRoadmapShape, n: number, now: number, handle?: string): string {
  return `${JSON.stringify(learnerFile(shape, n, now, handle), null, 2)}\n`;
}
