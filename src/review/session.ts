/**
 * Review as the learner does it in this window: the stored state reconciled with the cards found
 * in the notes, today's queue (of the cards this window can show: those found here), rating the
 * card shown and undoing the last rating. Pure (no `vscode`): the feature gives it the store, the
 * card index, the clock, the settings and whether a task's state may be written.
 */
import { weeklyReviewMinutes } from '../model/review/forecast';
import { cardsFoundHere, newStoredCard, reconcileTasks } from '../model/review/identity';
import { buildQueue, type ReviewQueue } from '../model/review/queue';
import { newCardState, previewIntervals, type IntervalPreview } from '../model/review/schedule';
import { recordRating, undoRating, type RatingUndo } from '../model/review/state';
import type { Rating, ReviewState, StoredCard } from '../model/review/types';
import { Emitter, type Event } from '../util/event';
import type { ReviewStore } from '../storage/reviewStore';
import type { CardIndex, NoteCard } from './cardIndex';

export interface ReviewSettings {
  /** Desired retention, 0.7–0.99. */
  readonly retention: number;
  readonly newPerDay: number;
}

export interface SessionDeps {
  readonly store: Pick<ReviewStore, 'state' | 'set' | 'onDidChange'>;
  readonly index: CardIndex;
  readonly now: () => number;
  readonly settings: () => ReviewSettings;
  /** Whether the task's review state may be written now (not in a read-only roadmap in Restricted Mode). */
  readonly mayWrite: (taskKey: string) => boolean;
}

/** A rating's outcome, for the page to announce. */
export interface RatedCard {
  readonly cardId: string;
  readonly rating: Rating;
  /** When the card is due next. */
  readonly due: number;
}

/** Longest a card's time on screen counts for the log: the learner left it open. */
const MAX_ELAPSED_MS = 10 * 60 * 1000;

export class ReviewSession {
  private readonly changes = new Emitter<void>();
  /**
   * Fires when the queue or the cards may have changed: after every save of the store (a rating
   * here, an import elsewhere) and after a reconcile that saved nothing.
   */
  readonly onDidChange: Event<void> = this.changes.event;
  private readonly undos: RatingUndo[] = [];
  private shown: { cardId: string; at: number } | undefined;
  private readonly storeListener: { dispose(): void };
  /** Whether every task the notes name was reconciled once; after that, only tasks whose cards changed are. */
  private reconciledAll = false;

  constructor(private readonly deps: SessionDeps) {
    this.storeListener = deps.store.onDidChange(() => this.changes.fire());
  }

  /**
   * The stored cards after the notes were read: new cards added, edited ones kept, missing ones
   * orphaned. The first time, every task the notes name (orphans past their time dropped); then
   * only the tasks whose cards changed since. Saves only when that changed something.
   */
  async reconcile(): Promise<void> {
    const { store, index, now } = this.deps;
    const state = store.state();
    const changed = index.takeChangedTasks();
    // Only tasks that notes here name are judged: a card from a note in another workspace is not missing.
    const tasks = this.reconciledAll ? changed : index.seenTasks();
    this.reconciledAll = true;
    const found = index.all().map((c) => c.found);
    const result = reconcileTasks(state.cards, tasks, found, now());
    // A card back from orphanhood, or whose answer changed, is no entry in those lists but changed all the same.
    const moved = found.some((f) => {
      const before = Object.hasOwn(state.cards, f.id) ? state.cards[f.id] : undefined;
      return before !== undefined && tasks.has(before.taskKey) && tasks.has(f.taskKey) && (before.orphanedAt !== undefined || before.answerHash !== f.answerHash || before.taskKey !== f.taskKey);
    });
    if (!moved && result.added.length + result.renamed.length + result.orphaned.length + result.dropped.length === 0) {
      this.changes.fire();
      return;
    }
    const kept: Record<string, StoredCard> = {};
    for (const id of Object.keys(state.cards)) if (!tasks.has(state.cards[id].taskKey)) kept[id] = state.cards[id];
    await store.set({ ...state, cards: { ...kept, ...result.cards } });
  }

  /** The local day turned: today's queue differs though nothing was stored. */
  dayTurned(): void {
    this.changes.fire();
  }

  /** Today's queue, of the cards found in this window's notes. */
  queue(): ReviewQueue {
    const { now, settings } = this.deps;
    return buildQueue(this.state().cards, now(), settings().newPerDay);
  }

  /**
   * The review state as this window sees it: the cards found in its notes (as stored, or new) and
   * the whole log. What the forecast and the plan's review time count: the store also holds the
   * cards of other workspaces' notes (see `cardsFoundHere`).
   */
  state(): ReviewState {
    const { store, index, now } = this.deps;
    const stored = store.state();
    return { ...stored, cards: cardsFoundHere(stored.cards, index.all().map((c) => c.found), now()) };
  }

  /** Minutes a week the study plan sets aside for reviewing this window's cards, at this learner's pace. */
  weeklyReviewMinutes(): number {
    const { cards, log } = this.state();
    return weeklyReviewMinutes(cards, log, this.deps.now(), this.deps.settings().newPerDay);
  }

  /** Whether this window's notes hold any card. */
  hasCards(): boolean {
    return this.deps.index.all().length > 0;
  }

  /** A card found in this window's notes. */
  card(cardId: string): NoteCard | undefined {
    return this.deps.index.card(cardId);
  }

  /** What each rating would do to the card now. */
  previews(cardId: string): IntervalPreview[] {
    const { now, settings } = this.deps;
    return previewIntervals(this.storedOf(cardId)?.schedule ?? newCardState(now()), now(), settings().retention);
  }

  /** The page shows this card from now: its time on screen is logged with its rating. */
  showing(cardId: string): void {
    if (this.shown?.cardId !== cardId) this.shown = { cardId, at: this.deps.now() };
  }

  /** Rates a card found here; undefined when it is not, or its task may not be written. */
  async rate(cardId: string, rating: Rating): Promise<RatedCard | undefined> {
    const { store, index, now, settings, mayWrite } = this.deps;
    const found = index.card(cardId)?.found;
    if (!found || !mayWrite(found.taskKey)) return undefined;
    const at = now();
    const state = store.state();
    // A card first rated before the notes were reconciled is stored as it is found.
    const withCard = Object.hasOwn(state.cards, cardId) ? state : { ...state, cards: { ...state.cards, [cardId]: newStoredCard(found, at) } };
    const elapsedMs = this.shown?.cardId === cardId ? Math.min(Math.max(0, at - this.shown.at), MAX_ELAPSED_MS) : 0;
    const recorded = recordRating(withCard, cardId, rating, at, elapsedMs, settings().retention);
    if (!recorded) return undefined;
    await store.set(recorded.state);
    this.undos.push(recorded.undo);
    this.shown = undefined;
    return { cardId, rating, due: recorded.state.cards[cardId].schedule.due };
  }

  get canUndo(): boolean {
    return this.undos.length > 0;
  }

  /** Puts the last rating back as it was before; the card it names, or undefined when there was none. */
  async undo(): Promise<string | undefined> {
    const last = this.undos.pop();
    if (!last) return undefined;
    await this.deps.store.set(undoRating(this.deps.store.state(), last));
    return last.cardId;
  }

  private storedOf(cardId: string): StoredCard | undefined {
    return this.deps.store.state().cards[cardId];
  }

  dispose(): void {
    this.storeListener.dispose();
    this.changes.dispose();
  }
}
