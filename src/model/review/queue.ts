/**
 * Today's review queue: the cards due (the most overdue first), then new cards (the first found
 * first) up to the daily limit less those already introduced today. A card in review is due on
 * the local day it falls due, as in Anki; a card in (re)learning, whose steps are minutes, only
 * once its time has come. Orphaned cards are never in it. Pure.
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
  const today = dayOf(now);
  const due: { readonly id: string; readonly at: number }[] = [];
  const fresh: { readonly id: string; readonly at: number }[] = [];
  let introducedToday = 0;
  // Keys, then lookups: cheaper than Object.entries on a state of thousands of cards.
  for (const id of Object.keys(cards)) {
    const card = cards[id];
    if (card.introducedAt !== undefined && card.introducedAt >= today.start && card.introducedAt < today.end) introducedToday++;
    if (card.orphanedAt !== undefined) continue;
    const { phase, due: dueAt } = card.schedule;
    if (phase === 0) fresh.push({ id, at: card.createdAt });
    else if (dueAt <= now || (phase === 2 && dueAt < today.end)) due.push({ id, at: dueAt });
  }
  const byTimeThenId = (a: { id: string; at: number }, b: { id: string; at: number }) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  due.sort(byTimeThenId);
  fresh.sort(byTimeThenId);
  const newToday = fresh.slice(0, Math.max(0, Math.floor(newPerDay) - introducedToday));
  return {
    cardIds: [...due, ...newToday].map((c) => c.id),
    counts: { due: due.length, new: newToday.length, total: due.length + newToday.length },
  };
}
