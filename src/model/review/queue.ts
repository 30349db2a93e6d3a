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
  // A day whose midnight the clocks skip starts at 01:00; the day after it still starts at midnight.
  end.setHours(0, 0, 0, 0);
  return { start: start.getTime(), end: end.getTime() };
}

/**
 * How long from `now` until the next local day begins, when today's queue changes by itself:
 * 23 or 25 hours' worth on a day the clocks change, and to the first moment of the next day where
 * its midnight does not exist (the clocks skip from 00:00 to 01:00).
 */
export function msUntilNextDay(now: number): number {
  return dayOf(now).end - now;
}

/** The queue at `now`. */
export function buildQueue(cards: Readonly<Record<string, StoredCard>>, now: number, newPerDay = DEFAULT_NEW_CARDS_PER_DAY): ReviewQueue {
  const today = dayOf(now);
  const due = { ids: [] as string[], times: [] as number[] };
  const fresh = { ids: [] as string[], times: [] as number[] };
  let introducedToday = 0;
  // Keys, then lookups: cheaper than Object.entries on a state of thousands of cards.
  for (const id of Object.keys(cards)) {
    const card = cards[id];
    if (card.introducedAt !== undefined && card.introducedAt >= today.start && card.introducedAt < today.end) introducedToday++;
    if (card.orphanedAt !== undefined) continue;
    const { phase, due: dueAt } = card.schedule;
    if (phase === 0) {
      fresh.ids.push(id);
      fresh.times.push(card.createdAt);
    } else if (dueAt <= now || (phase === 2 && dueAt < today.end)) {
      due.ids.push(id);
      due.times.push(dueAt);
    }
  }
  const dueIds = byTimeThenId(due.ids, due.times);
  const newToday = byTimeThenId(fresh.ids, fresh.times).slice(0, Math.max(0, Math.floor(newPerDay) - introducedToday));
  return {
    cardIds: dueIds.concat(newToday),
    counts: { due: dueIds.length, new: newToday.length, total: dueIds.length + newToday.length },
  };
}

/**
 * `ids` ordered by their `times` (parallel to them), then by id. Grouped by time and the groups
 * sorted natively (the times as numbers, each group's ids as strings), instead of one sort with a
 * comparator: thousands of cards rated on a few days share their times, and a comparator called
 * for every pair cost most of the queue's time.
 */
function byTimeThenId(ids: readonly string[], times: readonly number[]): string[] {
  const byTime = new Map<number, string[]>();
  for (let i = 0; i < ids.length; i++) {
    const group = byTime.get(times[i]);
    if (group === undefined) byTime.set(times[i], [ids[i]]);
    else group.push(ids[i]);
  }
  const ordered: string[] = [];
  for (const time of Float64Array.from(byTime.keys()).sort()) {
    // The default sort compares strings by UTF-16 code units, as `<` does.
    for (const id of byTime.get(time)!.sort()) ordered.push(id);
  }
  return ordered;
}
