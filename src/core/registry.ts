/**
 * The roadmap core as the features see it: every roadmap, loaded lazily and kept up to date. It
 * puts together the pure catalog (which load wins), where roadmaps come from, what changes them,
 * and the Problems panel.
 */
import * as vscode from 'vscode';
import type { Log } from '../util/log';
import type { Roadmap, Task } from '../model/types';
import { Disposable } from '../util/disposable';
import { RoadmapCatalog, RoadmapEntry } from './catalog';
import { RoadmapDiagnostics } from './diagnostics';
import { RoadmapParser, StartParseWorker } from './parser';
import { VsCodeRoadmapSources } from './sources';
import { RoadmapWatcher } from './watcher';

export class RoadmapRegistry extends Disposable {
  private readonly catalog: RoadmapCatalog;
  private readonly watcher: RoadmapWatcher;
  /** Fires after a reload with the new entries; the old model objects are stale from then on. */
  readonly onDidChange: vscode.Event<readonly RoadmapEntry[]>;

  constructor(extensionUri: vscode.Uri, log: Log, startParseWorker: StartParseWorker | undefined) {
    super();
    const parser = new RoadmapParser(startParseWorker, log);
    this.register({ dispose: () => parser.dispose() });
    const sources = new VsCodeRoadmapSources(extensionUri, parser);
    const diagnostics = this.register(new RoadmapDiagnostics(log));
    this.watcher = this.register(
      new RoadmapWatcher(
        () => void this.reload(),
        () => void this.reloadIfChanged(),
        (document) => void this.check(document, parser, diagnostics),
      ),
    );
    this.catalog = new RoadmapCatalog({
      bundled: () => sources.bundled(),
      workspaceFiles: () => {
        this.watcher.start();
        return sources.workspaceFiles();
      },
      read: (source) => sources.read(source),
      parse: (text, source) => sources.parse(text, source),
    });
    this.register(this.catalog);
    this.register(this.catalog.onDidLoad(({ entries, ms }) => diagnostics.loaded(entries, ms)));
    this.onDidChange = this.catalog.onDidChange;
  }

  entries(): Promise<readonly RoadmapEntry[]> {
    return this.catalog.entries();
  }

  roadmaps(): Promise<readonly Roadmap[]> {
    return this.catalog.roadmaps();
  }

  roadmap(id: string): Promise<Roadmap | undefined> {
    return this.catalog.roadmap(id);
  }

  task(roadmapId: string, taskId: string): Promise<Task | undefined> {
    return this.catalog.task(roadmapId, taskId);
  }

  /** Whether a load has been asked for; true from the first `entries()` call. */
  isLoaded(): boolean {
    return this.catalog.isLoaded();
  }

  /** A task of an already loaded roadmap; never starts a load. */
  peekTask(roadmapId: string, taskId: string): Task | undefined {
    return this.catalog.peekTask(roadmapId, taskId);
  }

  reload(): Promise<readonly RoadmapEntry[]> {
    return this.catalog.reload();
  }

  reloadIfChanged(): Promise<boolean> {
    return this.catalog.reloadIfChanged();
  }

  /** Reloads after files changed, once a burst of changes has settled. */
  scheduleReload(): void {
    this.watcher.scheduleReload();
  }

  private async check(document: vscode.TextDocument, parser: RoadmapParser, diagnostics: RoadmapDiagnostics): Promise<void> {
    const { errors } = await parser.validate(document.getText(), vscode.workspace.asRelativePath(document.uri, true));
    diagnostics.checked(document.uri, errors);
  }
}
