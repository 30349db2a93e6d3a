/**
 * "Create Starter Project": the bundled scaffolds (`roadmaps/scaffolds/<id>/`) and the command
 * flow that copies one into a folder. The decisions live in `plan.ts`; this file only asks the
 * user, reads and stats through `vscode.workspace.fs`, and writes.
 */
import * as vscode from 'vscode';
import type { Log } from '../util/log';
import { rootOf } from '../model/types';
import type { Task } from '../model/types';
import type { Services } from '../services';
import { translate, Twofold, twofold, untranslated } from '../util/l10n';
import { refuseInRestrictedMode } from '../util/trust';
import { parseScaffoldManifest, ScaffoldManifest } from './manifest';
import { builtinVariables, isInside, planScaffold, projectFolderNameOf, projectNameProblem, TemplateFile } from './plan';
import { FolderWriter, OutsideFolder } from '../platform/folderWriter';
import { parseTaskKey, taskKey } from '../model/ids';


export const SCAFFOLDS_FOLDER = ['roadmaps', 'scaffolds'] as const;
const MANIFEST_FILE = 'scaffold.yaml';
const TEMPLATE_FOLDER = 'files';
/** Where the default location puts projects, inside the first workspace folder. */
const PROJECTS_FOLDER = 'projects';
const README = 'README.md';
const MAX_LISTED_FILES = 10;
/** The title of the command's questions. */
const questionTitle = (): string => vscode.l10n.t('Create Starter Project');

export interface Scaffold {
  readonly manifest: ScaffoldManifest;
  /** The folder holding `scaffold.yaml` and `files/`. */
  readonly folder: vscode.Uri;
}

/** The bundled scaffolds, read once on first use. */
export class ScaffoldCatalog {
  private loading: Promise<readonly Scaffold[]> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
  ) {}

  all(): Promise<readonly Scaffold[]> {
    this.loading ??= this.load();
    return this.loading;
  }

  async forTask(roadmapId: string, taskId: string): Promise<readonly Scaffold[]> {
    const key = taskKey(roadmapId, taskId);
    return (await this.all()).filter((s) => s.manifest.serves.includes(key));
  }

  /** The template files, with POSIX paths relative to `files/`, sorted by path. */
  async files(scaffold: Scaffold): Promise<TemplateFile[]> {
    const files: TemplateFile[] = [];
    const walk = async (folder: vscode.Uri, prefix: string): Promise<void> => {
      for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
        const uri = vscode.Uri.joinPath(folder, name);
        // A link in the extension's own folder is a packaging mistake; never follow it.
        if (type & vscode.FileType.SymbolicLink) this.log.warn(`Scaffold ${scaffold.manifest.id}: skipped the symbolic link ${prefix}${name}.`);
        else if (type & vscode.FileType.Directory) await walk(uri, `${prefix}${name}/`);
        else if (type & vscode.FileType.File) files.push({ path: `${prefix}${name}`, content: await vscode.workspace.fs.readFile(uri) });
      }
    };
    await walk(vscode.Uri.joinPath(scaffold.folder, TEMPLATE_FOLDER), '');
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private async load(): Promise<readonly Scaffold[]> {
    const root = vscode.Uri.joinPath(this.extensionUri, ...SCAFFOLDS_FOLDER);
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(root);
    } catch (error) {
      this.log.error(`Could not list the scaffolds in ${root.toString()}: ${messageOf(error)}`);
      return [];
    }
    const scaffolds: Scaffold[] = [];
    for (const [name] of entries.filter(([, type]) => type === vscode.FileType.Directory).sort(([a], [b]) => a.localeCompare(b))) {
      const folder = vscode.Uri.joinPath(root, name);
      const label = `scaffolds/${name}/${MANIFEST_FILE}`;
      let text: string;
      try {
        text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, MANIFEST_FILE))).replace(/^\uFEFF/, '');
      } catch (error) {
        this.log.warn(`Skipped the scaffold "${name}": could not read ${label}: ${messageOf(error)}`);
        continue;
      }
      const { manifest, errors } = parseScaffoldManifest(text, label);
      if (manifest && manifest.id !== name) errors.push(`${label}:1:1: id "${manifest.id}" must equal the folder name "${name}"`);
      if (!manifest || errors.length > 0) {
        this.log.warn(`Skipped the scaffold "${name}": its manifest is invalid.`);
        for (const error of errors) this.log.warn(error);
        continue;
      }
      scaffolds.push({ manifest, folder });
    }
    this.log.info(`Found ${scaffolds.length} scaffold(s).`);
    return scaffolds;
  }
}

export interface ScaffoldChoice {
  readonly scaffold: Scaffold;
  /** It serves the task the command was run for. */
  readonly recommended: boolean;
  /** The tasks it serves, as "Task title (Roadmap title)". */
  readonly serves: readonly string[];
}

/** The questions the command asks; integration tests replace them with scripted answers. */
export interface ScaffoldPrompts {
  /** `choices` come recommended first. */
  pickScaffold(choices: readonly ScaffoldChoice[]): Promise<Scaffold | undefined>;
  projectName(defaultName: string): Promise<string | undefined>;
  /** `defaultFolder` is undefined when no workspace folder is open. */
  location(defaultFolder: vscode.Uri | undefined): Promise<vscode.Uri | undefined>;
  /** Whether to go on creating the other files when `existing` are already there. */
  confirmKeep(existing: readonly string[], toCreate: number): Promise<boolean>;
}

export interface CreateDeps {
  readonly task?: Task;
  readonly linkFolder: (task: Task, folder: vscode.Uri) => Promise<void>;
}

/** Runs the whole command; returns the project folder, or undefined when cancelled or refused. */
export async function createStarterProject(services: Services, catalog: ScaffoldCatalog, deps: CreateDeps, prompts: ScaffoldPrompts = vscodePrompts): Promise<vscode.Uri | undefined> {
  const { log, tracker } = services;
  const { task } = deps;
  if (refuseInRestrictedMode('createStarterProject')) {
    log.info('Create Starter Project: refused in Restricted Mode.');
    return undefined;
  }
  try {
    const scaffolds = await catalog.all();
    if (scaffolds.length === 0) {
      log.warn('Create Starter Project: no scaffold is available.');
      void vscode.window.showErrorMessage(vscode.l10n.t('No starter project is available: the bundled scaffolds could not be read. See the ML Roadmaps output for details.'));
      return undefined;
    }
    const roadmap = task && rootOf(task);
    const scaffold = await prompts.pickScaffold(await choicesFor(services, scaffolds, roadmap && task ? await catalog.forTask(roadmap.id, task.id) : []));
    if (!scaffold) return cancelled(log, 'no starter was chosen');
    const { manifest } = scaffold;

    const projectName = (await prompts.projectName(task?.title ?? manifest.title))?.trim();
    if (!projectName) return cancelled(log, 'no project name was given');
    const problem = projectNameProblem(projectName);
    if (problem) {
      void vscode.window.showErrorMessage(projectNameProblem(projectName, translate) ?? problem);
      return cancelled(log, `the project name was refused: ${problem}`);
    }

    const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
    const target = await prompts.location(workspaceFolder && vscode.Uri.joinPath(workspaceFolder.uri, PROJECTS_FOLDER, projectFolderNameOf(projectName)));
    if (!target) return cancelled(log, 'no location was chosen');
    log.info(`Create Starter Project: "${manifest.id}" as "${projectName}" in ${target.toString()}.`);

    const variables: Record<string, string> = {
      ...Object.fromEntries(manifest.variables.map((v) => [v.name, v.default])),
      ...builtinVariables({
        projectName,
        taskTitle: task?.title ?? manifest.title,
        taskId: task?.id ?? '',
        roadmapTitle: roadmap?.title ?? manifest.title,
        roadmapId: roadmap?.id ?? '',
        now: new Date(),
      }),
    };
    const templates = await catalog.files(scaffold);
    const cannotCreate = twofold((t) => t('The starter "{0}" cannot be created', manifest.title));
    const nothingCreated = twofold((t) => t('Nothing was created in {0}', display(target)));
    // Render once to learn the paths, look at what is there, then plan for real. The plan's errors
    // are about the scaffold's templates, for its maintainers: they stay English (see plan.ts).
    const draft = planScaffold({ files: templates, variables, existing: new Set() });
    if (draft.errors.length > 0) return refuse(log, cannotCreate, draft.errors.map(untranslated));
    const probe = await probeTarget(target, draft.create.map((f) => f.path));
    if (probe.refusal) return refuse(log, nothingCreated, [probe.refusal]);
    const plan = planScaffold({ files: templates, variables, existing: probe.existing });
    if (plan.errors.length > 0) return refuse(log, cannotCreate, plan.errors.map(untranslated));

    if (plan.keep.length > 0) {
      log.info(`Create Starter Project: ${plan.keep.length} file(s) already exist: ${plan.keep.join(', ')}.`);
      if (plan.create.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Every file of "{0}" already exists in {1}; nothing was created.', manifest.title, display(target)));
        return cancelled(log, 'every file already exists');
      }
      if (!(await prompts.confirmKeep(plan.keep, plan.create.length))) return cancelled(log, 'the user chose not to create the other files');
    }

    const written = await writeFiles(target, plan.create, log, services.platform.guardedWriter);
    if (written.refused) return refuse(log, nothingCreated, [untranslated(written.refused)]);
    if (written.failed.length > 0) {
      void vscode.window.showErrorMessage(
        written.failed.length > 1
          ? vscode.l10n.t('{0} file(s) could not be written: {1} … See the ML Roadmaps output.', written.failed.length, written.failed[0])
          : vscode.l10n.t('{0} file(s) could not be written: {1} See the ML Roadmaps output.', written.failed.length, written.failed[0]),
      );
    }
    if (written.created.length === 0) return refuse(log, nothingCreated, [twofold((t) => t('no file could be written'))]);

    if (task) {
      try {
        await deps.linkFolder(task, target);
        log.info(`Create Starter Project: linked ${target.toString()} to ${roadmap?.id}/${task.id}.`);
      } catch (error) {
        log.warn(`Create Starter Project: could not link the folder to the task: ${messageOf(error)}`);
      }
      if (tracker.stateOf(task) === 'notStarted') {
        await tracker.setState([task], 'inProgress');
        log.info(`Create Starter Project: marked ${task.id} in progress.`);
      }
    }

    const kept = plan.keep.length + written.appeared.length;
    if ([...written.created, ...plan.keep, ...written.appeared].includes(README)) {
      try {
        await vscode.window.showTextDocument(vscode.Uri.joinPath(target, README), { preview: false });
      } catch (error) {
        log.warn(`Create Starter Project: could not open ${README}: ${messageOf(error)}`);
      }
    }
    const created = written.created.length;
    const summary = twofold((t) =>
      kept > 0
        ? t('Created "{0}" in {1}: {2} file(s) created, {3} existing file(s) kept untouched.', projectName, display(target), created, kept)
        : t('Created "{0}" in {1}: {2} file(s) created.', projectName, display(target), created),
    );
    log.info(`Create Starter Project: ${summary.message}`);
    void vscode.window.showInformationMessage(summary.shown);
    return target;
  } catch (error) {
    log.error(`Create Starter Project failed: ${messageOf(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create the starter project: {0}', messageOf(error)));
    return undefined;
  }
}

async function choicesFor(services: Services, scaffolds: readonly Scaffold[], recommended: readonly Scaffold[]): Promise<ScaffoldChoice[]> {
  const roadmaps = new Map((await services.registry.roadmaps()).map((r) => [r.id, r] as const));
  const taskLabel = (key: string) => {
    const parsed = parseTaskKey(key);
    const roadmap = parsed && roadmaps.get(parsed.roadmapId);
    const task = parsed && roadmap?.taskIndex.get(parsed.taskId);
    return roadmap && task ? `${task.title} (${roadmap.title})` : key;
  };
  return scaffolds
    .map((scaffold) => ({ scaffold, recommended: recommended.includes(scaffold), serves: scaffold.manifest.serves.map(taskLabel) }))
    .sort((a, b) => Number(b.recommended) - Number(a.recommended) || a.scaffold.manifest.title.localeCompare(b.scaffold.manifest.title));
}

/**
 * Which planned files already exist under `target`, or why nothing may be written there: the
 * target or a folder on the way to a file is a symbolic link (it could lead outside the chosen
 * folder) or is a file.
 */
async function probeTarget(target: vscode.Uri, paths: readonly string[]): Promise<{ existing: Set<string>; refusal?: Twofold }> {
  const existing = new Set<string>();
  const types = new Map<string, vscode.FileType | undefined>();
  const typeOf = async (path: string) => {
    if (!types.has(path)) types.set(path, await statType(path === '' ? target : vscode.Uri.joinPath(target, ...path.split('/'))));
    return types.get(path);
  };
  const targetType = await typeOf('');
  if (targetType === undefined) return { existing };
  if (targetType & vscode.FileType.SymbolicLink) return { existing, refusal: twofold((t) => t('{0} is a symbolic link; choose the folder it points to instead', display(target))) };
  if (!(targetType & vscode.FileType.Directory)) return { existing, refusal: twofold((t) => t('{0} is a file, not a folder', display(target))) };
  for (const path of paths) {
    const segments = path.split('/');
    let folderExists = true;
    for (let i = 1; i < segments.length && folderExists; i++) {
      const folder = segments.slice(0, i).join('/');
      const type = await typeOf(folder);
      if (type === undefined) folderExists = false;
      else if (type & vscode.FileType.SymbolicLink) {
        return { existing, refusal: twofold((t) => t('"{0}" in {1} is a symbolic link, which could lead outside the chosen folder', folder, display(target))) };
      } else if (!(type & vscode.FileType.Directory)) {
        return { existing, refusal: twofold((t) => t('"{0}" in {1} is a file, but the starter needs a folder there', folder, display(target))) };
      }
    }
    // Anything at the path counts, a dangling link included: it is never written through.
    if (folderExists && (await typeOf(path)) !== undefined) existing.add(path);
  }
  return { existing };
}

async function writeFiles(
  target: vscode.Uri,
  files: readonly TemplateFile[],
  log: Log,
  guardedWriter: ((anchor: string) => FolderWriter) | undefined,
): Promise<{ created: string[]; appeared: string[]; failed: string[]; refused?: string }> {
  const created: string[] = [];
  const appeared: string[] = [];
  const failed: string[] = [];
  // On the local disk every folder on the way is checked for links at write time (platform/writeGuard.ts).
  // Other file systems (remote, virtual) cannot tell a real path through `workspace.fs`; there the
  // symbolic-link bits that probeTarget read are all there is to go by. So does the web, which has
  // no local disk.
  const guard = target.scheme === 'file' && guardedWriter ? guardFor(target, guardedWriter) : undefined;
  if (guard) {
    try {
      await guard.writer.checkAll(files.map((f) => guard.prefix + f.path));
    } catch (error) {
      if (!(error instanceof OutsideFolder)) throw error;
      log.warn(`Create Starter Project: refused to write: ${error.message}.`);
      return { created, appeared, failed, refused: error.message };
    }
  }
  for (const file of files) {
    const uri = vscode.Uri.joinPath(target, ...file.path.split('/'));
    // planScaffold already refuses such paths; this guards the join itself.
    if (!isInside(target.path, uri.path)) {
      failed.push(`${file.path}: outside the project folder`);
      continue;
    }
    try {
      if (guard) {
        if ((await guard.writer.write(guard.prefix + file.path, file.content)) === 'exists') {
          appeared.push(file.path);
          log.warn(`Create Starter Project: ${file.path} appeared while creating the project; kept it untouched.`);
          continue;
        }
        created.push(file.path);
        continue;
      }
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      // `workspace.fs.writeFile` always overwrites: look once more right before writing.
      if ((await statType(uri)) !== undefined) {
        appeared.push(file.path);
        log.warn(`Create Starter Project: ${file.path} appeared while creating the project; kept it untouched.`);
        continue;
      }
      await vscode.workspace.fs.writeFile(uri, file.content);
      created.push(file.path);
    } catch (error) {
      failed.push(`${file.path}: ${messageOf(error)}`);
      log.error(`Create Starter Project: could not write ${file.path}: ${messageOf(error)}`);
    }
  }
  log.info(`Create Starter Project: wrote ${created.length} file(s) under ${target.toString()}${failed.length ? `, ${failed.length} failed` : ''}.`);
  return { created, appeared, failed };
}

/**
 * The writer anchored where the user's choice is visible: the workspace folder that holds the
 * target (so a `projects` link in a cloned repository is caught), or else the chosen folder.
 */
function guardFor(target: vscode.Uri, guardedWriter: (anchor: string) => FolderWriter): { writer: FolderWriter; prefix: string } {
  const folder = vscode.workspace.getWorkspaceFolder(target);
  if (folder && folder.uri.scheme === 'file' && isInside(folder.uri.path, target.path)) {
    const rest = target.path.slice(folder.uri.path.replace(/\/+$/, '').length).replace(/^\/+/, '');
    return { writer: guardedWriter(folder.uri.fsPath), prefix: rest === '' ? '' : `${rest}/` };
  }
  return { writer: guardedWriter(target.fsPath), prefix: '' };
}

/** The type of what is at `uri` (symbolic-link bit included), or undefined when nothing is. */
async function statType(uri: vscode.Uri): Promise<vscode.FileType | undefined> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type;
  } catch (error) {
    // Compare the code rather than `instanceof`: errors from other file system providers may not be FileSystemError instances.
    if ((error as { code?: unknown }).code === 'FileNotFound') return undefined;
    throw error;
  }
}

function cancelled(log: Log, why: string): undefined {
  log.info(`Create Starter Project: cancelled, ${why}.`);
  return undefined;
}

/** Logs the headline and every reason in English; shows the headline and the first reason translated. */
function refuse(log: Log, headline: Twofold, reasons: readonly Twofold[]): undefined {
  log.warn(`Create Starter Project: ${headline.message}:`);
  for (const reason of reasons) log.warn(`  ${reason.message}`);
  void vscode.window.showErrorMessage(
    reasons.length > 1
      ? vscode.l10n.t('{0}: {1} (and {2} more problem(s); see the ML Roadmaps output).', headline.shown, reasons[0].shown, reasons.length - 1)
      : vscode.l10n.t('{0}: {1}.', headline.shown, reasons[0].shown),
  );
  return undefined;
}

function display(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, true);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The default questions, in the VS Code UI. */
export const vscodePrompts: ScaffoldPrompts = {
  async pickScaffold(choices) {
    type Item = vscode.QuickPickItem & { scaffold?: Scaffold };
    const items: Item[] = [];
    const grouped = choices.some((c) => c.recommended);
    choices.forEach((choice, i) => {
      if (grouped && (i === 0 || choice.recommended !== choices[i - 1].recommended)) {
        items.push({ label: choice.recommended ? vscode.l10n.t('For this task') : vscode.l10n.t('Other starters'), kind: vscode.QuickPickItemKind.Separator });
      }
      const { title, description } = choice.scaffold.manifest;
      items.push({ label: title, description: vscode.l10n.t('for {0}', choice.serves.join('; ')), detail: description, scaffold: choice.scaffold });
    });
    const picked = await vscode.window.showQuickPick(items, {
      title: questionTitle(),
      placeHolder: vscode.l10n.t('Choose a starter project'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    return picked?.scaffold;
  },

  projectName(defaultName) {
    return Promise.resolve(
      vscode.window.showInputBox({
        title: questionTitle(),
        prompt: vscode.l10n.t('Name of the new project'),
        value: defaultName,
        validateInput: (value) => projectNameProblem(value, translate),
      }),
    );
  },

  async location(defaultFolder) {
    const chooseFolder = async () =>
      (
        await vscode.window.showOpenDialog({
          title: vscode.l10n.t('Choose the folder for the new project'),
          openLabel: vscode.l10n.t('Create Project Here'),
          canSelectFolders: true,
          canSelectFiles: false,
          canSelectMany: false,
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        })
      )?.[0];
    if (!defaultFolder) return chooseFolder();
    const items: (vscode.QuickPickItem & { folder?: vscode.Uri })[] = [
      { label: `$(folder) ${display(defaultFolder)}`, description: vscode.l10n.t('in this workspace'), folder: defaultFolder },
      { label: `$(folder-opened) ${vscode.l10n.t('Choose a folder…')}` },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: questionTitle(), placeHolder: vscode.l10n.t('Where should the project go?') });
    if (!picked) return undefined;
    return picked.folder ?? chooseFolder();
  },

  async confirmKeep(existing, toCreate) {
    const listed = existing.slice(0, MAX_LISTED_FILES).map((path) => `• ${path}`);
    if (existing.length > MAX_LISTED_FILES) listed.push(vscode.l10n.t('and {0} more', existing.length - MAX_LISTED_FILES));
    const create = vscode.l10n.t('Create the Others');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} file(s) of the starter already exist.', existing.length),
      { modal: true, detail: vscode.l10n.t('They will be kept untouched:\n{0}\n\nThe other {1} file(s) will be created.', listed.join('\n'), toCreate) },
      create,
    );
    return answer === create;
  },
};
