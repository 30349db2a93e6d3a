import * as vscode from 'vscode';
import { DashboardFeature, registerDashboard } from './dashboard';
import { DetailsFeature, registerDetails } from './details';
import { LinksFeature, registerLinks } from './links';
import { NotesFeature, registerNotes } from './notes';
import { registerRoadmapFiles } from './roadmaps';
import { createServices, Services } from './services';
import { registerTransfer } from './transfer';
import { registerTree, RoadmapTree } from './tree';

/** What `activate` returns: the integration tests drive the extension through it. */
export interface MlRoadmapsApi {
  readonly services: Services;
  readonly tree: RoadmapTree;
  readonly details: DetailsFeature;
  readonly dashboard: DashboardFeature;
  readonly links: LinksFeature;
  readonly notes: NotesFeature;
  readonly globalState: vscode.Memento;
  readonly workspaceState: vscode.Memento;
}

export function activate(context: vscode.ExtensionContext): MlRoadmapsApi {
  const services = createServices(context);
  const tree = registerTree(context, services);
  const details = registerDetails(context, services, tree);
  const dashboard = registerDashboard(context, services, tree, details);
  const links = registerLinks(context, services, tree);
  const notes = registerNotes(context, services, tree, (module) => details.open(module));
  registerRoadmapFiles(context, services);
  registerTransfer(context, services);
  details.addTaskAction('openNotes');
  details.addTaskAction('linkFolder');
  return { services, tree, details, dashboard, links, notes, globalState: context.globalState, workspaceState: context.workspaceState };
}

export function deactivate(): void {}
