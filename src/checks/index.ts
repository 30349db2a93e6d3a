/**
 * Checks in the editor: the Test Explorer controller, Run Checks on a task, `checks 1/2` and the
 * verified evidence on the task's row, and the offer to create a Python environment after Create
 * Starter Project.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { LinksFeature } from '../links';
import { parseTaskKey, taskKey } from '../model/ids';
import { isTask, rootOf, Task } from '../model/types';
import type { ScaffoldFeature } from '../scaffold';
import type { Services } from '../services';
import { evidenceState, evidenceText, passedCount, TaskChecks } from '../storage/checkStore';
import { translate } from '../util/l10n';
import type { RoadmapTree } from '../tree';
import { isTaskChild } from '../tree/elements';
import { ChecksController, ChecksRunSummary } from './controller';
import { CiReadSummary, readCiResults } from './ciEvidence';
import { EvidenceWatcher } from './evidence';
import { openInstallTerminal } from './messages';

export interface ChecksFeature {
  readonly controller: ChecksController;
  /** Runs a task's checks in the Test Explorer, as Run Checks does; `token` cancels. */
  runTask(task: Task, token?: vscode.CancellationToken): Promise<ChecksRunSummary>;
  /** Reads the CI results of a task's project folders, as Read CI Results does. */
  readCi(task: Task): Promise<CiReadSummary>;
}

/**
 * `checks 1/2` for a task's row, with `verified` when every check passed on the code as it is and
 * `stale` when the code changed since; old evidence that names no code gets neither.
 */
export function checksSummary(record: TaskChecks): string {
  const summary = vscode.l10n.t('checks {0}/{1}', passedCount(record), record.total);
  const state = evidenceState(record);
  if (state === 'ci') return vscode.l10n.t('{0} · verified in CI', summary);
  return state === 'verified' ? vscode.l10n.t('{0} · verified', summary) : state === 'stale' ? vscode.l10n.t('{0} · stale', summary) : summary;
}

/** The verified evidence in a sentence, or undefined when there is none. */
export function verifiedText(record: TaskChecks | undefined): string | undefined {
  return evidenceText(record, translate);
}

export function registerChecks(context: vscode.ExtensionContext, services: Services, tree: RoadmapTree, links: LinksFeature, scaffolds: ScaffoldFeature): ChecksFeature {
  const controller = new ChecksController({ services, links, catalog: () => scaffolds.catalog() });
  const evidence = new EvidenceWatcher(controller, services.checks, services.log);
  const annotationsChanged = new vscode.EventEmitter<readonly Task[] | undefined>();
  const recordOf = (task: Task) => services.checks.get(taskKey(rootOf(task).id, task.id));
  const runTask = (task: Task, token?: vscode.CancellationToken) => runTaskChecks(controller, task, token);
  const readCi = (task: Task) => readCiResults(services, controller, task);
  const selectedTask = (arg: unknown): Task | undefined => {
    const selected = arg ?? tree.view.selection[0];
    return isTask(selected) ? selected : isTaskChild(selected) ? selected.task : undefined;
  };

  context.subscriptions.push(
    controller,
    evidence,
    annotationsChanged,
    tree.provider.addAnnotationSource({
      description: (task) => {
        const record = recordOf(task);
        return record ? checksSummary(record) : undefined;
      },
      tooltip: (task) => verifiedText(recordOf(task)),
      onDidChange: annotationsChanged.event,
    }),
    services.checks.onDidChange((key) => {
      const parsed = parseTaskKey(key);
      const task = parsed && services.registry.peekTask(parsed.roadmapId, parsed.taskId);
      annotationsChanged.fire(task ? [task] : undefined);
    }),
    scaffolds.onDidCreate(({ folder }) => void offerEnvironment(controller, folder)),
    vscode.commands.registerCommand(Commands.runChecks, async (arg?: unknown) => {
      const task = selectedTask(arg);
      if (!task) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select a practice project in the ML Roadmaps view to run its checks.'));
        return undefined;
      }
      return runTask(task);
    }),
    vscode.commands.registerCommand(Commands.readCiResults, async (arg?: unknown) => {
      const task = selectedTask(arg);
      if (!task) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select a practice project in the ML Roadmaps view to read its CI results.'));
        return undefined;
      }
      return readCi(task);
    }),
  );

  return { controller, runTask, readCi };
}

/** Runs a task's checks in the Test Explorer, with a notification to cancel unless a token is given. */
async function runTaskChecks(controller: ChecksController, task: Task, token?: vscode.CancellationToken): Promise<ChecksRunSummary> {
  const projects = await controller.projectsOf(task);
  if (projects.length === 0) {
    const create = vscode.l10n.t('Create Starter Project');
    const message = vscode.l10n.t('“{0}” has no linked project folder with checks. Create its starter project, or link the folder you made it in.', task.title);
    void vscode.window.showInformationMessage(message, create).then((choice) => {
      if (choice === create) void vscode.commands.executeCommand(Commands.createStarterProject, task);
    });
    return { status: 'noProject', message, records: [] };
  }
  const request = new vscode.TestRunRequest(
    projects.map((p) => p.item),
    undefined,
    controller.runProfile,
  );
  if (token) return controller.run(request, token);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Running the checks of “{0}”…', task.title), cancellable: true },
    (_progress, cancel) => controller.run(request, cancel),
  );
}

/** After Create Starter Project: offer to create the Python environment its checks need. */
async function offerEnvironment(controller: ChecksController, folder: vscode.Uri): Promise<void> {
  const project = (await controller.projectsNow()).find((p) => p.folder.toString() === folder.toString());
  if (!project) return;
  const create = vscode.l10n.t('Create Environment');
  const show = vscode.l10n.t('Show Checks');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('“{0}” comes with {1} check(s) of its steps. Create its Python environment to run them?', path.posix.basename(folder.path), project.checks.length),
    create,
    show,
  );
  if (choice === create) {
    // The Python extension's Create Environment when it is there; otherwise the commands, typed in a terminal.
    if ((await vscode.commands.getCommands(true)).includes('python.createEnvironment')) await vscode.commands.executeCommand('python.createEnvironment');
    else openInstallTerminal(folder);
  }
  if (choice) await vscode.commands.executeCommand('vscode.revealTestInExplorer', project.item);
}
