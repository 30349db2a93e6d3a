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
import { firstProblems, MementoLike, StorageKeys, StoredValue } from './memento';

export class ReviewStore {
  private current: ReviewState | undefined;
  private readonly changes = new Emitter<ReviewState>();
  private readonly stored: StoredValue;

  constructor(
    memento: MementoLike,
    warn: Warn,
    now: () => number = Date.now,
    t: Translate = english,
  ) {
    this.stored = new StoredValue(memento, { value: StorageKeys.review, backup: StorageKeys.reviewBackup }, warn, t, now);
  }

  /** The state as stored (read once, then kept). */
  state(): ReviewState {
    this.current ??= this.read();
    return this.current;
  }

  /** Stores the whole state; one save. */
  async set(next: ReviewState): Promise<void> {
    this.current = next;
    await this.stored.save(next);
    this.changes.fire(next);
  }

  /** Fires with the new state after every save. */
  readonly onDidChange: Event<ReviewState> = this.changes.event;

  private read(): ReviewState {
    const raw = this.stored.read();
    if (raw === undefined) return emptyReviewState();
    const { state, problems } = parseReviewState(raw);
    if (problems.length > 0) {
      this.stored.refuse(raw, (t) => t('Saved review state had {0} problem(s), left out: {1}. A copy of the original is kept aside.', problems.length, firstProblems(problems)));
    }
    return state;
  }
}
