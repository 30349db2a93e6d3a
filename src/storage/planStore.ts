/**
 * Study plans, one per roadmap, kept in `globalState` under one key as
 * `{ version, plans: { "<roadmap id>": <stored plan> } }` and synced with Settings Sync like progress.
 *
 * A plan for a roadmap that is not loaded is kept untouched. A stored plan that cannot be read is
 * ignored with one warning, and the whole stored value is kept aside before anything new is saved.
 */
import { isRecord } from '../model/ids';
import type { StudyPlan } from '../model/plan/planner';
import { parseStoredPlan, toStoredPlan } from './storedPlan';
import { english, type Translate, type Warn } from '../util/translate';
import { firstProblems, MementoLike, StorageKeys, StoredValue } from './memento';
import { Emitter, type Event } from '../util/event';

export const PLANS_VERSION = 1;

export class PlanStore {
  private plans: Map<string, StudyPlan> | undefined;
  private readonly changes = new Emitter<readonly string[]>();
  private readonly stored: StoredValue;

  constructor(
    memento: MementoLike,
    warn: Warn,
    private readonly now: () => number = Date.now,
    t: Translate = english,
  ) {
    this.stored = new StoredValue(memento, { value: StorageKeys.plans, backup: StorageKeys.plansBackup }, warn, t, now);
  }

  planOf(roadmapId: string): StudyPlan | undefined {
    return this.load().get(roadmapId);
  }

  /** Every stored plan, those of roadmaps not loaded now included. */
  all(): readonly StudyPlan[] {
    return [...this.load().values()];
  }

  async set(plan: StudyPlan): Promise<void> {
    await this.put([plan]);
  }

  /** Stores plans as they are (an import); one save for all of them. */
  async put(plans: readonly StudyPlan[]): Promise<void> {
    if (plans.length === 0) return;
    for (const plan of plans) this.load().set(plan.roadmapId, plan);
    await this.save(plans.map((p) => p.roadmapId));
  }

  /** Forgets a roadmap's plan; false when it had none. */
  async clear(roadmapId: string): Promise<boolean> {
    if (!this.load().delete(roadmapId)) return false;
    await this.save([roadmapId]);
    return true;
  }

  /** Fires with the roadmap ids whose plan was set or cleared. */
  readonly onDidChange: Event<readonly string[]> = this.changes.event;

  private load(): Map<string, StudyPlan> {
    this.plans ??= this.read();
    return this.plans;
  }

  private read(): Map<string, StudyPlan> {
    const result = new Map<string, StudyPlan>();
    const raw = this.stored.read();
    if (raw === undefined) return result;
    if (!isRecord(raw) || !isRecord(raw.plans)) {
      this.stored.refuse(raw, (t) => t('Saved study plans have an unexpected shape and were ignored. A copy is kept aside before anything new is saved.'));
      return result;
    }
    const problems: string[] = [];
    const now = this.now();
    for (const [roadmapId, value] of Object.entries(raw.plans)) {
      const parsed = parseStoredPlan(value, now);
      if (parsed.plan && parsed.plan.roadmapId === roadmapId) result.set(roadmapId, parsed.plan);
      else problems.push(`${roadmapId.slice(0, 80)}: ${parsed.reason ?? `the plan is for "${parsed.plan?.roadmapId}"`}`);
    }
    if (problems.length > 0) {
      this.stored.refuse(raw, (t) => t('Ignored {0} unreadable study plan(s): {1}. A copy of the original is kept aside.', problems.length, firstProblems(problems)));
    }
    return result;
  }

  private async save(changed: readonly string[]): Promise<void> {
    const plans = Object.fromEntries([...this.load()].map(([id, plan]) => [id, toStoredPlan(plan)]));
    await this.stored.save({ version: PLANS_VERSION, plans });
    this.changes.fire(changed);
  }
}
