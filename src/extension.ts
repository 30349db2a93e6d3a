/**
 * The extension in a Node extension host (VS Code Desktop, VS Code Server, Codespaces), loaded by
 * start-up (src/startup/main.ts) once the tree's view has its first rows: the services, the
 * features every host runs (features.ts) with the tree whose rows replace the first ones, the
 * checks, which run Python, and the public API (api.ts). The host's `activate` resolves after
 * this one, so a command or a page that activated the extension finds what it needs.
 *
 * A new feature joins features.ts (every host), or below when it needs Node. Only what the first
 * rows cannot do without belongs in src/startup/.
 */
import type * as vscode from 'vscode';
import { createApi, type MlRoadmapsApi } from './api';
import { registerChecks } from './checks';
import { registerFeatures } from './features';
import { nodePlatform } from './platform/node';
import { createServices } from './services';
import type { Started } from './startup';

export function activate(context: vscode.ExtensionContext, { first, view }: Started): MlRoadmapsApi {
  const services = createServices(context, nodePlatform, first);
  const { tree, links, scaffolds } = registerFeatures(context, services, view);
  registerChecks(context, services, tree, links, scaffolds);
  return createApi(services, context.subscriptions);
}

export function deactivate(): void {}
