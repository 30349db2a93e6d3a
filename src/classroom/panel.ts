/**
 * Class dashboards, one per folder: every class file in the folder and in its `class/` folder read
 * through `vscode.workspace.fs` (so a class repository opened on github.dev works too), aggregated,
 * and sent to the page; the folder watched, a changed file read again alone, and everything read
 * again when `class/` appears or goes (a pull into an empty clone, a checkout of another branch).
 */
import * as vscode from 'vscode';
import { ClassAggregate, shapeOf } from '../model/classroom/aggregate';
import { MAX_CLASS_FILE_BYTES, parseClassFile } from '../model/classroom/classFile';
import { classCsv, ClassView, phasePercent, viewRows } from '../model/classroom/table';
import type { Services } from '../services';
import { translate } from '../util/l10n';
import { refuseInRestrictedMode } from '../util/trust';
import { replaceFile } from '../util/writeNew';
import { PageHost, PagePanel } from '../webview/panel';
import { PagePanels } from '../webview/panels';
import { CLASS_PAGE, ClassFolder } from '../webview/pages';
import type { ClassRowView, PageMessageOf } from '../webview/protocol';
import { renderClassPage } from './render';

export interface ClassHost extends PageHost {
  readonly services: Services;
}

/** The folder inside the chosen one where class files are kept, by the convention `class/<handle>.json`. */
const CLASS_SUBFOLDER = 'class';
/** Changes that come together (a pull) are read together. */
const WATCH_DELAY_MS = 150;

const classTitle = (folder: vscode.Uri): string => vscode.l10n.t('Class: {0}', folder.path.slice(folder.path.lastIndexOf('/') + 1) || folder.toString());

export class ClassDashboardPanels extends PagePanels<ClassFolder, ClassDashboardPanel> {
  constructor(host: ClassHost) {
    super({ kind: CLASS_PAGE, host, key: (target) => target.folder, title: (target) => classTitle(vscode.Uri.parse(target.folder, true)), create: (webviewPanel, target) => new ClassDashboardPanel(webviewPanel, target, host) });
  }
}

export class ClassDashboardPanel extends PagePanel<ClassFolder, 'classView' | 'classCsv'> {
  private aggregate = new ClassAggregate([]);
  private loaded = false;
  /** Files changed since the last read, by URI string; read together after a short wait. */
  private readonly changed = new Set<string>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set when `class/` itself came, went or was replaced: the next read lists everything again. */
  private relist = false;
  /** Bumped on every full read, so an older read that ends late is dropped. */
  private generation = 0;
  /** The watcher of `class/`, made again whenever `class/` itself changes. */
  private classWatcher: vscode.Disposable | undefined;

  constructor(
    panel: vscode.WebviewPanel,
    target: ClassFolder,
    private readonly classHost: ClassHost,
  ) {
    super(panel, CLASS_PAGE, classHost, target, 'perKey');
    this.register(watchEntries(this.folder, (uri) => this.folderEntryChanged(uri)));
    this.watchClassFolder();
    this.register({
      dispose: () => {
        clearTimeout(this.changeTimer);
        this.classWatcher?.dispose();
      },
    });
    this.render();
  }

  get folder(): vscode.Uri {
    return vscode.Uri.parse(this.target.folder, true);
  }

  /** Draws the frame and reads the whole folder again (on open, and after the roadmaps reloaded). */
  render(): void {
    this.panel.title = classTitle(this.folder);
    this.setHtml((assets) => renderClassPage(this.folderLabel(), assets, translate));
    void this.readAll();
  }

  /** Settles once the folder's files have all been read: Open Class Dashboard returns after it. */
  whenLoaded(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  private loading: Promise<void> | undefined;

  private readAll(): Promise<void> {
    const generation = ++this.generation;
    this.loading = (async () => {
      const roadmaps = await this.classHost.services.registry.roadmaps();
      const aggregate = new ClassAggregate(roadmaps.map(shapeOf));
      const files = await this.listFiles();
      await Promise.all(files.map((uri) => this.readInto(aggregate, uri)));
      if (generation !== this.generation) return;
      this.aggregate = aggregate;
      this.loaded = true;
      await this.sendData();
    })();
    return this.loading;
  }

  /** The `*.json` files of the folder and of its `class/` folder; a missing `class/` is no error. */
  private async listFiles(): Promise<vscode.Uri[]> {
    const list = async (folder: vscode.Uri) => {
      try {
        return (await vscode.workspace.fs.readDirectory(folder)).filter(([name, type]) => type === vscode.FileType.File && isClassFileName(name)).map(([name]) => vscode.Uri.joinPath(folder, name));
      } catch {
        return [];
      }
    };
    return [...(await list(this.folder)), ...(await list(vscode.Uri.joinPath(this.folder, CLASS_SUBFOLDER)))];
  }

  /** Reads one file into the aggregate, replacing what it gave before; a file that is gone is taken out. */
  private async readInto(aggregate: ClassAggregate, uri: vscode.Uri): Promise<void> {
    const name = this.relativeName(uri);
    let bytes: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) {
        // A folder named like a class file, reported by a watcher; the listing skips it as well.
        aggregate.delete(name);
        return;
      }
      if (stat.size > MAX_CLASS_FILE_BYTES) {
        aggregate.setBad(name, `${name}: larger than ${MAX_CLASS_FILE_BYTES / 1024} KB; a class file is smaller`);
        return;
      }
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') aggregate.delete(name);
      else aggregate.setBad(name, `${name}: could not be read: ${(error as Error).message}`);
      return;
    }
    const parsed = parseClassFile(new TextDecoder('utf-8').decode(bytes), name);
    if (parsed.file) aggregate.set(name, parsed.file);
    else aggregate.setBad(name, parsed.reason);
  }

  /**
   * An entry of the folder changed. `class/` itself: a watcher on a folder that is not there, or that
   * was removed, is not promised to report the files that come into it later, so `class/` gets a new
   * watcher and everything is listed again; files that came before the new watcher are found so.
   */
  private folderEntryChanged(uri: vscode.Uri): void {
    if (this.relativeName(uri) === CLASS_SUBFOLDER) {
      this.watchClassFolder();
      this.relist = true;
      this.scheduleRead();
    } else this.fileChanged(uri);
  }

  private watchClassFolder(): void {
    this.classWatcher?.dispose();
    this.classWatcher = watchEntries(vscode.Uri.joinPath(this.folder, CLASS_SUBFOLDER), (uri) => this.fileChanged(uri));
  }

  private fileChanged(uri: vscode.Uri): void {
    if (!isClassFileName(uri.path)) return;
    this.changed.add(uri.toString());
    this.scheduleRead();
  }

  private scheduleRead(): void {
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => void this.readAgain(), WATCH_DELAY_MS);
  }

  private async readAgain(): Promise<void> {
    if (!this.relist) return this.readChanged();
    this.relist = false;
    this.changed.clear();
    await this.readAll();
    this.classHost.log.info(`Class dashboard: ${CLASS_SUBFOLDER}/ came or went in ${this.folderLabel()}; read every file again.`);
  }

  /** Reads again only the files that changed, into the aggregate as it is. */
  private async readChanged(): Promise<void> {
    await this.loading;
    const uris = [...this.changed].map((s) => vscode.Uri.parse(s, true));
    this.changed.clear();
    await Promise.all(uris.map((uri) => this.readInto(this.aggregate, uri)));
    this.classHost.log.info(`Class dashboard: read ${uris.length} changed file(s) again in ${this.folderLabel()}.`);
    await this.sendData();
  }

  private async sendData(): Promise<void> {
    const now = Date.now();
    const roadmaps = this.aggregate.roadmapIds().map((id) => {
      const shape = this.aggregate.shape(id)!;
      return { id, title: shape.title, phases: shape.phases.map((p) => p.title), learners: this.aggregate.rows(id).length, stuck: this.aggregate.stuck(id, now) };
    });
    await this.post({ type: 'classData', roadmaps, bad: this.aggregate.badFiles() });
  }

  protected async pageReady(): Promise<void> {
    if (this.loaded) await this.sendData();
  }

  protected offers(message: PageMessageOf<'classView' | 'classCsv'>): boolean {
    return this.aggregate.shape(message.roadmapId) !== undefined;
  }

  protected async handle(message: PageMessageOf<'classView' | 'classCsv'>): Promise<void> {
    const shape = this.aggregate.shape(message.roadmapId)!;
    const view: ClassView = { sort: message.sort, descending: message.descending, filter: message.filter };
    const rows = viewRows(this.aggregate.rows(message.roadmapId), view, shape);
    if (message.type === 'classCsv') {
      await this.exportCsv(message.roadmapId, classCsv(rows, shape, csvHeadings()));
      return;
    }
    const shown: ClassRowView[] = rows.slice(0, message.limit).map((row) => ({
      handle: row.handle,
      file: row.file,
      percent: row.percent,
      phases: shape.phases.map((_, i) => phasePercent(row, shape, i)),
      verified: row.verified,
      ...(row.aheadBehindDays !== undefined ? { aheadBehindDays: row.aheadBehindDays } : {}),
      ...(row.pace !== undefined ? { pace: row.pace } : {}),
      ...(row.lastActivity !== undefined && Number.isFinite(row.lastActivity) ? { lastActivity: new Date(row.lastActivity).toISOString() } : {}),
    }));
    await this.post({ type: 'classRows', roadmapId: message.roadmapId, sort: message.sort, descending: message.descending, rows: shown, matching: rows.length });
  }

  /** Export CSV…: the save dialog asks before it hands back a file that exists, so that file is replaced. */
  private async exportCsv(roadmapId: string, csv: string): Promise<void> {
    if (refuseInRestrictedMode('exportProgress')) return;
    const today = new Date().toISOString().slice(0, 10);
    const uri = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(this.folder, `class-${roadmapId}-${today}.csv`),
      filters: { [vscode.l10n.t('CSV file')]: ['csv'] },
      saveLabel: vscode.l10n.t('Export'),
    });
    if (!uri) return;
    if (await replaceFile(uri, csv)) {
      this.classHost.log.info(`Exported the class table of ${roadmapId} to ${uri.toString()}.`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported the class table to {0}.', vscode.workspace.asRelativePath(uri)));
    }
  }

  private relativeName(uri: vscode.Uri): string {
    const base = this.folder.path.endsWith('/') ? this.folder.path : `${this.folder.path}/`;
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path.slice(uri.path.lastIndexOf('/') + 1);
  }

  private folderLabel(): string {
    return this.folder.scheme === 'file' ? vscode.workspace.asRelativePath(this.folder, true) : this.folder.toString(true);
  }
}

/**
 * Watches the entries of one folder (`*`: its files, and its folders such as `class/`) with a
 * non-recursive watcher of its own; disposing the result stops it. Patterns relative to the
 * workspace folder ride on the workspace's recursive watcher instead, and in the test workbench
 * that one reported nothing once another suite had made a project with a virtual environment in
 * the workspace; a brace group holding a path (`{*.json,class/*.json}`) was never reported a
 * change at all.
 */
function watchEntries(base: vscode.Uri, onChange: (uri: vscode.Uri) => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(base, '*'));
  return vscode.Disposable.from(watcher, ...[watcher.onDidChange, watcher.onDidCreate, watcher.onDidDelete].map((event) => event(onChange)));
}

/** Class files are `*.json`; the name may be a path. */
function isClassFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.json');
}

function csvHeadings() {
  const t = translate;
  return { learner: t('Learner'), file: t('File'), done: t('Done %'), verified: t('Verified'), aheadBehind: t('Ahead (+) or behind (−) plan, days'), pace: t('Pace (hours a week)'), activity: t('Last activity') };
}
