/**
 * What can change the workspace's roadmaps: file watchers (changes made outside the editor), the
 * editor's own saves, creations, deletions and renames (they arrive at once and do not depend on
 * the operating system's watch limits), the `roadmapFiles` setting, workspace folders and trust.
 * It starts with the first load: before a view asks for roadmaps there is nothing to keep up to date.
 */
import * as vscode from 'vscode';
import { Settings, settingId } from '../constants';
import { Disposable } from '../util/disposable';
import { roadmapGlobs } from './sources';

/** Saves often come in bursts (format on save, git checkout): reload once they settle. */
const RELOAD_DELAY_MS = 200;
/** Checking while typing waits for a pause in the typing. */
const CHECK_DELAY_MS = 300;
const ROADMAP_FILE = /\.roadmap\.ya?ml$/i;

export class RoadmapWatcher extends Disposable {
  private listening = false;
  private watchers: vscode.Disposable[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** Pending checks of unsaved roadmap edits, by document. */
  private readonly checkTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    /** Reload now, whatever changed (settings, folders, trust). */
    private readonly reload: () => void,
    /** Reload, and tell the views only if a roadmap changed (file events). */
    private readonly reloadIfChanged: () => void,
    /** Check an open roadmap's unsaved text. */
    private readonly check: (document: vscode.TextDocument) => void,
  ) {
    super();
    this.register({ dispose: () => this.disposeWatchers() });
    this.register({ dispose: () => this.checkTimers.forEach((timer) => clearTimeout(timer)) });
  }

  /** Called on every load: listens from the first on, and watches the globs in force now. */
  start(): void {
    this.listen();
    this.watch();
  }

  /** Reloads once a burst of file changes has settled. */
  scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      this.reloadIfChanged();
    }, RELOAD_DELAY_MS);
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(settingId(Settings.roadmapFiles))) this.reload();
      }),
    );
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.reload()));
    this.register(vscode.workspace.onDidSaveTextDocument((doc) => this.isRoadmapDocument(doc) && this.scheduleReload()));
    const filesChanged = (e: { readonly files: readonly (vscode.Uri | { readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri })[] }) => {
      const uris = e.files.flatMap((f) => (f instanceof vscode.Uri ? [f] : [f.oldUri, f.newUri]));
      if (uris.some((uri) => ROADMAP_FILE.test(uri.path))) this.scheduleReload();
    };
    this.register(vscode.workspace.onDidCreateFiles(filesChanged));
    this.register(vscode.workspace.onDidDeleteFiles(filesChanged));
    this.register(vscode.workspace.onDidRenameFiles(filesChanged));
    // Errors show while the user types; the tree follows on save.
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.isRoadmapDocument(e.document) && this.scheduleCheck(e.document)));
  }

  private watch(): void {
    this.disposeWatchers();
    if (!vscode.workspace.workspaceFolders?.length) return;
    // Globs are relative to each folder; a bare string would be matched against absolute paths.
    const patterns = vscode.workspace.workspaceFolders.flatMap((folder) => roadmapGlobs().map((glob) => new vscode.RelativePattern(folder, glob)));
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

  /** A workspace roadmap open in an editor: matched by the same globs that find the files. */
  private isRoadmapDocument(doc: vscode.TextDocument): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    return folder !== undefined && roadmapGlobs().some((glob) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, doc) > 0);
  }

  private scheduleCheck(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.checkTimers.get(key));
    this.checkTimers.set(
      key,
      setTimeout(() => {
        this.checkTimers.delete(key);
        this.check(doc);
      }, CHECK_DELAY_MS),
    );
  }
}
