/**
 * The features both extension hosts run after the tree, in the order they depend on each other.
 * The Node entry (extension.ts, through nodeFeatures.ts) adds what needs Node (checks, which run
 * Python) and registers all of it after the tree's first rows; the web entry (extension.web.ts)
 * adds the messages for what the web cannot do. A feature that works everywhere joins here.
 */
import type * as vscode from 'vscode';
import { DashboardFeature, registerDashboard } from './dashboard';
import { DetailsFeature, registerDetails } from './details';
import { LinksFeature, registerLinks } from './links';
import { NotesFeature, registerNotes } from './notes';
import { registerRoadmapFiles } from './ownRoadmaps';
import { registerStudyPlan } from './plan';
import { registerScaffolds, ScaffoldFeature } from './scaffold';
import { registerSearch } from './search';
import type { Services } from './services';
import { registerTransfer } from './transfer';
import type { RoadmapTree } from './tree';

export interface Features {
  readonly services: Services;
  readonly tree: RoadmapTree;
  readonly details: DetailsFeature;
  readonly dashboard: DashboardFeature;
  readonly links: LinksFeature;
  readonly notes: NotesFeature;
  readonly scaffolds: ScaffoldFeature;
}

export function registerFeatures(context: vscode.ExtensionContext, services: Services, tree: RoadmapTree): Features {
  const details = registerDetails(context, services, tree);
  const dashboard = registerDashboard(context, services, tree, details);
  const links = registerLinks(context, services, tree);
  const notes = registerNotes(context, services, tree, details);
  const scaffolds = registerScaffolds(context, services, tree, links);
  registerSearch(context, services, tree, details);
  registerRoadmapFiles(context, services);
  registerTransfer(context, services);
  registerStudyPlan(context, services, tree);
  return { services, tree, details, dashboard, links, notes, scaffolds };
}
