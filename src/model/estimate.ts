/**
 * Effort estimates as roadmap authors write them, and hours per week as roadmaps state them.
 * Pure: no `vscode`.
 *
 * - `estimate` (tasks, projects, modules and phases): a number of hours (`6`), or text: `"4h"`,
 *   `"4-6h"`, `"4–6 h"`, `"3 hours"`; on phases also weeks: `"2 weeks"`, `"1–2 weeks"`.
 * - `hoursPerWeek` (a roadmap): `10`, `"10-15"`, `"10–15 h/week"`, `"10-15 hours per week"`.
 *
 * Weeks stay weeks here (`unit: 'weeks'`): what a week is worth in hours is known only once a
 * roadmap's own hours per week, or else the learner's plan, is at hand. `toHours` converts.
 */
import type { Estimate, HoursRange } from './types';

export const MAX_ESTIMATE_HOURS = 10_000;
export const MAX_ESTIMATE_WEEKS = 520;
/** A week has 168 hours. */
export const MAX_HOURS_PER_WEEK = 168;

/** The objects an estimate may sit on; only phases may be estimated in weeks. */
export type EstimatedKind = 'task' | 'project' | 'module' | 'phase';

export const ESTIMATE_EXPECTED = 'expected hours like 4, "4-6h" or on a phase "1-2 weeks"';
export const HOURS_PER_WEEK_EXPECTED = 'expected hours per week like 10 or "10-15"';

export type Parsed<T> = { readonly value: T; readonly error?: undefined } | { readonly value?: undefined; readonly error: string };

const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
const DASH = String.raw`\s*[-–—]\s*`;
const HOUR_UNIT = String.raw`h|hrs?|hours?`;
const WEEK_UNIT = String.raw`w|wks?|weeks?`;
// Matched against trimmed text, so no run of spaces is next to another that could take the same
// spaces: `\s*(unit)?\s*$` tried every split of a long run of spaces, quadratic in its length.
const ESTIMATE_TEXT = new RegExp(String.raw`^${NUMBER}(?:${DASH}${NUMBER})?\s*(${HOUR_UNIT}|${WEEK_UNIT})?$`, 'i');
const HOURS_PER_WEEK_TEXT = new RegExp(String.raw`^${NUMBER}(?:${DASH}${NUMBER})?\s*(?:(?:${HOUR_UNIT})\s*(?:/\s*(?:w|wk|week)|per\s+week|a\s+week)?)?$`, 'i');
/** "10.5 – 15.5 hours per week" is 26 characters; text much longer than that is no estimate. */
export const MAX_ESTIMATE_TEXT_LENGTH = 50;
const TOO_LONG = `longer than ${MAX_ESTIMATE_TEXT_LENGTH} characters`;

/**
 * Parses an `estimate` value from a roadmap file. The error is the message without the key, as
 * the loader reports it after the path (`phases[0].estimate: expected hours like 4, …`).
 */
export function parseEstimate(value: unknown, kind: EstimatedKind): Parsed<Estimate> {
  const fail = (why?: string): Parsed<Estimate> => ({ error: `${ESTIMATE_EXPECTED}; got ${describeValue(value)}${why ? ` (${why})` : ''}` });
  let min: number;
  let max: number;
  let unit: Estimate['unit'] = 'hours';
  if (typeof value === 'number') {
    min = max = value;
  } else if (typeof value === 'string') {
    if (value.length > MAX_ESTIMATE_TEXT_LENGTH) return fail(TOO_LONG);
    const match = ESTIMATE_TEXT.exec(value.trim());
    if (!match) return fail();
    min = Number(match[1]);
    max = match[2] === undefined ? min : Number(match[2]);
    if (match[3] && /^w/i.test(match[3])) unit = 'weeks';
  } else {
    return fail();
  }
  if (unit === 'weeks' && kind !== 'phase') return fail(`weeks are for phases; give ${kind === 'module' ? 'a module' : `a ${kind}`} hours`);
  const limit = unit === 'weeks' ? MAX_ESTIMATE_WEEKS : MAX_ESTIMATE_HOURS;
  const problem = rangeProblem(min, max, limit, unit);
  return problem ? fail(problem) : { value: { min, max, unit } };
}

/** Parses a roadmap's `hoursPerWeek`. */
export function parseHoursPerWeek(value: unknown): Parsed<HoursRange> {
  const fail = (why?: string): Parsed<HoursRange> => ({ error: `${HOURS_PER_WEEK_EXPECTED}; got ${describeValue(value)}${why ? ` (${why})` : ''}` });
  let min: number;
  let max: number;
  if (typeof value === 'number') {
    min = max = value;
  } else if (typeof value === 'string') {
    if (value.length > MAX_ESTIMATE_TEXT_LENGTH) return fail(TOO_LONG);
    const match = HOURS_PER_WEEK_TEXT.exec(value.trim());
    if (!match) return fail();
    min = Number(match[1]);
    max = match[2] === undefined ? min : Number(match[2]);
  } else {
    return fail();
  }
  const problem = rangeProblem(min, max, MAX_HOURS_PER_WEEK, 'hours');
  return problem ? fail(problem) : { value: { min, max } };
}

/**
 * Reads a free-text `duration` ("1–2 weeks", "6 h") the way an `estimate` on a phase is read;
 * anything else ("Ongoing", "Week 4", "2–3 months") is no stated duration. Lenient on purpose:
 * `duration` is prose, and only `estimate` is validated.
 */
export function durationAsEstimate(duration: string | undefined): Estimate | undefined {
  return duration === undefined ? undefined : parseEstimate(duration, 'phase').value;
}

/** An estimate in hours: weeks at the given hours per week (low end × low end, high × high). */
export function toHours(estimate: Estimate, hoursPerWeek: HoursRange): HoursRange {
  return estimate.unit === 'hours' ? { min: estimate.min, max: estimate.max } : { min: estimate.min * hoursPerWeek.min, max: estimate.max * hoursPerWeek.max };
}

export function midpoint(range: HoursRange): number {
  return (range.min + range.max) / 2;
}

/** "4 h", "4–6 h", "1–2 weeks": an estimate as people read it. */
export function formatEstimate(estimate: Estimate): string {
  const span = estimate.min === estimate.max ? `${estimate.min}` : `${estimate.min}–${estimate.max}`;
  if (estimate.unit === 'hours') return `${span} h`;
  return `${span} ${estimate.max === 1 ? 'week' : 'weeks'}`;
}

function rangeProblem(min: number, max: number, limit: number, unit: Estimate['unit']): string | undefined {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return 'not a finite number';
  if (min <= 0) return 'it must be more than 0';
  if (max < min) return 'the smaller number comes first';
  if (max > limit) return `at most ${limit} ${unit}`;
  return undefined;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'an empty value';
  return Array.isArray(value) ? 'a list' : 'a mapping';
}
