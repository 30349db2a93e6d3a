/**
 * What review costs: due cards per day ahead, retention and reviews per day behind, the time a
 * card takes this learner, and the minutes of review a week the study plan sets aside. Days are
 * local days, as the queue's. Pure.
 */
import { DEFAULT_NEW_CARDS_PER_DAY, dayOf } from './queue';
import { ReviewLogEntry, StoredCard } from './types';

export const FORECAST_DAYS = 30;
/** Seconds a card is assumed to take until the learner has a review history. */
export const DEFAULT_SECONDS_PER_CARD = 20;
/** Bounds on the seconds per card learned from the log: a card left open over lunch counts as this. */
export const MIN_SECONDS_PER_CARD = 3;
export const MAX_SECONDS_PER_CARD = 120;
/** The latest ratings the seconds per card are learned from: the learner's pace now. */
export const PACE_SAMPLE = 500;

/** Where each of `days` local days from today's starts, and where the last ends: days + 1 times. */
function dayStarts(now: number, days: number): number[] {
  const starts = [dayOf(now).start];
  for (let d = 0; d < days; d++) starts.push(dayOf(starts[d]).end);
  return starts;
}

/** Which of the days of `starts` holds `time`, or -1. */
function dayIndex(starts: readonly number[], time: number): number {
  if (time < starts[0] || time >= starts[starts.length - 1]) return -1;
  let lo = 0;
  let hi = starts.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (time >= starts[mid]) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Scheduled (not new, not orphaned) cards due on each of the next `days` local days; today's count holds the overdue ones. */
export function dueForecast(cards: Readonly<Record<string, StoredCard>>, now: number, days = FORECAST_DAYS): number[] {
  const counts = new Array<number>(days).fill(0);
  if (days <= 0) return counts;
  const starts = dayStarts(now, days);
  for (const card of Object.values(cards)) {
    if (card.orphanedAt !== undefined || card.schedule.phase === 0) continue;
    const index = card.schedule.due < starts[0] ? 0 : dayIndex(starts, card.schedule.due);
    if (index >= 0) counts[index]++;
  }
  return counts;
}

/** The share of reviews in the last `days` days rated Hard, Good or Easy; undefined without reviews. */
export function retentionRate(log: readonly ReviewLogEntry[], now: number, days = FORECAST_DAYS): number | undefined {
  const since = now - days * 24 * 60 * 60 * 1000;
  let reviews = 0;
  let recalled = 0;
  for (const entry of log) {
    if (entry.at <= since || entry.at > now) continue;
    reviews++;
    if (entry.rating >= 2) recalled++;
  }
  return reviews === 0 ? undefined : recalled / reviews;
}

/** Reviews on each of the last `days` local days, oldest first, today last. */
export function reviewsPerDay(log: readonly ReviewLogEntry[], now: number, days = FORECAST_DAYS): number[] {
  const counts = new Array<number>(days).fill(0);
  if (days <= 0) return counts;
  let first = dayOf(now).start;
  for (let d = 1; d < days; d++) first = dayOf(first - 1).start;
  const starts = dayStarts(first, days);
  for (const entry of log) {
    const index = dayIndex(starts, entry.at);
    if (index >= 0) counts[index]++;
  }
  return counts;
}

/** The median time of the latest PACE_SAMPLE ratings, clamped; DEFAULT_SECONDS_PER_CARD without history. */
export function secondsPerCard(log: readonly ReviewLogEntry[]): number {
  const times = log
    .slice(-PACE_SAMPLE)
    .map((entry) => entry.elapsedMs)
    .filter((ms) => Number.isFinite(ms) && ms > 0)
    .sort((a, b) => a - b);
  if (times.length === 0) return DEFAULT_SECONDS_PER_CARD;
  const middle = times.length >> 1;
  const median = times.length % 2 === 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
  return Math.min(MAX_SECONDS_PER_CARD, Math.max(MIN_SECONDS_PER_CARD, median / 1000));
}

/**
 * Minutes of review a week, for the study plan: the cards due over the forecast's days, plus the
 * new cards the daily limit lets in over those days (each seen once more), as an average week at
 * this learner's pace, rounded up.
 */
export function weeklyReviewMinutes(cards: Readonly<Record<string, StoredCard>>, log: readonly ReviewLogEntry[], now: number, newPerDay = DEFAULT_NEW_CARDS_PER_DAY): number {
  const due = dueForecast(cards, now).reduce((sum, n) => sum + n, 0);
  let waiting = 0;
  for (const card of Object.values(cards)) if (card.orphanedAt === undefined && card.schedule.phase === 0) waiting++;
  const introduced = Math.min(waiting, Math.max(0, newPerDay) * FORECAST_DAYS);
  const cardsPerWeek = ((due + introduced) / FORECAST_DAYS) * 7;
  return Math.ceil((cardsPerWeek * secondsPerCard(log)) / 60);
}
