/**
 * The roadmaps the extension knows, loaded through `RoadmapSources` (the bundled roadmaps and the
 * workspace's files, however they are found and read). Pure: no `vscode` import, so its hardest
 * part, which load wins when loads overlap, is unit-tested over an in-memory workspace.
 *
 * Loading is lazy (first asked for by a view); the first load answers with the bundled roadmaps at
 * once and the workspace's follow with a change event; one file's failure never stops the others;
 * a reload that finds nothing changed keeps the model objects, so views do not redraw.
 */
import type { LoadResult } from '../model/loader';
import type { Roadmap, RoadmapError, RoadmapSource, Task } from '../model/types';
import { Emitter, Event } from '../util/event';

/** A roadmap file that could not be loaded; shown in the tree as an error item. */
export interface LoadFailure {
  readonly failure: true;
  readonly source: RoadmapSource;
  readonly errors: readonly RoadmapError[];
}

export type RoadmapEntry = Roadmap | LoadFailure;

export function isFailure(value: unknown): value is LoadFailure {
  return typeof value === 'object' && value !== null && (value as LoadFailure).failure === true;
}

/** Where roadmaps come from; the VS Code layer implements it over the workspace. */
export interface RoadmapSources {
  /** The bundled roadmaps, built anew on every call (see `VsCodeRoadmapSources`). */
  bundled(): Promise<readonly RoadmapEntry[]>;
  /** The workspace's roadmap files, in a stable order. */
  workspaceFiles(): Promise<readonly RoadmapSource[]>;
  /** A file's text, or why it cannot be read (gone, too large). */
  read(source: RoadmapSource): Promise<{ readonly text: string } | { readonly problem: string }>;
  /** Parses and validates a roadmap file's text. */
  parse(text: string, source: RoadmapSource): Promise<LoadResult>;
}

export class RoadmapCatalog {
  private loading: Promise<readonly RoadmapEntry[]> | undefined;
  /** The entries of the last finished load, for synchronous callers that must not start one. */
  private loaded: readonly RoadmapEntry[] = [];
  /** How many reloads were asked for: a load stands down once a newer one started. */
  private reloads = 0;
  /** The entry each workspace file gave at the last load, with the text it was made from. */
  private readonly parsed = new Map<string, { readonly text: string; readonly entry: RoadmapEntry }>();

  private readonly changeEmitter = new Emitter<readonly RoadmapEntry[]>();
  /** Fires after a load that changed something, with the new entries; old model objects are stale from then on. */
  readonly onDidChange: Event<readonly RoadmapEntry[]> = this.changeEmitter.event;
  private readonly loadEmitter = new Emitter<{ readonly entries: readonly RoadmapEntry[]; readonly ms: number }>();
  /** Fires after every full load, changed or not: for diagnostics and the log. */
  readonly onDidLoad = this.loadEmitter.event;

  constructor(
    private readonly sources: RoadmapSources,
    private readonly now: () => number = Date.now,
  ) {}

  dispose(): void {
    this.changeEmitter.dispose();
    this.loadEmitter.dispose();
  }

  entries(): Promise<readonly RoadmapEntry[]> {
    this.loading ??= this.firstLoad();
    return this.loading;
  }

  async roadmaps(): Promise<readonly Roadmap[]> {
    return (await this.entries()).filter((e): e is Roadmap => !isFailure(e));
  }

  async roadmap(id: string): Promise<Roadmap | undefined> {
    return (await this.roadmaps()).find((r) => r.id === id);
  }

  async task(roadmapId: string, taskId: string): Promise<Task | undefined> {
    return (await this.roadmap(roadmapId))?.taskIndex.get(taskId);
  }

  /** Whether a load has been asked for; true from the first `entries()` call. */
  isLoaded(): boolean {
    return this.loading !== undefined;
  }

  /** A task of an already loaded roadmap; never starts a load. */
  peekTask(roadmapId: string, taskId: string): Task | undefined {
    for (const entry of this.loaded) if (!isFailure(entry) && entry.id === roadmapId) return entry.taskIndex.get(taskId);
    return undefined;
  }

  /** Loads everything again and tells the views, whatever changed. */
  async reload(): Promise<readonly RoadmapEntry[]> {
    const loading = this.startReload();
    const entries = await loading;
    if (this.loading === loading) this.changeEmitter.fire(entries);
    return entries;
  }

  /**
   * Loads again, and fires onDidChange only when an entry changed; whether one did. When nothing
   * did, the entries the views hold stay the current ones.
   */
  async reloadIfChanged(): Promise<boolean> {
    const before = this.loaded;
    const loading = this.startReload();
    const entries = await loading;
    if (this.loading !== loading) return true; // a newer load has taken over and will tell
    const changed = entries.length !== before.length || entries.some((entry, i) => !sameEntry(entry, before[i]));
    if (changed) {
      this.changeEmitter.fire(entries);
    } else {
      this.loaded = before;
      this.loading = Promise.resolve(before);
    }
    return changed;
  }

  private startReload(): Promise<readonly RoadmapEntry[]> {
    this.reloads++;
    return (this.loading = this.loadAll());
  }

  /**
   * The first load answers with the bundled roadmaps as soon as they are built, so the tree shows
   * at once; the workspace's own roadmaps follow with a change event when there are any.
   */
  private async firstLoad(): Promise<readonly RoadmapEntry[]> {
    const generation = this.reloads;
    const bundled = await this.sources.bundled();
    // From here on, a reload asked for meanwhile has the last word.
    if (generation !== this.reloads) return this.entries();
    this.loaded = bundled;
    const all = this.loadAll(bundled);
    this.loading = all;
    void all.then((entries) => {
      if (generation === this.reloads && entries.length > bundled.length) this.changeEmitter.fire(entries);
    });
    return bundled;
  }

  /** Loads everything; `bundled` reuses bundled entries already handed out. */
  private async loadAll(bundled?: readonly RoadmapEntry[]): Promise<readonly RoadmapEntry[]> {
    const started = this.now();
    const files = await this.sources.workspaceFiles();
    const entries = [...(bundled ?? (await this.sources.bundled())), ...(await Promise.all(files.map((file) => this.loadFile(file))))];
    const present = new Set(files.map((file) => file.location));
    for (const key of this.parsed.keys()) if (!present.has(key)) this.parsed.delete(key);
    rejectDuplicateIds(entries);
    this.loaded = entries;
    this.loadEmitter.fire({ entries, ms: this.now() - started });
    return entries;
  }

  private async loadFile(source: RoadmapSource): Promise<RoadmapEntry> {
    const read = await this.sources.read(source);
    if ('problem' in read) {
      this.parsed.delete(source.location);
      return failure(source, read.problem);
    }
    // The same text as last time: the same model objects, so nothing downstream sees a change.
    const previous = this.parsed.get(source.location);
    if (previous?.text === read.text && previous.entry.source.label === source.label) return previous.entry;
    const result = await this.sources.parse(read.text, source);
    const entry: RoadmapEntry = result.roadmap ?? { failure: true, source, errors: result.errors };
    this.parsed.set(source.location, { text: read.text, entry });
    return entry;
  }
}

/** Two files with one roadmap id would share progress: the later one is refused. */
function rejectDuplicateIds(entries: RoadmapEntry[]): void {
  const seen = new Map<string, Roadmap>();
  entries.forEach((entry, i) => {
    if (isFailure(entry)) return;
    const first = seen.get(entry.id);
    if (!first) seen.set(entry.id, entry);
    else entries[i] = failure(entry.source, `roadmap id "${entry.id}" is already used by ${first.source.label}; choose another id`, 'id');
  });
}

/** The same entry, or the same bundled roadmap built again (bundled roadmaps never change). */
function sameEntry(a: RoadmapEntry, b: RoadmapEntry | undefined): boolean {
  if (a === b) return true;
  return !!b && !isFailure(a) && !isFailure(b) && a.source.bundled && b.source.bundled && a.source.location === b.source.location;
}

function failure(source: RoadmapSource, message: string, path = ''): LoadFailure {
  return { failure: true, source, errors: [{ file: source.label, path, message, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }] };
}
