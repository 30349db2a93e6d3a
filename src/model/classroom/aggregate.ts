/**
 * A class's progress over many class files: per roadmap, a row a learner (done % per phase,
 * verified tasks, ahead/behind plan, last activity) and the tasks where the class is stuck. Each
 * file's contribution is kept, so when one file changes only its own rows and counts are taken
 * out and put back: the cost of a change is that file's size, not the class's. Pure.
 */
import { isFinished } from '../progress';
import type { Roadmap } from '../types';
import type { ClassFile } from './classFile';

/** What the aggregation needs of a roadmap: its phases' task ids, and the ids tasks were renamed from. */
export interface ClassRoadmapShape {
  readonly id: string;
  readonly title: string;
  readonly phases: readonly { readonly id: string; readonly title: string; readonly taskIds: readonly string[] }[];
  /** Every task id and former id → the phase index and the task's current id. */
  readonly taskPlace: ReadonlyMap<string, { readonly phase: number; readonly taskId: string }>;
  readonly taskTitles: ReadonlyMap<string, string>;
}

export function shapeOf(roadmap: Roadmap): ClassRoadmapShape {
  const taskPlace = new Map<string, { phase: number; taskId: string }>();
  const taskTitles = new Map<string, string>();
  const phases = roadmap.phases.map((phase, index) => {
    const tasks = phase.modules.flatMap((m) => m.tasks);
    for (const task of tasks) {
      taskTitles.set(task.id, task.title);
      for (const id of task.formerIds) if (!taskPlace.has(id)) taskPlace.set(id, { phase: index, taskId: task.id });
      taskPlace.set(task.id, { phase: index, taskId: task.id });
    }
    return { id: phase.id, title: phase.title, taskIds: tasks.map((t) => t.id) };
  });
  return { id: roadmap.id, title: roadmap.title, phases, taskPlace, taskTitles };
}

/** One learner's row in one roadmap's table. */
export interface LearnerRow {
  /** The file the row comes from: what makes it unique (two files may claim one handle). */
  readonly file: string;
  readonly handle: string;
  /** Finished (done or skipped) tasks per phase, in the roadmap's order. */
  readonly phaseFinished: readonly number[];
  readonly finished: number;
  /** Percent finished of the whole roadmap, whole numbers toward zero. */
  readonly percent: number;
  readonly verified: number;
  /** Days ahead (positive) or behind (negative) the learner's plan; undefined without a plan. */
  readonly aheadBehindDays?: number;
  /** Planned hours per week; undefined without a plan. */
  readonly pace?: number;
  /** Epoch ms of the latest change or verified run; undefined when there was none. */
  readonly lastActivity?: number;
}

/** What one learner adds to a task's counts, kept so it can be taken out again. */
interface TaskMark {
  readonly taskId: string;
  /** Epoch ms since when the task is in progress; undefined when it is not. */
  readonly inProgressSince?: number;
  readonly failing: number;
}

interface Contribution {
  readonly row: LearnerRow;
  readonly marks: readonly TaskMark[];
}

interface TaskCounts {
  inProgress: number;
  /** Sum of the in-progress times, for the mean time in progress. */
  sinceSum: number;
  failingLearners: number;
  failingChecks: number;
}

/** A task where the class is stuck: many learners failing its checks, or long in progress. */
export interface StuckTask {
  readonly taskId: string;
  readonly title: string;
  readonly failingLearners: number;
  readonly failingChecks: number;
  readonly inProgress: number;
  /** Mean days the learners in progress on it have been so; 0 when none is. */
  readonly meanDaysInProgress: number;
}

export interface BadClassFile {
  readonly file: string;
  readonly reason: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

class RoadmapAggregate {
  readonly rows = new Map<string, LearnerRow>();
  readonly tasks = new Map<string, TaskCounts>();
  readonly total: number;

  constructor(readonly shape: ClassRoadmapShape) {
    this.total = shape.phases.reduce((n, p) => n + p.taskIds.length, 0);
  }

  apply(file: string, contribution: Contribution, sign: 1 | -1): void {
    if (sign > 0) this.rows.set(file, contribution.row);
    else this.rows.delete(file);
    for (const mark of contribution.marks) {
      let counts = this.tasks.get(mark.taskId);
      if (!counts) this.tasks.set(mark.taskId, (counts = { inProgress: 0, sinceSum: 0, failingLearners: 0, failingChecks: 0 }));
      if (mark.inProgressSince !== undefined) {
        counts.inProgress += sign;
        counts.sinceSum += sign * mark.inProgressSince;
      }
      if (mark.failing > 0) {
        counts.failingLearners += sign;
        counts.failingChecks += sign * mark.failing;
      }
    }
  }
}

/** The class: set a file when it was read or changed, drop it when it is gone. */
export class ClassAggregate {
  private readonly roadmaps = new Map<string, RoadmapAggregate>();
  /** File → its contributions by roadmap id. */
  private readonly contributions = new Map<string, ReadonlyMap<string, Contribution>>();
  private readonly bad = new Map<string, string>();

  constructor(shapes: readonly ClassRoadmapShape[]) {
    for (const shape of shapes) this.roadmaps.set(shape.id, new RoadmapAggregate(shape));
  }

  /** A file read well: its earlier contribution (if any) is replaced. */
  set(file: string, classFile: ClassFile): void {
    this.delete(file);
    const mine = new Map<string, Contribution>();
    for (const progress of classFile.roadmaps) {
      const aggregate = this.roadmaps.get(progress.id);
      if (!aggregate) continue;
      const contribution = contributionOf(file, classFile.handle, progress, aggregate.shape);
      aggregate.apply(file, contribution, 1);
      mine.set(progress.id, contribution);
    }
    this.contributions.set(file, mine);
  }

  /** A file that could not be read or is not a class file, with why. */
  setBad(file: string, reason: string): void {
    this.delete(file);
    this.bad.set(file, reason);
  }

  delete(file: string): void {
    this.bad.delete(file);
    for (const [roadmapId, contribution] of this.contributions.get(file) ?? []) this.roadmaps.get(roadmapId)?.apply(file, contribution, -1);
    this.contributions.delete(file);
  }

  /** The roadmaps at least one learner has progress in, in the order the shapes were given. */
  roadmapIds(): string[] {
    return [...this.roadmaps.values()].filter((r) => r.rows.size > 0).map((r) => r.shape.id);
  }

  shape(roadmapId: string): ClassRoadmapShape | undefined {
    return this.roadmaps.get(roadmapId)?.shape;
  }

  rows(roadmapId: string): LearnerRow[] {
    return [...(this.roadmaps.get(roadmapId)?.rows.values() ?? [])];
  }

  /** How many files were read well. */
  learnerCount(): number {
    return this.contributions.size;
  }

  /** The files that were not read, with why, sorted by name. */
  badFiles(): BadClassFile[] {
    return [...this.bad].map(([file, reason]) => ({ file, reason })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  /**
   * The tasks where the class is stuck, most first: by learners failing the task's checks, then by
   * the mean time in progress, then by learners in progress. Tasks with neither are left out.
   */
  stuck(roadmapId: string, now: number, limit = 10): StuckTask[] {
    const aggregate = this.roadmaps.get(roadmapId);
    if (!aggregate) return [];
    const stuck: StuckTask[] = [];
    for (const [taskId, c] of aggregate.tasks) {
      if (c.inProgress <= 0 && c.failingLearners <= 0) continue;
      const meanDaysInProgress = c.inProgress > 0 ? Math.max(0, Math.floor((now - c.sinceSum / c.inProgress) / DAY_MS)) : 0;
      stuck.push({ taskId, title: aggregate.shape.taskTitles.get(taskId) ?? taskId, failingLearners: c.failingLearners, failingChecks: c.failingChecks, inProgress: c.inProgress, meanDaysInProgress });
    }
    stuck.sort((a, b) => b.failingLearners - a.failingLearners || b.meanDaysInProgress - a.meanDaysInProgress || b.inProgress - a.inProgress || (a.taskId < b.taskId ? -1 : 1));
    return stuck.slice(0, limit);
  }
}

/** One learner's row and task marks in one roadmap; tasks the roadmap does not have are left out. */
function contributionOf(file: string, handle: string, progress: ClassFile['roadmaps'][number], shape: ClassRoadmapShape): Contribution {
  const phaseFinished = shape.phases.map(() => 0);
  const marks = new Map<string, { inProgressSince?: number; failing: number }>();
  let lastActivity: number | undefined;
  /** Tasks counted under a former id: a file may hold one task under several ids, and it counts once. */
  let formerSeen: Set<string> | undefined;
  for (const fileTaskId in progress.tasks) {
    const entry = progress.tasks[fileTaskId];
    const place = shape.taskPlace.get(fileTaskId);
    if (!place) continue;
    if (fileTaskId !== place.taskId) {
      // The current id, when the file has it, counts; else the first former id.
      if (Object.hasOwn(progress.tasks, place.taskId) || formerSeen?.has(place.taskId)) continue;
      (formerSeen ??= new Set()).add(place.taskId);
    }
    if (isFinished(entry.state)) phaseFinished[place.phase]++;
    else if (entry.state === 'inProgress') marks.set(place.taskId, { inProgressSince: entry.changedAt, failing: 0 });
    if (lastActivity === undefined || entry.changedAt > lastActivity) lastActivity = entry.changedAt;
  }
  const verifiedTasks = new Set<string>();
  for (const v of progress.verified) {
    const place = shape.taskPlace.get(v.taskId);
    if (!place) continue;
    verifiedTasks.add(place.taskId);
    lastActivity = Math.max(lastActivity ?? 0, Date.parse(v.at));
  }
  for (const [fileTaskId, count] of Object.entries(progress.failing ?? {})) {
    const place = shape.taskPlace.get(fileTaskId);
    if (!place || verifiedTasks.has(place.taskId)) continue;
    const mark = marks.get(place.taskId) ?? { failing: 0 };
    marks.set(place.taskId, { ...mark, failing: Math.max(mark.failing, count) });
  }
  const finished = phaseFinished.reduce((a, b) => a + b, 0);
  const total = shape.phases.reduce((n, p) => n + p.taskIds.length, 0);
  const row: LearnerRow = {
    file,
    handle,
    phaseFinished,
    finished,
    percent: total === 0 ? 0 : Math.floor((finished / total) * 100),
    verified: verifiedTasks.size,
    ...(progress.plan ? { pace: progress.plan.pace, ...(progress.plan.aheadBehindDays !== undefined ? { aheadBehindDays: progress.plan.aheadBehindDays } : {}) } : {}),
    ...(lastActivity !== undefined ? { lastActivity } : {}),
  };
  return { row, marks: [...marks].map(([taskId, m]) => ({ taskId, ...m })) };
}
