/**
 * Start-up in a Node extension host: everything that exists only to draw the tree's first rows
 * early lives in this folder. The extension starts in two steps:
 *
 *  1. here: the tree's view with its first rows (firstRows.ts), drawn from the outlines the build
 *     compiled (outlines.ts) and the stored progress, with no model and no roadmap registry;
 *     dist/start.js is loaded with V8's code cache by main.ts (codeCache.ts);
 *  2. once the view has its first rows, or wants more than they have (handOver.ts), the rest of
 *     the extension, whose tree replaces the first rows (src/extension.ts).
 *
 * The tree knows of all this only the small `ProvisionalRows` interface its view takes
 * (src/tree/view.ts).
 */
import type * as vscode from 'vscode';
import { registerTreeView, type PendingTreeView } from '../tree/view';
import { firstRowItems } from './firstRows';
import { HandOver } from './handOver';
import { createFirstServices, type FirstServices } from './services';

export interface Started {
  /** The log and the progress store, which the other services are made from. */
  readonly first: FirstServices;
  /** The tree's view, showing the first rows until the tree is attached. */
  readonly view: PendingTreeView;
}

/** Shows the first rows; resolves when the rest of the extension should load. */
export async function startUp(context: vscode.ExtensionContext): Promise<Started> {
  const first = createFirstServices(context);
  const handOver = new HandOver(firstRowItems(context, first.store));
  const view = registerTreeView(context, handOver);
  await handOver.due(view.view);
  return { first, view };
}
