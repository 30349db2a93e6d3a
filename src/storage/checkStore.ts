/**
 * The results of each task's checks, in `globalState` (synced like progress) under one key as
 * `{ version, tasks: { "roadmap/task": { ranAt, total, checks: [...], verified? } } }`.
 *
 * A task's record keeps the last outcome of every check it declares (with its hint and what
 * happened), so a run of one check does not forget the others. When every check has passed the task
 * has **verified** evidence: when, how many, and a hash of the code that passed (see
 * `checks/codeHash.ts`). The evidence is bound to that code: when the project's code no longer
 * hashes the same the evidence is marked stale, and a later run that fails removes it. A corrupt
 * stored value is ignored entry by entry, with one warning, and kept aside before the first
 * overwrite, as progress is.
 *
 * Older records are read as they are: evidence without a hash is "unknown" (it passed, but which
 * code is not known), and old evidence marked stale by a failed run stays stale until a run.
 */
import { isRecord, parseTaskKey } from '../model/ids';
import { english, type Translate, type Warn } from '../util/translate';
import { MementoLike, StorageKeys, StoredValue } from './memento';
import { Emitter, type Event } from '../util/event';

export const CHECKS_VERSION = 1;

export type CheckOutcome = 'passed' | 'failed' | 'error' | 'skipped';
const OUTCOMES: readonly string[] = ['passed', 'failed', 'error', 'skipped'];

/** A line of a project's file: `file` relative to the project, with `/`; `line` 1-based. */
export interface SourceLine {
  readonly file: string;
  readonly line: number;
  /** The function the line is in, when the traceback named it. */
  readonly function?: string;
}

/** What actually happened when a check failed, beside its hint (see `checks/failure.ts`). */
export interface FailureFacts {
  /** The check's own sentence about what it saw: "the filled ages are [35.0, 35.0], not …". */
  readonly said?: string;
  /** What the learner's code raised: `KeyError: 'x'`. */
  readonly raised?: string;
  /** The deepest line of the learner's own code in the traceback. */
  readonly where?: SourceLine;
}

export interface CheckRecord {
  /** The check's id in its scaffold. */
  readonly id: string;
  /** Its title when it ran, so pages can show it without reading the scaffold. */
  readonly title: string;
  readonly outcome: CheckOutcome;
  /** What to do next; empty when it passed. */
  readonly hint: string;
  /** What happened, when it did not pass and pytest said more than the hint. */
  readonly facts?: FailureFacts;
  /** Epoch milliseconds of the run that gave this outcome. */
  readonly at: number;
}

/** Evidence that every check of a task passed. */
export interface VerifiedEvidence {
  /** ISO 8601 time of the run in which the last check passed. */
  readonly date: string;
  readonly passed: number;
  readonly total: number;
  /**
   * No longer current: the project's code has changed since (or, in records written before code
   * hashes, a later run failed). Cleared when the code hashes the same again.
   */
  readonly stale?: boolean;
  /** The hash of the project's code the checks passed on; absent in older records. */
  readonly codeHash?: string;
  /** The run was in CI, on this commit (read from the project's CI results, not run here). */
  readonly ci?: { readonly commit: string };
}

/**
 * What a task's evidence means now: `verified` (every check passed on the code as it is), `stale`
 * (the code changed since), `unknown` (it passed, but the record does not say on which code),
 * `ci` (every check passed in CI on a commit).
 */
export type EvidenceState = 'verified' | 'stale' | 'unknown' | 'ci';

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
  readonly facts?: FailureFacts;
}

/** How many of a task's checks pass now. */
export function passedCount(record: TaskChecks): number {
  return record.checks.filter((c) => c.outcome === 'passed').length;
}

/**
 * What the evidence of a record means now, or undefined when there is none to show. Never
 * `verified` beside a check that does not pass.
 */
export function evidenceState(record: TaskChecks | undefined): EvidenceState | undefined {
  const verified = record?.verified;
  if (!verified || record.checks.some((c) => c.outcome === 'failed' || c.outcome === 'error')) return undefined;
  if (verified.stale) return 'stale';
  if (verified.ci) return 'ci';
  return verified.codeHash === undefined ? 'unknown' : 'verified';
}

/**
 * The evidence in a sentence for a tooltip or a page, or undefined when there is none to show:
 * when it passed, and whether that still holds for the code as it is.
 */
export function evidenceText(record: TaskChecks | undefined, t: Translate = english): string | undefined {
  const state = evidenceState(record);
  const verified = record?.verified;
  if (!state || !verified) return undefined;
  const date = verified.date.slice(0, 10);
  if (state === 'verified') return t('Verified on {0}: {1}/{2} checks passed.', date, verified.passed, verified.total);
  if (state === 'ci' && verified.ci) return t('Verified in CI at {0} on {1}: {2}/{3} checks passed.', shortCommit(verified.ci.commit), date, verified.passed, verified.total);
  if (state === 'unknown') {
    return t('Verified on {0} ({1}/{2} checks passed) by an earlier version that did not record which code passed. Run Checks to tie the evidence to your code.', date, verified.passed, verified.total);
  }
  return verified.codeHash === undefined
    ? t('Verified on {0} ({1}/{2} checks passed); a later run failed.', date, verified.passed, verified.total)
    : t('Verified on {0} ({1}/{2} checks passed), but the code has changed since. Run Checks to verify it again.', date, verified.passed, verified.total);
}

/** A commit as people quote it: its first seven hex digits. */
export function shortCommit(commit: string): string {
  return commit.slice(0, 7);
}

/** The stale flag of a task's evidence set or cleared (only evidence with a hash can be compared). */
export function withCodeChanged(record: TaskChecks, changed: boolean): TaskChecks {
  const verified = record.verified;
  if (!verified?.codeHash || Boolean(verified.stale) === changed) return record;
  const { stale: _old, ...rest } = verified;
  return { ...record, verified: changed ? { ...rest, stale: true } : rest };
}

/**
 * A task's record after a run. `declared` are the scaffold's checks now (id, title), in order;
 * `results` the outcomes of the checks that ran; `codeHash` the hash of the code they ran on;
 * `notVerified` when the check files differ from the project's check lock.
 * Checks the scaffold no longer declares are dropped; ones that did not run keep their last
 * outcome. A run that fails removes the verified evidence at once.
 */
export function recordRun(
  previous: TaskChecks | undefined,
  declared: readonly { id: string; title: string }[],
  results: readonly RunOutcome[],
  now: number,
  codeHash?: string,
  notVerified?: boolean,
): TaskChecks {
  const ran = new Map(results.map((r) => [r.id, r] as const));
  const before = new Map((previous?.checks ?? []).map((c) => [c.id, c] as const));
  const checks: CheckRecord[] = [];
  for (const { id, title } of declared) {
    const result = ran.get(id);
    const old = before.get(id);
    if (result) {
      const facts = result.outcome === 'passed' ? undefined : boundedFacts(result.facts);
      checks.push({ id, title, outcome: result.outcome, hint: result.outcome === 'passed' ? '' : result.hint, ...(facts ? { facts } : {}), at: now });
    } else if (old) checks.push({ ...old, title });
  }
  const total = declared.length;
  const passed = checks.filter((c) => c.outcome === 'passed').length;
  const failedNow = results.some((r) => ran.has(r.id) && r.outcome !== 'passed' && r.outcome !== 'skipped');
  let verified = previous?.verified;
  // A run on check files that differ from the lock is no evidence, and none is kept beside it.
  if (notVerified) verified = undefined;
  else if (total > 0 && passed === total && results.length > 0) verified = { date: new Date(now).toISOString(), passed, total, ...(codeHash ? { codeHash } : {}) };
  else if (failedNow) verified = undefined;
  return { ranAt: now, total, checks, ...(verified ? { verified } : {}) };
}

/** A task's record from a CI run in which every declared check passed on `commit` at `date`. */
export function recordCiRun(declared: readonly { id: string; title: string }[], commit: string, date: string, now: number): TaskChecks {
  const at = Number.isNaN(Date.parse(date)) ? now : Date.parse(date);
  const checks: CheckRecord[] = declared.map(({ id, title }) => ({ id, title, outcome: 'passed', hint: '', at }));
  return { ranAt: at, total: declared.length, checks, verified: { date, passed: declared.length, total: declared.length, ci: { commit } } };
}

export class CheckStore {
  private tasks: Map<string, TaskChecks> | undefined;
  private readonly changes = new Emitter<string>();
  private readonly stored: StoredValue;

  constructor(
    memento: MementoLike,
    warn: Warn,
    private readonly now: () => number = Date.now,
    t: Translate = english,
  ) {
    this.stored = new StoredValue(memento, { value: StorageKeys.checks, backup: StorageKeys.checksBackup }, warn, t, now);
  }

  get(key: string): TaskChecks | undefined {
    return this.load().get(key);
  }

  /** Every task key with its record. */
  all(): ReadonlyMap<string, TaskChecks> {
    return this.load();
  }

  /**
   * Records a run of some of a task's checks on code that hashes to `codeHash` (`notVerified`: on
   * check files that differ from their lock); returns the task's new record.
   */
  async record(key: string, declared: readonly { id: string; title: string }[], results: readonly RunOutcome[], codeHash?: string, notVerified?: boolean): Promise<TaskChecks> {
    const next = recordRun(this.load().get(key), declared, results, this.now(), codeHash, notVerified);
    this.load().set(key, next);
    await this.save(key);
    return next;
  }

  /**
   * Marks a task's evidence stale when its project's code has changed since it passed, or current
   * again when the code is back as it was. Saves (and tells listeners) only when that changes.
   */
  async setCodeChanged(key: string, changed: boolean): Promise<void> {
    const record = this.load().get(key);
    if (!record) return;
    const next = withCodeChanged(record, changed);
    if (next === record) return;
    this.load().set(key, next);
    await this.save(key);
  }

  /**
   * Records that every check of a task passed in CI on `commit` at `date` (ISO 8601), as the
   * project's CI results say once the editor has checked them against the lock.
   */
  async recordCi(key: string, declared: readonly { id: string; title: string }[], commit: string, date: string): Promise<TaskChecks> {
    const next = recordCiRun(declared, commit, date, this.now());
    this.load().set(key, next);
    await this.save(key);
    return next;
  }

  readonly onDidChange: Event<string> = this.changes.event;

  private load(): Map<string, TaskChecks> {
    this.tasks ??= this.read();
    return this.tasks;
  }

  private read(): Map<string, TaskChecks> {
    const result = new Map<string, TaskChecks>();
    const raw = this.stored.read();
    if (raw === undefined) return result;
    if (!isRecord(raw) || !isRecord(raw.tasks)) {
      this.stored.refuse(raw, (t) => t('Saved check results have an unexpected shape and were ignored. A copy is kept aside before anything new is saved.'));
      return result;
    }
    let skipped = 0;
    for (const [key, value] of Object.entries(raw.tasks)) {
      const entry = parseTaskKey(key) ? readTaskChecks(value) : undefined;
      if (entry) result.set(key, entry);
      else skipped++;
    }
    if (skipped > 0) {
      this.stored.refuse(raw, (t) => t('Ignored {0} unreadable saved check result(s). A copy of the original is kept aside.', skipped));
    }
    return result;
  }

  private async save(changedKey: string): Promise<void> {
    await this.stored.save({ version: CHECKS_VERSION, tasks: Object.fromEntries(this.load()) });
    this.changes.fire(changedKey);
  }
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Verified evidence as stored or exported; undefined when it is not that shape. */
export function readVerified(value: unknown): VerifiedEvidence | undefined {
  if (!isRecord(value) || typeof value.date !== 'string' || Number.isNaN(Date.parse(value.date))) return undefined;
  if (!isCount(value.passed) || !isCount(value.total) || value.passed > value.total) return undefined;
  if (value.stale !== undefined && typeof value.stale !== 'boolean') return undefined;
  if (value.codeHash !== undefined && !isCodeHash(value.codeHash)) return undefined;
  const ci = value.ci === undefined ? undefined : isRecord(value.ci) && isCommit(value.ci.commit) ? { commit: value.ci.commit } : null;
  if (ci === null) return undefined;
  return {
    date: value.date,
    passed: value.passed,
    total: value.total,
    ...(value.stale ? { stale: true } : {}),
    ...(value.codeHash !== undefined ? { codeHash: value.codeHash } : {}),
    ...(ci ? { ci } : {}),
  };
}

/** A git commit id: 7 to 64 lowercase hex digits (SHA-1 or SHA-256, maybe abbreviated). */
export function isCommit(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{7,64}$/.test(value);
}

/** A hash as `codeHash.ts` writes it: `sha256:` and 64 hex digits. */
function isCodeHash(value: unknown): value is string {
  return typeof value === 'string' && /^sha256:[0-9a-f]{64}$/.test(value);
}

/** What is kept of a failure's facts: strings of bounded length, a sane line. */
const MAX_FACT_CHARS = 1000;

function boundedFacts(value: unknown): FailureFacts | undefined {
  if (!isRecord(value)) return undefined;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v.slice(0, MAX_FACT_CHARS) : undefined);
  const said = text(value.said);
  const raised = text(value.raised);
  const w = value.where;
  const where =
    isRecord(w) && typeof w.file === 'string' && w.file !== '' && typeof w.line === 'number' && Number.isInteger(w.line) && w.line >= 1
      ? { file: w.file.slice(0, MAX_FACT_CHARS), line: w.line, ...(text(w.function) ? { function: text(w.function)! } : {}) }
      : undefined;
  if (!said && !raised && !where) return undefined;
  return { ...(said ? { said } : {}), ...(raised ? { raised } : {}), ...(where ? { where } : {}) };
}

function readTaskChecks(value: unknown): TaskChecks | undefined {
  if (!isRecord(value) || !isTime(value.ranAt) || !isCount(value.total) || !Array.isArray(value.checks)) return undefined;
  const checks: CheckRecord[] = [];
  for (const c of value.checks as unknown[]) {
    if (!isRecord(c) || typeof c.id !== 'string' || typeof c.title !== 'string' || !OUTCOMES.includes(c.outcome as string) || typeof c.hint !== 'string' || !isTime(c.at)) return undefined;
    // Facts came later: a record without them is complete; unreadable facts are left out, not the record.
    const facts = c.facts === undefined ? undefined : boundedFacts(c.facts);
    checks.push({ id: c.id, title: c.title, outcome: c.outcome as CheckOutcome, hint: c.hint, ...(facts ? { facts } : {}), at: c.at });
  }
  const verified = value.verified === undefined ? undefined : readVerified(value.verified);
  if (value.verified !== undefined && !verified) return undefined;
  return { ranAt: value.ranAt, total: value.total, checks, ...(verified ? { verified } : {}) };
}
