/**
 * Scheduling, by the FSRS implementation of `ts-fsrs` with its default parameters: only the
 * desired retention is the learner's. States go in and out as plain JSON (ScheduleState), never as
 * the library's objects, so what is stored does not depend on the library's version. Pure.
 */
import { Rating, ScheduleState } from './types';

/** The share of cards the learner wants to still remember when they come due. */
export const DEFAULT_RETENTION = 0.9;

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

/** The schedule of a card never reviewed: due now. */
export function newCardState(now: number): ScheduleState {
  return { due: now, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, phase: 0 };
}

/** The state after rating the card `rating` at `now`. */
export function rate(state: ScheduleState, rating: Rating, now: number, retention = DEFAULT_RETENTION): Rated {
  void rating;
  void now;
  void retention;
  return { next: state, previous: state };
}

/** What each of the four ratings would do now, Again first. */
export function previewIntervals(state: ScheduleState, now: number, retention = DEFAULT_RETENTION): IntervalPreview[] {
  void state;
  void now;
  void retention;
  return [];
}

/** An interval as a short label: "45s", "10m", "3h", "1d", "2.1mo", "1.5y". */
export function intervalLabel(ms: number): string {
  void ms;
  return '';
}
