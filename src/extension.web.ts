/**
 * The web extension (`browser` in package.json): what the web worker extension host of VS Code
 * for the Web (vscode.dev, github.dev) loads instead of extension.ts. The same features, from the
 * same code, with the web platform; what needs Node answers with why (platform/unavailable.ts).
 * Bundled into one file with no Node built-ins (esbuild.js).
 */
import type * as vscode from 'vscode';
import { registerFeatures } from './features';
import { registerUnavailableOnWeb } from './platform/unavailable';
import { webPlatform } from './platform/web';
import { createServices } from './services';
import { registerTree } from './tree';

/**
 * The same API as extension.ts's `MlRoadmapsApi` but for checks, which run Python (the web tests
 * check so; a type import of extension.ts would pull Node in).
 */
export function activate(context: vscode.ExtensionContext) {
  const services = createServices(context, webPlatform);
  // One bundle here (a web worker loads one file), so no second step: see extension.ts.
  const features = registerFeatures(context, services, registerTree(context, services));
  registerUnavailableOnWeb(context, services);
  return { ...features, globalState: context.globalState, workspaceState: context.workspaceState };
}

export function deactivate(): void {}
