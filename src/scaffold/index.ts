/**
 * Create Starter Project, on a task, a module's project on the details page, or the palette.
 * The scaffold code loads on first use.
 */
import * as vscode from 'vscode';
import { Commands, ContextKeys } from '../constants';
import type { LinksFeature } from '../links';
import { isTask, Task } from '../model/types';
import type { Services } from '../services';
import type { RoadmapTree } from '../tree';
import type { ScaffoldCatalog } from './catalog';
import type { ScaffoldPrompts } from './prompts';
import { isStarterOptions, readStarterOptions, StarterOptions } from './options';

export interface ScaffoldFeature {
  catalog(): Promise<ScaffoldCatalog>;
  /** The command's flow; `prompts` answers its questions (the command's options), else the user does. */
  create(task: Task | undefined, prompts?: ScaffoldPrompts): Promise<vscode.Uri | undefined>;
  /** Fires after a starter project was created, with its folder and the task it was linked to. */
  readonly onDidCreate: vscode.Event<{ readonly task?: Task; readonly folder: vscode.Uri }>;
}

export function registerScaffolds(context: vscode.ExtensionContext, services: Services, tree: RoadmapTree, links: LinksFeature): ScaffoldFeature {
  let catalog: ScaffoldCatalog | undefined;
  const created = new vscode.EventEmitter<{ readonly task?: Task; readonly folder: vscode.Uri }>();
  const load = async () => {
    const [module, { ScaffoldCatalog }] = await Promise.all([import('./create'), import('./catalog')]);
    catalog ??= new ScaffoldCatalog(context.extensionUri, services.log);
    return { module, catalog };
  };
  const create = async (task: Task | undefined, prompts?: ScaffoldPrompts) => {
    const { module, catalog } = await load();
    const deps = { task, linkFolder: async (t: Task, folder: vscode.Uri) => void (await links.link(t, folder)) };
    const folder = await module.createStarterProject(services, catalog, deps, prompts);
    if (folder) {
      services.context.set(ContextKeys.createdStarterProject, true);
      created.fire({ task, folder });
    }
    return folder;
  };

  context.subscriptions.push(
    created,
    // A task (the tree, the details page), options (keybindings, tasks, other extensions: see
    // scaffold/options.ts and the README), or nothing (the palette: the selected task).
    vscode.commands.registerCommand(Commands.createStarterProject, async (clicked?: unknown) => {
      if (!isStarterOptions(clicked)) return create(isTask(clicked) ? clicked : tree.view.selection.find(isTask));
      const read = readStarterOptions(clicked, readFolder);
      if ('error' in read) return refuseOptions(read.error);
      const { options } = read;
      const task = options.task && (await services.registry.task(options.task.roadmapId, options.task.taskId));
      if (options.task && !task) return refuseOptions(`no task "${options.task.roadmapId}/${options.task.taskId}" is loaded`);
      const { vscodePrompts } = await import('./prompts');
      return create(task, scripted(options, vscodePrompts));
    }),
  );

  return { catalog: async () => (await load()).catalog, create, onDidCreate: created.event };
}

/** A folder from the `location` option: a Uri, or a URI string with a scheme (`file:///…`). */
function readFolder(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value !== 'string' || !/^[a-z][a-z0-9+.-]+:/i.test(value)) return undefined;
  try {
    return vscode.Uri.parse(value, true);
  } catch {
    return undefined;
  }
}

function refuseOptions(problem: string): undefined {
  void vscode.window.showErrorMessage(vscode.l10n.t('Create Starter Project: {0}', problem));
  return undefined;
}

/** The command's questions with the options' answers; what they leave out is asked. */
function scripted(options: StarterOptions<vscode.Uri>, ask: ScaffoldPrompts): ScaffoldPrompts {
  return {
    pickScaffold: (choices) => {
      if (options.scaffold === undefined) return ask.pickScaffold(choices);
      const found = choices.find((c) => c.scaffold.manifest.id === options.scaffold)?.scaffold;
      if (!found) refuseOptions(`no starter project has the id "${options.scaffold}"`);
      return Promise.resolve(found);
    },
    projectName: (defaultName) => (options.name === undefined ? ask.projectName(defaultName) : Promise.resolve(options.name)),
    location: (defaultFolder) => (options.location === undefined ? ask.location(defaultFolder) : Promise.resolve(options.location)),
    confirmKeep: (existing, toCreate) => (options.keepExisting === undefined ? ask.confirmKeep(existing, toCreate) : Promise.resolve(options.keepExisting)),
  };
}
