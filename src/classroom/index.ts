/**
 * Classes: Export Progress for a Class… (one learner's class file), Open Class Dashboard… (a
 * folder of them; from the Explorer's context menu on a folder, that folder), and Save Progress
 * Card… (an SVG of one roadmap's progress for a README).
 * Everything is written locally; no service is involved.
 */
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { buildClassFile, classFileName, handleProblem } from '../model/classroom/classFile';
import { progressCardSvg } from '../model/classroom/card';
import { isFinished } from '../model/progress';
import { isRoadmap, Roadmap, tasksOf } from '../model/types';
import type { Services } from '../services';
import { StorageKeys } from '../storage/memento';
import { evidenceState } from '../storage/checkStore';
import { taskKey } from '../model/ids';
import { refuseInRestrictedMode } from '../util/trust';
import { replaceFile, writeNew } from '../util/writeNew';
import { registerPage } from '../webview/pageFeature';
import { CLASS_PAGE } from '../webview/pages';
import { classInputs, planOf } from './progress';
import type { ClassDashboardPanels } from './panel';

export function registerClassroom(context: vscode.ExtensionContext, services: Services): void {
  const page = registerPage(context, {
    kind: CLASS_PAGE,
    load: async () => new (await import('./panel')).ClassDashboardPanels({ services, extensionUri: context.extensionUri, log: services.log }),
    find: (saved) => Promise.resolve(saved),
    onDidReload: services.registry.onDidChange,
  });
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.exportClassProgress, (handle?: unknown, target?: unknown) => exportClassProgress(context, services, handle, target)),
    vscode.commands.registerCommand(Commands.openClassDashboard, (folder?: unknown) => openClassDashboard(page.load, folder)),
    // The Explorer's entry: its own title, without the palette's ellipsis, as it asks nothing when given a folder.
    vscode.commands.registerCommand(Commands.openClassDashboardOnFolder, (folder?: unknown) => openClassDashboard(page.load, folder)),
    vscode.commands.registerCommand(Commands.saveProgressCard, (roadmap?: unknown, target?: unknown) => saveProgressCard(services, roadmap, target)),
  );
}

/** Asks the handle (the last one offered), then where to save `class/<handle>.json`; returns the file written. */
async function exportClassProgress(context: vscode.ExtensionContext, services: Services, givenHandle: unknown, target: unknown): Promise<vscode.Uri | undefined> {
  if (refuseInRestrictedMode('exportProgress')) return undefined;
  const handle =
    typeof givenHandle === 'string' && handleProblem(givenHandle) === undefined
      ? givenHandle
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Export Progress for a Class'),
          prompt: vscode.l10n.t('Your handle in the class: it names your file and is all the class sees of you.'),
          value: context.globalState.get<string>(StorageKeys.classHandle) ?? '',
          validateInput: (value) => {
            const problem = handleProblem(value);
            return problem ? vscode.l10n.t('Not a handle: {0}', problem) : undefined;
          },
        });
  if (handle === undefined) return undefined;
  await context.globalState.update(StorageKeys.classHandle, handle);
  const uri =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          defaultUri: suggestedFile(services, [`class`, classFileName(handle)]),
          filters: { [vscode.l10n.t('Class progress file')]: ['json'] },
          saveLabel: vscode.l10n.t('Export'),
        });
  if (!uri) return undefined;
  const file = buildClassFile(handle, classInputs(services, await services.registry.roadmaps()), new Date());
  const json = `${JSON.stringify(file, null, 2)}\n`;
  // The save dialog asked before handing back a file that exists; a file given to the command was confirmed by no one.
  if (!(await (target instanceof vscode.Uri ? writeNew(uri, json) : replaceFile(uri, json)))) return undefined;
  services.log.info(`Exported class progress of ${file.roadmaps.length} roadmap(s) to ${uri.toString()}.`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported your class progress to {0}. Commit it to the class repository to share it.', vscode.workspace.asRelativePath(uri)));
  return uri;
}

/** On the folder given (the Explorer passes the one clicked), else on one asked for: anything but an existing folder is not taken. */
async function openClassDashboard(load: () => Promise<ClassDashboardPanels>, given: unknown): Promise<string | undefined> {
  const folder =
    given instanceof vscode.Uri && (await isFolder(given))
      ? given
      : (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri, openLabel: vscode.l10n.t('Open Class Dashboard') }))?.[0];
  if (!folder) return undefined;
  const panel = (await load()).open({ folder: folder.toString() }, 'perKey');
  await panel.whenLoaded();
  return folder.toString();
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

/** Save Progress Card…: an SVG of the roadmap's progress, written where the learner says. */
async function saveProgressCard(services: Services, given: unknown, target: unknown): Promise<vscode.Uri | undefined> {
  if (refuseInRestrictedMode('exportProgress')) return undefined;
  const roadmaps = await services.registry.roadmaps();
  const roadmap = isRoadmap(given) ? given : await pickRoadmap(roadmaps);
  if (!roadmap) return undefined;
  const uri =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({ defaultUri: suggestedFile(services, [`${roadmap.id}-progress.svg`]), filters: { [vscode.l10n.t('SVG image')]: ['svg'] }, saveLabel: vscode.l10n.t('Save') });
  if (!uri) return undefined;
  const svg = progressCardSvg(cardOf(services, roadmap), {
    finished: (finished, total) => vscode.l10n.t('{0} of {1} tasks', finished, total),
    verified: (count) => vscode.l10n.t('{0} verified', count),
    pace: (hours) => vscode.l10n.t('{0} h a week', hours),
    noPlan: vscode.l10n.t('no study plan'),
    asOf: (date) => vscode.l10n.t('ML Roadmaps · {0}', date),
  });
  if (!(await (target instanceof vscode.Uri ? writeNew(uri, svg) : replaceFile(uri, svg)))) return undefined;
  void vscode.window.showInformationMessage(vscode.l10n.t('Saved the progress card to {0}.', vscode.workspace.asRelativePath(uri)));
  return uri;
}

function cardOf(services: Services, roadmap: Roadmap) {
  const tasks = tasksOf(roadmap);
  const finished = tasks.filter((task) => isFinished(services.tracker.stateOf(task))).length;
  const verified = tasks.filter((task) => evidenceState(services.checks.get(taskKey(roadmap.id, task.id))) === 'verified').length;
  const now = new Date();
  const date = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return { roadmapTitle: roadmap.title, finished, total: tasks.length, verified, pace: planOf(services, roadmap)?.pace, date };
}

async function pickRoadmap(roadmaps: readonly Roadmap[]): Promise<Roadmap | undefined> {
  const items = roadmaps.map((r) => ({ label: r.title, description: r.source.label, roadmap: r }));
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('A progress card of which roadmap?') }))?.roadmap;
}

/** In the first workspace folder, else the home folder; the web has neither, and gets the name alone. */
function suggestedFile(services: Services, path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? services.platform.homeFolder();
  return folder ? vscode.Uri.joinPath(folder, ...path) : vscode.Uri.file(`/${path[path.length - 1]}`);
}
