/**
 * The features both extension hosts run once the tree's view exists, in the order they depend on
 * each other; first the tree itself.
 * The Node entry (extension.ts) adds what needs Node (checks, which run Python) and registers all
 * of it after the tree's first rows; the web entry (extension.web.ts) adds the messages for what
 * the web cannot do. A feature that works everywhere joins here.
 */
import type * as vscode from 'vscode';
import { registerClassroom } from './classroom';
import { registerDashboard } from './dashboard';
import { registerDetails } from './details';
import { LinksFeature, registerLinks } from './links';
import { registerNotes } from './notes';
import { registerRoadmapFiles } from './ownRoadmaps';
import { registerStudyPlan } from './plan';
import { registerScaffolds, ScaffoldFeature } from './scaffold';
import { registerSearch } from './search';
import type { Services } from './services';
import { registerTransfer } from './transfer';
import { registerTree, RoadmapTree } from './tree';
import type { PendingTreeView } from './tree/view';
import { registerReview } from './review';

/** What a feature registered after these (the checks, in extension.ts) builds on. */
export interface Features {
  readonly tree: RoadmapTree;
  readonly links: LinksFeature;
  readonly scaffolds: ScaffoldFeature;
}

export function registerFeatures(context: vscode.ExtensionContext, services: Services, view: PendingTreeView): Features {
  const tree = registerTree(context, services, view);
  const details = registerDetails(context, services, tree);
  const links = registerLinks(context, services, tree);
  const notes = registerNotes(context, services, tree, details);
  const scaffolds = registerScaffolds(context, services, tree, links);
  registerSearch(context, services, tree, details);
  registerRoadmapFiles(context, services);
  registerTransfer(context, services);
  registerStudyPlan(context, services, tree);
  registerClassroom(context, services);
  // The dashboard's review section counts the cards the review feature finds in this workspace's notes.
  registerDashboard(context, services, tree, details, registerReview(context, services, tree, notes));
  return { tree, links, scaffolds };
}
