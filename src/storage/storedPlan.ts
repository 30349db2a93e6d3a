/**
 * A study plan as stored (globalState, synced with Settings Sync) and as written into export
 * files: `{ version, roadmapId, start, hoursPerWeek, studyDays, since }`. Reading one checks every
 * field, because synced or imported data may come from another version or be hand-edited.
 * Pure: no `vscode`.
 */
import { isId } from '../model/ids';
import { futureTimeMessage, isFutureTime } from './progressStore';
import { planProblem, StudyPlan } from '../model/plan/planner';
import { WEEKDAYS, Weekday } from '../model/plan/dates';

export const STORED_PLAN_VERSION = 1;

const FIELDS = ['version', 'roadmapId', 'start', 'hoursPerWeek', 'studyDays', 'since'] as const;

export interface StoredPlan extends StudyPlan {
  readonly version: number;
}

export type ParsedPlan = { readonly plan: StudyPlan; readonly reason?: undefined } | { readonly plan?: undefined; readonly reason: string };

export function toStoredPlan(plan: StudyPlan): StoredPlan {
  return { version: STORED_PLAN_VERSION, roadmapId: plan.roadmapId, start: plan.start, hoursPerWeek: plan.hoursPerWeek, studyDays: [...plan.studyDays], since: plan.since };
}

/**
 * A stored plan, or undefined with the reason it cannot be used. Never throws. `now` is the time
 * against which a plan made in the future is refused: the plan made later wins a merge, so such a
 * plan would replace every other, on every machine, for good.
 */
export function parseStoredPlan(value: unknown, now: number = Date.now()): ParsedPlan {
  const fail = (reason: string): ParsedPlan => ({ reason });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(`a plan is an object; got ${kindOf(value)}`);
  const record = value as Record<string, unknown>;
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail(`version: expected ${STORED_PLAN_VERSION}; got ${show(version)}`);
  if (version > STORED_PLAN_VERSION) return fail(`version: the plan was saved by a newer version of the extension (plan format ${version}; this one reads ${STORED_PLAN_VERSION})`);
  for (const key of Object.keys(record)) {
    if (!(FIELDS as readonly string[]).includes(key)) return fail(`unknown field ${JSON.stringify(key)}; a plan has ${FIELDS.join(', ')}`);
  }
  const { roadmapId, start, hoursPerWeek, studyDays, since } = record;
  if (!isId(roadmapId)) return fail(`roadmapId: expected a kebab-case roadmap id; got ${show(roadmapId)}`);
  if (typeof start !== 'string') return fail(`start: expected a date like 2025-03-01; got ${show(start)}`);
  if (typeof hoursPerWeek !== 'number') return fail(`hoursPerWeek: expected a number; got ${show(hoursPerWeek)}`);
  if (!Array.isArray(studyDays) || !studyDays.every((d): d is Weekday => typeof d === 'string' && (WEEKDAYS as readonly string[]).includes(d))) {
    return fail(`studyDays: expected a list of mon, tue, wed, thu, fri, sat, sun; got ${show(studyDays)}`);
  }
  if (typeof since !== 'number') return fail(`since: expected a time in milliseconds; got ${show(since)}`);
  if (isFutureTime(since, now)) return fail(`since: ${futureTimeMessage(since)}`);
  const plan: StudyPlan = { roadmapId, start, hoursPerWeek, studyDays: [...studyDays], since };
  const problem = planProblem(plan);
  return problem ? fail(problem) : { plan };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : typeof value;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
