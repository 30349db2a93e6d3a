/**
 * The progress export format, and reading it back. Pure.
 *
 * An import is validated whole before anything changes: one bad entry rejects the file, with the
 * line and column of the problem, and the user's progress stays as it was.
 */
import { Roadmap, TaskState, TASK_STATES, tasksOf } from '../model/types';
import type { TaskProgress } from './progressStore';
import type { StudyPlan } from '../plan/planner';
import { parseStoredPlan, StoredPlan, toStoredPlan } from '../plan/storedPlan';

export const PROGRESS_FILE_FORMAT = 'ml-roadmaps-progress';
export const PROGRESS_FILE_VERSION = 1;
export const MAX_PROGRESS_FILE_BYTES = 5 * 1024 * 1024;

export interface ProgressFile {
  readonly format: typeof PROGRESS_FILE_FORMAT;
  readonly version: number;
  readonly exportedAt: string;
  /** roadmap id → task id → progress. Titles are for people reading the file; import ignores them. */
  readonly roadmaps: Record<string, { readonly title?: string; readonly tasks: Record<string, TaskProgress> }>;
  /** Study plans by roadmap id; files written before plans existed have none. */
  readonly plans?: Record<string, StoredPlan>;
}

export type ProgressEntries = ReadonlyMap<string, ReadonlyMap<string, TaskProgress>>;

export function buildProgressFile(entries: ProgressEntries, titles: ReadonlyMap<string, string>, now: Date): ProgressFile {
  const roadmaps: ProgressFile['roadmaps'] = {};
  for (const [roadmapId, tasks] of [...entries].sort(([a], [b]) => a.localeCompare(b))) {
    if (tasks.size === 0) continue;
    roadmaps[roadmapId] = { title: titles.get(roadmapId), tasks: Object.fromEntries([...tasks].sort(([a], [b]) => a.localeCompare(b))) };
  }
  return { format: PROGRESS_FILE_FORMAT, version: PROGRESS_FILE_VERSION, exportedAt: now.toISOString(), roadmaps };
}

export type ParseResult = { readonly file: ProgressFile; readonly error?: undefined } | { readonly file?: undefined; readonly error: string };

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function parseProgressFile(text: string): ParseResult {
  if (text.length > MAX_PROGRESS_FILE_BYTES) return { error: `the file is larger than ${MAX_PROGRESS_FILE_BYTES / 1024 / 1024} MB; it is not a progress export` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON${jsonErrorPosition(text, (error as Error).message)}: ${(error as Error).message}` };
  }
  const fail = (path: string, message: string): ParseResult => ({ error: `${path}: ${message}` });
  if (!isRecord(data)) return { error: 'expected a JSON object exported by ML Roadmaps' };
  if (data.format !== PROGRESS_FILE_FORMAT) return fail('format', `expected "${PROGRESS_FILE_FORMAT}"; this is not an ML Roadmaps progress export`);
  if (typeof data.version !== 'number' || !Number.isInteger(data.version)) return fail('version', 'expected a whole number');
  if (data.version > PROGRESS_FILE_VERSION) return fail('version', `the file is version ${data.version}, newer than this extension reads (${PROGRESS_FILE_VERSION}); update the extension`);
  if (!isRecord(data.roadmaps)) return fail('roadmaps', 'expected an object of roadmaps');
  for (const [roadmapId, roadmap] of Object.entries(data.roadmaps)) {
    const at = `roadmaps.${roadmapId}`;
    if (!ID.test(roadmapId)) return fail(at, 'not a roadmap id (kebab-case)');
    if (!isRecord(roadmap) || !isRecord(roadmap.tasks)) return fail(`${at}.tasks`, 'expected an object of tasks');
    if (roadmap.title !== undefined && typeof roadmap.title !== 'string') return fail(`${at}.title`, 'expected text');
    for (const [taskId, entry] of Object.entries(roadmap.tasks)) {
      const taskAt = `${at}.tasks.${taskId}`;
      if (!ID.test(taskId)) return fail(taskAt, 'not a task id (kebab-case)');
      if (!isRecord(entry)) return fail(taskAt, 'expected { "state", "changedAt" }');
      if (!TASK_STATES.includes(entry.state as TaskState)) return fail(`${taskAt}.state`, `expected one of ${TASK_STATES.join(', ')}`);
      if (typeof entry.changedAt !== 'number' || !Number.isFinite(entry.changedAt) || entry.changedAt < 0) return fail(`${taskAt}.changedAt`, 'expected a time in milliseconds');
    }
  }
  const plansProblem = checkPlans(data.plans);
  if (plansProblem) return fail(plansProblem.path, plansProblem.message);
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
 * What importing would change. Merge by id: an imported entry wins unless the local one is newer;
 * ids the roadmaps no longer have are imported too, so nothing in the file is lost.
 */
export function planImport(file: ProgressFile, current: ProgressEntries, roadmaps: readonly Roadmap[]): ImportChange[] {
  const changes: ImportChange[] = [];
  for (const [roadmapId, { tasks }] of Object.entries(file.roadmaps)) {
    const roadmap = roadmaps.find((r) => r.id === roadmapId);
    const local = current.get(roadmapId) ?? new Map<string, TaskProgress>();
    for (const [fileTaskId, entry] of Object.entries(tasks)) {
      const task = roadmap?.taskIndex.get(fileTaskId);
      const taskId = task?.id ?? fileTaskId;
      const mine = local.get(taskId) ?? task?.formerIds.map((f) => local.get(f)).find(Boolean);
      const from = mine?.state ?? 'notStarted';
      if (from === entry.state || (mine && mine.changedAt > entry.changedAt)) continue;
      changes.push({ roadmapId, taskId, from, to: entry.state, entry: { state: entry.state, changedAt: entry.changedAt }, known: Boolean(task) });
    }
  }
  return changes;
}

export function summarizeImport(changes: readonly ImportChange[]): string {
  if (changes.length === 0) return 'Nothing to change: your progress already has everything in the file.';
  const byRoadmap = new Map<string, ImportChange[]>();
  for (const change of changes) byRoadmap.set(change.roadmapId, [...(byRoadmap.get(change.roadmapId) ?? []), change]);
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Node reports JSON errors by offset; people want line and column. */
function jsonErrorPosition(text: string, message: string): string {
  const match = /position (\d+)/.exec(message);
  if (!match) return '';
  const offset = Number(match[1]);
  const before = text.slice(0, offset).split('\n');
  return ` at line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

// Study plans travel in the same file, beside the progress they are measured against.

/** The file with these plans in it. */
export function withPlans(file: ProgressFile, plans: readonly StudyPlan[]): ProgressFile {
  if (plans.length === 0) return file;
  const sorted = [...plans].sort((a, b) => a.roadmapId.localeCompare(b.roadmapId));
  return { ...file, plans: Object.fromEntries(sorted.map((p) => [p.roadmapId, toStoredPlan(p)])) };
}

/** The file's plans that importing would store: those for roadmaps with no plan here, or made later than the one here. */
export function planImportOfPlans(file: ProgressFile, current: (roadmapId: string) => StudyPlan | undefined): StudyPlan[] {
  const result: StudyPlan[] = [];
  for (const value of Object.values(file.plans ?? {})) {
    const { plan } = parseStoredPlan(value);
    if (!plan) continue;
    const mine = current(plan.roadmapId);
    if (!mine || plan.since > mine.since) result.push(plan);
  }
  return result;
}

function checkPlans(plans: unknown): { path: string; message: string } | undefined {
  if (plans === undefined) return undefined;
  if (!isRecord(plans)) return { path: 'plans', message: 'expected an object of study plans by roadmap id' };
  for (const [roadmapId, value] of Object.entries(plans)) {
    const parsed = parseStoredPlan(value);
    if (parsed.reason !== undefined) return { path: `plans.${roadmapId}`, message: parsed.reason };
    if (parsed.plan.roadmapId !== roadmapId) return { path: `plans.${roadmapId}.roadmapId`, message: `expected "${roadmapId}", the key it is stored under` };
  }
  return undefined;
}
