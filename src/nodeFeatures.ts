/**
 * The second step of start-up in a Node extension host (see extension.ts): the features every host
 * runs (features.ts) and the checks, which run Python. The build puts this file and what only it
 * needs into a bundle of its own (dist/features.js), not even read until the first rows are shown.
 */
import type * as vscode from 'vscode';
import { registerChecks } from './checks';
import { registerFeatures } from './features';
import type { Services } from './services';
import type { RoadmapTree } from './tree';

export function registerNodeFeatures(context: vscode.ExtensionContext, services: Services, tree: RoadmapTree): void {
  const { links, scaffolds } = registerFeatures(context, services, tree);
  registerChecks(context, services, tree, links, scaffolds);
}
