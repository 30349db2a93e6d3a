/**
 * The second step of start-up in a Node extension host (see extension.ts): the features every host
 * runs (features.ts) and the checks, which run Python. The build puts this file and what only it
 * needs into a bundle of its own (dist/features.js), not even read until the first rows are shown.
 * Returns the public API, which the first step has no use for.
 */
import type * as vscode from 'vscode';
import { createApi, MlRoadmapsApi } from './api';
import { registerChecks } from './checks';
import { registerFeatures } from './features';
import type { Services } from './services';
import type { RoadmapTreeView } from './tree';

export function registerNodeFeatures(context: vscode.ExtensionContext, services: Services, treeView: RoadmapTreeView): MlRoadmapsApi {
  const { tree, links, scaffolds } = registerFeatures(context, services, treeView);
  registerChecks(context, services, tree, links, scaffolds);
  return createApi(services, context.subscriptions);
}
