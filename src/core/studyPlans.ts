/**
 * The study plans of the loaded roadmaps, scheduled against the current progress: what the tree,
 * the status bar, the dashboard and the calendar read. A schedule is computed on first use and
 * kept until the roadmap's progress, its plan, the roadmap itself (a reload) or the day changes.
 * Pure: storage comes in through `PlanStore`, progress through `ProgressTracker`.
 *
 * The plans service is the only way to the plan store: features read and write plans here, so
 * that every change reaches one event. A cached schedule remembers the progress revision, the
 * plan and the day it was computed from and is checked against them on every read: a view that
 * hears of a change before this service does still reads a fresh schedule (nothing depends on
 * the order listeners were registered in).
 */
import type { Roadmap } from '../model/types';
import type { ProgressTracker } from './tracker';
import type { PlanStore } from '../storage/planStore';
import { Emitter, type Event } from '../util/event';
import { WRITE_ANYTHING, type WritePolicy } from './writePolicy';
import { english, type Translate, type Warn } from '../util/translate';
import { localDayOf, systemUtcOffset, UtcOffset } from '../model/plan/dates';
import { PlanError, PlanProgress, progressOf, schedule, Schedule, StudyPlan } from '../model/plan/planner';

interface Cached {
  readonly roadmap: Roadmap;
  /** What the schedule was computed from; a read that finds any of them changed computes again. */
  readonly plan: StudyPlan;
  readonly revision: number;
  readonly day: number;
  readonly schedule: Schedule | undefined;
  progress?: PlanProgress;
}

export class StudyPlans {
  private readonly cache = new Map<string, Cached>();
  private readonly changes = new Emitter<string | undefined>();
  private readonly planChanges = new Emitter<readonly string[]>();
  private readonly subscriptions: { dispose(): void }[];
  /** Plans already reported as unusable: a plan is reported once, not on every change or day. */
  private readonly reported = new WeakSet<StudyPlan>();
  /** The local day the cached schedules were computed on. */
  private day: number;
  /** Minutes a week spaced review takes (its forecast at the learner's pace): they come out of each plan's weekly hours. */
  private reviewMinutes = 0;

  constructor(
    private readonly store: PlanStore,
    private readonly tracker: ProgressTracker,
    /** When each finished task of a roadmap was finished, by the task id progress is stored under. */
    private readonly finishedAt: (roadmapId: string) => ReadonlyMap<string, number>,
    /** Reports a stored plan that cannot be scheduled (an impossible plan from another version), once a plan. */
    private readonly warn: Warn,
    private readonly now: () => number = Date.now,
    private readonly utcOffset: UtcOffset = systemUtcOffset,
    private readonly t: Translate = english,
    /** Asked before a roadmap's plan is written (Restricted Mode keeps workspace roadmaps read-only). */
    private readonly writes: WritePolicy = WRITE_ANYTHING,
  ) {
    this.day = localDayOf(now(), utcOffset);
    this.subscriptions = [
      tracker.onDidChange((change) => this.changed(change.roadmap.id)),
      store.onDidChange((ids) => {
        this.planChanges.fire(ids);
        ids.forEach((id) => this.changed(id));
      }),
    ];
  }

  /** Fires with the roadmap id whose schedule may have changed (its progress, its plan or the day). */
  readonly onDidChange: Event<string | undefined> = this.changes.event;

  /** Fires with the roadmap ids whose plan was made, replaced or cleared. */
  readonly onDidChangePlans: Event<readonly string[]> = this.planChanges.event;

  planOf(roadmap: Roadmap | string): StudyPlan | undefined {
    return this.store.planOf(typeof roadmap === 'string' ? roadmap : roadmap.id);
  }

  /** Every stored plan, those of roadmaps not loaded now included. */
  all(): readonly StudyPlan[] {
    return this.store.all();
  }

  /** Saves the roadmap's plan; false when the write policy refused it. */
  async set(roadmap: Roadmap, plan: StudyPlan): Promise<boolean> {
    if (plan.roadmapId !== roadmap.id) throw new Error(`A plan for "${plan.roadmapId}" cannot be saved as the plan of "${roadmap.id}".`);
    if (!this.writes.mayWrite(roadmap)) return false;
    await this.store.set(plan);
    return true;
  }

  /** Stores plans as they are (an import); one save for all of them. */
  async put(plans: readonly StudyPlan[]): Promise<void> {
    await this.store.put(plans);
  }

  /** Forgets a roadmap's plan; false when it had none. */
  async clear(roadmapId: string): Promise<boolean> {
    return this.store.clear(roadmapId);
  }

  /** The roadmap's schedule, or undefined when it has no (usable) plan. */
  scheduleOf(roadmap: Roadmap): Schedule | undefined {
    return this.cached(roadmap)?.schedule;
  }

  /** Why a plan for a roadmap could not be scheduled today, or undefined when it can; keeps nothing. */
  problemOf(roadmap: Roadmap, plan: StudyPlan): string | undefined {
    try {
      this.scheduleNow(roadmap, plan);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  }

  progressOf(roadmap: Roadmap): PlanProgress | undefined {
    const cached = this.cached(roadmap);
    if (!cached?.schedule) return undefined;
    cached.progress ??= progressOf(cached.schedule);
    return cached.progress;
  }

  /**
   * Called now and then (a timer at midnight): when the local day changed, every schedule is
   * recomputed, since "today", this week and ahead/behind move with it. Returns whether it did.
   */
  checkDay(): boolean {
    const day = this.today();
    if (day === this.day) return false;
    this.day = day;
    const ids = [...this.cache.keys()];
    this.cache.clear();
    for (const id of ids) this.changes.fire(id);
    return true;
  }

  /**
   * Sets aside the minutes a week review will take: every plan is scheduled on its weekly hours
   * less these, never less than a quarter of them. Recomputes the schedules only when the whole
   * minutes change.
   */
  reserveForReview(minutesPerWeek: number): void {
    const minutes = Math.max(0, Math.round(minutesPerWeek));
    if (minutes === this.reviewMinutes) return;
    this.reviewMinutes = minutes;
    const ids = [...this.cache.keys()];
    this.cache.clear();
    for (const id of ids) this.changes.fire(id);
  }

  /** The minutes a week of a plan's hours that go to review, as scheduled. */
  reviewMinutesOf(plan: StudyPlan): number {
    return Math.round((plan.hoursPerWeek - studyHoursOf(plan, this.reviewMinutes)) * 60);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changes.dispose();
    this.planChanges.dispose();
  }

  private today(): number {
    return localDayOf(this.now(), this.utcOffset);
  }

  private cached(roadmap: Roadmap): Cached | undefined {
    const plan = this.store.planOf(roadmap.id);
    if (!plan) return undefined;
    const revision = this.tracker.revisionOf(roadmap);
    const day = this.today();
    const hit = this.cache.get(roadmap.id);
    if (hit && hit.roadmap === roadmap && hit.plan === plan && hit.revision === revision && hit.day === day) return hit;
    let computed: Schedule | undefined;
    try {
      computed = this.scheduleNow(roadmap, plan);
    } catch (error) {
      // Whatever the reason (a PlanError says it in words), the tree, the status bar and the
      // dashboard read this on every change: a throw here would break each of them every time.
      if (!this.reported.has(plan)) {
        this.reported.add(plan);
        // The reason stays in English, like every diagnostic about stored data.
        const reason = error instanceof PlanError ? error.message : String(error);
        const say = (t: Translate) => t('The study plan of {0} cannot be used: {1}', roadmap.id, reason);
        this.warn(say(english), say(this.t));
      }
    }
    const entry: Cached = { roadmap, plan, revision, day, schedule: computed };
    this.cache.set(roadmap.id, entry);
    return entry;
  }

  private scheduleNow(roadmap: Roadmap, plan: StudyPlan): Schedule {
    const studyHours = studyHoursOf(plan, this.reviewMinutes);
    return schedule(roadmap, studyHours === plan.hoursPerWeek ? plan : { ...plan, hoursPerWeek: studyHours }, { stateOf: this.tracker.stateOf, finishedAt: this.finishedAt(roadmap.id), now: this.now(), utcOffset: this.utcOffset });
  }

  private changed(roadmapId: string): void {
    const had = this.cache.delete(roadmapId);
    if (had || this.store.planOf(roadmapId)) this.changes.fire(roadmapId);
  }
}

/** Review never takes more than this share of a plan's weekly hours: the roadmap still moves. */
const MAX_REVIEW_SHARE = 0.75;

/** A plan's weekly hours left for its tasks once review's minutes are set aside. */
function studyHoursOf(plan: StudyPlan, reviewMinutes: number): number {
  if (reviewMinutes <= 0) return plan.hoursPerWeek;
  return Math.max(plan.hoursPerWeek * (1 - MAX_REVIEW_SHARE), plan.hoursPerWeek - reviewMinutes / 60);
}
