/**
 * Task progress, kept in `globalState` under one key as `{ version, tasks: { "roadmap/task": … } }`.
 *
 * Entries for ids that no roadmap has any more are kept untouched: a roadmap update that renames
 * or removes a task must never lose what the learner did. A corrupt stored value is ignored entry
 * by entry, with one warning, and never throws; what could not be read is kept aside, the last
 * few such copies each with its time.
 *
 * A task set back to not started keeps an entry `{ state: 'notStarted', changedAt }`, a tombstone,
 * rather than none: an import merges by time, and without it an older file would mark the task
 * done again. Version 1 stored no tombstones and reads as it is.
 */
import { isRecord, parseTaskKey, taskKey } from '../model/ids';
import type { Task, TaskIds, TaskState } from '../model/types';
import { TASK_STATES } from '../model/types';
import { english, type Translate, type Warn } from '../util/translate';
import { firstProblems, MementoLike, StorageKeys, StoredValue } from './memento';

/** 2: not started is stored as a tombstone with its time, no longer as a missing entry. */
export const PROGRESS_VERSION = 2;

/** Times up to this far ahead of the clock are accepted, for machines whose clocks differ a little. */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** How many copies of unreadable stored progress are kept aside, the oldest dropped first. */

export interface TaskProgress {
  readonly state: TaskState;
  /** Epoch milliseconds of the last change; for done and skipped, when it was finished. */
  readonly changedAt: number;
}

/** A time later than the clock allows: it would win every merge and cannot be shown as a date. */
export function isFutureTime(changedAt: number, now: number): boolean {
  return changedAt > now + MAX_CLOCK_SKEW_MS;
}

export function futureTimeMessage(changedAt: number): string {
  const date = new Date(changedAt);
  const shown = Number.isNaN(date.getTime()) ? 'beyond any date' : date.toISOString();
  return `${changedAt} (${shown}) is in the future; times more than a day ahead of this machine's clock are refused`;
}

interface StoredProgress {
  version: number;
  tasks: Record<string, TaskProgress>;
}

export class ProgressStore {
  private tasks: Map<string, TaskProgress> | undefined;
  private readonly stored: StoredValue;

  constructor(
    memento: MementoLike,
    warn: Warn,
    private readonly now: () => number = Date.now,
    t: Translate = english,
  ) {
    this.stored = new StoredValue(memento, { value: StorageKeys.progress, backup: StorageKeys.progressBackup }, warn, t, now);
  }

  /** State of a task, looking under its former ids when it was renamed. */
  stateOf(roadmapId: string, task: TaskIds): TaskState {
    return this.entryOf(roadmapId, task)?.state ?? 'notStarted';
  }

  entryOf(roadmapId: string, task: TaskIds): TaskProgress | undefined {
    const tasks = this.load();
    const direct = tasks.get(taskKey(roadmapId, task.id));
    if (direct) return direct;
    for (const former of task.formerIds) {
      const entry = tasks.get(taskKey(roadmapId, former));
      if (entry) return entry;
    }
    return undefined;
  }

  /** Whether any task, of any roadmap, is done or skipped; stops at the first. */
  hasFinished(): boolean {
    for (const entry of this.load().values()) if (entry.state === 'done' || entry.state === 'skipped') return true;
    return false;
  }

  /** Everything stored, by roadmap id then task id; orphans included. */
  allEntries(): Map<string, Map<string, TaskProgress>> {
    const result = new Map<string, Map<string, TaskProgress>>();
    for (const [key, value] of this.load()) {
      const parsed = parseTaskKey(key);
      if (!parsed) continue;
      if (!result.has(parsed.roadmapId)) result.set(parsed.roadmapId, new Map());
      result.get(parsed.roadmapId)!.set(parsed.taskId, value);
    }
    return result;
  }

  /** Writes entries as they are (an import); one save for all of them. */
  async putEntries(entries: readonly { roadmapId: string; taskId: string; entry: TaskProgress }[]): Promise<void> {
    if (entries.length === 0) return;
    const all = this.load();
    // A not-started entry is kept as a tombstone, with the time it came with.
    for (const { roadmapId, taskId, entry } of entries) all.set(taskKey(roadmapId, taskId), { state: entry.state, changedAt: entry.changedAt });
    await this.save();
  }

  async setState(roadmapId: string, tasks: readonly Task[], state: TaskState): Promise<void> {
    const all = this.load();
    const changedAt = this.now();
    let changed = 0;
    for (const task of tasks) {
      if (this.stateOf(roadmapId, task) === state) continue;
      // A renamed task's progress moves to its new id on the first change.
      for (const former of task.formerIds) all.delete(taskKey(roadmapId, former));
      // Not started too is stored with its time (a tombstone), so an older import cannot undo it.
      all.set(taskKey(roadmapId, task.id), { state, changedAt });
      changed++;
    }
    if (changed === 0) return;
    await this.save();
  }

  /**
   * Clears every entry of one roadmap, orphans and tombstones included, leaving no tombstones:
   * a reset forgets the roadmap's history, so importing an export afterwards brings it back, the
   * way back from a reset made by mistake. Returns how many entries were cleared.
   */
  async reset(roadmapId: string): Promise<number> {
    const all = this.load();
    const prefix = `${roadmapId}/`;
    let cleared = 0;
    for (const key of [...all.keys()]) {
      if (key.startsWith(prefix)) {
        all.delete(key);
        cleared++;
      }
    }
    if (cleared > 0) await this.save();
    return cleared;
  }

  private load(): Map<string, TaskProgress> {
    if (!this.tasks) this.tasks = this.read();
    return this.tasks;
  }

  private read(): Map<string, TaskProgress> {
    const result = new Map<string, TaskProgress>();
    const raw = this.stored.read();
    if (raw === undefined) return result;
    const problems: ((t: Translate) => string)[] = [];
    if (!isRecord(raw) || !isRecord(raw.tasks)) {
      this.stored.refuse(raw, (t) => t('Saved progress has an unexpected shape and was ignored. A copy is kept aside before anything new is saved.'));
      return result;
    }
    if (typeof raw.version === 'number' && raw.version > PROGRESS_VERSION) {
      const version = raw.version;
      problems.push((t) => t('it was written by a newer version ({0})', version));
    }
    const now = this.now();
    for (const [key, value] of Object.entries(raw.tasks)) {
      const shownKey = key.slice(0, 80);
      if (!isValidEntry(key, value)) problems.push((t) => t('entry "{0}"', shownKey));
      else if (isFutureTime(value.changedAt, now)) problems.push((t) => t('entry "{0}", whose time {1} is in the future', shownKey, String(value.changedAt)));
      else result.set(key, { state: value.state, changedAt: value.changedAt });
    }
    if (problems.length > 0) {
      this.stored.refuse(raw, (t) => t('Ignored {0} unreadable part(s) of the saved progress: {1}. A copy of the original is kept aside.', problems.length, firstProblems(problems.map((problem) => problem(t)), ', ')));
    }
    return result;
  }

  private async save(): Promise<void> {
    const stored: StoredProgress = { version: PROGRESS_VERSION, tasks: Object.fromEntries(this.load()) };
    await this.stored.save(stored);
  }
}

function isValidEntry(key: string, value: unknown): value is TaskProgress {
  return (
    parseTaskKey(key) !== undefined &&
    isRecord(value) &&
    TASK_STATES.includes(value.state as TaskState) &&
    typeof value.changedAt === 'number' &&
    Number.isFinite(value.changedAt)
  );
}
