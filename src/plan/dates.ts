/**
 * Calendar dates for plans. Pure: no `vscode`.
 *
 * Plans work in local calendar dates (`YYYY-MM-DD`) counted as day numbers (days since
 * 1970-01-01), never in milliseconds, so a DST shift or a time zone cannot move a day: a week is
 * always seven day numbers. Instants (a task's finish time, "now") become dates in one place,
 * `localDayOf`, with the caller's UTC offset function.
 */

/** `YYYY-MM-DD`, a date on the learner's calendar. */
export type LocalDate = string;

/** Minutes east of UTC at an instant, e.g. `systemUtcOffset` or a fixed `() => 120` in tests. */
export type UtcOffset = (ms: number) => number;

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** Monday first, as ISO 8601 counts. */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The machine's offset, as `Date` knows it (DST included). */
export const systemUtcOffset: UtcOffset = (ms) => -new Date(ms).getTimezoneOffset();

/** The local day an instant falls on: the one conversion from milliseconds to the calendar. */
export function localDayOf(ms: number, utcOffset: UtcOffset): number {
  return Math.floor((ms + utcOffset(ms) * 60_000) / DAY_MS);
}

export function localDateOf(ms: number, utcOffset: UtcOffset): LocalDate {
  return dateOfDay(localDayOf(ms, utcOffset));
}

/** Whether text is a real date in `YYYY-MM-DD` form (no 2025-02-30), years 1970–9999. */
export function isLocalDate(text: unknown): text is LocalDate {
  if (typeof text !== 'string') return false;
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1970 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day number of a valid `YYYY-MM-DD` (check with `isLocalDate` first). */
export function dayOfDate(date: LocalDate): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`not a date in YYYY-MM-DD form: "${date}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

export function dateOfDay(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOfDay(dayOfDate(date) + days);
}

/** Monday is 0, Sunday 6. Day 0 (1970-01-01) was a Thursday. */
export function weekdayIndexOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function weekdayOf(day: number): Weekday {
  return WEEKDAYS[weekdayIndexOf(day)];
}
