/**
 * The web extension (`browser` in package.json): what the web worker extension host of VS Code
 * for the Web (vscode.dev, github.dev) loads instead of extension.ts. The same features, from the
 * same code, with the web platform; what needs Node answers with why (platform/unavailable.ts).
 * Bundled into one file with no Node built-ins (esbuild.js).
 */
import type * as vscode from 'vscode';
import { registerDashboard } from './dashboard';
import { registerDetails } from './details';
import { registerLinks } from './links';
import { registerNotes } from './notes';
import { registerRoadmapFiles } from './ownRoadmaps';
import { registerStudyPlan } from './plan';
import { registerUnavailableOnWeb } from './platform/unavailable';
import { webPlatform } from './platform/web';
import { registerScaffolds } from './scaffold';
import { registerSearch } from './search';
import { createServices } from './services';
import { registerTransfer } from './transfer';
import { registerTree } from './tree';

/**
 * The same API as extension.ts's `MlRoadmapsApi` but for checks, which run Python (the web tests
 * check so; a type import of extension.ts would pull Node in).
 */
export function activate(context: vscode.ExtensionContext) {
  const services = createServices(context, webPlatform);
  const tree = registerTree(context, services);
  const details = registerDetails(context, services, tree);
  const dashboard = registerDashboard(context, services, tree, details);
  const links = registerLinks(context, services, tree);
  const notes = registerNotes(context, services, tree, details);
  const scaffolds = registerScaffolds(context, services, tree, links);
  registerSearch(context, services, tree, details);
  registerRoadmapFiles(context, services);
  registerTransfer(context, services);
  registerStudyPlan(context, services, tree);
  registerUnavailableOnWeb(context, services);
  return { services, tree, details, dashboard, links, notes, scaffolds, globalState: context.globalState, workspaceState: context.workspaceState };
}

export function deactivate(): void {}
