/**
 * The extension in a Node extension host (VS Code Desktop, VS Code Server, Codespaces). Start-up
 * goes in two steps so that the tree's first rows come before anything else:
 *
 *  1. the tree's view with its first rows, drawn from the outlines the build compiled and the
 *     stored progress (tree/firstRows.ts): no model, no roadmap registry. The build puts this file
 *     and what it imports into dist/start.js and nothing more (see esbuild.js), which main.ts
 *     loads with V8's code cache.
 *  2. once the view has its first rows, or wants more than they have (startup.ts says when),
 *     everything else: the services, the tree itself, whose rows replace the first ones, and every
 *     feature, from a bundle of its own (dist/features.js, built from nodeFeatures.ts). `activate`
 *     resolves after that, so a command or a page that activated the extension finds what it needs.
 *
 * A new feature joins step 2, in features.ts (every host) or nodeFeatures.ts (needs Node). Only
 * what the first rows cannot do without belongs in step 1. Returns the public API (api.ts).
 */
import type * as vscode from 'vscode';
import type { MlRoadmapsApi } from './api';
import { createFirstServices } from './firstServices';
import { afterFirstRows } from './startup';
import { firstRows } from './tree/firstRows';
import { registerTreeView } from './tree/view';

export async function activate(context: vscode.ExtensionContext): Promise<MlRoadmapsApi> {
  // Step 1: the first rows.
  const first = createFirstServices(context);
  const view = registerTreeView(context, firstRows(context, first.store));
  // Step 2: the rest.
  await afterFirstRows(view);
  const { registerNodeFeatures } = await import('./nodeFeatures');
  return registerNodeFeatures(context, first, view);
}

export function deactivate(): void {}
