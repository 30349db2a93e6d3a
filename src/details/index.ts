/**
 * The details feature: Open Details and Pin commands and following the tree; loading the panels on
 * first use, restoring them and rebinding them is the shared page registration's (`pageFeature.ts`).
 */
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { isFinished } from '../model/progress';
import { findModule, isModule, isPhase, isRoadmap, isTask, Module } from '../model/types';
import type { Services } from '../services';
import type { RoadmapTree } from '../tree';
import type { DetailsPanels } from './panel';
import { registerPage } from '../webview/pageFeature';
import { DETAILS_PAGE } from '../webview/pages';

export interface DetailsFeature {
  /** The panels, once the feature was first used; undefined before. */
  panels(): DetailsPanels | undefined;
  open(module: Module, options?: { preserveFocus?: boolean; pinned?: boolean }): Promise<void>;
}

export function registerDetails(context: vscode.ExtensionContext, services: Services, tree: RoadmapTree): DetailsFeature {
  const page = registerPage(context, {
    kind: DETAILS_PAGE,
    load: async () => new (await import('./panel')).DetailsPanels({ services, extensionUri: context.extensionUri, log: services.log }),
    find: async (saved) => findModule(await services.registry.roadmap(saved.roadmapId), saved.moduleId),
    onDidReload: services.registry.onDidChange,
  });
  const open = async (module: Module, options?: { preserveFocus?: boolean; pinned?: boolean }) => {
    (await page.load()).open(module, options?.pinned ? 'perKey' : 'single', options?.preserveFocus);
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
      else {
        const panels = await page.load();
        panels.pin(panels.active());
      }
    }),

    tree.view.onDidChangeSelection((e) => {
      const [selected] = e.selection;
      if (e.selection.length === 1 && isTask(selected)) page.current()?.followSelection(selected.module);
    }),
  );

  return { panels: page.current, open };
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

