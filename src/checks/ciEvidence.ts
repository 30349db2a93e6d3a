/**
 * "Read CI Results": evidence from CI back in the editor. Reads the CI results file of each project
 * folder linked to a task (`.ml-roadmaps/ci-results.json`, pulled or downloaded into the project),
 * and records "verified in CI at <commit>" when every check passed on check files that match the
 * lock and the files on disk (`ciResults.ts` decides); otherwise says why not. Nothing is run.
 */
import * as vscode from 'vscode';
import type { Task } from '../model/types';
import type { Services } from '../services';
import { shortCommit, type TaskChecks } from '../storage/checkStore';
import { translate } from '../util/l10n';
import { judgeCiResults, RESULTS_PATH } from './ciResults';
import type { ChecksController, ChecksProject } from './controller';
import { hashFiles, lockProblemText, readCiResultsFile, readLockState } from './lockFiles';

export interface CiReadSummary {
  /** `verified`: some project's results were taken as evidence; `refused`: results were found, none taken. */
  readonly status: 'verified' | 'refused' | 'noResults' | 'noProject';
  /** What was shown. */
  readonly message: string;
  readonly records: readonly { readonly key: string; readonly record: TaskChecks }[];
}

/** Reads the CI results of every project folder of the task, records what holds, and says so. */
export async function readCiResults(services: Services, controller: ChecksController, task: Task): Promise<CiReadSummary> {
  const projects = (await controller.projectsOf(task)).filter((p) => p.folder.scheme === 'file');
  if (projects.length === 0) {
    const message = vscode.l10n.t('“{0}” has no linked project folder with checks.', task.title);
    void vscode.window.showInformationMessage(message);
    return { status: 'noProject', message, records: [] };
  }
  const records: { key: string; record: TaskChecks }[] = [];
  const refusals: string[] = [];
  for (const project of projects) {
    const outcome = await readProject(project);
    if (outcome === undefined) continue;
    if ('refused' in outcome) {
      services.log.warn(`Checks: the CI results in ${project.folder.fsPath} are not evidence: ${outcome.refused}`);
      refusals.push(outcome.refused);
      continue;
    }
    const declared = project.scaffold.manifest.checks.map((c) => ({ id: c.id, title: c.title }));
    records.push({ key: project.key, record: await services.checks.recordCi(project.key, declared, outcome.commit, outcome.time) });
    services.log.info(`Checks: ${project.key} verified in CI at ${outcome.commit} (${project.folder.fsPath}).`);
    if (services.tracker.stateOf(project.task) !== 'done') await services.tracker.setState([project.task], 'done');
  }
  if (records.length > 0) {
    const verified = records[0].record.verified?.ci?.commit ?? '';
    const message = vscode.l10n.t('“{0}” is verified in CI at {1}.', task.title, shortCommit(verified));
    void vscode.window.showInformationMessage(message);
    return { status: 'verified', message, records };
  }
  if (refusals.length > 0) {
    const message = vscode.l10n.t('The CI results of “{0}” are not evidence: {1}.', task.title, refusals[0]);
    void vscode.window.showWarningMessage(message);
    return { status: 'refused', message, records };
  }
  const message = vscode.l10n.t('No CI results were found for “{0}”: run its checks in CI, then pull or download {1} into the project folder.', task.title, RESULTS_PATH);
  void vscode.window.showInformationMessage(message);
  return { status: 'noResults', message, records };
}

/** The evidence in one project's CI results, why it is refused, or undefined when it has none. */
async function readProject(project: ChecksProject): Promise<{ commit: string; time: string } | { refused: string } | undefined> {
  const folder = project.folder.fsPath;
  const read = await readCiResultsFile(folder);
  if ('missing' in read) return undefined;
  if ('problem' in read) return { refused: read.problem };
  const { results } = read;
  const lockState = await readLockState(folder);
  if (lockState.kind === 'unreadable') return { refused: lockState.problem };
  if (lockState.kind === 'read' && lockState.problems.length > 0) return { refused: lockProblemText(lockState.problems[0], translate) };
  const lock = lockState.kind === 'read' ? lockState.lock : undefined;
  const onDisk = await hashFiles(folder, [...(lock?.files ?? []), ...results.files].map((f) => f.path));
  const judged = judgeCiResults(results, { scaffold: project.scaffold.manifest.id, checkIds: project.scaffold.manifest.checks.map((c) => c.id), ...(lock ? { lock } : {}), onDisk }, translate);
  if ('refused' in judged) return judged;
  return { commit: results.commit, time: results.time };
}
