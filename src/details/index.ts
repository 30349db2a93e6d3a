/**
 * The details feature: Open Details and Pin commands, following the tree, and restoring panels
 * after a reload. The panels themselves (and markdown-it) load on first use.
 */
import * as vscode from 'vscode';
import { Commands, DETAILS_VIEW_TYPE } from '../constants';
import { isFinished } from '../model/progress';
import { findModule, isModule, isPhase, isRoadmap, isTask, Module } from '../model/types';
import type { Services } from '../services';
import type { RoadmapTree } from '../tree';
import type { DetailsPanels } from './panel';
import { parseSavedPage } from '../webview/protocol';

export interface DetailsFeature {
  /** The panels, once the feature was first used; undefined before. */
  panels(): DetailsPanels | undefined;
  open(module: Module, options?: { preserveFocus?: boolean; pinned?: boolean }): Promise<void>;
}

export function registerDetails(context: vscode.ExtensionContext, services: Services, tree: RoadmapTree): DetailsFeature {
  let panels: DetailsPanels | undefined;
  const load = async (): Promise<DetailsPanels> => {
    if (!panels) {
      const { DetailsPanels } = await import('./panel');
      panels = new DetailsPanels({ services, extensionUri: context.extensionUri, log: services.log });
      context.subscriptions.push(panels);
    }
    return panels;
  };
  const open = async (module: Module, options?: { preserveFocus?: boolean; pinned?: boolean }) => {
    (await load()).open(module, options);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openDetails, async (target?: unknown, options?: { preserveFocus?: boolean }) => {
      const module = await moduleFor(target ?? tree.view.selection[0], services, tree);
      if (!module) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select a phase, module or task in the ML Roadmaps view to open its details.'));
        return;
      }
      await open(module, { preserveFocus: options?.preserveFocus === true });
    }),

    vscode.commands.registerCommand(Commands.pinDetails, async (target?: unknown) => {
      const module = target ? await moduleFor(target, services, tree) : undefined;
      if (module) await open(module, { pinned: true });
      else (await load()).pin(panels?.active());
    }),

    tree.view.onDidChangeSelection((e) => {
      const [selected] = e.selection;
      if (panels && e.selection.length === 1 && isTask(selected)) panels.followSelection(selected.module);
    }),

    services.registry.onDidChange(() => void panels?.rebind(async (roadmapId, moduleId) => findModule(await services.registry.roadmap(roadmapId), moduleId))),

    vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, {
      async deserializeWebviewPanel(webviewPanel, state: unknown) {
        const saved = parseSavedPage(state);
        const module = saved?.moduleId ? findModule(await services.registry.roadmap(saved.roadmapId), saved.moduleId) : undefined;
        if (!saved || !module) {
          // The roadmap or module is gone (renamed, or a workspace roadmap closed): nothing to show.
          webviewPanel.dispose();
          return;
        }
        (await load()).revive(webviewPanel, module, saved.pinned);
      },
    }),
  );

  return { panels: () => panels, open };
}

/** The module a tree element stands for; a phase opens its first unfinished module. */
async function moduleFor(target: unknown, services: Services, tree: RoadmapTree): Promise<Module | undefined> {
  if (isTask(target)) return target.module;
  if (isModule(target)) return target;
  if (isPhase(target)) return target.modules.find((m) => m.tasks.some((t) => !isFinished(services.tracker.stateOf(t)))) ?? target.modules[0];
  if (isRoadmap(target)) {
    const next = services.tracker.nextTask(target);
    return next?.module ?? target.phases[0]?.modules[0];
  }
  const roadmap = await tree.focusedRoadmap();
  return roadmap ? services.tracker.nextTask(roadmap)?.module : undefined;
}

