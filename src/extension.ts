/**
 * The extension in a Node extension host (VS Code Desktop, VS Code Server, Codespaces): the
 * features every host runs (features.ts), and the checks, which run Python. Returns the public
 * API (api.ts).
 */
import type * as vscode from 'vscode';
import { createApi, MlRoadmapsApi } from './api';
import { registerChecks } from './checks';
import { registerFeatures } from './features';
import { nodePlatform } from './platform/node';
import { createServices } from './services';

export function activate(context: vscode.ExtensionContext): MlRoadmapsApi {
  const services = createServices(context, nodePlatform);
  const api = createApi(services, context.subscriptions);
  const { tree, links, scaffolds } = registerFeatures(context, services);
  registerChecks(context, services, tree, links, scaffolds);
  return api;
}

export function deactivate(): void {}
