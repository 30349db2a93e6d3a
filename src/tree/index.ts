/**
 * What acts on the sidebar tree: the task-state commands, Next Task, Reset, the status bar and the
 * view's context keys. Registered with the tree itself, on the view made before it (view.ts).
 */
import * as vscode from 'vscode';
import { ContextKeys } from '../constants';
import { isTask, type Roadmap, type Task } from '../model/types';
import type { Services } from '../services';
import { registerTreeCommands } from './commands';
import { modelOf, type TreeElement } from './elements';
import { TreeNavigation } from './navigation';
import { RoadmapTreeProvider } from './provider';
import { ProgressStatusBar } from './statusBar';
import type { PendingTreeView, RoadmapTreeView } from './view';
import { hideFinishedSetting, watchViewState } from './viewState';

export type { RoadmapTreeView } from './view';

export interface RoadmapTree extends Omit<RoadmapTreeView, 'onDrop'> {
  readonly statusBar: ProgressStatusBar;
  /** The roadmap the status bar shows and Next Task works in. */
  focusedRoadmap(): Promise<Roadmap | undefined>;
  reveal(task: Task): Promise<void>;
  /** Opens a planned roadmap's This Week node, and the roadmap above it, without moving the focus. */
  showThisWeek(roadmap: Roadmap): Promise<void>;
  /** Sets what happens when files or folders are dropped on a task (one handler: the links feature). */
  onDropUris(handler: (task: Task, uris: vscode.Uri[]) => Promise<void>): void;
}

/** Puts the tree in the view made before it, and registers what acts on it. */
export function registerTree(context: vscode.ExtensionContext, services: Services, pendingView: PendingTreeView): RoadmapTree {
  const { registry, tracker, log } = services;
  const hideFinished = hideFinishedSetting();
  const provider = new RoadmapTreeProvider(registry, tracker, services.plans, hideFinished);
  context.subscriptions.push(provider);
  const treeView = pendingView.attach(provider);
  const statusBar = new ProgressStatusBar(tracker, services.plans);
  context.subscriptions.push(statusBar);
  services.context.set(ContextKeys.hideFinished, hideFinished);
  const navigation = new TreeNavigation(registry, treeView, statusBar, log);
  watchViewState(context, services, treeView, navigation);
  registerTreeCommands(context, services, treeView.view, navigation);
  // The view was most likely shown before these listeners were added.
  if (treeView.view.visible) void navigation.focusedRoadmap();
  const { onDrop, ...parts } = treeView;
  return {
    ...parts,
    statusBar,
    onDropUris: (handler) => onDrop((target, uris) => dropOnTask(target, uris, handler)),
    focusedRoadmap: () => navigation.focusedRoadmap(),
    reveal: (task) => navigation.reveal(task),
    showThisWeek: (roadmap) => navigation.showThisWeek(roadmap),
  };
}

/** A drop on a task's row, or on a row that stands for one (This Week's), goes to the handler; anywhere else says where to drop. */
async function dropOnTask(target: TreeElement | undefined, uris: vscode.Uri[], handler: (task: Task, uris: vscode.Uri[]) => Promise<void>): Promise<void> {
  const model = target && modelOf(target);
  if (isTask(model)) return handler(model, uris);
  void vscode.window.showInformationMessage(vscode.l10n.t('Drop folders on a task to link them to it.'));
}
