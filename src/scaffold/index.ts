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
import type { ScaffoldCatalog, ScaffoldPrompts } from './create';

export interface ScaffoldFeature {
  catalog(): Promise<ScaffoldCatalog>;
  /** The command's flow, with scripted answers in tests. */
  create(task: Task | undefined, prompts?: ScaffoldPrompts): Promise<vscode.Uri | undefined>;
}

export function registerScaffolds(context: vscode.ExtensionContext, services: Services, tree: RoadmapTree, links: LinksFeature): ScaffoldFeature {
  let catalog: ScaffoldCatalog | undefined;
  const load = async () => {
    const module = await import('./create');
    catalog ??= new module.ScaffoldCatalog(context.extensionUri, services.log);
    return { module, catalog };
  };
  const create = async (task: Task | undefined, prompts?: ScaffoldPrompts) => {
    const { module, catalog } = await load();
    const deps = { task, linkFolder: async (t: Task, folder: vscode.Uri) => void (await links.link(t, folder)) };
    const created = await module.createStarterProject(services, catalog, deps, prompts);
    if (created) services.context.set(ContextKeys.createdStarterProject, true);
    return created;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.createStarterProject, (clicked?: unknown) => create(isTask(clicked) ? clicked : tree.view.selection.find(isTask))),
  );

  return { catalog: async () => (await load()).catalog, create };
}
