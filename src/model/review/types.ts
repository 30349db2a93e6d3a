/**
 * The vocabulary of spaced review, shared by the parser, the scheduler, the queue, the stored
 * state and the forecast. Pure data: every time is epoch milliseconds, so a state can be stored
 * as JSON, synced and exported without the scheduling library's objects.
 */

/** How a card was written: `Q::A` / `Q:::A` (inline), `Q` / `?` / `A` (multiline), `==cloze==`, or a task's topic. */
export type CardKind = 'inline' | 'multiline' | 'cloze' | 'topic';

/** A learner's answer to a card, as Anki names them: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type Rating = 1 | 2 | 3 | 4;

export const RATINGS: readonly Rating[] = [1, 2, 3, 4];

/** FSRS's card phases: 0 new, 1 learning, 2 review, 3 relearning. */
export type SchedulePhase = 0 | 1 | 2 | 3;

/** Where a card stands in its schedule: the FSRS card, as plain JSON. */
export interface ScheduleState {
  /** When the card is next due. */
  readonly due: number;
  readonly stability: number;
  readonly difficulty: number;
  readonly scheduledDays: number;
  readonly learningSteps: number;
  readonly reps: number;
  readonly lapses: number;
  readonly phase: SchedulePhase;
  /** The last review; absent while the card is new. */
  readonly lastReview?: number;
}

/** What is kept of one card between sessions; the card's text lives in the note, not here. */
export interface StoredCard {
  /** The `<roadmap id>/<task id>` key of the task the card belongs to. */
  readonly taskKey: string;
  /** A hash of the card's normalised answer: how a card whose question was edited is found again. */
  readonly answerHash: string;
  readonly schedule: ScheduleState;
  /** When the card was first found. */
  readonly createdAt: number;
  /** When the card was first rated: counts against the daily limit of new cards. */
  readonly introducedAt?: number;
  /** When the card was last looked for and not found; absent while it is in a note. */
  readonly orphanedAt?: number;
}

/** One rating, as the review log keeps it. */
export interface ReviewLogEntry {
  readonly cardId: string;
  readonly rating: Rating;
  /** When the card was rated. */
  readonly at: number;
  /** How long the learner looked at the card before rating it. */
  readonly elapsedMs: number;
}

export const REVIEW_STATE_VERSION = 1;

/** Everything review stores: exported, imported and synced with progress. */
export interface ReviewState {
  readonly version: typeof REVIEW_STATE_VERSION;
  /** By card id. */
  readonly cards: Readonly<Record<string, StoredCard>>;
  /** Oldest first, capped. */
  readonly log: readonly ReviewLogEntry[];
}

/**
 * A schedule state with its fields always set in this order, the optional one last. Every stored
 * card and schedule is made by these two functions rather than by spreading another object: V8
 * gives objects made alike one hidden class, but an object spread from another and then given a
 * field gets a hidden class of its own, and a pass over thousands of those (the queue, the
 * forecast) misses its property caches on every card.
 */
export function scheduleState(fields: ScheduleState): ScheduleState {
  const state: { -readonly [K in keyof ScheduleState]: ScheduleState[K] } = {
    due: fields.due,
    stability: fields.stability,
    difficulty: fields.difficulty,
    scheduledDays: fields.scheduledDays,
    learningSteps: fields.learningSteps,
    reps: fields.reps,
    lapses: fields.lapses,
    phase: fields.phase,
  };
  if (fields.lastReview !== undefined) state.lastReview = fields.lastReview;
  return state;
}

/** A stored card with its fields always set in this order, the optional ones last (see `scheduleState`). */
export function storedCard(fields: StoredCard): StoredCard {
  const card: { -readonly [K in keyof StoredCard]: StoredCard[K] } = { taskKey: fields.taskKey, answerHash: fields.answerHash, schedule: fields.schedule, createdAt: fields.createdAt };
  if (fields.introducedAt !== undefined) card.introducedAt = fields.introducedAt;
  if (fields.orphanedAt !== undefined) card.orphanedAt = fields.orphanedAt;
  return card;
}
