/**
 * Links between tasks and the user's project folders: Link Folder…, drag and drop from the
 * Explorer, Unlink and Relink…, the folders as rows under their task, and a badge on linked
 * folders in the Explorer.
 */
import * as vscode from 'vscode';
import { Commands, LinkedFolderContext } from '../constants';
import { isTask, rootOf, Task } from '../model/types';
import type { Services } from '../services';
import { LinkStore, StoredLink } from '../storage/linkStore';
import type { RoadmapTree } from '../tree';
import type { TaskChild } from '../tree/elements';
import type { Log } from '../util/log';
import { parseTaskKey } from '../model/ids';
import { basename } from '../util/uriPath';
import { resolveLink, toStoredLink } from './folders';

export { resolveLink, toStoredLink };

export interface LinksFeature {
  link(task: Task, folder: vscode.Uri): Promise<boolean>;
  foldersOf(task: Task): Promise<LinkedFolder[]>;
  /** The Explorer decoration of a folder, as VS Code would get it. */
  decorationFor(uri: vscode.Uri): vscode.FileDecoration | undefined;
}

/** A linked folder as a row under its task. */
export class LinkedFolder implements TaskChild {
  constructor(
    readonly task: Task,
    readonly link: StoredLink,
    readonly uri: vscode.Uri | undefined,
    readonly exists: boolean,
  ) {}

  get label(): string {
    return this.uri ? basename(this.uri.path) || this.uri.toString() : this.link.path;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = `${rootOf(this.task).id}/${this.task.id}/link:${this.link.folder ?? ''}:${this.link.path}`;
    item.resourceUri = this.uri;
    item.description = this.exists ? describeLink(this.link) : vscode.l10n.t('missing — Relink…');
    item.contextValue = this.exists ? LinkedFolderContext.present : LinkedFolderContext.missing;
    item.iconPath = this.exists ? vscode.ThemeIcon.Folder : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.tooltip = this.exists
      ? vscode.l10n.t('Linked to “{0}”: {1}', this.task.title, this.uri?.fsPath ?? this.link.path)
      : vscode.l10n.t('This folder no longer exists: {0}. The link is kept until you relink or unlink it.', this.uri?.fsPath ?? this.link.path);
    item.command = this.exists
      ? { command: Commands.revealLinkedFolder, title: vscode.l10n.t('Reveal in Explorer'), arguments: [this] }
      : { command: Commands.relinkFolder, title: vscode.l10n.t('Relink…'), arguments: [this] };
    return item;
  }
}

export function registerLinks(context: vscode.ExtensionContext, services: Services, tree: RoadmapTree): LinksFeature {
  const store = services.links;
  const changed = new vscode.EventEmitter<readonly Task[] | undefined>();
  const decorations = new LinkDecorations(store, services);
  const links = new FolderLinks(store, services.log, () => tree.view.selection[0], (task) => changed.fire([task]));

  const linksChanged = async (key: string) => {
    decorations.refresh();
    const parsed = parseTaskKey(key);
    const task = parsed && (await services.registry.task(parsed.roadmapId, parsed.taskId));
    changed.fire(task ? [task] : undefined);
  };
  tree.onDropUris((task, uris) => links.linkDropped(task, uris));

  context.subscriptions.push(
    changed,
    decorations,
    tree.provider.addChildSource({
      count: (task) => store.linksOf(rootOf(task).id, task.id).length,
      children: (task) => Promise.resolve(links.rowsOf(task)),
      onDidChange: changed.event,
    }),
    vscode.window.registerFileDecorationProvider(decorations),
    store.onDidChange((key) => void linksChanged(key)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      decorations.refresh();
      changed.fire(undefined);
    }),
    vscode.commands.registerCommand(Commands.linkFolder, (arg?: unknown, folderArg?: unknown) => links.linkChosen(arg, folderArg)),
    vscode.commands.registerCommand(Commands.unlinkFolder, (arg?: unknown) => links.unlink(arg)),
    vscode.commands.registerCommand(Commands.relinkFolder, (arg?: unknown, folderArg?: unknown) => links.relink(arg, folderArg)),
    vscode.commands.registerCommand(Commands.revealLinkedFolder, (arg?: unknown) => links.reveal(arg)),
    vscode.commands.registerCommand(Commands.openLinkedFolderInNewWindow, (arg?: unknown) => links.openInNewWindow(arg)),
  );
  // A terminal needs a shell: the web entry answers this command with why it cannot (unavailable/index.ts).
  if (services.platform.kind === 'node') {
    context.subscriptions.push(vscode.commands.registerCommand(Commands.openTerminalInLinkedFolder, (arg?: unknown) => links.openTerminal(arg)));
  }

  return { link: (task, folder) => links.link(task, folder), foldersOf: (task) => links.foldersOf(task), decorationFor: (uri) => decorations.provideFileDecoration(uri) };
}

/**
 * What the link commands do. A command's argument is the clicked row when there is one (a task,
 * a linked folder), else the tree's selection.
 */
class FolderLinks {
  /** Whether each linked folder (by URI) was a folder when last looked at; one not looked at yet is drawn as there. */
  private readonly seen = new Map<string, boolean>();

  constructor(
    private readonly store: LinkStore,
    private readonly log: Log,
    private readonly selected: () => unknown,
    private readonly redraw: (task: Task) => void,
  ) {}

  /**
   * The task's rows, drawn at once from what was last seen of each folder, which is then looked at
   * again: a row that turns out different is drawn again. The rows never wait on the disk because
   * VS Code's tree breaks ("Element with id … is already registered") when two fetches of one
   * task's rows overlap, as a reveal during a redraw makes them do, and a wait on the disk in
   * each fetch made that window wide (the view mends what still overlaps: tree/view.ts).
   */
  rowsOf(task: Task): LinkedFolder[] {
    const rows = this.store.linksOf(rootOf(task).id, task.id).map((link) => {
      const uri = resolveLink(link);
      return new LinkedFolder(task, link, uri, uri ? (this.seen.get(uri.toString()) ?? true) : false);
    });
    void this.lookAgain(task, rows);
    return rows;
  }

  private async lookAgain(task: Task, rows: readonly LinkedFolder[]): Promise<void> {
    const found = await Promise.all(rows.map((row) => (row.uri ? isFolder(row.uri) : Promise.resolve(false))));
    rows.forEach((row, i) => row.uri && this.seen.set(row.uri.toString(), found[i]));
    if (rows.some((row, i) => row.exists !== found[i])) this.redraw(task);
  }

  /** The task's linked folders, each looked at now. */
  async foldersOf(task: Task): Promise<LinkedFolder[]> {
    return Promise.all(
      this.store.linksOf(rootOf(task).id, task.id).map(async (link) => {
        const uri = resolveLink(link);
        return new LinkedFolder(task, link, uri, uri ? await isFolder(uri) : false);
      }),
    );
  }

  async link(task: Task, folder: vscode.Uri): Promise<boolean> {
    const added = await this.store.add(rootOf(task).id, task.id, toStoredLink(folder));
    if (added) this.log.info(`Linked ${folder.toString()} to ${rootOf(task).id}/${task.id}.`);
    return added;
  }

  /** Folders dropped from the Explorer onto a task; files, and folders already linked, are skipped and said so. */
  async linkDropped(task: Task, uris: readonly vscode.Uri[]): Promise<void> {
    let linked = 0;
    for (const uri of uris) {
      if (await isFolder(uri)) linked += (await this.link(task, uri)) ? 1 : 0;
    }
    if (linked < uris.length) {
      void vscode.window.showInformationMessage(
        linked === 0
          ? vscode.l10n.t('Only folders can be linked to a task; drop a folder from the Explorer.')
          : vscode.l10n.t('Linked {0} folder(s); files and folders already linked were skipped.', linked),
      );
    }
  }

  /** Link Folder…: the folder given, or one picked. */
  async linkChosen(arg: unknown, folderArg: unknown): Promise<boolean> {
    const selected = arg ?? this.selected();
    const task = isTask(selected) ? selected : undefined;
    if (!task) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select a task in the ML Roadmaps view to link a folder to it.'));
      return false;
    }
    const folder = folderArg instanceof vscode.Uri ? folderArg : await pickFolder(vscode.l10n.t('Link Folder'), vscode.l10n.t('Link a folder to “{0}”', task.title));
    if (!folder) return false;
    if (!(await isFolder(folder))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Not a folder: {0}', folder.fsPath));
      return false;
    }
    return this.link(task, folder);
  }

  async unlink(arg: unknown): Promise<boolean> {
    const linked = this.linkedFolder(arg);
    if (!linked) return false;
    return this.store.remove(rootOf(linked.task).id, linked.task.id, linked.link);
  }

  async relink(arg: unknown, folderArg: unknown): Promise<boolean> {
    const linked = this.linkedFolder(arg);
    if (!linked) return false;
    const folder = folderArg instanceof vscode.Uri ? folderArg : await pickFolder(vscode.l10n.t('Relink'), vscode.l10n.t('Where is “{0}” now?', linked.label));
    if (!folder || !(await isFolder(folder))) return false;
    await this.store.replace(rootOf(linked.task).id, linked.task.id, linked.link, toStoredLink(folder));
    return true;
  }

  async reveal(arg: unknown): Promise<void> {
    const linked = this.linkedFolder(arg);
    if (!linked?.uri) return;
    if (vscode.workspace.getWorkspaceFolder(linked.uri)) {
      await vscode.commands.executeCommand('revealInExplorer', linked.uri);
    } else if (vscode.env.uiKind === vscode.UIKind.Web) {
      // A browser cannot open the system's file manager (VS Code has no revealFileInOS there).
      void vscode.window.showInformationMessage(
        vscode.l10n.t('“{0}” is outside the workspace, and a browser cannot show it in the file manager. Use Open Linked Folder in New Window instead.', linked.label),
      );
    } else {
      await vscode.commands.executeCommand('revealFileInOS', linked.uri);
    }
  }

  async openInNewWindow(arg: unknown): Promise<void> {
    const linked = this.linkedFolder(arg);
    if (linked?.uri) await vscode.commands.executeCommand('vscode.openFolder', linked.uri, { forceNewWindow: true });
  }

  openTerminal(arg: unknown): vscode.Terminal | undefined {
    const linked = this.linkedFolder(arg);
    if (!linked?.uri) return undefined;
    const terminal = vscode.window.createTerminal({ name: linked.label, cwd: linked.uri });
    terminal.show();
    return terminal;
  }

  private linkedFolder(arg: unknown): LinkedFolder | undefined {
    const selected = arg ?? this.selected();
    return selected instanceof LinkedFolder ? selected : undefined;
  }
}

/** Marks linked folders in the Explorer, with the tasks they serve in the tooltip. */
export class LinkDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.emitter.event;
  private byUri: Map<string, string[]> | undefined;

  constructor(
    private readonly store: LinkStore,
    private readonly services: Services,
  ) {}

  refresh(): void {
    this.byUri = undefined;
    this.emitter.fire(undefined);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const keys = this.index().get(uri.toString());
    if (!keys) return undefined;
    return { badge: '◆', tooltip: vscode.l10n.t('ML Roadmaps: linked to {0}', keys.join(', ')), propagate: false };
  }

  dispose(): void {
    this.emitter.dispose();
  }

  /** URI → task titles; built on demand from the store, cheap to throw away. */
  private index(): Map<string, string[]> {
    if (this.byUri) return this.byUri;
    const byUri = new Map<string, string[]>();
    for (const [key, links] of this.store.all()) {
      const title = this.taskTitle(key);
      for (const link of links) {
        const uri = resolveLink(link)?.toString();
        if (uri) byUri.set(uri, [...(byUri.get(uri) ?? []), title]);
      }
    }
    this.byUri = byUri;
    return byUri;
  }

  private taskTitle(key: string): string {
    // Only consult roadmaps already loaded: decorations must never trigger loading.
    const parsed = parseTaskKey(key);
    const task = parsed && this.services.registry.peekTask(parsed.roadmapId, parsed.taskId);
    return task ? `“${task.title}”` : key;
  }
}

/** One folder from the open dialog, starting in the first workspace folder. */
async function pickFolder(openLabel: string, title: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel, title, defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri });
  return picked?.[0];
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

function describeLink(link: StoredLink): string {
  return link.folder === undefined ? vscode.l10n.t('outside the workspace') : link.path === '.' ? link.folder : `${link.folder}/${link.path}`;
}
