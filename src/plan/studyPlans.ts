/**
 * The study plans of the loaded roadmaps, scheduled against the current progress: what the tree,
 * the status bar, the dashboard and the calendar read. A schedule is computed on first use and
 * kept until the roadmap's progress, its plan, the roadmap itself (a reload) or the day changes.
 * Pure: storage comes in through `PlanStore`, progress through `ProgressTracker`.
 */
import type { Roadmap } from '../model/types';
import type { ProgressTracker } from '../core/tracker';
import type { PlanStore } from '../storage/planStore';
import { english, type Translate, type Warn } from '../util/translate';
import { localDayOf, systemUtcOffset, UtcOffset } from './dates';
import { PlanError, PlanProgress, progressOf, schedule, Schedule, StudyPlan } from './planner';

interface Cached {
  readonly roadmap: Roadmap;
  readonly schedule: Schedule | undefined;
  progress?: PlanProgress;
}

type Listener = (roadmapId: string | undefined) => void;

export class StudyPlans {
  private readonly cache = new Map<string, Cached>();
  private readonly listeners = new Set<Listener>();
  private readonly subscriptions: { dispose(): void }[];
  /** Plans already reported as unusable: a plan is reported once, not on every change or day. */
  private readonly reported = new WeakSet<StudyPlan>();
  /** The local day the cached schedules were computed on. */
  private day: number;

  constructor(
    readonly store: PlanStore,
    private readonly tracker: ProgressTracker,
    /** When each finished task of a roadmap was finished, by the task id progress is stored under. */
    private readonly finishedAt: (roadmapId: string) => ReadonlyMap<string, number>,
    /** Reports a stored plan that cannot be scheduled (an impossible plan from another version), once a plan. */
    private readonly warn: Warn,
    private readonly now: () => number = Date.now,
    private readonly utcOffset: UtcOffset = systemUtcOffset,
    private readonly t: Translate = english,
  ) {
    this.day = localDayOf(now(), utcOffset);
    this.subscriptions = [
      // Registered before any view's listener (services are made first), so views read fresh schedules.
      tracker.onDidChange((change) => this.changed(change.roadmap.id)),
      store.onDidChange((ids) => ids.forEach((id) => this.changed(id))),
    ];
  }

  planOf(roadmap: Roadmap): StudyPlan | undefined {
    return this.store.planOf(roadmap.id);
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
    const day = localDayOf(this.now(), this.utcOffset);
    if (day === this.day) return false;
    this.day = day;
    const ids = [...this.cache.keys()];
    this.cache.clear();
    for (const id of ids) this.emit(id);
    return true;
  }

  /** Fires with the roadmap id whose schedule may have changed. */
  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.listeners.clear();
  }

  private cached(roadmap: Roadmap): Cached | undefined {
    const plan = this.store.planOf(roadmap.id);
    if (!plan) return undefined;
    const hit = this.cache.get(roadmap.id);
    if (hit && hit.roadmap === roadmap) return hit;
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
    const entry: Cached = { roadmap, schedule: computed };
    this.cache.set(roadmap.id, entry);
    return entry;
  }

  private scheduleNow(roadmap: Roadmap, plan: StudyPlan): Schedule {
    return schedule(roadmap, plan, { stateOf: this.tracker.stateOf, finishedAt: this.finishedAt(roadmap.id), now: this.now(), utcOffset: this.utcOffset });
  }

  private changed(roadmapId: string): void {
    const had = this.cache.delete(roadmapId);
    if (had || this.store.planOf(roadmapId)) this.emit(roadmapId);
  }

  private emit(roadmapId: string | undefined): void {
    for (const listener of [...this.listeners]) listener(roadmapId);
  }
}

/** "on track", "2 days ahead", "3 days behind", or when the plan starts: the status bar's words. */
export function planStatusText(plan: StudyPlan, progress: PlanProgress, t: Translate = english): string {
  if (!progress.started) return t('plan starts {0}', plan.start);
  const days = Math.abs(progress.deltaDays);
  switch (progress.status) {
    case 'onTrack':
      return t('on track');
    case 'ahead':
      return days === 1 ? t('1 day ahead') : t('{0} days ahead', days);
    case 'behind':
      return days === 1 ? t('1 day behind') : t('{0} days behind', days);
  }
}

/** When each finished task was finished, from a roadmap's stored progress (ids as stored, former ones included). */
export function finishTimes(entries: ReadonlyMap<string, { readonly state: string; readonly changedAt: number }> | undefined): Map<string, number> {
  const result = new Map<string, number>();
  for (const [taskId, entry] of entries ?? []) if (entry.state === 'done' || entry.state === 'skipped') result.set(taskId, entry.changedAt);
  return result;
}
