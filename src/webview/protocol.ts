/**
 * The messages between the pages (details, dashboard) and the extension, both ways, declared once
 * and read by `media/*.js` through JSDoc. Pages are untrusted: every message from one is checked by
 * `parsePageMessage`, whose rules are the same table the `PageMessage` type is derived from, so the
 * two cannot drift apart; then by the page's entry in `pages.ts`, which names the messages it accepts.
 */
import { isId, isRecord } from '../model/ids';
import { isTaskState, TaskState } from '../model/types';
import { isTaskActionId, TaskActionId } from './taskActions';
import { isClassColumn, MAX_FILTER_LENGTH } from '../model/classroom/table';
import type { ClassColumn } from '../model/classroom/table';
import type { BadClassFile, StuckTask } from '../model/classroom/aggregate';

/** A check of one field of a message; its type guard gives the field's type. */
type FieldCheck<T> = (value: unknown) => value is T;
type Checked<C> = C extends FieldCheck<infer T> ? T : never;

const MAX_HREF = 2000;

/** Only web and mail links leave the editor; anything else (command:, file:, javascript:) is refused. */
export function isSafeExternalLink(href: unknown): href is string {
  // `URL` forgives leading blanks and strips tabs and newlines that `vscode.Uri.parse` refuses:
  // accept only what both read the same way.
  if (typeof href !== 'string' || href.length > MAX_HREF || /[\s\p{Cc}]/u.test(href)) return false;
  try {
    const url = new URL(href);
    return (url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:') && (url.protocol === 'mailto:' || url.hostname !== '');
  } catch {
    return false;
  }
}

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isFilter = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_FILTER_LENGTH;
/** How many rows of the class table a page may ask for at once: more than any screen shows. */
export const MAX_CLASS_ROWS = 5000;
const isRowLimit = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_CLASS_ROWS;
/**
 * A review card's id as the page got it: short and plain. Which card it must be (the one the page
 * shows) is the review panel's check.
 */
export function isCardId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

/** A review rating: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type ReviewRating = 1 | 2 | 3 | 4;
export function isReviewRating(value: unknown): value is ReviewRating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** Every message a page may send: its type and the check of each field. Nothing else is accepted. */
const PAGE_MESSAGES = {
  ready: {},
  setState: { taskId: isId, state: isTaskState },
  openLink: { href: isSafeExternalLink },
  taskAction: { action: isTaskActionId, taskId: isId },
  continue: {},
  classView: { roadmapId: isId, sort: isClassColumn, descending: isBoolean, filter: isFilter, limit: isRowLimit },
  classCsv: { roadmapId: isId, sort: isClassColumn, descending: isBoolean, filter: isFilter },
  rateCard: { cardId: isCardId, rating: isReviewRating },
  undoRating: {},
  openCardModule: { cardId: isCardId },
  openCardNote: { cardId: isCardId },
} satisfies Record<string, Record<string, FieldCheck<unknown>>>;

type PageMessageTable = typeof PAGE_MESSAGES;
export type PageMessageType = keyof PageMessageTable;

/** A message from a page, as the table above accepts it. */
export type PageMessage = {
  [K in PageMessageType]: { readonly type: K } & { readonly [F in keyof PageMessageTable[K]]: Checked<PageMessageTable[K][F]> };
}[PageMessageType];

/** One kind of message from a page. */
export type PageMessageOf<T extends PageMessageType> = Extract<PageMessage, { readonly type: T }>;

/** The counts a page shows, as numbers: the page formats them. */
export interface PageCounts {
  readonly total: number;
  readonly done: number;
  readonly skipped: number;
  readonly inProgress: number;
  readonly notStarted: number;
}

/** One roadmap of a class, as the class page shows it above its table. */
export interface ClassRoadmapSummary {
  readonly id: string;
  readonly title: string;
  readonly phases: readonly string[];
  readonly learners: number;
  readonly stuck: readonly StuckTask[];
}

/** One learner's row in the class table, numbers as numbers: the page formats them. */
export interface ClassRowView {
  readonly handle: string;
  readonly file: string;
  readonly percent: number;
  readonly phases: readonly number[];
  readonly verified: number;
  readonly aheadBehindDays?: number;
  readonly pace?: number;
  /** ISO 8601 time of the last activity. */
  readonly lastActivity?: string;
}

/** The card the Review page shows, its text already rendered by the pages' safe Markdown renderer. */
export interface ReviewCardView {
  readonly id: string;
  /** HTML from the Markdown renderer (raw HTML in a note stays text). */
  readonly frontHtml: string;
  readonly backHtml: string;
  /** Where the card comes from, as plain text: "Roadmap › Module › Task". */
  readonly where: string;
  /** The next interval for Again, Hard, Good and Easy, as the buttons show it ("10m", "3d"). */
  readonly intervals: readonly [string, string, string, string];
  /** Whether the card comes from a note the page can open (topic cards have none of their own). */
  readonly hasNote: boolean;
}

/** What the Review page shows now: the card (none when nothing is due), the counts, and what to announce. */
export interface ReviewView {
  readonly card?: ReviewCardView;
  /** "3 due · 2 new", in the user's language. */
  readonly countsText: string;
  readonly canUndo: boolean;
  /** Said by the page's live region: the result of the last rating and the card now shown. */
  readonly announce: string;
}

/** Messages to a page. */
export type ExtensionMessage =
  /** New states of tasks on the page, and the page's new counts, without a reload. */
  | { readonly type: 'states'; readonly states: Readonly<Record<string, TaskState>>; readonly counts: PageCounts }
  /** The class as read from its folder: each roadmap's summary and the files that were not read. */
  | { readonly type: 'classData'; readonly roadmaps: readonly ClassRoadmapSummary[]; readonly bad: readonly BadClassFile[] }
  /** The rows of one roadmap's table the page asked for, in its order, and how many match in all. */
  | { readonly type: 'classRows'; readonly roadmapId: string; readonly sort: ClassColumn; readonly descending: boolean; readonly rows: readonly ClassRowView[]; readonly matching: number }
  /** The Review page's card and counts after a rating, an undo or a change of the notes. */
  | { readonly type: 'review'; readonly view: ReviewView };

/** Checks a message from a page against the table; undefined for anything that does not fit exactly. */
export function parsePageMessage(raw: unknown): PageMessage | undefined {
  if (!isRecord(raw) || typeof raw.type !== 'string' || !Object.hasOwn(PAGE_MESSAGES, raw.type)) return undefined;
  const fields: Record<string, FieldCheck<unknown>> = PAGE_MESSAGES[raw.type as PageMessageType];
  const keys = Object.keys(raw);
  if (keys.length !== Object.keys(fields).length + 1) return undefined;
  for (const key of keys) {
    if (key === 'type') continue;
    const check = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!check?.(raw[key])) return undefined;
  }
  return raw as PageMessage;
}

export type { TaskActionId };
