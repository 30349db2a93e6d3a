/** Open Dashboard (from a roadmap in the tree or the view title); restoring is the shared page registration's. */
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { DetailsFeature } from '../details';
import { registerPage } from '../webview/pageFeature';
import { DASHBOARD_PAGE } from '../webview/pages';
import { isModule, isPhase, isRoadmap, isTask, Roadmap, rootOf } from '../model/types';
import type { Services } from '../services';
import type { ReviewFeature } from '../review';
import type { RoadmapTree } from '../tree';
import type { DashboardPanels } from './panel';

export interface DashboardFeature {
  panels(): DashboardPanels | undefined;
}

export function registerDashboard(context: vscode.ExtensionContext, services: Services, tree: RoadmapTree, details: DetailsFeature, review: ReviewFeature): DashboardFeature {
  const page = registerPage(context, {
    kind: DASHBOARD_PAGE,
    load: async () =>
      new (await import('./panel')).DashboardPanels({ services, extensionUri: context.extensionUri, log: services.log, openModule: (m) => details.open(m), revealTask: (task) => tree.reveal(task), review: review.session }),
    find: (saved) => services.registry.roadmap(saved.roadmapId),
    onDidReload: services.registry.onDidChange,
  });

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openDashboard, async (target?: unknown) => {
      const inTree = isRoadmap(target) || isPhase(target) || isModule(target) || isTask(target);
      const roadmap: Roadmap | undefined = inTree ? rootOf(target) : await tree.focusedRoadmap();
      if (!roadmap) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No roadmap is loaded.'));
        return;
      }
      (await page.load()).open(roadmap, 'perKey');
    }),
  );

  return { panels: page.current };
}
