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

/** The UTC day of an instant: where a day either way does not matter, and no offset is at hand. */
export function utcDayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
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
  // Civil date from a day number by arithmetic (H. Hinnant's days_from_civil, inverted): a plan
  // formats a date for most of its tasks, and this is several times faster than Date's toISOString.
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) return new Date(day * DAY_MS).toISOString().slice(0, 10);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The same date `years` later (29 February becomes 1 March in a common year). */
export function addYears(day: number, years: number): number {
  const [year, month, date] = dateOfDay(day).split('-').map(Number);
  return Date.UTC(year + years, month - 1, date) / DAY_MS;
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
