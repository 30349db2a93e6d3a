/**
 * Per-task notes: Open Notes creates or opens `<notes folder>/<roadmap>/<task>.md`; any Markdown
 * file naming a task is listed under it in the tree; a CodeLens in the note leads back.
 */
import * as vscode from 'vscode';
import type { Log } from '../util/log';
import { Commands, NoteContext, Settings } from '../constants';
import { findModule, isModule, isTask, Module, rootOf, Task } from '../model/types';
import type { Services } from '../services';
import type { DetailsFeature } from '../details';
import type { RoadmapTree } from '../tree';
import type { TaskChild } from '../tree/elements';
import type { TaskChildSource } from '../tree/provider';
import { Disposable } from '../util/disposable';
import { translate } from '../util/l10n';
import { refuseInRestrictedMode } from '../util/trust';
import { basename, dirname, isAbsolutePath } from '../util/uriPath';
import { findTaskReferences, MAX_NOTE_BYTES, newNoteText, notePath } from './discovery';
import { parseTaskKey, taskKey } from '../model/ids';

const MARKDOWN_GLOB = '**/*.md';
const EXCLUDE_GLOB = '**/{node_modules,.git,.venv,venv,__pycache__,dist,out}/**';
const MAX_SCANNED_FILES = 5000;

export interface NotesFeature {
  readonly index: NotesIndex;
  /** Opens the note of a task or module, creating it on first use. */
  open(subject: Task | Module): Promise<vscode.Uri | undefined>;
  noteUri(subject: Task | Module): vscode.Uri;
}

/** A related note as a row under its task. */
export class NoteRow implements TaskChild {
  constructor(
    readonly task: Task,
    readonly uri: vscode.Uri,
  ) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(basename(this.uri.path), vscode.TreeItemCollapsibleState.None);
    item.id = `${rootOf(this.task).id}/${this.task.id}/note:${this.uri.toString()}`;
    item.resourceUri = this.uri;
    item.iconPath = new vscode.ThemeIcon('note');
    item.description = vscode.workspace.asRelativePath(dirname(this.uri.path) === '/' ? this.uri : vscode.Uri.joinPath(this.uri, '..'), false);
    item.tooltip = vscode.l10n.t('Note about “{0}”: {1}', this.task.title, vscode.workspace.asRelativePath(this.uri, true));
    item.contextValue = NoteContext.note;
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Note'), arguments: [this.uri] };
    return item;
  }
}

/**
 * Which Markdown files in the workspace name which task. Built on first need by one scan, then
 * kept current by a file watcher.
 */
export class NotesIndex extends Disposable {
  /** "roadmap/task" → note URIs. */
  private readonly byTask = new Map<string, Set<string>>();
  /** Note URI → the keys it names, to undo on change. */
  private readonly byNote = new Map<string, string[]>();
  private scanning: Promise<void> | undefined;
  private readonly changeEmitter = this.register(new vscode.EventEmitter<readonly string[]>());
  /** Fires with the "roadmap/task" keys whose notes changed. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly readEmitter = this.register(new vscode.EventEmitter<NoteRead>());
  /** Fires for every note read (the first scan, then each change) and every note deleted: review finds its cards there. */
  readonly onDidReadNote = this.readEmitter.event;

  constructor(private readonly log: Log) {
    super();
  }

  notesOf(roadmapId: string, taskId: string): string[] {
    void this.ensureScanned();
    return [...(this.byTask.get(taskKey(roadmapId, taskId)) ?? [])];
  }

  ensureScanned(): Promise<void> {
    this.scanning ??= this.scan();
    return this.scanning;
  }

  async update(uri: vscode.Uri): Promise<void> {
    const keys = await this.read(uri);
    const changed = this.set(uri.toString(), keys);
    if (changed.length) this.changeEmitter.fire(changed);
  }

  remove(uri: vscode.Uri): void {
    this.readEmitter.fire({ uri, keys: [], text: undefined });
    const changed = this.set(uri.toString(), []);
    if (changed.length) this.changeEmitter.fire(changed);
  }

  private async scan(): Promise<void> {
    if (!vscode.workspace.workspaceFolders?.length) return;
    const started = Date.now();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB));
    this.register(watcher.onDidCreate((uri) => void this.update(uri)));
    this.register(watcher.onDidChange((uri) => void this.update(uri)));
    this.register(watcher.onDidDelete((uri) => this.remove(uri)));
    const files = await vscode.workspace.findFiles(MARKDOWN_GLOB, EXCLUDE_GLOB, MAX_SCANNED_FILES);
    await Promise.all(files.map(async (uri) => this.set(uri.toString(), await this.read(uri))));
    this.log.info(`Scanned ${files.length} Markdown file(s) for task notes in ${Date.now() - started} ms.`);
    // Only tasks that have notes gain rows. Redrawing the whole tree instead would also drop a
    // selection the user (or a reveal) made while the scan ran.
    if (this.byTask.size) this.changeEmitter.fire([...this.byTask.keys()]);
  }

  /** The task keys a note names, told with its text to those who read notes. */
  private async read(uri: vscode.Uri): Promise<string[]> {
    const { keys, text } = await readNote(uri);
    this.readEmitter.fire({ uri, keys, text });
    return keys;
  }

  /** Records what one note names; returns the keys whose note lists changed. */
  private set(note: string, keys: string[]): string[] {
    const before = this.byNote.get(note) ?? [];
    for (const key of before) this.byTask.get(key)?.delete(note);
    for (const key of keys) {
      if (!this.byTask.has(key)) this.byTask.set(key, new Set());
      this.byTask.get(key)!.add(note);
    }
    if (keys.length) this.byNote.set(note, keys);
    else this.byNote.delete(note);
    return [...new Set([...before, ...keys])].filter((k) => !(before.includes(k) && keys.includes(k)));
  }
}

/** A note as read: the task keys it names (front matter first), and its text; no text when it could not be read or is too large. */
export interface NoteRead {
  readonly uri: vscode.Uri;
  readonly keys: readonly string[];
  readonly text: string | undefined;
}

async function readNote(uri: vscode.Uri): Promise<{ keys: string[]; text: string | undefined }> {
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > MAX_NOTE_BYTES) return { keys: [], text: undefined };
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    return { keys: findTaskReferences(text).map((r) => taskKey(r.roadmapId, r.taskId)), text };
  } catch {
    return { keys: [], text: undefined };
  }
}

/** Writes a new note for the task or module: its heading, where it sits in the roadmap, today's date. */
async function writeNewNote(uri: vscode.Uri, subject: Task | Module, log: Log): Promise<void> {
  const roadmap = rootOf(subject);
  const module = isTask(subject) ? subject.module : subject;
  const where = module.implicit ? [module.phase.title] : [module.phase.title, module.title];
  const text = newNoteText({ roadmapId: roadmap.id, roadmapTitle: roadmap.title, id: subject.id, title: subject.title, path: isTask(subject) ? where : where.slice(0, -1) }, new Date().toISOString().slice(0, 10), translate);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  log.info(`Created note ${uri.toString()}.`);
}

export function registerNotes(context: vscode.ExtensionContext, services: Services, tree: RoadmapTree, details: DetailsFeature): NotesFeature {
  const index = new NotesIndex(services.log);
  const changed = new vscode.EventEmitter<readonly Task[] | undefined>();

  const noteUri = (subject: Task | Module): vscode.Uri => {
    const roadmapId = rootOf(subject).id;
    return vscode.Uri.joinPath(notesRoot(context), ...notePath(roadmapId, subject.id).split('/'));
  };

  const open = async (subject: Task | Module): Promise<vscode.Uri | undefined> => {
    const uri = noteUri(subject);
    if (!(await exists(uri))) {
      if (refuseInRestrictedMode('createNote')) return undefined;
      await writeNewNote(uri, subject, services.log);
      if (vscode.workspace.getWorkspaceFolder(uri)) await index.update(uri);
    }
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  };

  const source: TaskChildSource = {
    count: (task) => index.notesOf(rootOf(task).id, task.id).length,
    children: (task) => Promise.resolve(index.notesOf(rootOf(task).id, task.id).map((u) => new NoteRow(task, vscode.Uri.parse(u)))),
    onDidChange: changed.event,
  };

  context.subscriptions.push(
    index,
    changed,
    tree.provider.addChildSource(source),
    index.onDidChange((keys) => {
      const tasks = keys
        .map(parseTaskKey)
        .map((parsed) => parsed && services.registry.peekTask(parsed.roadmapId, parsed.taskId))
        .filter((t): t is Task => Boolean(t));
      changed.fire(tasks);
    }),

    vscode.commands.registerCommand(Commands.openNotes, async (arg?: unknown) => {
      const selected = arg ?? tree.view.selection[0];
      const subject = isTask(selected) || isModule(selected) ? selected : undefined;
      if (!subject) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select a task or module in the ML Roadmaps view to open its notes.'));
        return undefined;
      }
      return open(subject);
    }),

    vscode.commands.registerCommand(Commands.showTask, async (roadmapId?: unknown, id?: unknown) => {
      if (typeof roadmapId !== 'string' || typeof id !== 'string') return false;
      const roadmap = await services.registry.roadmap(roadmapId);
      const task = roadmap?.taskIndex.get(id);
      const module = task?.module ?? findModule(roadmap, id);
      if (!module) {
        void vscode.window.showWarningMessage(vscode.l10n.t('This note names {0}, which no loaded roadmap has.', taskKey(roadmapId, id)));
        return false;
      }
      await details.open(module);
      if (task) await tree.reveal(task);
      return true;
    }),

    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, new NoteLenses(services)),
  );

  return { index, open, noteUri };
}

/** "Show in ML Roadmaps" above each task a note names: the way back from a note. */
class NoteLenses implements vscode.CodeLensProvider {
  constructor(private readonly services: Services) {}

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const references = findTaskReferences(document.getText());
    if (references.length === 0) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const ref of references) {
      const roadmap = await this.services.registry.roadmap(ref.roadmapId);
      const title = roadmap?.taskIndex.get(ref.taskId)?.title ?? findModule(roadmap, ref.taskId)?.title;
      lenses.push(
        new vscode.CodeLens(new vscode.Range(ref.line, 0, ref.line, 0), {
          title: title
            ? `$(map) ${vscode.l10n.t('Show “{0}” in ML Roadmaps', title)}`
            : `$(warning) ${vscode.l10n.t('{0} is not in any loaded roadmap', `${ref.roadmapId}/${ref.taskId}`)}`,
          command: Commands.showTask,
          arguments: [ref.roadmapId, ref.taskId],
        }),
      );
    }
    return lenses;
  }
}

/** The notes folder: the setting, inside the first workspace folder; global storage otherwise. */
function notesRoot(context: vscode.ExtensionContext): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return vscode.Uri.joinPath(context.globalStorageUri, 'notes');
  const configured = vscode.workspace.getConfiguration(Settings.section).get<string>(Settings.notesFolder, 'notes');
  const segments = configured.split(/[\\/]+/).filter((s) => s && s !== '.');
  // The setting is a path inside the workspace folder; anything that would leave it falls back.
  const safe = segments.length > 0 && !segments.includes('..') && !isAbsolutePath(configured);
  return vscode.Uri.joinPath(folder.uri, ...(safe ? segments : ['notes']));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
