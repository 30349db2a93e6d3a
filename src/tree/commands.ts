/** The tree's commands: the task states, Toggle Done, Next Task, Reset Progress, Refresh, and showing or hiding finished tasks. */
import * as vscode from 'vscode';
import { Commands, Settings } from '../constants';
import { isFailure } from '../core/catalog';
import { toRange } from '../core/diagnostics';
import { isFinished } from '../model/progress';
import { isRoadmap, isTask, type Roadmap, type Task, TASK_STATES, type TaskState } from '../model/types';
import type { Services } from '../services';
import type { TreeNavigation } from './navigation';
import { STATE_COMMANDS } from './states';
import { byRoadmap, roadmapClicked, targetTasks } from './targets';
import type { RoadmapTreeView } from './view';

export function registerTreeCommands(context: vscode.ExtensionContext, services: Services, view: RoadmapTreeView['view'], navigation: TreeNavigation): void {
  const commands = new TreeCommands(services, view, navigation);
  for (const state of TASK_STATES) {
    context.subscriptions.push(vscode.commands.registerCommand(STATE_COMMANDS[state], (clicked?: unknown, selected?: unknown) => commands.setState(state, clicked, selected)));
  }
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.toggleDone, (clicked?: unknown, selected?: unknown) => commands.toggleDone(clicked, selected)),
    vscode.commands.registerCommand(Commands.nextTask, (clicked?: unknown) => commands.nextTask(clicked)),
    vscode.commands.registerCommand(Commands.revealTask, async (task?: unknown) => {
      if (isTask(task)) await navigation.reveal(task);
    }),
    vscode.commands.registerCommand(Commands.refresh, async () => {
      await services.registry.reload();
    }),
    // `{ confirmed: true }` as the second argument skips the question, for keybindings and tests.
    vscode.commands.registerCommand(Commands.resetProgress, (clicked?: unknown, options?: unknown) => commands.resetProgress(clicked, options)),
    vscode.commands.registerCommand(Commands.hideFinished, () => setHideFinished(true)),
    vscode.commands.registerCommand(Commands.showFinished, () => setHideFinished(false)),
    vscode.commands.registerCommand(Commands.openRoadmapFile, (clicked?: unknown) => commands.openRoadmapFile(clicked)),
  );
}

/** The command handlers, over the services, the view and the roadmap in focus. */
class TreeCommands {
  constructor(
    private readonly services: Services,
    private readonly view: RoadmapTreeView['view'],
    private readonly navigation: TreeNavigation,
  ) {}

  async setState(state: TaskState, clicked: unknown, selected: unknown): Promise<void> {
    const tasks = this.targets(clicked, selected);
    if (tasks.length === 0) {
      void vscode.window.showInformationMessage(selectTaskToMark(state));
      return;
    }
    for (const [, ofRoadmap] of byRoadmap(tasks)) await this.services.tracker.setState(ofRoadmap, state);
  }

  /** Done, unless every target is finished already: then not started. */
  toggleDone(clicked: unknown, selected: unknown): Promise<void> {
    const { tracker } = this.services;
    const tasks = this.targets(clicked, selected);
    const allDone = tasks.length > 0 && tasks.every((t) => isFinished(tracker.stateOf(t)));
    return this.setState(allDone ? 'notStarted' : 'done', clicked, selected);
  }

  /** Reveals the next task of the clicked row's roadmap, or of the one in focus; says so when there is none. */
  async nextTask(clicked: unknown): Promise<Task | undefined> {
    const roadmap = roadmapClicked(clicked) ?? (await this.navigation.focusedRoadmap());
    if (!roadmap) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No roadmap is loaded.'));
      return undefined;
    }
    const next = this.services.tracker.nextTask(roadmap);
    if (!next) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Every task of "{0}" is done or skipped.', roadmap.title));
      return undefined;
    }
    await this.navigation.reveal(next);
    return next;
  }

  /** Clears a roadmap's progress once confirmed; whether it did. */
  async resetProgress(clicked: unknown, options: unknown): Promise<boolean> {
    const { registry, tracker, log } = this.services;
    const roadmap = isRoadmap(clicked) ? clicked : await pickRoadmap(await registry.roadmaps(), await this.navigation.focusedRoadmap());
    if (!roadmap) return false;
    const confirmed = (options as { confirmed?: unknown } | undefined)?.confirmed === true || (await this.confirmReset(roadmap));
    if (!confirmed) return false;
    const cleared = await tracker.reset(roadmap);
    if (cleared === undefined) return false;
    log.info(`Reset progress of ${roadmap.id}: ${cleared} entries cleared.`);
    return true;
  }

  /** Opens a failed file at its first error, or the clicked or focused roadmap's file. */
  async openRoadmapFile(clicked: unknown): Promise<void> {
    const target = isFailure(clicked) ? clicked : isRoadmap(clicked) ? clicked : await this.navigation.focusedRoadmap();
    if (!target) return;
    const uri = vscode.Uri.parse(target.source.location);
    const selection = isFailure(target) && target.errors[0] ? toRange(target.errors[0]) : undefined;
    await vscode.window.showTextDocument(uri, { selection, preview: false });
  }

  private targets(clicked: unknown, selected: unknown): Task[] {
    return targetTasks(clicked, selected, this.view.selection);
  }

  private async confirmReset(roadmap: Roadmap): Promise<boolean> {
    const counts = this.services.tracker.countsOf(roadmap);
    const started = counts.total - counts.notStarted;
    const reset = vscode.l10n.t('Reset');
    const detail = vscode.l10n.t('This clears the state of {0} task(s), including progress kept for tasks the roadmap no longer has. It cannot be undone.', started);
    return (await vscode.window.showWarningMessage(vscode.l10n.t('Reset progress of "{0}"?', roadmap.title), { modal: true, detail }, reset)) === reset;
  }
}

function setHideFinished(hide: boolean): Thenable<void> {
  return vscode.workspace.getConfiguration(Settings.section).update(Settings.hideFinishedTasks, hide, vscode.ConfigurationTarget.Global);
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
