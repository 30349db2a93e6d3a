/**
 * The results of each task's checks, in `globalState` (synced like progress) under one key as
 * `{ version, tasks: { "roadmap/task": { ranAt, total, checks: [...], verified? } } }`.
 *
 * A task's record keeps the last outcome of every check it declares, so a run of one check does not
 * forget the others. When every check has passed the task has **verified** evidence (when, how many);
 * a later run that fails marks that evidence stale and keeps it. A corrupt stored value is ignored
 * entry by entry, with one warning, and kept aside before the first overwrite, as progress is.
 */
import { isRecord, parseTaskKey } from '../model/ids';
import { english, type Translate, type Warn } from '../util/translate';
import { keepAside, MementoLike, StorageKeys } from './memento';

export const CHECKS_VERSION = 1;

export type CheckOutcome = 'passed' | 'failed' | 'error' | 'skipped';
const OUTCOMES: readonly string[] = ['passed', 'failed', 'error', 'skipped'];

export interface CheckRecord {
  /** The check's id in its scaffold. */
  readonly id: string;
  /** Its title when it ran, so pages can show it without reading the scaffold. */
  readonly title: string;
  readonly outcome: CheckOutcome;
  /** What to do next; empty when it passed. */
  readonly hint: string;
  /** Epoch milliseconds of the run that gave this outcome. */
  readonly at: number;
}

/** Evidence that every check of a task passed. */
export interface VerifiedEvidence {
  /** ISO 8601 time of the run in which the last check passed. */
  readonly date: string;
  readonly passed: number;
  readonly total: number;
  /** A later run failed: the evidence is kept, but no longer current. */
  readonly stale?: boolean;
}

export interface TaskChecks {
  /** Epoch milliseconds of the last run. */
  readonly ranAt: number;
  /** How many checks the task's scaffold declared at the last run. */
  readonly total: number;
  /** The latest outcome of each check that ever ran, in the scaffold's order. */
  readonly checks: readonly CheckRecord[];
  readonly verified?: VerifiedEvidence;
}

export interface RunOutcome {
  readonly id: string;
  readonly outcome: CheckOutcome;
  readonly hint: string;
}

/** How many of a task's checks pass now. */
export function passedCount(record: TaskChecks): number {
  return record.checks.filter((c) => c.outcome === 'passed').length;
}

/**
 * A task's record after a run. `declared` are the scaffold's checks now (id, title), in order;
 * `results` the outcomes of the checks that ran. Checks the scaffold no longer declares are
 * dropped; ones that did not run keep their last outcome.
 */
export function recordRun(previous: TaskChecks | undefined, declared: readonly { id: string; title: string }[], results: readonly RunOutcome[], now: number): TaskChecks {
  const ran = new Map(results.map((r) => [r.id, r] as const));
  const before = new Map((previous?.checks ?? []).map((c) => [c.id, c] as const));
  const checks: CheckRecord[] = [];
  for (const { id, title } of declared) {
    const result = ran.get(id);
    const old = before.get(id);
    if (result) checks.push({ id, title, outcome: result.outcome, hint: result.outcome === 'passed' ? '' : result.hint, at: now });
    else if (old) checks.push({ ...old, title });
  }
  const total = declared.length;
  const passed = checks.filter((c) => c.outcome === 'passed').length;
  const failedNow = results.some((r) => ran.has(r.id) && r.outcome !== 'passed' && r.outcome !== 'skipped');
  let verified = previous?.verified;
  if (total > 0 && passed === total && results.length > 0) verified = { date: new Date(now).toISOString(), passed, total };
  else if (verified && failedNow) verified = { ...verified, stale: true };
  return { ranAt: now, total, checks, ...(verified ? { verified } : {}) };
}

export class CheckStore {
  private tasks: Map<string, TaskChecks> | undefined;
  private unreadable: unknown;
  private readonly listeners = new Set<(key: string) => void>();

  constructor(
    private readonly memento: MementoLike,
    private readonly warn: Warn,
    private readonly now: () => number = Date.now,
    private readonly t: Translate = english,
  ) {}

  get(key: string): TaskChecks | undefined {
    return this.load().get(key);
  }

  /** Every task key with its record. */
  all(): ReadonlyMap<string, TaskChecks> {
    return this.load();
  }

  /** Records a run of some of a task's checks; returns the task's new record. */
  async record(key: string, declared: readonly { id: string; title: string }[], results: readonly RunOutcome[]): Promise<TaskChecks> {
    const next = recordRun(this.load().get(key), declared, results, this.now());
    this.load().set(key, next);
    await this.save(key);
    return next;
  }

  onDidChange(listener: (key: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private load(): Map<string, TaskChecks> {
    this.tasks ??= this.read();
    return this.tasks;
  }

  private read(): Map<string, TaskChecks> {
    const result = new Map<string, TaskChecks>();
    const raw = this.memento.get<unknown>(StorageKeys.checks);
    if (raw === undefined || raw === null) return result;
    if (!isRecord(raw) || !isRecord(raw.tasks)) {
      this.unreadable = raw;
      this.report((t) => t('Saved check results have an unexpected shape and were ignored. A copy is kept aside before anything new is saved.'));
      return result;
    }
    let skipped = 0;
    for (const [key, value] of Object.entries(raw.tasks)) {
      const entry = parseTaskKey(key) ? readTaskChecks(value) : undefined;
      if (entry) result.set(key, entry);
      else skipped++;
    }
    if (skipped > 0) {
      this.unreadable = raw;
      this.report((t) => t('Ignored {0} unreadable saved check result(s). A copy of the original is kept aside.', skipped));
    }
    return result;
  }

  private report(say: (t: Translate) => string): void {
    this.warn(say(english), say(this.t));
  }

  private async save(changedKey: string): Promise<void> {
    if (this.unreadable !== undefined) {
      await keepAside(this.memento, StorageKeys.checksBackup, this.unreadable, this.now());
      this.unreadable = undefined;
    }
    await this.memento.update(StorageKeys.checks, { version: CHECKS_VERSION, tasks: Object.fromEntries(this.load()) });
    for (const listener of [...this.listeners]) listener(changedKey);
  }
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Verified evidence as stored or exported; undefined when it is not that shape. */
export function readVerified(value: unknown): VerifiedEvidence | undefined {
  if (!isRecord(value) || typeof value.date !== 'string' || Number.isNaN(Date.parse(value.date))) return undefined;
  if (!isCount(value.passed) || !isCount(value.total) || value.passed > value.total) return undefined;
  if (value.stale !== undefined && typeof value.stale !== 'boolean') return undefined;
  return { date: value.date, passed: value.passed, total: value.total, ...(value.stale ? { stale: true } : {}) };
}

function readTaskChecks(value: unknown): TaskChecks | undefined {
  if (!isRecord(value) || !isTime(value.ranAt) || !isCount(value.total) || !Array.isArray(value.checks)) return undefined;
  const checks: CheckRecord[] = [];
  for (const c of value.checks as unknown[]) {
    if (!isRecord(c) || typeof c.id !== 'string' || typeof c.title !== 'string' || !OUTCOMES.includes(c.outcome as string) || typeof c.hint !== 'string' || !isTime(c.at)) return undefined;
    checks.push({ id: c.id, title: c.title, outcome: c.outcome as CheckOutcome, hint: c.hint, at: c.at });
  }
  const verified = value.verified === undefined ? undefined : readVerified(value.verified);
  if (value.verified !== undefined && !verified) return undefined;
  return { ranAt: value.ranAt, total: value.total, checks, ...(verified ? { verified } : {}) };
}
