/**
 * The progress export format, and reading it back. Pure.
 *
 * An import is validated whole before anything changes: one bad entry rejects the file, with the
 * line and column of the problem, and the user's progress stays as it was.
 */
import { Roadmap, TaskState, TASK_STATES, tasksOf } from '../model/types';
import { futureTimeMessage, isFutureTime, type TaskProgress } from '../storage/progressStore';
import { readVerified, type VerifiedEvidence } from '../storage/checkStore';
import type { StudyPlan } from '../model/plan/planner';
import { parseStoredPlan, StoredPlan, toStoredPlan } from '../storage/storedPlan';
import { isId, isRecord, MAX_ID_LENGTH, parseTaskKey } from '../model/ids';
import { mergeReviewStates, parseReviewState } from '../model/review/state';
import type { ReviewState } from '../model/review/types';

export const PROGRESS_FILE_FORMAT = 'ml-roadmaps-progress';
export const PROGRESS_FILE_VERSION = 1;
export const MAX_PROGRESS_FILE_BYTES = 5 * 1024 * 1024;

export interface ProgressFile {
  readonly format: typeof PROGRESS_FILE_FORMAT;
  readonly version: number;
  readonly exportedAt: string;
  /** roadmap id → task id → progress. Titles are for people reading the file; import ignores them. */
  readonly roadmaps: Record<string, { readonly title?: string; readonly tasks: Record<string, TaskProgress>; readonly verified?: Record<string, VerifiedEvidence> }>;
  /** Study plans by roadmap id; files written before plans existed have none. */
  readonly plans?: Record<string, StoredPlan>;
  /** Spaced review's cards and log, in the model's own versioned format; files written before review have none. */
  readonly review?: ReviewState;
}

export type ProgressEntries = ReadonlyMap<string, ReadonlyMap<string, TaskProgress>>;

export function buildProgressFile(entries: ProgressEntries, titles: ReadonlyMap<string, string>, now: Date, verified: VerifiedEntries = new Map()): ProgressFile {
  const roadmaps: ProgressFile['roadmaps'] = {};
  for (const [roadmapId, tasks] of [...entries].sort(([a], [b]) => a.localeCompare(b))) {
    if (tasks.size === 0) continue;
    roadmaps[roadmapId] = { title: titles.get(roadmapId), tasks: Object.fromEntries([...tasks].sort(([a], [b]) => a.localeCompare(b))), ...verifiedOf(verified.get(roadmapId), tasks) };
  }
  return { format: PROGRESS_FILE_FORMAT, version: PROGRESS_FILE_VERSION, exportedAt: now.toISOString(), roadmaps };
}

/** roadmap id → task id → the evidence that every check of the task's project passed. */
export type VerifiedEntries = ReadonlyMap<string, ReadonlyMap<string, VerifiedEvidence>>;

/** The evidence of the exported tasks, as an optional field: files without it import as before. */
function verifiedOf(evidence: ReadonlyMap<string, VerifiedEvidence> | undefined, tasks: ReadonlyMap<string, TaskProgress>): { verified?: Record<string, VerifiedEvidence> } {
  const kept = [...(evidence ?? [])].filter(([taskId]) => tasks.has(taskId)).sort(([a], [b]) => a.localeCompare(b));
  return kept.length > 0 ? { verified: Object.fromEntries(kept) } : {};
}

export type ParseResult = { readonly file: ProgressFile; readonly error?: undefined } | { readonly file?: undefined; readonly error: string };


/** Ids are checked by the model's own rule, so that nothing is imported that the stores would not keep. */
const NOT_A_TASK_ID = `not a task id (kebab-case, at most ${MAX_ID_LENGTH} characters)`;

/** `now` is the time against which changes from the future are refused. */
export function parseProgressFile(text: string, now: number = Date.now()): ParseResult {
  if (text.length > MAX_PROGRESS_FILE_BYTES) return { error: `the file is larger than ${MAX_PROGRESS_FILE_BYTES / 1024 / 1024} MB; it is not a progress export` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: jsonSyntaxError(text, (error as Error).message) };
  }
  const fail = (path: string, message: string): ParseResult => ({ error: `${path}: ${message}` });
  if (!isRecord(data)) return { error: 'expected a JSON object exported by ML Roadmaps' };
  if (data.format !== PROGRESS_FILE_FORMAT) return fail('format', `expected "${PROGRESS_FILE_FORMAT}"; this is not an ML Roadmaps progress export`);
  if (typeof data.version !== 'number' || !Number.isInteger(data.version)) return fail('version', 'expected a whole number');
  if (data.version < 1) return fail('version', `expected 1 or higher, found ${data.version}; versions start at 1`);
  if (data.version > PROGRESS_FILE_VERSION) return fail('version', `the file is version ${data.version}, newer than this extension reads (${PROGRESS_FILE_VERSION}); update the extension`);
  if (!isRecord(data.roadmaps)) return fail('roadmaps', 'expected an object of roadmaps');
  for (const [roadmapId, roadmap] of Object.entries(data.roadmaps)) {
    const at = `roadmaps.${roadmapId}`;
    if (!isId(roadmapId)) return fail(at, `not a roadmap id (kebab-case, at most ${MAX_ID_LENGTH} characters)`);
    if (!isRecord(roadmap) || !isRecord(roadmap.tasks)) return fail(`${at}.tasks`, 'expected an object of tasks');
    if (roadmap.title !== undefined && typeof roadmap.title !== 'string') return fail(`${at}.title`, 'expected text');
    if (roadmap.verified !== undefined && !isRecord(roadmap.verified)) return fail(`${at}.verified`, 'expected an object of tasks');
    for (const [taskId, evidence] of Object.entries(roadmap.verified ?? {})) {
      const evidenceAt = `${at}.verified.${taskId}`;
      if (!isId(taskId)) return fail(evidenceAt, NOT_A_TASK_ID);
      if (!readVerified(evidence)) return fail(evidenceAt, 'expected { "date", "passed", "total" } with passed ≤ total');
    }
    for (const [taskId, entry] of Object.entries(roadmap.tasks)) {
      const taskAt = `${at}.tasks.${taskId}`;
      if (!isId(taskId)) return fail(taskAt, NOT_A_TASK_ID);
      if (!isRecord(entry)) return fail(taskAt, 'expected { "state", "changedAt" }');
      if (!TASK_STATES.includes(entry.state as TaskState)) return fail(`${taskAt}.state`, `expected one of ${TASK_STATES.join(', ')}`);
      if (typeof entry.changedAt !== 'number' || !Number.isFinite(entry.changedAt) || entry.changedAt < 0) return fail(`${taskAt}.changedAt`, 'expected a time in milliseconds');
      // A time from the future would beat every later change, on every machine, for good.
      if (isFutureTime(entry.changedAt, now)) return fail(`${taskAt}.changedAt`, futureTimeMessage(entry.changedAt));
    }
  }
  const plansProblem = checkPlans(data.plans, now);
  if (plansProblem) return fail(plansProblem.path, plansProblem.message);
  // Like every other entry: one card or log entry that cannot be read rejects the file.
  const reviewProblem = data.review === undefined ? undefined : parseReviewState(data.review).problems[0];
  if (reviewProblem !== undefined) return fail('review', reviewProblem);
  return { file: data as unknown as ProgressFile };
}

export interface ImportChange {
  readonly roadmapId: string;
  /** The id progress is stored under: the task's current id when the file used a former one. */
  readonly taskId: string;
  readonly from: TaskState;
  readonly to: TaskState;
  readonly entry: TaskProgress;
  /** False when no loaded roadmap has the task; its progress is kept all the same. */
  readonly known: boolean;
}

/**
 * What importing would change. Merge by id: an imported entry wins only when it is newer than the
 * local one (on a tie the local state stays); a local "not started" counts with its time, so an
 * older file cannot undo it. Ids the roadmaps no longer have are imported too, so nothing in the
 * file is lost.
 */
export function planImport(file: ProgressFile, current: ProgressEntries, roadmaps: readonly Roadmap[]): ImportChange[] {
  const changes: ImportChange[] = [];
  for (const [roadmapId, { tasks }] of Object.entries(file.roadmaps)) {
    const roadmap = roadmaps.find((r) => r.id === roadmapId);
    const local = current.get(roadmapId) ?? new Map<string, TaskProgress>();
    // One entry per task: a file may hold a task under its current id and a former one, as
    // exports keep stale former-id entries. The newest wins; on a tie, the current id's.
    const newest = new Map<string, { entry: TaskProgress; known: boolean; current: boolean }>();
    for (const [fileTaskId, entry] of Object.entries(tasks)) {
      const task = roadmap?.taskIndex.get(fileTaskId);
      const taskId = task?.id ?? fileTaskId;
      const candidate = { entry, known: Boolean(task), current: taskId === fileTaskId };
      const seen = newest.get(taskId);
      if (!seen || entry.changedAt > seen.entry.changedAt || (entry.changedAt === seen.entry.changedAt && candidate.current && !seen.current)) newest.set(taskId, candidate);
    }
    for (const [taskId, { entry, known }] of newest) {
      const task = roadmap?.taskIndex.get(taskId);
      const mine = local.get(taskId) ?? task?.formerIds.map((f) => local.get(f)).find(Boolean);
      const from = mine?.state ?? 'notStarted';
      if (from === entry.state || (mine && mine.changedAt >= entry.changedAt)) continue;
      changes.push({ roadmapId, taskId, from, to: entry.state, entry: { state: entry.state, changedAt: entry.changedAt }, known });
    }
  }
  return changes;
}

export function summarizeImport(changes: readonly ImportChange[]): string {
  if (changes.length === 0) return 'Nothing to change: your progress already has everything in the file.';
  // Appends in place: copying a roadmap's list per change made a large import quadratic.
  const byRoadmap = new Map<string, ImportChange[]>();
  for (const change of changes) {
    const list = byRoadmap.get(change.roadmapId);
    if (list) list.push(change);
    else byRoadmap.set(change.roadmapId, [change]);
  }
  return [...byRoadmap]
    .map(([roadmapId, list]) => {
      const counts = TASK_STATES.map((s) => [s, list.filter((c) => c.to === s).length] as const).filter(([, n]) => n > 0);
      const unknown = list.filter((c) => !c.known).length;
      return `${roadmapId}: ${list.length} task(s) — ${counts.map(([s, n]) => `${n} → ${s}`).join(', ')}${unknown ? ` (${unknown} not in the current roadmap, kept)` : ''}`;
    })
    .join('\n');
}

/** A Markdown checklist of one roadmap, for sharing or printing. */
export function progressChecklist(roadmap: Roadmap, stateOf: (taskId: string) => TaskState): string {
  const mark: Record<TaskState, string> = { done: '[x]', skipped: '[x]', inProgress: '[ ] ▶', notStarted: '[ ]' };
  const lines = [`# ${roadmap.title}`, ''];
  for (const phase of roadmap.phases) {
    lines.push(`## ${phase.title}`, '');
    for (const module of phase.modules) {
      if (!module.implicit) lines.push(`### ${module.title}`, '');
      for (const task of module.tasks) {
        const state = stateOf(task.id);
        const title = state === 'skipped' ? `~~${task.title}~~ (skipped)` : task.title;
        lines.push(`- ${mark[state]} ${title}${task.kind === 'project' ? ' _(project)_' : ''}`);
      }
      lines.push('');
    }
  }
  const total = tasksOf(roadmap);
  const finished = total.filter((t) => ['done', 'skipped'].includes(stateOf(t.id))).length;
  lines.push(`_${finished} of ${total.length} tasks finished._`, '');
  return lines.join('\n');
}


/**
 * `not valid JSON at line L, column C: what was expected`. The parser's own message often has no
 * position ("Unexpected token", "Unexpected end of JSON input"), so a small scanner finds the first
 * offending character again; it runs only on text that already failed to parse.
 */
function jsonSyntaxError(text: string, parserMessage: string): string {
  const found = firstJsonError(text);
  const offset = found?.offset ?? Number(/position (\d+)/.exec(parserMessage)?.[1] ?? NaN);
  if (Number.isNaN(offset)) return `not valid JSON: ${parserMessage}`;
  const { line, column } = lineAndColumn(text, offset);
  return `not valid JSON at line ${line}, column ${column}: ${found?.message ?? parserMessage}`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** Reads the JSON string whose opening quote is at `start`: the offset after its closing quote, or what is wrong in it and where. */
function readJsonString(text: string, start: number): { end: number } | { offset: number; message: string } {
  let i = start + 1;
  for (;;) {
    if (i >= text.length) return { offset: text.length, message: 'expected a closing quote, found the end of the file' };
    const ch = text.charCodeAt(i);
    if (ch === 0x22) return { end: i + 1 };
    if (ch < 0x20) return { offset: i, message: 'a line break or control character inside a string; write it as an escape such as \\n' };
    if (ch === 0x5c) {
      JSON_ESCAPE.lastIndex = i;
      if (!JSON_ESCAPE.test(text)) return { offset: i, message: 'an invalid escape in a string' };
      i = JSON_ESCAPE.lastIndex;
    } else {
      i++;
    }
  }
}

/** The offset of the first character that makes `text` invalid JSON (RFC 8259), and why. Iterative. */
export function firstJsonError(text: string): { offset: number; message: string } | undefined {
  let i = 0;
  const closers: string[] = [];
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const found = () => (i >= text.length ? 'the end of the file' : JSON.stringify(text[i]));
  const error = (expected: string) => ({ offset: Math.min(i, text.length), message: `expected ${expected}, found ${found()}` });
  /** Reads a string at `i`, moving past it; returns an error or undefined. */
  const readString = () => {
    const read = readJsonString(text, i);
    if ('message' in read) return read;
    i = read.end;
    return undefined;
  };
  // The state between tokens: what may come next.
  let expect: 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'afterValue' = 'value';
  for (;;) {
    skipSpace();
    if (expect === 'afterValue') {
      const closer = closers[closers.length - 1];
      if (closer === undefined) return i < text.length ? error('the end of the file after the value') : undefined;
      if (text[i] === ',') {
        i++;
        expect = closer === '}' ? 'key' : 'value';
      } else if (text[i] === closer) {
        i++;
        closers.pop();
      } else {
        return error(`"," or "${closer}"`);
      }
    } else if (expect === 'key' || expect === 'keyOrClose') {
      if (expect === 'keyOrClose' && text[i] === '}') {
        i++;
        closers.pop();
        expect = 'afterValue';
        continue;
      }
      if (text[i] !== '"') return error(expect === 'key' ? 'a property name in double quotes' : 'a property name in double quotes or "}"');
      const bad = readString();
      if (bad) return bad;
      skipSpace();
      if (text[i] !== ':') return error('":" after the property name');
      i++;
      expect = 'value';
    } else {
      const ch = text[i];
      if (expect === 'valueOrClose' && ch === ']') {
        i++;
        closers.pop();
        expect = 'afterValue';
      } else if (ch === '{') {
        i++;
        closers.push('}');
        expect = 'keyOrClose';
      } else if (ch === '[') {
        i++;
        closers.push(']');
        expect = 'valueOrClose';
      } else if (ch === '"') {
        const bad = readString();
        if (bad) return bad;
        expect = 'afterValue';
      } else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        JSON_NUMBER.lastIndex = i;
        if (literal) i += literal.length;
        else if (JSON_NUMBER.test(text)) i = JSON_NUMBER.lastIndex;
        else return error('a value');
        expect = 'afterValue';
      }
    }
  }
}

// Study plans travel in the same file, beside the progress they are measured against.

/** The file with these plans in it. */
export function withPlans(file: ProgressFile, plans: readonly StudyPlan[]): ProgressFile {
  if (plans.length === 0) return file;
  const sorted = [...plans].sort((a, b) => a.roadmapId.localeCompare(b.roadmapId));
  return { ...file, plans: Object.fromEntries(sorted.map((p) => [p.roadmapId, toStoredPlan(p)])) };
}

/** The file's plans that importing would store: those for roadmaps with no plan here, or made later than the one here. */
export function planImportOfPlans(file: ProgressFile, current: (roadmapId: string) => StudyPlan | undefined, now: number = Date.now()): StudyPlan[] {
  const result: StudyPlan[] = [];
  for (const value of Object.values(file.plans ?? {})) {
    const { plan } = parseStoredPlan(value, now);
    if (!plan) continue;
    const mine = current(plan.roadmapId);
    if (!mine || plan.since > mine.since) result.push(plan);
  }
  return result;
}

function checkPlans(plans: unknown, now: number): { path: string; message: string } | undefined {
  if (plans === undefined) return undefined;
  if (!isRecord(plans)) return { path: 'plans', message: 'expected an object of study plans by roadmap id' };
  for (const [roadmapId, value] of Object.entries(plans)) {
    const parsed = parseStoredPlan(value, now);
    if (parsed.reason !== undefined) return { path: `plans.${roadmapId}`, message: parsed.reason };
    if (parsed.plan.roadmapId !== roadmapId) return { path: `plans.${roadmapId}.roadmapId`, message: `expected "${roadmapId}", the key it is stored under` };
  }
  return undefined;
}

/** The review state of the roadmaps exported (all of it when `roadmapIds` is undefined): their cards and those cards' log. */
export function withReview(file: ProgressFile, state: ReviewState, roadmapIds?: ReadonlySet<string>): ProgressFile {
  const inScope = (taskKey: string) => roadmapIds === undefined || roadmapIds.has(parseTaskKey(taskKey)?.roadmapId ?? '');
  const cards = Object.fromEntries(Object.entries(state.cards).filter(([, card]) => inScope(card.taskKey)));
  if (Object.keys(cards).length === 0) return file;
  const log = state.log.filter((entry) => Object.hasOwn(cards, entry.cardId));
  return { ...file, review: { version: state.version, cards, log } };
}

/** What importing the file's review state would store: the states merged by card (the newest review wins), and how many cards that changes. */
export function planImportOfReview(file: ProgressFile, local: ReviewState): { readonly merged: ReviewState; readonly changed: number } {
  if (file.review === undefined) return { merged: local, changed: 0 };
  const merged = mergeReviewStates(local, parseReviewState(file.review).state);
  const changed = Object.entries(merged.cards).filter(([id, card]) => !Object.hasOwn(local.cards, id) || JSON.stringify(local.cards[id]) !== JSON.stringify(card)).length;
  return { merged, changed };
}
