/**
 * The registration every page shares: its panels load on first use (the panel modules bring
 * markdown-it), VS Code's serializer restores its panels after a reload from what they saved, and
 * a reload of the roadmaps points every panel at the fresh model or closes it.
 */
import * as vscode from 'vscode';
import type { PagePanel } from './panel';
import type { PagePanels } from './panels';
import type { PageKind } from './pages';
import type { PageMessageType } from './protocol';

export interface PageFeature<Panels> {
  /** The panels, once the page was first used; undefined before. */
  readonly current: () => Panels | undefined;
  readonly load: () => Promise<Panels>;
}

export interface PageFeatureSpec<Target, Saved, Panels> {
  readonly kind: PageKind<Target, Saved, PageMessageType>;
  /** Creates the panels, loading their module. */
  readonly load: () => Promise<Panels>;
  /** The target a saved state names, in the model as it is now; undefined if it is gone. */
  readonly find: (saved: Saved) => Promise<Target | undefined>;
  /** Fires when the roadmaps were reloaded. */
  readonly onDidReload: vscode.Event<unknown>;
}

export function registerPage<Target, Saved, Page extends PagePanel<Target, PageMessageType>, Panels extends PagePanels<Target, Page>>(
  context: vscode.ExtensionContext,
  spec: PageFeatureSpec<Target, Saved, Panels>,
): PageFeature<Panels> {
  const { kind } = spec;
  let panels: Panels | undefined;
  let loading: Promise<Panels> | undefined;
  const load = (): Promise<Panels> =>
    (loading ??= spec.load().then((loaded) => {
      panels = loaded;
      context.subscriptions.push(loaded);
      return loaded;
    }));

  context.subscriptions.push(
    spec.onDidReload(() => void panels?.rebind((target, mode) => spec.find(kind.save(target, mode)))),
    vscode.window.registerWebviewPanelSerializer(kind.viewType, {
      async deserializeWebviewPanel(webviewPanel, state: unknown) {
        const saved = kind.parseSaved(state);
        const target = saved === undefined ? undefined : await spec.find(saved);
        // The roadmap or module is gone (renamed, or a workspace roadmap closed): nothing to show.
        if (saved === undefined || target === undefined) webviewPanel.dispose();
        else (await load()).revive(webviewPanel, target, kind.modeOf(saved));
      },
    }),
  );
  return { current: () => panels, load };
}
