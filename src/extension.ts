/**
 * The extension in a Node extension host (VS Code Desktop, VS Code Server, Codespaces). Start-up
 * goes in two steps so that the tree's first rows come before anything else:
 *
 *  1. the services and the tree's view: only what the first rows need. The build puts this file
 *     and what it imports into dist/start.js and nothing more (see esbuild.js), which main.ts
 *     loads with V8's code cache.
 *  2. once the view has its first rows (startup.ts says when), everything else, the tree's own
 *     commands included, from a bundle of its own (dist/features.js, built from nodeFeatures.ts).
 *     `activate` resolves after that, so a command or a page that activated the extension finds
 *     what it needs.
 *
 * A new feature joins step 2, in features.ts (every host) or nodeFeatures.ts (needs Node). Only
 * what the first rows cannot do without belongs in step 1. Returns the public API (api.ts).
 */
import type * as vscode from 'vscode';
import type { MlRoadmapsApi } from './api';
import { nodePlatform } from './platform/node';
import { createServices } from './services';
import { afterFirstRows } from './startup';
import { registerTreeView } from './tree/view';

export async function activate(context: vscode.ExtensionContext): Promise<MlRoadmapsApi> {
  // Step 1: the first rows.
  const services = createServices(context, nodePlatform);
  const treeView = registerTreeView(context, services);
  // Step 2: the rest.
  await afterFirstRows(treeView);
  const { registerNodeFeatures } = await import('./nodeFeatures');
  return registerNodeFeatures(context, services, treeView);
}

export function deactivate(): void {}
