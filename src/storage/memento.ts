import { isRecord } from '../model/ids';
import { english, type Translate, type Warn } from '../util/translate';

/**
 * The subset of `vscode.Memento` the stores use, declared here so that they can be unit-tested
 * with an in-memory twin and no editor.
 */
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/**
 * Every Memento key the extension writes. Progress is in globalState and synced across machines;
 * links to project folders are in workspaceState, since folders belong to one workspace.
 */
export const StorageKeys = {
  progress: 'mlRoadmaps.progress',
  /**
   * Stored progress that could not be read in full, kept so nothing is lost to a bad write: a list
   * of `{ savedAt, value }`, oldest first, the last few (earlier versions kept one such object).
   */
  progressBackup: 'mlRoadmaps.progressBackup',
  links: 'mlRoadmaps.links',
  /** Set once the view was shown for a workspace that has roadmaps of its own. */
  shownWorkspaceRoadmaps: 'mlRoadmaps.shownWorkspaceRoadmaps',
  /** Stored links that could not be read in full: backups like `progressBackup`'s. */
  linksBackup: 'mlRoadmaps.linksBackup',
  /** The results of each task's checks, synced with progress. */
  checks: 'mlRoadmaps.checks',
  checksBackup: 'mlRoadmaps.checksBackup',
  /** Study plans by roadmap id; global and synced, like progress. */
  plans: 'mlRoadmaps.plans',
  /** The last stored plans that could not be read in full. */
  plansBackup: 'mlRoadmaps.plansBackup',
  /** The handle last used for Export Progress for a Class, offered again next time. */
  classHandle: 'mlRoadmaps.classHandle',
  /** Spaced review: each card's schedule and the review log; global and synced, like progress. */
  review: 'mlRoadmaps.review',
  /** Stored review state that could not be read in full. */
  reviewBackup: 'mlRoadmaps.reviewBackup',
} as const;

/** How many copies of unreadable stored data each store keeps aside. */
export const MAX_BACKUPS = 5;

/** One copy of stored data that could not be read in full, with when it was set aside. */
export interface Backup {
  readonly savedAt: number;
  readonly value: unknown;
}

/**
 * The copies kept aside under a key so far, oldest first. Earlier versions kept one copy (as
 * `{ savedAt, value }`, or the raw value); that, or anything else found there, becomes the first.
 */
export function readBackups(stored: unknown): Backup[] {
  if (stored === undefined || stored === null) return [];
  const isBackup = (item: unknown): item is Backup => isRecord(item) && typeof item.savedAt === 'number' && 'value' in item;
  if (Array.isArray(stored) && stored.every(isBackup)) return stored;
  return [isBackup(stored) ? stored : { savedAt: 0, value: stored }];
}

/** Sets a copy aside, after the earlier ones: a second corruption must not erase the first. */
export async function keepAside(memento: MementoLike, key: string, value: unknown, now: number): Promise<void> {
  const backups = [...readBackups(memento.get<unknown>(key)), { savedAt: now, value }];
  await memento.update(key, backups.slice(-MAX_BACKUPS));
}

/**
 * The value a store keeps under one key, read and saved the same way by every store: what could not
 * be read in full is reported once (in English for the log, in the user's language for the
 * notification) and set aside (`keepAside`) before anything new is saved over it.
 */
export class StoredValue {
  private unreadable: unknown;

  constructor(
    private readonly memento: MementoLike,
    private readonly keys: { readonly value: string; readonly backup: string },
    private readonly warn: Warn,
    private readonly t: Translate,
    private readonly now: () => number,
  ) {}

  /** What is stored; undefined when nothing is. */
  read(): unknown {
    return this.memento.get<unknown>(this.keys.value) ?? undefined;
  }

  /** `raw`, as read, could not be read in full: says what `say` says, and sets `raw` aside before the next save. */
  refuse(raw: unknown, say: (t: Translate) => string): void {
    this.unreadable = raw;
    this.warn(say(english), say(this.t));
  }

  async save(value: unknown): Promise<void> {
    if (this.unreadable !== undefined) {
      await keepAside(this.memento, this.keys.backup, this.unreadable, this.now());
      this.unreadable = undefined;
    }
    await this.memento.update(this.keys.value, value);
  }
}

/** The first problems of a list, for a warning: three, then "…" for the rest. */
export function firstProblems(problems: readonly string[], separator = '; '): string {
  return `${problems.slice(0, 3).join(separator)}${problems.length > 3 ? `${separator}…` : ''}`;
}
