/**
 * Progress arithmetic over the model: counting states under any node, incremental roll-up,
 * and choosing the next task. Pure: the caller supplies each task's state.
 */
import { Container, Module, Phase, Roadmap, Task, TaskState, tasksOf } from './types';

export type StateOf = (task: Task) => TaskState;

export interface Counts {
  readonly total: number;
  readonly notStarted: number;
  readonly inProgress: number;
  readonly done: number;
  readonly skipped: number;
}

export const EMPTY_COUNTS: Counts = { total: 0, notStarted: 0, inProgress: 0, done: 0, skipped: 0 };

/** Skipped counts as finished, as roadmap.sh does: the learner decided it is not for them. */
export function isFinished(state: TaskState): boolean {
  return state === 'done' || state === 'skipped';
}

export function finished(counts: Counts): number {
  return counts.done + counts.skipped;
}

export function percent(counts: Counts): number {
  return counts.total === 0 ? 0 : Math.floor((finished(counts) / counts.total) * 100);
}

/** `3/12 · 25%`, the description every container shows. */
export function formatCounts(counts: Counts): string {
  return `${finished(counts)}/${counts.total} · ${percent(counts)}%`;
}

export function countTasks<T = Task>(tasks: readonly T[], stateOf: (task: T) => TaskState): Counts {
  const counts = { ...EMPTY_COUNTS, total: tasks.length };
  for (const task of tasks) counts[stateOf(task)]++;
  return counts;
}

/**
 * Caches counts per container and updates them by delta when one task changes, so a state change
 * costs the depth of the tree, not its size.
 */
export class RollUp {
  private readonly cache = new Map<Container, Counts>();

  constructor(private readonly stateOf: StateOf) {}

  countsOf(node: Container): Counts {
    let counts = this.cache.get(node);
    if (!counts) {
      counts = this.compute(node);
      this.cache.set(node, counts);
    }
    return counts;
  }

  /** Applies a change of one task's state to every cached ancestor. */
  taskChanged(task: Task, from: TaskState, to: TaskState): void {
    if (from === to) return;
    for (const node of ancestorsOf(task)) {
      const counts = this.cache.get(node);
      if (counts) this.cache.set(node, { ...counts, [from]: counts[from] - 1, [to]: counts[to] + 1 });
    }
  }

  /** Forget everything, after a reload or a bulk change such as a reset or an import. */
  clear(): void {
    this.cache.clear();
  }

  private compute(node: Container): Counts {
    // Build from children so that a whole roadmap is counted once, not once per level.
    if ('phases' in node) return sum(node.phases.map((p) => this.countsOf(p)));
    if ('modules' in node) return sum(node.modules.map((m) => this.countsOf(m)));
    return countTasks(tasksOf(node), this.stateOf);
  }
}

function sum(all: readonly Counts[]): Counts {
  const total = { ...EMPTY_COUNTS };
  for (const c of all) {
    total.total += c.total;
    total.notStarted += c.notStarted;
    total.inProgress += c.inProgress;
    total.done += c.done;
    total.skipped += c.skipped;
  }
  return total;
}

/** The containers above a task, nearest first: module, phase, roadmap. */
export function ancestorsOf(task: Task): [Module, Phase, Roadmap] {
  const phase = task.module.phase;
  return [task.module, phase, phase.roadmap];
}

/**
 * The task to work on next in a roadmap: the first one in progress, otherwise the first not
 * started, in roadmap order. Undefined when everything is finished.
 */
export function nextTask(roadmap: Roadmap, stateOf: StateOf): Task | undefined {
  let firstNotStarted: Task | undefined;
  for (const task of tasksOf(roadmap)) {
    const state = stateOf(task);
    if (state === 'inProgress') return task;
    if (state === 'notStarted' && !firstNotStarted) firstNotStarted = task;
  }
  return firstNotStarted;
}
