/**
 * What acts on the sidebar tree: the task-state commands, Next Task, Reset, the status bar and the
 * view's context keys. Registered with the tree itself, on the view made before it (view.ts).
 */
import * as vscode from 'vscode';
import { Commands, ContextKeys, Settings, settingId } from '../constants';
import { isFinished } from '../model/progress';
import { isModule, isPhase, isRoadmap, isTask, Roadmap, rootOf, Task, TASK_STATES, TaskState } from '../model/types';
import { isFailure } from '../core/catalog';
import { toRange } from '../core/diagnostics';
import type { Services } from '../services';
import { modelOf, TreeElement } from './elements';
import { RoadmapTreeProvider } from './provider';
import { STATE_COMMANDS } from './states';
import { ProgressStatusBar } from './statusBar';
import { isTreeElement, type PendingTreeView, type RoadmapTreeView } from './view';

export type { RoadmapTreeView } from './view';

export interface RoadmapTree extends RoadmapTreeView {
  readonly statusBar: ProgressStatusBar;
  /** The roadmap the status bar shows and Next Task works in. */
  focusedRoadmap(): Promise<Roadmap | undefined>;
  reveal(task: Task): Promise<void>;
  /** Opens a planned roadmap's This Week node, and the roadmap above it, without moving the focus. */
  showThisWeek(roadmap: Roadmap): Promise<void>;
}

/** Puts the tree in the view made before it, and registers what acts on it. */
export function registerTree(context: vscode.ExtensionContext, services: Services, pendingView: PendingTreeView): RoadmapTree {
  const { registry, tracker, log } = services;
  const config = () => vscode.workspace.getConfiguration(Settings.section);
  const hideFinished = config().get<boolean>(Settings.hideFinishedTasks, false);
  const provider = new RoadmapTreeProvider(registry, tracker, services.plans, hideFinished);
  context.subscriptions.push(provider);
  const treeView = pendingView.attach(provider);
  const { view } = treeView;
  const statusBar = new ProgressStatusBar(tracker, services.plans);
  context.subscriptions.push(statusBar);
  services.context.set(ContextKeys.hideFinished, hideFinished);

  /** Context keys and the view's message, from what is loaded; never starts a load itself. */
  const updateViewState = async () => {
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
    const roots = await provider.getChildren();
    const reason = roots.length > 0 ? '' : entries.length === 0 ? 'noRoadmaps' : 'allFinished';
    services.context.set(ContextKeys.emptyReason, reason);
  };
  void updateViewState();

  let focused: Roadmap | undefined;
  const focus = (roadmap: Roadmap | undefined) => {
    focused = roadmap;
    statusBar.show(roadmap);
  };
  const focusedRoadmap = async (): Promise<Roadmap | undefined> => {
    const roadmaps = await registry.roadmaps();
    if (focused && roadmaps.includes(focused)) return focused;
    focus(roadmaps[0]);
    return focused;
  };
  const reveal = async (task: Task) => {
    focus(rootOf(task));
    // The window drops a reveal without a word when it has not loaded the row's parents (seen
    // after refreshes); showing the path top-down first makes every step one it knows.
    const path: TreeElement[] = [];
    for (let node = provider.getParent(task); node; node = provider.getParent(node)) path.unshift(node);
    for (const node of path) await view.reveal(node, { select: false, focus: false, expand: true });
    await view.reveal(task, { select: true, focus: true, expand: true });
  };
  const showThisWeek = async (roadmap: Roadmap) => {
    const week = provider.thisWeekOf(roadmap);
    if (!week) return;
    try {
      await view.reveal(roadmap, { select: false, focus: false, expand: true });
      await view.reveal(week, { select: false, focus: false, expand: true });
    } catch (error) {
      // The plan is saved all the same; the node can be opened by hand.
      log.warn(`Could not open This Week of ${roadmap.id}: ${(error as Error).message}`);
    }
  };

  context.subscriptions.push(
    view.onDidChangeSelection((e) => {
      const models = e.selection.filter(isTreeElement).map(modelOf);
      const element = models.find((s) => !isFailure(s));
      if (element) focus(rootOf(element as Roadmap | Task));
      services.context.set(ContextKeys.taskSelected, models.some(isTask));
    }),
    view.onDidChangeVisibility((e) => {
      if (!e.visible) return;
      void focusedRoadmap();
      void updateViewState();
    }),
    tracker.onDidChange(() => void updateViewState()),
    view.onDidChangeCheckboxState(async (e) => {
      for (const [row, checkbox] of e.items) {
        // A This Week row's checkbox is its task's.
        const element = isTreeElement(row) ? modelOf(row) : undefined;
        if (!isTask(element)) continue;
        await tracker.setState([element], checkbox === vscode.TreeItemCheckboxState.Checked ? 'done' : 'notStarted');
      }
    }),
    // The roadmap last worked on is the one in focus, wherever the change came from.
    tracker.onDidChange((change) => focus(change.roadmap)),
    registry.onDidChange(() => {
      void updateViewState();
      tracker.invalidate();
      void focusedRoadmap();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(settingId(Settings.hideFinishedTasks))) return;
      const hide = config().get<boolean>(Settings.hideFinishedTasks, false);
      provider.setHideFinished(hide);
      services.context.set(ContextKeys.hideFinished, hide);
      void updateViewState();
    }),
  );

  /** The tasks a state command applies to: the clicked row, the multi-selection, or the selection. */
  const targetTasks = (clicked?: unknown, selected?: unknown): Task[] => {
    const pool: readonly unknown[] = Array.isArray(selected) && selected.includes(clicked) ? selected : clicked ? [clicked] : view.selection;
    // A This Week row stands for its task; tasks listed twice (in This Week and in place) count once.
    return [...new Set(pool.map((e) => (e instanceof Object ? modelOf(e as TreeElement) : e)).filter(isTask))];
  };
  const setState = async (state: TaskState, clicked?: unknown, selected?: unknown) => {
    const tasks = targetTasks(clicked, selected);
    if (tasks.length === 0) {
      void vscode.window.showInformationMessage(selectTaskToMark(state));
      return;
    }
    // Progress is stored per roadmap; a multi-selection may span several.
    for (const roadmap of new Set(tasks.map(rootOf))) {
      await tracker.setState(tasks.filter((t) => rootOf(t) === roadmap), state);
    }
  };

  for (const state of TASK_STATES) {
    context.subscriptions.push(vscode.commands.registerCommand(STATE_COMMANDS[state], (clicked?: unknown, selected?: unknown) => setState(state, clicked, selected)));
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.toggleDone, (clicked?: unknown, selected?: unknown) => {
      const tasks = targetTasks(clicked, selected);
      const allDone = tasks.length > 0 && tasks.every((t) => isFinished(tracker.stateOf(t)));
      return setState(allDone ? 'notStarted' : 'done', clicked, selected);
    }),

    vscode.commands.registerCommand(Commands.nextTask, async (clicked?: unknown) => {
      const roadmap = isRoadmap(clicked) || isPhase(clicked) || isModule(clicked) || isTask(clicked) ? rootOf(clicked) : await focusedRoadmap();
      if (!roadmap) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No roadmap is loaded.'));
        return undefined;
      }
      const next = tracker.nextTask(roadmap);
      if (!next) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Every task of "{0}" is done or skipped.', roadmap.title));
        return undefined;
      }
      await reveal(next);
      return next;
    }),

    vscode.commands.registerCommand(Commands.revealTask, async (task?: unknown) => {
      if (isTask(task)) await reveal(task);
    }),

    vscode.commands.registerCommand(Commands.refresh, async () => {
      await registry.reload();
    }),

    // `{ confirmed: true }` as the second argument skips the question, for keybindings and tests.
    vscode.commands.registerCommand(Commands.resetProgress, async (clicked?: unknown, options?: unknown) => {
      const roadmap = isRoadmap(clicked) ? clicked : await pickRoadmap(await registry.roadmaps(), await focusedRoadmap());
      if (!roadmap) return false;
      const counts = tracker.countsOf(roadmap);
      const started = counts.total - counts.notStarted;
      const reset = vscode.l10n.t('Reset');
      const confirmed =
        (options as { confirmed?: unknown } | undefined)?.confirmed === true ||
        (await vscode.window.showWarningMessage(
          vscode.l10n.t('Reset progress of "{0}"?', roadmap.title),
          {
            modal: true,
            detail: vscode.l10n.t('This clears the state of {0} task(s), including progress kept for tasks the roadmap no longer has. It cannot be undone.', started),
          },
          reset,
        )) === reset;
      if (!confirmed) return false;
      const cleared = await tracker.reset(roadmap);
      if (cleared === undefined) return false;
      log.info(`Reset progress of ${roadmap.id}: ${cleared} entries cleared.`);
      return true;
    }),

    vscode.commands.registerCommand(Commands.hideFinished, () => config().update(Settings.hideFinishedTasks, true, vscode.ConfigurationTarget.Global)),
    vscode.commands.registerCommand(Commands.showFinished, () => config().update(Settings.hideFinishedTasks, false, vscode.ConfigurationTarget.Global)),

    vscode.commands.registerCommand(Commands.openRoadmapFile, async (clicked?: unknown) => {
      const target = isFailure(clicked) ? clicked : isRoadmap(clicked) ? clicked : await focusedRoadmap();
      if (!target) return;
      const uri = vscode.Uri.parse(target.source.location);
      const selection = isFailure(target) && target.errors[0] ? toRange(target.errors[0]) : undefined;
      await vscode.window.showTextDocument(uri, { selection, preview: false });
    }),
  );

  // The view was most likely shown before these listeners were added.
  if (view.visible) void focusedRoadmap();
  return { ...treeView, statusBar, focusedRoadmap, reveal, showThisWeek };
}

async function pickRoadmap(roadmaps: readonly Roadmap[], focused: Roadmap | undefined): Promise<Roadmap | undefined> {
  if (roadmaps.length <= 1) return roadmaps[0];
  const items = roadmaps.map((roadmap) => ({ label: roadmap.title, description: roadmap === focused ? vscode.l10n.t('in focus') : roadmap.source.label, roadmap }));
  if (focused) items.sort((a, b) => Number(b.roadmap === focused) - Number(a.roadmap === focused));
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Reset the progress of which roadmap?') }))?.roadmap;
}

/** What to do before a state command can act, as one sentence per state. */
function selectTaskToMark(state: TaskState): string {
  switch (state) {
    case 'notStarted':
      return vscode.l10n.t('Select a task in the ML Roadmaps view to mark it not started.');
    case 'inProgress':
      return vscode.l10n.t('Select a task in the ML Roadmaps view to mark it in progress.');
    case 'done':
      return vscode.l10n.t('Select a task in the ML Roadmaps view to mark it done.');
    case 'skipped':
      return vscode.l10n.t('Select a task in the ML Roadmaps view to mark it skipped.');
  }
}
