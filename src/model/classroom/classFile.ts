/**
 * The class progress file: one learner's progress, small enough to commit to a class repository as
 * `class/<handle>.json`. It holds the handle the learner chose, task states with their times, the
 * tasks whose checks all passed and when, the number of failing checks of tasks not yet verified,
 * and the plan's pace — never notes, paths, titles or anything else. Pure.
 *
 * Files come from many people: each is read whole, checked field by field, and refused with a
 * reason (where, and what is wrong) if anything does not fit. Nothing in one is ever taken as HTML.
 */
import { isId, isRecord, isWindowsDeviceName, MAX_ID_LENGTH } from '../ids';
import { isTaskState, TaskState } from '../types';

export const CLASS_FILE_FORMAT = 'ml-roadmaps-class';
export const CLASS_FILE_VERSION = 1;
/** Five roadmaps of every task with every field take about 60 KB; more is not a class file. */
export const MAX_CLASS_FILE_BYTES = 256 * 1024;
export const MAX_HANDLE_LENGTH = 39;
/** Times a little ahead of the reader's clock are accepted, for machines whose clocks differ. */
const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;
const MAX_PACE = 168;
const MAX_AHEAD_BEHIND_DAYS = 3660;

export interface ClassTaskProgress {
  readonly state: TaskState;
  /** Epoch milliseconds of the last change. */
  readonly changedAt: number;
}

export interface ClassVerified {
  readonly taskId: string;
  /** ISO 8601 time of the run in which every check passed. */
  readonly at: string;
}

export interface ClassPlan {
  /** Planned hours per week. */
  readonly pace: number;
  /** The planned finish, a local date `YYYY-MM-DD`. */
  readonly finishBy?: string;
  /** Whole days ahead (positive) or behind (negative) the plan when the file was written. */
  readonly aheadBehindDays?: number;
}

export interface ClassRoadmapProgress {
  readonly id: string;
  readonly tasks: Readonly<Record<string, ClassTaskProgress>>;
  readonly verified: readonly ClassVerified[];
  /** Task id → checks that failed in the task's last run, for tasks not verified. */
  readonly failing?: Readonly<Record<string, number>>;
  readonly plan?: ClassPlan;
}

export interface ClassFile {
  readonly format: typeof CLASS_FILE_FORMAT;
  readonly version: typeof CLASS_FILE_VERSION;
  readonly handle: string;
  readonly exportedAt: string;
  readonly roadmaps: readonly ClassRoadmapProgress[];
}

const HANDLE_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;

/** Why a handle cannot be used (it names a file in `class/`), or undefined when it can. */
export function handleProblem(handle: string): string | undefined {
  if (handle.length === 0) return 'a handle is needed';
  if (handle.length > MAX_HANDLE_LENGTH) return `at most ${MAX_HANDLE_LENGTH} characters`;
  if (!HANDLE_PATTERN.test(handle)) return 'letters, digits, ".", "_" and "-" only, starting with a letter or digit and not ending with "." or "-"';
  if (isWindowsDeviceName(handle)) return `"${handle}" is a name Windows reserves for a device`;
  return undefined;
}

/** The file's name in the class repository's `class/` folder. */
export function classFileName(handle: string): string {
  return `${handle}.json`;
}

/** What one learner's roadmap progress is made from, as the stores hold it. */
export interface ClassRoadmapInput {
  readonly id: string;
  readonly tasks: ReadonlyMap<string, ClassTaskProgress>;
  /** Task id → ISO time of verified evidence that still holds. */
  readonly verified: ReadonlyMap<string, string>;
  readonly failing?: ReadonlyMap<string, number>;
  readonly plan?: ClassPlan;
}

/** The file for these roadmaps, sorted by id so the file changes only where the progress did. */
export function buildClassFile(handle: string, roadmaps: readonly ClassRoadmapInput[], now: Date): ClassFile {
  const byId = <T>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    format: CLASS_FILE_FORMAT,
    version: CLASS_FILE_VERSION,
    handle,
    exportedAt: now.toISOString(),
    roadmaps: [...roadmaps]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((r) => {
        const failing = byId(r.failing ?? []).filter(([taskId, count]) => count > 0 && !r.verified.has(taskId));
        return {
          id: r.id,
          tasks: Object.fromEntries(byId(r.tasks).map(([taskId, p]) => [taskId, { state: p.state, changedAt: p.changedAt }])),
          verified: byId(r.verified).map(([taskId, at]) => ({ taskId, at })),
          ...(failing.length > 0 ? { failing: Object.fromEntries(failing) } : {}),
          ...(r.plan ? { plan: r.plan } : {}),
        };
      }),
  };
}

export type ParsedClassFile = { readonly file: ClassFile; readonly reason?: undefined } | { readonly file?: undefined; readonly reason: string };

/** Thrown by the readers below and caught by `parseClassFile`: the first thing wrong, and where. */
class Refusal extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

function refuse(path: string, message: string): never {
  throw new Refusal(path, message);
}

function onlyKeys(value: Record<string, unknown>, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) refuse(path ? `${path}.${key}` : key, 'not part of a class file');
}

const isTimeMs = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isIsoTime = (v: unknown): v is string => typeof v === 'string' && v.length <= 40 && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));
const NOT_AN_ID = `not an id (kebab-case, at most ${MAX_ID_LENGTH} characters)`;

/**
 * Reads a class file; `fileName` is for the reason only. The reason says where (the field's path,
 * or the line and column of a JSON error) and what is wrong. `now` bounds times from the future.
 */
export function parseClassFile(text: string, fileName: string, now: number = Date.now()): ParsedClassFile {
  if (text.length > MAX_CLASS_FILE_BYTES) return { reason: `${fileName}: larger than ${MAX_CLASS_FILE_BYTES / 1024} KB; a class file is smaller` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { reason: `${fileName}: not valid JSON${jsonErrorPlace(text, (error as Error).message)}` };
  }
  try {
    return { file: readClassFile(data, now) };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { reason: `${fileName}: ${error.path ? `${error.path}: ` : ''}${error.message}` };
  }
}

function readClassFile(data: unknown, now: number): ClassFile {
  if (!isRecord(data)) refuse('', 'expected a JSON object written by Export Progress for a Class');
  if (data.format !== CLASS_FILE_FORMAT) refuse('format', `expected "${CLASS_FILE_FORMAT}"; this is not a class progress file`);
  if (data.version !== CLASS_FILE_VERSION) {
    const newer = typeof data.version === 'number' && data.version > CLASS_FILE_VERSION;
    refuse('version', newer ? `version ${String(data.version)} is newer than this extension reads (${CLASS_FILE_VERSION}); update the extension` : `expected ${CLASS_FILE_VERSION}`);
  }
  onlyKeys(data, '', ['format', 'version', 'handle', 'exportedAt', 'roadmaps']);
  if (typeof data.handle !== 'string') refuse('handle', 'expected text');
  const handleWrong = handleProblem(data.handle);
  if (handleWrong) refuse('handle', handleWrong);
  if (!isIsoTime(data.exportedAt)) refuse('exportedAt', 'expected an ISO 8601 time');
  if (!Array.isArray(data.roadmaps)) refuse('roadmaps', 'expected a list of roadmaps');
  const seen = new Set<string>();
  const roadmaps = (data.roadmaps as unknown[]).map((value, i) => {
    const roadmap = readRoadmap(value, `roadmaps[${i}]`, now);
    if (seen.has(roadmap.id)) refuse(`roadmaps[${i}].id`, `"${roadmap.id}" is listed twice`);
    seen.add(roadmap.id);
    return roadmap;
  });
  return { format: CLASS_FILE_FORMAT, version: CLASS_FILE_VERSION, handle: data.handle, exportedAt: data.exportedAt, roadmaps };
}

function readRoadmap(value: unknown, at: string, now: number): ClassRoadmapProgress {
  if (!isRecord(value)) refuse(at, 'expected { "id", "tasks", "verified" }');
  onlyKeys(value, at, ['id', 'tasks', 'verified', 'failing', 'plan']);
  if (!isId(value.id)) refuse(`${at}.id`, NOT_AN_ID);
  if (!isRecord(value.tasks)) refuse(`${at}.tasks`, 'expected an object of tasks');
  // Checked in place and kept as read: every key of every entry is known, so nothing else rides along.
  const tasks = value.tasks as Record<string, ClassTaskProgress>;
  for (const [taskId, entry] of Object.entries(tasks) as [string, unknown][]) {
    const taskAt = `${at}.tasks.${taskId}`;
    if (!isId(taskId)) refuse(taskAt, NOT_AN_ID);
    if (!isRecord(entry)) refuse(taskAt, 'expected { "state", "changedAt" }');
    for (const key in entry) if (key !== 'state' && key !== 'changedAt') refuse(`${taskAt}.${key}`, 'not part of a class file');
    if (!isTaskState(entry.state)) refuse(`${taskAt}.state`, 'expected notStarted, inProgress, done or skipped');
    if (!isTimeMs(entry.changedAt)) refuse(`${taskAt}.changedAt`, 'expected a time in milliseconds');
    if (entry.changedAt > now + MAX_CLOCK_SKEW_MS) refuse(`${taskAt}.changedAt`, 'in the future');
  }
  if (!Array.isArray(value.verified)) refuse(`${at}.verified`, 'expected a list of { "taskId", "at" }');
  const verified = (value.verified as unknown[]).map((v, i): ClassVerified => {
    const vAt = `${at}.verified[${i}]`;
    if (!isRecord(v)) refuse(vAt, 'expected { "taskId", "at" }');
    onlyKeys(v, vAt, ['taskId', 'at']);
    if (!isId(v.taskId)) refuse(`${vAt}.taskId`, NOT_AN_ID);
    if (!isIsoTime(v.at)) refuse(`${vAt}.at`, 'expected an ISO 8601 time');
    return { taskId: v.taskId, at: v.at };
  });
  const failing = value.failing === undefined ? undefined : readFailing(value.failing, `${at}.failing`);
  const plan = value.plan === undefined ? undefined : readPlan(value.plan, `${at}.plan`);
  return { id: value.id, tasks, verified, ...(failing ? { failing } : {}), ...(plan ? { plan } : {}) };
}

function readFailing(value: unknown, at: string): Record<string, number> {
  if (!isRecord(value)) refuse(at, 'expected an object of task ids and counts');
  const failing: Record<string, number> = {};
  for (const [taskId, count] of Object.entries(value)) {
    const countAt = `${at}.${taskId}`;
    if (!isId(taskId)) refuse(countAt, NOT_AN_ID);
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 10_000) refuse(countAt, 'expected a count of failing checks');
    failing[taskId] = count;
  }
  return failing;
}

function readPlan(value: unknown, at: string): ClassPlan {
  if (!isRecord(value)) refuse(at, 'expected { "pace", "finishBy", "aheadBehindDays" }');
  onlyKeys(value, at, ['pace', 'finishBy', 'aheadBehindDays']);
  if (typeof value.pace !== 'number' || !(value.pace > 0) || value.pace > MAX_PACE) refuse(`${at}.pace`, `expected hours per week, more than 0 and at most ${MAX_PACE}`);
  if (value.finishBy !== undefined && (typeof value.finishBy !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value.finishBy))) refuse(`${at}.finishBy`, 'expected a date YYYY-MM-DD');
  const days = value.aheadBehindDays;
  if (days !== undefined && (typeof days !== 'number' || !Number.isInteger(days) || Math.abs(days) > MAX_AHEAD_BEHIND_DAYS)) refuse(`${at}.aheadBehindDays`, 'expected whole days');
  return { pace: value.pace, ...(value.finishBy !== undefined ? { finishBy: value.finishBy } : {}), ...(days !== undefined ? { aheadBehindDays: days } : {}) };
}

/** ` at line L, column C` from the engine's message when it names a position; else nothing. */
function jsonErrorPlace(text: string, message: string): string {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return ` at line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/.exec(message);
  if (!position) return text.trim() === '' ? ' (the file is empty)' : '';
  const offset = Math.min(Number(position[1]), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return ` at line ${line}, column ${offset - lineStart + 1}`;
}
