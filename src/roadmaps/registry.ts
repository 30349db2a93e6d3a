/**
 * Finds, reads and loads every roadmap: the bundled ones and those in the workspace's
 * `.vscode/roadmaps/*.roadmap.yaml`. Loading is lazy (first asked for by a view), one file's
 * failure never stops the others, and every failure is published to the Problems panel.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_COLLECTION, Settings } from '../constants';
import { buildRoadmap } from '../model/document';
import { Roadmap, RoadmapError, RoadmapSource, Task } from '../model/types';
import { Disposable } from '../util/disposable';
import { compiledBundle } from './bundleFormat';

export const BUNDLED_FOLDER = 'roadmaps';
export const WORKSPACE_ROADMAP_GLOB = '.vscode/roadmaps/*.roadmap.yaml';
export const ROADMAP_FILES_SETTING = 'roadmapFiles';
/** Saves often come in bursts (format on save, git checkout): reload once they settle. */
const RELOAD_DELAY_MS = 200;
/** Checking while typing waits for a pause in the typing. */
const CHECK_DELAY_MS = 300;

/** A roadmap file that could not be loaded; shown in the tree as an error item. */
export interface LoadFailure {
  readonly failure: true;
  readonly source: RoadmapSource;
  readonly uri: vscode.Uri;
  readonly errors: readonly RoadmapError[];
}

export type RoadmapEntry = Roadmap | LoadFailure;

export function isFailure(value: unknown): value is LoadFailure {
  return typeof value === 'object' && value !== null && (value as LoadFailure).failure === true;
}

export class RoadmapRegistry extends Disposable {
  private loading: Promise<readonly RoadmapEntry[]> | undefined;
  /** The entries of the last finished load, for synchronous callers that must not start one. */
  private loaded: readonly RoadmapEntry[] = [];
  private diagnosticCollection: vscode.DiagnosticCollection | undefined;
  private readonly changeEmitter = this.register(new vscode.EventEmitter<readonly RoadmapEntry[]>());
  /** Fires after a reload with the new entries; the old model objects are stale from then on. */
  readonly onDidChange = this.changeEmitter.event;

  private watchers: vscode.Disposable[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** Pending checks of unsaved roadmap edits, by document. */
  private readonly checkTimers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Whether the workspace events that trigger reloads are listened to (from the first load on). */
  private listening = false;
  /** How many reloads were asked for: the first load stands down once there is one. */
  private reloads = 0;
  /** The entry each roadmap file gave at the last load, with the text it was made from. */
  private readonly parsed = new Map<string, { readonly text: string; readonly entry: RoadmapEntry }>();

  /** Created on first use: most sessions have no roadmap file with a problem. */
  private get diagnostics(): vscode.DiagnosticCollection {
    return (this.diagnosticCollection ??= this.register(vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION)));
  }

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register({ dispose: () => this.disposeWatchers() });
    this.register({ dispose: () => this.checkTimers.forEach((timer) => clearTimeout(timer)) });
  }

  /**
   * What can change the workspace's roadmaps, listened to from the first load on: before a view
   * asks for roadmaps there is nothing to keep up to date, and activation stays cheap.
   */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${Settings.section}.${ROADMAP_FILES_SETTING}`)) void this.reload();
      }),
    );
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()));
    // Besides the file watchers (changes made outside the editor), the editor's own events: they
    // arrive at once and do not depend on the operating system's watch limits.
    this.register(vscode.workspace.onDidSaveTextDocument((doc) => this.isRoadmapDocument(doc) && this.scheduleReload()));
    const filesChanged = (e: { readonly files: readonly (vscode.Uri | { readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri })[] }) => {
      const uris = e.files.flatMap((f) => (f instanceof vscode.Uri ? [f] : [f.oldUri, f.newUri]));
      if (uris.some((uri) => /\.roadmap\.ya?ml$/i.test(uri.path))) this.scheduleReload();
    };
    this.register(vscode.workspace.onDidCreateFiles(filesChanged));
    this.register(vscode.workspace.onDidDeleteFiles(filesChanged));
    this.register(vscode.workspace.onDidRenameFiles(filesChanged));
    // Errors show while the user types; the tree follows on save.
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.isRoadmapDocument(e.document) && this.scheduleCheck(e.document)));
  }

  /** A workspace roadmap open in an editor: matched by the same globs that find the files. */
  private isRoadmapDocument(doc: vscode.TextDocument): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    return folder !== undefined && this.globs().some((glob) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, doc) > 0);
  }

  /** Validates an edited roadmap's unsaved text and shows its errors, without touching the tree. */
  private scheduleCheck(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.checkTimers.get(key));
    this.checkTimers.set(
      key,
      setTimeout(async () => {
        this.checkTimers.delete(key);
        const { validateRoadmap } = await import('../model/loader');
        const { errors } = validateRoadmap(doc.getText(), { label: vscode.workspace.asRelativePath(doc.uri, true) });
        this.diagnostics.set(doc.uri, errors.map(toDiagnostic));
      }, CHECK_DELAY_MS),
    );
  }

  entries(): Promise<readonly RoadmapEntry[]> {
    this.loading ??= this.firstLoad();
    return this.loading;
  }

  async roadmaps(): Promise<readonly Roadmap[]> {
    return (await this.entries()).filter((e): e is Roadmap => !isFailure(e));
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

  async roadmap(id: string): Promise<Roadmap | undefined> {
    return (await this.roadmaps()).find((r) => r.id === id);
  }

  async task(roadmapId: string, taskId: string): Promise<Task | undefined> {
    return (await this.roadmap(roadmapId))?.taskIndex.get(taskId);
  }

  async reload(): Promise<readonly RoadmapEntry[]> {
    const entries = await this.startReload();
    this.changeEmitter.fire(entries);
    return entries;
  }

  /**
   * Appends a roadmap built in memory (benchmarks, tests) to the loaded entries, after the files
   * once they are loaded, and fires onDidChange so the tree shows it. The next reload drops it.
   */
  addInMemory(roadmap: Roadmap): void {
    this.loading = this.entries().then((entries) => (this.loaded = [...entries, roadmap]));
    void this.loading.then((entries) => this.changeEmitter.fire(entries));
  }

  /**
   * Reloads after files changed on disk, once a burst of changes has settled. Views hear of it
   * only when a roadmap did change: the watcher and the editor often report one save twice, and a
   * save without edits changes nothing, and neither should redraw the tree under the user.
   */
  scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      void this.reloadIfChanged();
    }, RELOAD_DELAY_MS);
  }

  /**
   * Reloads, and fires onDidChange only when an entry changed; whether one did. When nothing did,
   * the entries the views hold stay the current ones.
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

  /** A full load that every later caller waits for; the first load stands down for it. */
  private startReload(): Promise<readonly RoadmapEntry[]> {
    this.reloads++;
    return (this.loading = this.loadAll());
  }

  /**
   * The first load answers with the bundled roadmaps as soon as they are read, so the tree shows
   * at once; the workspace's own roadmaps follow with a change event when there are any. Their
   * search (and the file watchers) start once the tree has its first rows, not before.
   */
  private async firstLoad(): Promise<readonly RoadmapEntry[]> {
    const generation = this.reloads;
    const bundled = await this.bundledEntries();
    // From here on, a reload asked for meanwhile has the last word.
    if (generation !== this.reloads) return this.entries();
    this.loaded = bundled;
    const all = new Promise((resolve) => setTimeout(resolve, 0)).then(() => (generation === this.reloads ? this.loadAll(bundled) : this.entries()));
    this.loading = all;
    void all.then((entries) => generation === this.reloads && entries.length > bundled.length && this.changeEmitter.fire(entries));
    return bundled;
  }

  /** Loads everything; `bundled` reuses bundled entries already handed out. */
  private async loadAll(bundled?: readonly RoadmapEntry[]): Promise<readonly RoadmapEntry[]> {
    const started = Date.now();
    this.listen();
    this.watch();
    const files = await this.workspaceFiles();
    const entries = [...(bundled ?? (await this.bundledEntries())), ...(await Promise.all(files.map((file) => this.loadFile(file.uri, file.source))))];
    const present = new Set(entries.map((entry) => (isFailure(entry) ? entry.uri.toString() : entry.source.location)));
    for (const key of this.parsed.keys()) if (!present.has(key)) this.parsed.delete(key);
    this.rejectDuplicateIds(entries);
    this.publishDiagnostics(entries);
    const failed = entries.filter(isFailure).length;
    this.log.info(`Loaded ${entries.length - failed} roadmap(s)${failed ? `, ${failed} failed` : ''} in ${Date.now() - started} ms.`);
    this.loaded = entries;
    return entries;
  }

  /**
   * The bundled roadmaps: validated at build time and compiled into the bundle, so showing them
   * needs no file read and no YAML parser. Without a build (sources run as they are) the YAML.
   *
   * Each load builds them anew: VS Code's tree view caches nodes by element, and after a full
   * refresh it silently dropped reveals of elements it had seen before.
   */
  private async bundledEntries(): Promise<readonly RoadmapEntry[]> {
    const folder = vscode.Uri.joinPath(this.extensionUri, BUNDLED_FOLDER);
    const bundle = await compiledBundle();
    if (bundle) {
      return bundle.map(({ file, document }) => {
        const uri = vscode.Uri.joinPath(folder, file);
        return buildRoadmap(document, { label: file, location: uri.toString(), bundled: true });
      });
    }
    const files = await this.bundledFiles();
    return Promise.all(files.map((file) => this.loadFile(file.uri, file.source)));
  }

  private async bundledFiles(): Promise<{ uri: vscode.Uri; source: RoadmapSource }[]> {
    const folder = vscode.Uri.joinPath(this.extensionUri, BUNDLED_FOLDER);
    const children = await vscode.workspace.fs.readDirectory(folder);
    return children
      .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.yaml'))
      .map(([name]) => name)
      .sort()
      .map((name) => {
        const uri = vscode.Uri.joinPath(folder, name);
        return { uri, source: { label: name, location: uri.toString(), bundled: true } };
      });
  }

  /** The globs that find workspace roadmaps: the fixed folder plus the user's setting. */
  private globs(): string[] {
    const extra = vscode.workspace.getConfiguration(Settings.section).get<unknown>(ROADMAP_FILES_SETTING, []);
    return [WORKSPACE_ROADMAP_GLOB, ...(Array.isArray(extra) ? extra.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [])];
  }

  private watch(): void {
    this.disposeWatchers();
    if (!vscode.workspace.workspaceFolders?.length) return;
    // Globs are relative to each folder; a bare string would be matched against absolute paths.
    const patterns = vscode.workspace.workspaceFolders.flatMap((folder) => this.globs().map((glob) => new vscode.RelativePattern(folder, glob)));
    for (const pattern of patterns) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      this.watchers.push(watcher, watcher.onDidChange(() => this.scheduleReload()), watcher.onDidCreate(() => this.scheduleReload()), watcher.onDidDelete(() => this.scheduleReload()));
    }
  }

  private disposeWatchers(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
  }

  private async workspaceFiles(): Promise<{ uri: vscode.Uri; source: RoadmapSource }[]> {
    if (!vscode.workspace.workspaceFolders?.length) return [];
    const found = await Promise.all(this.globs().map((glob) => vscode.workspace.findFiles(glob, '**/node_modules/**')));
    const unique = new Map(found.flat().map((uri) => [uri.toString(), uri]));
    return [...unique.values()]
      .sort((a, b) => a.toString().localeCompare(b.toString()))
      .map((uri) => ({ uri, source: { label: vscode.workspace.asRelativePath(uri, true), location: uri.toString(), bundled: false } }));
  }

  private async loadFile(uri: vscode.Uri, source: RoadmapSource): Promise<RoadmapEntry> {
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
    } catch (error) {
      return failure(uri, source, [{ file: source.label, path: '', message: `could not read the file: ${(error as Error).message}`, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }]);
    }
    // The same text as last time: the same model objects, so nothing downstream sees a change.
    const key = uri.toString();
    const previous = this.parsed.get(key);
    if (previous?.text === text && previous.entry.source.label === source.label) return previous.entry;
    // The YAML parser loads only when there is a file to parse: most sessions never need it.
    const { loadRoadmap } = await import('../model/loader');
    const result = loadRoadmap(text, source);
    const entry = result.roadmap ?? failure(uri, source, result.errors);
    this.parsed.set(key, { text, entry });
    return entry;
  }

  /** Two files with one roadmap id would share progress: the later one is refused. */
  private rejectDuplicateIds(entries: RoadmapEntry[]): void {
    const seen = new Map<string, Roadmap>();
    entries.forEach((entry, i) => {
      if (isFailure(entry)) return;
      const first = seen.get(entry.id);
      if (!first) {
        seen.set(entry.id, entry);
        return;
      }
      const uri = vscode.Uri.parse(entry.source.location);
      entries[i] = failure(uri, entry.source, [
        { file: entry.source.label, path: 'id', message: `roadmap id "${entry.id}" is already used by ${first.source.label}; choose another id`, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      ]);
    });
  }

  private publishDiagnostics(entries: readonly RoadmapEntry[]): void {
    this.diagnosticCollection?.clear();
    for (const entry of entries) {
      if (!isFailure(entry)) continue;
      this.diagnostics.set(entry.uri, entry.errors.map(toDiagnostic));
      for (const error of entry.errors) this.log.warn(`${error.file}:${error.start.line}:${error.start.column}: ${error.path ? `${error.path}: ` : ''}${error.message}`);
    }
  }
}

/** The same entry, or the same bundled roadmap built again (bundled roadmaps never change). */
function sameEntry(a: RoadmapEntry, b: RoadmapEntry | undefined): boolean {
  if (a === b) return true;
  return !!b && !isFailure(a) && !isFailure(b) && a.source.bundled && b.source.bundled && a.source.location === b.source.location;
}

function failure(uri: vscode.Uri, source: RoadmapSource, errors: readonly RoadmapError[]): LoadFailure {
  return { failure: true, uri, source, errors };
}

export function toRange(error: RoadmapError): vscode.Range {
  const start = new vscode.Position(error.start.line - 1, error.start.column - 1);
  const end = new vscode.Position(error.end.line - 1, error.end.column - 1);
  return new vscode.Range(start, end.isBefore(start) ? start : end);
}

function toDiagnostic(error: RoadmapError): vscode.Diagnostic {
  const message = error.path ? `${error.path}: ${error.message}` : error.message;
  const diagnostic = new vscode.Diagnostic(toRange(error), message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = 'ML Roadmaps';
  return diagnostic;
}
