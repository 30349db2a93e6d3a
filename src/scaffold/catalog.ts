/**
 * Finding a starter: the bundled scaffolds (`roadmaps/scaffolds/<id>/`), read once on first use,
 * their template files, and the choices offered for a task (those that serve it first).
 */
import * as vscode from 'vscode';
import type { Log } from '../util/log';
import type { Services } from '../services';
import { parseTaskKey, taskKey } from '../model/ids';
import { parseScaffoldManifest, ScaffoldManifest } from './manifest';
import type { TemplateFile } from './plan';
import { messageOf } from './write';

export const SCAFFOLDS_FOLDER = ['roadmaps', 'scaffolds'] as const;
/** The files every starter carries besides its own: the CI workflow and `run-checks`. */
export const COMMON_FILES_FOLDER = ['roadmaps', 'starter-ci'] as const;
const MANIFEST_FILE = 'scaffold.yaml';
const TEMPLATE_FOLDER = 'files';

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
  files(scaffold: Scaffold): Promise<TemplateFile[]> {
    return this.walk(vscode.Uri.joinPath(scaffold.folder, TEMPLATE_FOLDER), scaffold.manifest.id);
  }

  /** The files every starter with checks carries (`roadmaps/starter-ci/`), as template files. */
  commonFiles(): Promise<TemplateFile[]> {
    return this.walk(vscode.Uri.joinPath(this.extensionUri, ...COMMON_FILES_FOLDER), COMMON_FILES_FOLDER.join('/'));
  }

  private async walk(root: vscode.Uri, label: string): Promise<TemplateFile[]> {
    const files: TemplateFile[] = [];
    const visit = async (folder: vscode.Uri, prefix: string): Promise<void> => {
      for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
        const uri = vscode.Uri.joinPath(folder, name);
        // A link in the extension's own folder is a packaging mistake; never follow it.
        if (type & vscode.FileType.SymbolicLink) this.log.warn(`Scaffold ${label}: skipped the symbolic link ${prefix}${name}.`);
        else if (type & vscode.FileType.Directory) await visit(uri, `${prefix}${name}/`);
        else if (type & vscode.FileType.File) files.push({ path: `${prefix}${name}`, content: await vscode.workspace.fs.readFile(uri) });
      }
    };
    await visit(root, '');
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

/** Every scaffold as a choice, those that serve the task first, each with the tasks it serves by title. */
export async function choicesFor(services: Services, scaffolds: readonly Scaffold[], recommended: readonly Scaffold[]): Promise<ScaffoldChoice[]> {
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
