/**
 * One place that answers "what state is this task in" and "how far along is this node", and
 * that every view listens to. Pure: storage comes in through `ProgressStore`.
 */
import { RollUp, Counts, nextTask } from '../model/progress';
import { Container, Roadmap, rootOf, Task, TaskState } from '../model/types';
import type { ProgressStore, TaskProgress } from '../storage/progressStore';
import { Emitter, type Event } from '../util/event';
import { WRITE_ANYTHING, type WritePolicy } from './writePolicy';

export interface TrackerChange {
  readonly roadmap: Roadmap;
  /** The tasks whose state changed; undefined when the whole roadmap may have changed. */
  readonly tasks?: readonly Task[];
}

export class ProgressTracker {
  private readonly rollUps = new Map<Roadmap, RollUp>();
  /**
   * Revisions: a counter that grows on every change, and per roadmap its value at the roadmap's
   * last change (`wholesale` for a change to all of them). Derived state (schedules) is checked
   * against `revisionOf` when read instead of being cleared by a listener.
   */
  private revision = 0;
  private wholesale = 0;
  private readonly revisions = new Map<Roadmap, number>();
  private readonly changes = new Emitter<TrackerChange>();
  readonly onDidChange: Event<TrackerChange> = this.changes.event;

  constructor(
    private readonly store: ProgressStore,
    /** Asked before any state of a roadmap is written (Restricted Mode keeps workspace roadmaps read-only). */
    private readonly writes: WritePolicy = WRITE_ANYTHING,
  ) {}

  stateOf = (task: Task): TaskState => this.store.stateOf(task.module.phase.roadmap.id, task);

  /** When a done or skipped task was finished, as epoch milliseconds. */
  finishedAt(task: Task): number | undefined {
    const entry = this.store.entryOf(task.module.phase.roadmap.id, task);
    return entry && (entry.state === 'done' || entry.state === 'skipped') ? entry.changedAt : undefined;
  }

  countsOf(node: Container): Counts {
    return this.rollUpOf(rootOf(node)).countsOf(node);
  }

  nextTask(roadmap: Roadmap): Task | undefined {
    return nextTask(roadmap, this.stateOf);
  }

  /** Sets the state of tasks that all belong to one roadmap; false when the write policy refused it. */
  async setState(tasks: readonly Task[], state: TaskState): Promise<boolean> {
    if (tasks.length === 0) return true;
    const roadmap = rootOf(tasks[0]);
    if (!this.writes.mayWrite(roadmap)) return false;
    const before = new Map(tasks.map((t) => [t, this.stateOf(t)] as const));
    await this.store.setState(roadmap.id, tasks, state);
    const changed = tasks.filter((t) => before.get(t) !== state);
    if (changed.length === 0) return true;
    const rollUp = this.rollUps.get(roadmap);
    for (const task of changed) rollUp?.taskChanged(task, before.get(task)!, state);
    this.emit({ roadmap, tasks: changed });
    return true;
  }

  /** Clears a roadmap's progress: how many entries went, or undefined when the write policy refused it. */
  async reset(roadmap: Roadmap): Promise<number | undefined> {
    if (!this.writes.mayWrite(roadmap)) return undefined;
    const cleared = await this.store.reset(roadmap.id);
    this.rollUps.delete(roadmap);
    this.emit({ roadmap });
    return cleared;
  }

  /** Applies imported entries and tells every view of the roadmaps they touch. */
  async putEntries(entries: readonly { roadmapId: string; taskId: string; entry: TaskProgress }[], roadmaps: readonly Roadmap[]): Promise<void> {
    await this.store.putEntries(entries);
    for (const roadmapId of new Set(entries.map((e) => e.roadmapId))) {
      const roadmap = roadmaps.find((r) => r.id === roadmapId);
      if (!roadmap) continue;
      this.rollUps.delete(roadmap);
      this.emit({ roadmap });
    }
  }

  /** Forget cached counts, after roadmaps were reloaded or progress was replaced wholesale. */
  invalidate(roadmap?: Roadmap): void {
    this.revision++;
    if (roadmap) {
      this.rollUps.delete(roadmap);
      this.revisions.set(roadmap, this.revision);
    } else {
      this.rollUps.clear();
      this.wholesale = this.revision;
    }
  }

  /** A number that grows whenever a task state of the roadmap may have changed. */
  revisionOf(roadmap: Roadmap): number {
    return Math.max(this.revisions.get(roadmap) ?? 0, this.wholesale);
  }

  private emit(change: TrackerChange): void {
    this.revisions.set(change.roadmap, ++this.revision);
    this.changes.fire(change);
  }

  private rollUpOf(roadmap: Roadmap): RollUp {
    let rollUp = this.rollUps.get(roadmap);
    if (!rollUp) {
      rollUp = new RollUp(this.stateOf);
      this.rollUps.set(roadmap, rollUp);
    }
    return rollUp;
  }
}
