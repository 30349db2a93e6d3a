/**
 * Keeps the view in step with what is loaded, the selection and the settings: its context keys,
 * its message, the roadmap in focus and whether finished tasks are hidden.
 */
import * as vscode from 'vscode';
import { ContextKeys, Settings, settingId } from '../constants';
import { isFailure } from '../core/catalog';
import { isTask, rootOf, type Roadmap, type Task } from '../model/types';
import type { Services } from '../services';
import { isTopRow, modelOf } from './elements';
import type { TreeNavigation } from './navigation';
import { isTreeElement, type RoadmapTreeView } from './view';

type TreeParts = Pick<RoadmapTreeView, 'provider' | 'view'>;

/** Whether finished tasks are hidden, as the settings say. */
export function hideFinishedSetting(): boolean {
  return vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.hideFinishedTasks, false);
}

/** Sets the view's state now, and again on every change that can alter it. */
export function watchViewState(context: vscode.ExtensionContext, services: Services, tree: TreeParts, navigation: TreeNavigation): void {
  const { registry, tracker } = services;
  const { provider, view } = tree;
  const update = () => void updateViewState(services, tree);
  update();
  context.subscriptions.push(
    view.onDidChangeSelection((e) => {
      const models = e.selection.filter(isTreeElement).map(modelOf);
      const element = models.find((s) => !isFailure(s));
      if (element) navigation.focus(rootOf(element as Roadmap | Task));
      services.context.set(ContextKeys.taskSelected, models.some(isTask));
    }),
    view.onDidChangeVisibility((e) => {
      if (!e.visible) return;
      void navigation.focusedRoadmap();
      update();
    }),
    tracker.onDidChange(update),
    view.onDidChangeCheckboxState(async (e) => {
      for (const [row, checkbox] of e.items) {
        // A This Week row's checkbox is its task's.
        const element = isTreeElement(row) ? modelOf(row) : undefined;
        if (!isTask(element)) continue;
        await tracker.setState([element], checkbox === vscode.TreeItemCheckboxState.Checked ? 'done' : 'notStarted');
      }
    }),
    // The roadmap last worked on is the one in focus, wherever the change came from.
    tracker.onDidChange((change) => navigation.focus(change.roadmap)),
    registry.onDidChange(() => {
      update();
      tracker.invalidate();
      void navigation.focusedRoadmap();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(settingId(Settings.hideFinishedTasks))) return;
      const hide = hideFinishedSetting();
      provider.setHideFinished(hide);
      services.context.set(ContextKeys.hideFinished, hide);
      update();
    }),
  );
}

/** Context keys and the view's message, from what is loaded; never starts a load itself. */
async function updateViewState(services: Services, { provider, view }: TreeParts): Promise<void> {
  const { registry } = services;
  services.context.set(ContextKeys.hasFinishedTask, services.store.hasFinished());
  if (!view.visible && !registry.isLoaded()) return;
  const entries = await registry.entries();
  const failed = entries.filter(isFailure).length;
  view.message =
    failed === 0
      ? undefined
      : failed === 1
        ? vscode.l10n.t('1 roadmap file could not be loaded; the Problems panel says where.')
        : vscode.l10n.t('{0} roadmap files could not be loaded; the Problems panel says where.', failed);
  // A feature's top row (Review) is not a roadmap: the welcome still says why none is shown.
  const roots = (await provider.getChildren()).filter((root) => !isTopRow(root));
  const reason = roots.length > 0 ? '' : entries.length === 0 ? 'noRoadmaps' : 'allFinished';
  services.context.set(ContextKeys.emptyReason, reason);
}
