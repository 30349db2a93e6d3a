/**
 * The extension in a Node extension host (VS Code Desktop, VS Code Server, Codespaces). First the
 * tree's view with its first rows (src/startup/), then, once they are shown, everything else,
 * evaluated only then: the services, the features every host runs (features.ts) with the tree
 * whose rows replace the first ones, the checks, which run Python, and the public API (api.ts).
 * `activate` resolves after that, so a command or a page that activated the extension finds what
 * it needs.
 *
 * A new feature joins features.ts (every host), or below when it needs Node. Only what the first
 * rows cannot do without belongs in src/startup/.
 */
import type * as vscode from 'vscode';
import type { MlRoadmapsApi } from './api';
import { startUp } from './startup';

export async function activate(context: vscode.ExtensionContext): Promise<MlRoadmapsApi> {
  const { first, view } = await startUp(context);
  const [{ createServices }, { nodePlatform }, { registerFeatures }, { registerChecks }, { createApi }] = await Promise.all([
    import('./services'),
    import('./platform/node'),
    import('./features'),
    import('./checks'),
    import('./api'),
  ]);
  const services = createServices(context, nodePlatform, first);
  const { tree, links, scaffolds } = registerFeatures(context, services, view);
  registerChecks(context, services, tree, links, scaffolds);
  return createApi(services, context.subscriptions);
}

export function deactivate(): void {}
