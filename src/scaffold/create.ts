/**
 * "Create Starter Project", the command flow: find the starters (`catalog.ts`), ask which one,
 * its name and where (`prompts.ts`), plan the files (`plan.ts` decides), write them (`write.ts`),
 * then link the folder to the task and mark it in progress. Each step returns undefined when the
 * learner cancelled or the step refused, having said why.
 */
import * as vscode from 'vscode';
import type { Log } from '../util/log';
import { rootOf } from '../model/types';
import type { Task } from '../model/types';
import type { Services } from '../services';
import { translate, Twofold, twofold, untranslated } from '../util/l10n';
import { refuseInRestrictedMode } from '../util/trust';
import { choicesFor, Scaffold, ScaffoldCatalog } from './catalog';
import { starterTemplates } from './checkLock';
import { builtinVariables, planScaffold, projectFolderNameOf, projectNameProblem, ScaffoldPlan, TemplateFile } from './plan';
import { ScaffoldPrompts, vscodePrompts } from './prompts';
import { display, messageOf, probeTarget, writeFiles } from './write';

/** Where the default location puts projects, inside the first workspace folder. */
const PROJECTS_FOLDER = 'projects';
const README = 'README.md';

export interface CreateDeps {
  readonly task?: Task;
  readonly linkFolder: (task: Task, folder: vscode.Uri) => Promise<void>;
}

/** What the learner chose: the starter, the project's name, the folder. */
interface Chosen {
  readonly scaffold: Scaffold;
  readonly projectName: string;
  readonly target: vscode.Uri;
}

/** Runs the whole command; returns the project folder, or undefined when cancelled or refused. */
export async function createStarterProject(services: Services, catalog: ScaffoldCatalog, deps: CreateDeps, prompts: ScaffoldPrompts = vscodePrompts): Promise<vscode.Uri | undefined> {
  const { log } = services;
  if (refuseInRestrictedMode('createStarterProject')) {
    log.info('Create Starter Project: refused in Restricted Mode.');
    return undefined;
  }
  try {
    const chosen = await ask(services, catalog, deps.task, prompts);
    if (!chosen) return undefined;
    const plan = await planFiles(chosen, await catalog.files(chosen.scaffold), await catalog.commonFiles(), deps.task, log);
    if (!plan || !(await keepExisting(chosen, plan, log, prompts))) return undefined;
    const written = await writeFiles(chosen.target, plan.create, log, services.platform.guardedWriter);
    const nothingCreated = twofold((t) => t('Nothing was created in {0}', display(chosen.target)));
    if (written.refused) return refuse(log, nothingCreated, [untranslated(written.refused)]);
    if (written.failed.length > 0) {
      void vscode.window.showErrorMessage(
        written.failed.length > 1
          ? vscode.l10n.t('{0} file(s) could not be written: {1} … See the ML Roadmaps output.', written.failed.length, written.failed[0])
          : vscode.l10n.t('{0} file(s) could not be written: {1} See the ML Roadmaps output.', written.failed.length, written.failed[0]),
      );
    }
    if (written.created.length === 0) return refuse(log, nothingCreated, [twofold((t) => t('no file could be written'))]);
    if (deps.task) await startTask(services, deps, deps.task, chosen.target);
    await report(chosen, written.created, [...plan.keep, ...written.appeared], log);
    return chosen.target;
  } catch (error) {
    log.error(`Create Starter Project failed: ${messageOf(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create the starter project: {0}', messageOf(error)));
    return undefined;
  }
}

/** Asks for the starter (those for the task first), the project's name and the folder. */
async function ask(services: Services, catalog: ScaffoldCatalog, task: Task | undefined, prompts: ScaffoldPrompts): Promise<Chosen | undefined> {
  const { log } = services;
  const scaffolds = await catalog.all();
  if (scaffolds.length === 0) {
    log.warn('Create Starter Project: no scaffold is available.');
    void vscode.window.showErrorMessage(vscode.l10n.t('No starter project is available: the bundled scaffolds could not be read. See the ML Roadmaps output for details.'));
    return undefined;
  }
  const recommended = task ? await catalog.forTask(rootOf(task).id, task.id) : [];
  const scaffold = await prompts.pickScaffold(await choicesFor(services, scaffolds, recommended));
  if (!scaffold) return cancelled(log, 'no starter was chosen');
  const { manifest } = scaffold;

  const projectName = (await prompts.projectName(task?.title ?? manifest.title))?.trim();
  if (!projectName) return cancelled(log, 'no project name was given');
  const problem = projectNameProblem(projectName);
  if (problem) {
    void vscode.window.showErrorMessage(projectNameProblem(projectName, translate) ?? problem);
    return cancelled(log, `the project name was refused: ${problem}`);
  }

  const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
  const target = await prompts.location(workspaceFolder && vscode.Uri.joinPath(workspaceFolder.uri, PROJECTS_FOLDER, projectFolderNameOf(projectName)));
  if (!target) return cancelled(log, 'no location was chosen');
  log.info(`Create Starter Project: "${manifest.id}" as "${projectName}" in ${target.toString()}.`);
  return { scaffold, projectName, target };
}

/** The files to create and those to keep, from the templates and what is already in the folder. */
async function planFiles(
  { scaffold, projectName, target }: Chosen,
  scaffoldTemplates: readonly TemplateFile[],
  commonTemplates: readonly TemplateFile[],
  task: Task | undefined,
  log: Log,
): Promise<ScaffoldPlan | undefined> {
  const { manifest } = scaffold;
  const roadmap = task && rootOf(task);
  const variables: Record<string, string> = {
    ...Object.fromEntries(manifest.variables.map((v) => [v.name, v.default])),
    ...builtinVariables({
      projectName,
      taskTitle: task?.title ?? manifest.title,
      taskId: task?.id ?? '',
      roadmapTitle: roadmap?.title ?? manifest.title,
      roadmapId: roadmap?.id ?? '',
      now: new Date(),
    }),
  };
  const cannotCreate = twofold((t) => t('The starter "{0}" cannot be created', manifest.title));
  // The CI files and the check lock join a starter with checks (checkLock.ts).
  const starter = await starterTemplates(manifest, scaffoldTemplates, commonTemplates, variables);
  if (starter.errors.length > 0) return refuse(log, cannotCreate, starter.errors.map(untranslated));
  const templates = starter.files;
  // Render once to learn the paths, look at what is there, then plan for real. The plan's errors
  // are about the scaffold's templates, for its maintainers: they stay English (see plan.ts).
  const draft = planScaffold({ files: templates, variables, existing: new Set() });
  if (draft.errors.length > 0) return refuse(log, cannotCreate, draft.errors.map(untranslated));
  const probe = await probeTarget(target, draft.create.map((f) => f.path));
  if (probe.refusal) return refuse(log, twofold((t) => t('Nothing was created in {0}', display(target))), [probe.refusal]);
  const plan = planScaffold({ files: templates, variables, existing: probe.existing });
  if (plan.errors.length > 0) return refuse(log, cannotCreate, plan.errors.map(untranslated));
  return plan;
}

/** Whether to go on when some files exist: never when all do, else as the learner answers. */
async function keepExisting({ scaffold, target }: Chosen, plan: ScaffoldPlan, log: Log, prompts: ScaffoldPrompts): Promise<boolean> {
  if (plan.keep.length === 0) return true;
  log.info(`Create Starter Project: ${plan.keep.length} file(s) already exist: ${plan.keep.join(', ')}.`);
  if (plan.create.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Every file of "{0}" already exists in {1}; nothing was created.', scaffold.manifest.title, display(target)));
    cancelled(log, 'every file already exists');
    return false;
  }
  if (await prompts.confirmKeep(plan.keep, plan.create.length)) return true;
  cancelled(log, 'the user chose not to create the other files');
  return false;
}

/** Links the new folder to the task and marks a task not yet started in progress. */
async function startTask(services: Services, deps: CreateDeps, task: Task, target: vscode.Uri): Promise<void> {
  const { log, tracker } = services;
  try {
    await deps.linkFolder(task, target);
    log.info(`Create Starter Project: linked ${target.toString()} to ${rootOf(task).id}/${task.id}.`);
  } catch (error) {
    log.warn(`Create Starter Project: could not link the folder to the task: ${messageOf(error)}`);
  }
  if (tracker.stateOf(task) === 'notStarted') {
    await tracker.setState([task], 'inProgress');
    log.info(`Create Starter Project: marked ${task.id} in progress.`);
  }
}

/** Opens the project's README and says what was created and what was kept. */
async function report({ projectName, target }: Chosen, created: readonly string[], kept: readonly string[], log: Log): Promise<void> {
  if ([...created, ...kept].includes(README)) {
    try {
      await vscode.window.showTextDocument(vscode.Uri.joinPath(target, README), { preview: false });
    } catch (error) {
      log.warn(`Create Starter Project: could not open ${README}: ${messageOf(error)}`);
    }
  }
  const summary = twofold((t) =>
    kept.length > 0
      ? t('Created "{0}" in {1}: {2} file(s) created, {3} existing file(s) kept untouched.', projectName, display(target), created.length, kept.length)
      : t('Created "{0}" in {1}: {2} file(s) created.', projectName, display(target), created.length),
  );
  log.info(`Create Starter Project: ${summary.message}`);
  void vscode.window.showInformationMessage(summary.shown);
}

function cancelled(log: Log, why: string): undefined {
  log.info(`Create Starter Project: cancelled, ${why}.`);
  return undefined;
}

/** Logs the headline and every reason in English; shows the headline and the first reason translated. */
function refuse(log: Log, headline: Twofold, reasons: readonly Twofold[]): undefined {
  log.warn(`Create Starter Project: ${headline.message}:`);
  for (const reason of reasons) log.warn(`  ${reason.message}`);
  void vscode.window.showErrorMessage(
    reasons.length > 1
      ? vscode.l10n.t('{0}: {1} (and {2} more problem(s); see the ML Roadmaps output).', headline.shown, reasons[0].shown, reasons.length - 1)
      : vscode.l10n.t('{0}: {1}.', headline.shown, reasons[0].shown),
  );
  return undefined;
}
