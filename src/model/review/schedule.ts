/**
 * Scheduling, by the FSRS implementation of `ts-fsrs` with its default parameters (learning steps
 * of 1 and 10 minutes, no fuzz): only the desired retention is the learner's. States go in and out
 * as plain JSON (ScheduleState, times in epoch milliseconds), never as the library's objects, so
 * what is stored does not depend on the library's version. Pure.
 */
import { Card, fsrs, FSRS, Grade, generatorParameters } from 'ts-fsrs';
import { Rating, ScheduleState, SchedulePhase, scheduleState } from './types';

/** The share of cards the learner wants to still remember when they come due. */
export const DEFAULT_RETENTION = 0.9;
/** The retentions FSRS is meant for, as Anki allows them; a setting outside is brought within. */
export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.99;

/** One answer button: the rating, when the card would be due next, and that interval as a short label. */
export interface IntervalPreview {
  readonly rating: Rating;
  readonly due: number;
  readonly intervalMs: number;
  /** "10m", "1d", "3d", "2.1mo", "1.5y", as Anki shows them. */
  readonly label: string;
}

/** A rating's outcome: the next state, and the previous one, to restore on undo. */
export interface Rated {
  readonly next: ScheduleState;
  readonly previous: ScheduleState;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** One scheduler per retention: building one validates and copies its parameters. */
const schedulers = new Map<number, FSRS>();

function schedulerFor(retention: number): FSRS {
  const r = Number.isFinite(retention) ? Math.min(MAX_RETENTION, Math.max(MIN_RETENTION, retention)) : DEFAULT_RETENTION;
  let scheduler = schedulers.get(r);
  if (!scheduler) {
    scheduler = fsrs(generatorParameters({ request_retention: r }));
    schedulers.set(r, scheduler);
  }
  return scheduler;
}

/** The schedule of a card never reviewed: due now. */
export function newCardState(now: number): ScheduleState {
  return { due: now, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, phase: 0 };
}

function toLibrary(state: ScheduleState, now: number): Card {
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.lastReview === undefined ? 0 : Math.max(0, Math.floor((now - state.lastReview) / DAY_MS)),
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.phase,
    ...(state.lastReview === undefined ? {} : { last_review: new Date(state.lastReview) }),
  };
}

function fromLibrary(card: Card): ScheduleState {
  return scheduleState({
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    phase: card.state as number as SchedulePhase,
    lastReview: card.last_review ? card.last_review.getTime() : undefined,
  });
}

/** The state after rating the card `rating` at `now`. */
export function rate(state: ScheduleState, rating: Rating, now: number, retention = DEFAULT_RETENTION): Rated {
  const item = schedulerFor(retention).next(toLibrary(state, now), new Date(now), rating);
  return { next: fromLibrary(item.card), previous: state };
}

/** What each of the four ratings would do now, Again first. */
export function previewIntervals(state: ScheduleState, now: number, retention = DEFAULT_RETENTION): IntervalPreview[] {
  const preview = schedulerFor(retention).repeat(toLibrary(state, now), new Date(now));
  return ([1, 2, 3, 4] as const).map((rating) => {
    const due = preview[rating as number as Grade].card.due.getTime();
    const intervalMs = Math.max(0, due - now);
    return { rating, due, intervalMs, label: intervalLabel(intervalMs) };
  });
}

/** An interval as a short label, as Anki shows them: "45s", "10m", "3h", "1d", "2.1mo", "1.5y". */
export function intervalLabel(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const minutes = seconds / 60;
  if (minutes < 59.5) return `${Math.round(minutes)}m`;
  const hours = minutes / 60;
  if (hours < 23.5) return `${Math.round(hours)}h`;
  const days = hours / 24;
  if (days < 29.5) return `${Math.round(days)}d`;
  const months = days / 30;
  if (months < 11.95) return `${oneDecimal(months)}mo`;
  return `${oneDecimal(days / 365)}y`;
}

/** 2.1, 2 (not 2.0). */
function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}
