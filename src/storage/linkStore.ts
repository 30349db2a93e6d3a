/**
 * Which project folders each task is linked to, in `workspaceState` as
 * `{ version, links: { "roadmap/task": [{ folder?, path }] } }`. A path inside a workspace folder is
 * stored relative to it, under the folder's name, so links survive moving the workspace; a path
 * outside any folder is stored as an absolute URI. Links are never dropped silently: a link whose
 * folder is gone stays until the user unlinks or relinks it.
 */
import { english, type Translate, type Warn } from '../util/translate';
import { MementoLike, StorageKeys, StoredValue } from './memento';
import { isRecord, parseTaskKey, taskKey } from '../model/ids';
import { Emitter, type Event } from '../util/event';

export const LINKS_VERSION = 1;

export interface StoredLink {
  /** The workspace folder's name, when the path is relative to it. */
  readonly folder?: string;
  /** A POSIX path relative to `folder`, or an absolute URI string when there is no folder. */
  readonly path: string;
}

export class LinkStore {
  private links: Map<string, StoredLink[]> | undefined;
  private readonly changes = new Emitter<string>();
  private readonly stored: StoredValue;

  constructor(
    memento: MementoLike,
    warn: Warn,
    t: Translate = english,
    now: () => number = Date.now,
  ) {
    this.stored = new StoredValue(memento, { value: StorageKeys.links, backup: StorageKeys.linksBackup }, warn, t, now);
  }

  linksOf(roadmapId: string, taskId: string): readonly StoredLink[] {
    return this.load().get(taskKey(roadmapId, taskId)) ?? [];
  }

  /** Every task key (`roadmap/task`) with its links. */
  all(): ReadonlyMap<string, readonly StoredLink[]> {
    return this.load();
  }

  async add(roadmapId: string, taskId: string, link: StoredLink): Promise<boolean> {
    const key = taskKey(roadmapId, taskId);
    const current = this.load().get(key) ?? [];
    if (current.some((l) => sameLink(l, link))) return false;
    this.load().set(key, [...current, link]);
    await this.save(key);
    return true;
  }

  async remove(roadmapId: string, taskId: string, link: StoredLink): Promise<boolean> {
    const key = taskKey(roadmapId, taskId);
    const current = this.load().get(key) ?? [];
    const rest = current.filter((l) => !sameLink(l, link));
    if (rest.length === current.length) return false;
    if (rest.length) this.load().set(key, rest);
    else this.load().delete(key);
    await this.save(key);
    return true;
  }

  async replace(roadmapId: string, taskId: string, old: StoredLink, replacement: StoredLink): Promise<void> {
    const key = taskKey(roadmapId, taskId);
    const current = this.load().get(key) ?? [];
    const next = current.map((l) => (sameLink(l, old) ? replacement : l));
    this.load().set(key, next.filter((l, i) => next.findIndex((m) => sameLink(m, l)) === i));
    await this.save(key);
  }

  readonly onDidChange: Event<string> = this.changes.event;

  private load(): Map<string, StoredLink[]> {
    this.links ??= this.read();
    return this.links;
  }

  private read(): Map<string, StoredLink[]> {
    const result = new Map<string, StoredLink[]>();
    const raw = this.stored.read();
    if (raw === undefined) return result;
    const links = isRecord(raw) ? raw.links : undefined;
    if (!isRecord(links)) {
      this.stored.refuse(raw, (t) => t('Saved folder links have an unexpected shape and were ignored. A copy is kept aside before anything new is saved.'));
      return result;
    }
    let skipped = 0;
    for (const [key, value] of Object.entries(links)) {
      const valid = Array.isArray(value) && parseTaskKey(key) !== undefined ? value.filter(isStoredLink) : [];
      skipped += (Array.isArray(value) ? value.length : 1) - valid.length;
      if (valid.length) result.set(key, valid.map((l) => (l.folder === undefined ? { path: l.path } : { folder: l.folder, path: l.path })));
    }
    if (skipped > 0) {
      this.stored.refuse(raw, (t) => t('Ignored {0} unreadable folder link(s). A copy of the original is kept aside.', skipped));
    }
    return result;
  }

  private async save(changedKey: string): Promise<void> {
    await this.stored.save({ version: LINKS_VERSION, links: Object.fromEntries(this.load()) });
    this.changes.fire(changedKey);
  }
}

export function sameLink(a: StoredLink, b: StoredLink): boolean {
  return a.folder === b.folder && a.path === b.path;
}

function isStoredLink(value: unknown): value is StoredLink {
  return isRecord(value) && typeof value.path === 'string' && value.path.length > 0 && (value.folder === undefined || typeof value.folder === 'string');
}
