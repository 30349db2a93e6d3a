/**
 * The web extension (`browser` in package.json): what the web worker extension host of VS Code
 * for the Web (vscode.dev, github.dev) loads instead of extension.ts. The same features, from the
 * same code, with the web platform; what needs Node answers with why (unavailable/index.ts).
 * Returns the same public API (api.ts). Bundled into one file with no Node built-ins (esbuild.js).
 */
import type * as vscode from 'vscode';
import { createApi, MlRoadmapsApi } from './api';
import { registerFeatures } from './features';
import { registerUnavailableOnWeb } from './unavailable';
import { webPlatform } from './platform/web';
import { createFirstServices } from './startup/services';
import { createServices } from './services';
import { registerTreeView } from './tree/view';

export function activate(context: vscode.ExtensionContext): MlRoadmapsApi {
  const services = createServices(context, webPlatform, createFirstServices(context));
  const api = createApi(services, context.subscriptions);
  // No first rows here (see src/startup/): the tree draws every row.
  registerFeatures(context, services, registerTreeView(context));
  registerUnavailableOnWeb(context, services);
  return api;
}

export function deactivate(): void {}
