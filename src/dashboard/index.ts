/** Open Dashboard (from a roadmap in the tree or the view title), and restoring dashboards. */
import * as vscode from 'vscode';
import { Commands, DASHBOARD_VIEW_TYPE } from '../constants';
import type { DetailsFeature } from '../details';
import { parseSavedPage } from '../webview/protocol';
import { isModule, isPhase, isRoadmap, isTask, Roadmap, rootOf } from '../model/types';
import type { Services } from '../services';
import type { RoadmapTree } from '../tree';
import type { DashboardPanels } from './panel';

export interface DashboardFeature {
  panels(): DashboardPanels | undefined;
}

export function registerDashboard(context: vscode.ExtensionContext, services: Services, tree: RoadmapTree, details: DetailsFeature): DashboardFeature {
  let panels: DashboardPanels | undefined;
  const load = async (): Promise<DashboardPanels> => {
    if (!panels) {
      const { DashboardPanels } = await import('./panel');
      panels = new DashboardPanels({ services, extensionUri: context.extensionUri, log: services.log, openModule: (m) => details.open(m), revealTask: (task) => tree.reveal(task) });
      context.subscriptions.push(panels);
    }
    return panels;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openDashboard, async (target?: unknown) => {
      const inTree = isRoadmap(target) || isPhase(target) || isModule(target) || isTask(target);
      const roadmap: Roadmap | undefined = inTree ? rootOf(target) : await tree.focusedRoadmap();
      if (!roadmap) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No roadmap is loaded.'));
        return;
      }
      (await load()).open(roadmap);
    }),

    services.registry.onDidChange(async () => panels?.rebind(await services.registry.roadmaps())),

    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      async deserializeWebviewPanel(webviewPanel, state: unknown) {
        const saved = parseSavedPage(state);
        const roadmap = saved ? await services.registry.roadmap(saved.roadmapId) : undefined;
        if (!roadmap) {
          webviewPanel.dispose();
          return;
        }
        (await load()).open(roadmap, webviewPanel);
      },
    }),
  );

  return { panels: () => panels };
}
