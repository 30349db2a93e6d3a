/**
 * Spaced review's state, kept in `globalState` under one key as the model's versioned
 * `{ version, cards: { "<card id>": … }, log: [...] }` and synced with Settings Sync like progress.
 *
 * What is read is the model's to validate (`parseReviewState`): every valid card is kept, each
 * problem is reported in one warning, and the whole stored value is kept aside before anything new
 * is saved over it. Whether a change may be saved at all (Restricted Mode) is the caller's, as for
 * progress: the review feature asks the write policy first.
 */
import { emptyReviewState, parseReviewState } from '../model/review/state';
import type { ReviewState } from '../model/review/types';
import { english, type Translate, type Warn } from '../util/translate';
import { Emitter, type Event } from '../util/event';
import { keepAside, MementoLike, StorageKeys } from './memento';

/** How many of the read problems a warning names; the rest are counted. */
const PROBLEMS_SHOWN = 3;

export class ReviewStore {
  private current: ReviewState | undefined;
  private unreadable: unknown;
  private readonly changes = new Emitter<ReviewState>();

  constructor(
    private readonly memento: MementoLike,
    private readonly warn: Warn,
    private readonly now: () => number = Date.now,
    private readonly t: Translate = english,
  ) {}

  /** The state as stored (read once, then kept). */
  state(): ReviewState {
    this.current ??= this.read();
    return this.current;
  }

  /** Stores the whole state; one save. */
  async set(next: ReviewState): Promise<void> {
    this.current = next;
    if (this.unreadable !== undefined) {
      await keepAside(this.memento, StorageKeys.reviewBackup, this.unreadable, this.now());
      this.unreadable = undefined;
    }
    await this.memento.update(StorageKeys.review, next);
    this.changes.fire(next);
  }

  /** Fires with the new state after every save. */
  readonly onDidChange: Event<ReviewState> = this.changes.event;

  private read(): ReviewState {
    const raw = this.memento.get<unknown>(StorageKeys.review);
    if (raw === undefined || raw === null) return emptyReviewState();
    const { state, problems } = parseReviewState(raw);
    if (problems.length > 0) {
      this.unreadable = raw;
      const shown = `${problems.slice(0, PROBLEMS_SHOWN).join('; ')}${problems.length > PROBLEMS_SHOWN ? '; …' : ''}`;
      const say = (t: Translate) => t('Saved review state had {0} problem(s), left out: {1}. A copy of the original is kept aside.', problems.length, shown);
      this.warn(say(english), say(this.t));
    }
    return state;
  }
}
