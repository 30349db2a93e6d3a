/**
 * The stored review state: versioned, read back with validation that reports each problem and
 * keeps every valid card, and merged (an import, another machine's sync) card by card, the newest
 * review winning. Rating a card returns what undoes it. Pure.
 */
import { isRecord } from '../ids';
import { DEFAULT_RETENTION, rate } from './schedule';
import { Rating, REVIEW_STATE_VERSION, ReviewLogEntry, ReviewState, ScheduleState, scheduleState, StoredCard, storedCard } from './types';

/** Ratings kept in the log: about a year of daily review, small enough to sync. */
export const MAX_LOG_ENTRIES = 5_000;
/** A card id, as identity.ts makes them: 16 hex digits. */
const CARD_ID = /^[0-9a-f]{16}$/;
/** Problems listed one by one; past this, the rest are counted. */
const MAX_PROBLEMS_LISTED = 20;

export interface ParsedReviewState {
  readonly state: ReviewState;
  /** What was wrong and left out, one line each ("cards.ab12…: schedule.due is not a time"). */
  readonly problems: readonly string[];
  /** False when the value is not a review state this version can read at all (nothing was kept). */
  readonly readable: boolean;
}

/** What undoes one rating: the card as it was, and the log entry the rating added. */
export interface RatingUndo {
  readonly cardId: string;
  readonly previous: StoredCard;
  readonly entry: ReviewLogEntry;
}

export function emptyReviewState(): ReviewState {
  return { version: REVIEW_STATE_VERSION, cards: {}, log: [] };
}

/** A stored, imported or synced value read as a review state. */
export function parseReviewState(value: unknown): ParsedReviewState {
  if (value === undefined) return { state: emptyReviewState(), problems: [], readable: true };
  if (!isRecord(value)) return { state: emptyReviewState(), problems: ['the review state is not an object'], readable: false };
  if (value.version !== REVIEW_STATE_VERSION) {
    return { state: emptyReviewState(), problems: [`the review state's version is ${JSON.stringify(value.version)}; this version of the extension reads version ${REVIEW_STATE_VERSION}`], readable: false };
  }
  const problems: string[] = [];
  const cards: Record<string, StoredCard> = {};
  if (isRecord(value.cards)) {
    for (const [id, raw] of Object.entries(value.cards)) {
      const card = CARD_ID.test(id) ? readCard(raw) : 'the id is not 16 hex digits';
      if (typeof card === 'string') problems.push(`cards.${id.slice(0, 40)}: ${card}`);
      else cards[id] = card;
    }
  } else if (value.cards !== undefined) {
    problems.push('cards is not an object');
  }
  const log: ReviewLogEntry[] = [];
  if (Array.isArray(value.log)) {
    value.log.forEach((raw: unknown, index) => {
      const entry = readLogEntry(raw);
      if (typeof entry === 'string') problems.push(`log[${index}]: ${entry}`);
      else log.push(entry);
    });
  } else if (value.log !== undefined) {
    problems.push('log is not a list');
  }
  const listed = problems.length > MAX_PROBLEMS_LISTED ? [...problems.slice(0, MAX_PROBLEMS_LISTED), `and ${problems.length - MAX_PROBLEMS_LISTED} more`] : problems;
  return { state: { version: REVIEW_STATE_VERSION, cards, log: sortedCapped(log) }, problems: listed, readable: true };
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isReal = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/** A stored card, or what is wrong with it. */
function readCard(raw: unknown): StoredCard | string {
  if (!isRecord(raw)) return 'not an object';
  if (!isText(raw.taskKey, 200)) return 'taskKey is not a task key';
  if (!isText(raw.answerHash, 64)) return 'answerHash is not a hash';
  if (!isTime(raw.createdAt)) return 'createdAt is not a time';
  if (raw.introducedAt !== undefined && !isTime(raw.introducedAt)) return 'introducedAt is not a time';
  if (raw.orphanedAt !== undefined && !isTime(raw.orphanedAt)) return 'orphanedAt is not a time';
  const schedule = readSchedule(raw.schedule);
  if (typeof schedule === 'string') return `schedule${schedule}`;
  return storedCard({ taskKey: raw.taskKey, answerHash: raw.answerHash, schedule, createdAt: raw.createdAt, introducedAt: raw.introducedAt, orphanedAt: raw.orphanedAt });
}

function readSchedule(raw: unknown): ScheduleState | string {
  if (!isRecord(raw)) return ' is not an object';
  if (!isTime(raw.due)) return '.due is not a time';
  for (const field of ['stability', 'difficulty'] as const) if (!isReal(raw[field])) return `.${field} is not a number`;
  for (const field of ['scheduledDays', 'learningSteps', 'reps', 'lapses'] as const) if (!isCount(raw[field])) return `.${field} is not a count`;
  if (raw.phase !== 0 && raw.phase !== 1 && raw.phase !== 2 && raw.phase !== 3) return '.phase is not 0, 1, 2 or 3';
  if (raw.lastReview !== undefined && !isTime(raw.lastReview)) return '.lastReview is not a time';
  return scheduleState({
    due: raw.due,
    stability: raw.stability as number,
    difficulty: raw.difficulty as number,
    scheduledDays: raw.scheduledDays as number,
    learningSteps: raw.learningSteps as number,
    reps: raw.reps as number,
    lapses: raw.lapses as number,
    phase: raw.phase,
    lastReview: raw.lastReview,
  });
}

function readLogEntry(raw: unknown): ReviewLogEntry | string {
  if (!isRecord(raw)) return 'not an object';
  if (typeof raw.cardId !== 'string' || !CARD_ID.test(raw.cardId)) return 'cardId is not a card id';
  if (raw.rating !== 1 && raw.rating !== 2 && raw.rating !== 3 && raw.rating !== 4) return 'rating is not 1, 2, 3 or 4';
  if (!isTime(raw.at)) return 'at is not a time';
  if (!isTime(raw.elapsedMs)) return 'elapsedMs is not a duration';
  return { cardId: raw.cardId, rating: raw.rating, at: raw.at, elapsedMs: raw.elapsedMs };
}

/** When a card was last reviewed, for the merge: never reviewed counts as before any review. */
function reviewedAt(card: StoredCard): number {
  return card.schedule.lastReview ?? -1;
}

/** Of two versions of one card, the one reviewed last; on a tie, the one still in a note, then `a`. */
function newer(a: StoredCard, b: StoredCard): StoredCard {
  if (reviewedAt(a) !== reviewedAt(b)) return reviewedAt(a) > reviewedAt(b) ? a : b;
  if ((a.orphanedAt === undefined) !== (b.orphanedAt === undefined)) return a.orphanedAt === undefined ? a : b;
  return a;
}

/** Both states' cards, by id, the one reviewed last winning; both logs without duplicates, capped. */
export function mergeReviewStates(a: ReviewState, b: ReviewState): ReviewState {
  const cards: Record<string, StoredCard> = { ...a.cards };
  for (const [id, card] of Object.entries(b.cards)) cards[id] = Object.prototype.hasOwnProperty.call(cards, id) ? newer(cards[id], card) : card;
  const seen = new Set<string>();
  const log: ReviewLogEntry[] = [];
  for (const entry of [...a.log, ...b.log]) {
    const key = `${entry.cardId}\n${entry.at}\n${entry.rating}`;
    if (seen.has(key)) continue;
    seen.add(key);
    log.push(entry);
  }
  return { version: REVIEW_STATE_VERSION, cards, log: sortedCapped(log) };
}

/** The log oldest first, the oldest beyond MAX_LOG_ENTRIES left out. */
function sortedCapped(log: ReviewLogEntry[]): ReviewLogEntry[] {
  return log.sort((x, y) => x.at - y.at).slice(-MAX_LOG_ENTRIES);
}

/** The log with `entry` added, capped to MAX_LOG_ENTRIES (the oldest go). */
export function appendLog(log: readonly ReviewLogEntry[], entry: ReviewLogEntry): ReviewLogEntry[] {
  return [...log, entry].slice(-MAX_LOG_ENTRIES);
}

/**
 * The state after the learner rated card `cardId` at `now`, having looked at it `elapsedMs`, and
 * what undoes it; undefined for a card the state does not hold.
 */
export function recordRating(state: ReviewState, cardId: string, rating: Rating, now: number, elapsedMs: number, retention = DEFAULT_RETENTION): { readonly state: ReviewState; readonly undo: RatingUndo } | undefined {
  if (!Object.prototype.hasOwnProperty.call(state.cards, cardId)) return undefined;
  const previous = state.cards[cardId];
  const next = storedCard({ ...previous, schedule: rate(previous.schedule, rating, now, retention).next, introducedAt: previous.introducedAt ?? now });
  const entry: ReviewLogEntry = { cardId, rating, at: now, elapsedMs: Math.max(0, Math.round(elapsedMs)) };
  return { state: { version: REVIEW_STATE_VERSION, cards: { ...state.cards, [cardId]: next }, log: appendLog(state.log, entry) }, undo: { cardId, previous, entry } };
}

/** The state with a rating undone: the card as it was, the rating's log entry gone. */
export function undoRating(state: ReviewState, undo: RatingUndo): ReviewState {
  const at = state.log.lastIndexOf(undo.entry);
  const index = at >= 0 ? at : state.log.findIndex((e) => e.cardId === undo.entry.cardId && e.at === undo.entry.at && e.rating === undo.entry.rating);
  const log = index < 0 ? state.log : [...state.log.slice(0, index), ...state.log.slice(index + 1)];
  return { version: REVIEW_STATE_VERSION, cards: { ...state.cards, [undo.cardId]: undo.previous }, log };
}
