/**
 * The class table as people use it: sorted by a column, filtered by a handle, cut to the rows in
 * view, and exported as CSV in that same order. The columns' keys are named here and nowhere else.
 * Pure.
 */
import type { ClassRoadmapShape, LearnerRow } from './aggregate';

/** A column's key: a fixed column, or `phase-<index>` for a phase's done %. */
export type ClassColumn = 'learner' | 'done' | 'verified' | 'plan' | 'activity' | `phase-${number}`;
const FIXED_COLUMNS = ['learner', 'done', 'verified', 'plan', 'activity'] as const;
/** More phases than any roadmap has: bounds what a page may ask for. */
const MAX_PHASES = 999;

export function isClassColumn(value: unknown): value is ClassColumn {
  if (typeof value !== 'string') return false;
  if ((FIXED_COLUMNS as readonly string[]).includes(value)) return true;
  const phase = /^phase-(0|[1-9]\d{0,2})$/.exec(value);
  return phase !== null && Number(phase[1]) <= MAX_PHASES;
}

export interface ClassView {
  readonly sort: ClassColumn;
  readonly descending: boolean;
  /** Rows whose handle contains this, ignoring case; empty for every row. */
  readonly filter: string;
}

export const MAX_FILTER_LENGTH = 100;
export const DEFAULT_VIEW: ClassView = { sort: 'learner', descending: false, filter: '' };

const compareText = (a: string, b: string) => {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** The value a row is sorted by in a column; rows without one (no plan, no activity) go last either way. */
function sortValue(row: LearnerRow, column: ClassColumn, shape: ClassRoadmapShape): number | undefined {
  switch (column) {
    case 'learner':
      return 0;
    case 'done':
      return row.finished;
    case 'verified':
      return row.verified;
    case 'plan':
      return row.aheadBehindDays;
    case 'activity':
      return row.lastActivity;
    default: {
      const index = Number(column.slice('phase-'.length));
      const total = shape.phases[index]?.taskIds.length ?? 0;
      return total === 0 ? undefined : (row.phaseFinished[index] ?? 0) / total;
    }
  }
}

/** The rows the view shows, in its order; ties (and the learner column) by handle, then file. */
export function viewRows(rows: readonly LearnerRow[], view: ClassView, shape: ClassRoadmapShape): LearnerRow[] {
  const needle = view.filter.trim().toLowerCase();
  const kept = needle ? rows.filter((row) => row.handle.toLowerCase().includes(needle)) : [...rows];
  const direction = view.descending ? -1 : 1;
  const byName = (a: LearnerRow, b: LearnerRow) => compareText(a.handle, b.handle) || compareText(a.file, b.file);
  const keyed = kept.map((row) => ({ row, value: sortValue(row, view.sort, shape) }));
  keyed.sort((a, b) => {
    if (view.sort === 'learner') return direction * byName(a.row, b.row);
    if (a.value === undefined || b.value === undefined) return a.value === b.value ? byName(a.row, b.row) : a.value === undefined ? 1 : -1;
    return direction * (a.value - b.value) || byName(a.row, b.row);
  });
  return keyed.map((k) => k.row);
}

/** A phase's done % for a row, whole numbers toward zero. */
export function phasePercent(row: LearnerRow, shape: ClassRoadmapShape, index: number): number {
  const total = shape.phases[index]?.taskIds.length ?? 0;
  return total === 0 ? 0 : Math.floor(((row.phaseFinished[index] ?? 0) / total) * 100);
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. Text
 * starting with `=`, `+`, `-`, `@` (or a tab or carriage return) would be run as a formula by
 * spreadsheets; a leading `'` makes it plain text. Numbers are written as numbers.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header names of the CSV; `t` translates the fixed ones, phases keep their titles. */
export interface CsvHeadings {
  readonly learner: string;
  readonly file: string;
  readonly done: string;
  readonly verified: string;
  readonly aheadBehind: string;
  readonly pace: string;
  readonly activity: string;
}

/** The rows as CSV, CRLF line ends (RFC 4180): learner, file, done %, each phase's %, verified, plan, pace, last activity. */
export function classCsv(rows: readonly LearnerRow[], shape: ClassRoadmapShape, headings: CsvHeadings): string {
  const header = [headings.learner, headings.file, headings.done, ...shape.phases.map((p) => `${p.title} %`), headings.verified, headings.aheadBehind, headings.pace, headings.activity];
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) {
    const activity = row.lastActivity === undefined ? undefined : isoOrUndefined(row.lastActivity);
    lines.push(
      [row.handle, row.file, row.percent, ...shape.phases.map((_, i) => phasePercent(row, shape, i)), row.verified, row.aheadBehindDays, row.pace, activity].map(csvField).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function isoOrUndefined(ms: number): string | undefined {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
