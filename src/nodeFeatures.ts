/**
 * The second step of start-up in a Node extension host (see extension.ts): the services, the
 * features every host runs (features.ts) and the checks, which run Python. The build puts this
 * file and what only it needs into a bundle of its own (dist/features.js), not even read until the
 * first rows are shown or the view asks for more than they have.
 * Returns the public API, which the first step has no use for.
 */
import type * as vscode from 'vscode';
import { createApi, MlRoadmapsApi } from './api';
import { registerChecks } from './checks';
import { registerFeatures } from './features';
import { nodePlatform } from './platform/node';
import type { FirstServices } from './firstServices';
import { createServices } from './services';
import type { FirstView } from './tree/view';

export function registerNodeFeatures(context: vscode.ExtensionContext, first: FirstServices, view: FirstView): MlRoadmapsApi {
  const services = createServices(context, nodePlatform, first);
  const { tree, links, scaffolds } = registerFeatures(context, services, view);
  registerChecks(context, services, tree, links, scaffolds);
  return createApi(services, context.subscriptions);
}
