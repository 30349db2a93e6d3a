import * as vscode from 'vscode';
import { ChecksFeature, registerChecks } from './checks';
import { DashboardFeature, registerDashboard } from './dashboard';
import { DetailsFeature, registerDetails } from './details';
import { LinksFeature, registerLinks } from './links';
import { NotesFeature, registerNotes } from './notes';
import { registerRoadmapFiles } from './ownRoadmaps';
import { registerStudyPlan } from './plan';
import { nodePlatform } from './platform/node';
import { registerScaffolds, ScaffoldFeature } from './scaffold';
import { registerSearch } from './search';
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
  readonly scaffolds: ScaffoldFeature;
  readonly checks: ChecksFeature;
  readonly globalState: vscode.Memento;
  readonly workspaceState: vscode.Memento;
}

export function activate(context: vscode.ExtensionContext): MlRoadmapsApi {
  const services = createServices(context, nodePlatform);
  const tree = registerTree(context, services);
  const details = registerDetails(context, services, tree);
  const dashboard = registerDashboard(context, services, tree, details);
  const links = registerLinks(context, services, tree);
  const notes = registerNotes(context, services, tree, details);
  const scaffolds = registerScaffolds(context, services, tree, links);
  const checks = registerChecks(context, services, tree, links, scaffolds);
  registerSearch(context, services, tree, details);
  registerRoadmapFiles(context, services);
  registerTransfer(context, services);
  registerStudyPlan(context, services, tree);
  return { services, tree, details, dashboard, links, notes, scaffolds, checks, globalState: context.globalState, workspaceState: context.workspaceState };
}

export function deactivate(): void {}
