/** Export Progress (JSON, optionally a Markdown checklist) and Import Progress. */
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { isRoadmap, Roadmap } from '../model/types';
import type { Services } from '../services';
import type { VerifiedEvidence } from '../storage/checkStore';
import { parseTaskKey } from '../model/ids';
import { buildProgressFile, VerifiedEntries, MAX_PROGRESS_FILE_BYTES, parseProgressFile, planImport, planImportOfPlans, planImportOfReview, progressChecklist, summarizeImport, withPlans, withReview } from './exportFile';
import { Twofold, twofold } from '../util/l10n';
import { refuseInRestrictedMode } from '../util/trust';
import { replaceFile, writeFresh, writeNew } from '../util/writeNew';

export interface ExportOptions {
  /** Also write a Markdown checklist beside the JSON file. */
  readonly markdown?: boolean;
}

export function registerTransfer(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.exportProgress, (scope?: unknown, target?: unknown, options?: ExportOptions) => exportProgress(services, scope, target, options)),
    vscode.commands.registerCommand(Commands.importProgress, (source?: unknown, options?: { confirmed?: boolean }) => importProgress(services, source, options)),
  );
}

/** Export Progress: the roadmaps in scope (asked unless given), the file (asked unless given), the optional checklist. */
async function exportProgress(services: Services, scope: unknown, target: unknown, options: ExportOptions | undefined): Promise<vscode.Uri | undefined> {
  const { registry, store, tracker, log, plans } = services;
  if (refuseInRestrictedMode('exportProgress')) return undefined;
  const roadmaps = await registry.roadmaps();
  const chosen = isRoadmap(scope) ? [scope] : scope === 'all' ? roadmaps : await pickScope(roadmaps);
  if (!chosen) return undefined;
  const markdown = options?.markdown ?? (target instanceof vscode.Uri ? false : await askMarkdown());
  if (markdown === undefined) return undefined;
  const today = new Date().toISOString().slice(0, 10);
  const name = chosen.length === 1 ? chosen[0].id : 'all';
  const uri =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          defaultUri: suggestedFile(services, `ml-roadmaps-progress-${name}-${today}.json`),
          filters: { [vscode.l10n.t('Progress file')]: ['json'] },
          saveLabel: vscode.l10n.t('Export'),
        });
  if (!uri) return undefined;
  // "All" means everything stored, including roadmaps that are not loaded right now.
  const everything = chosen === roadmaps;
  const ids = new Set(chosen.map((r) => r.id));
  const entries = new Map([...store.allEntries()].filter(([roadmapId]) => everything || ids.has(roadmapId)));
  const chosenPlans = plans.all().filter((p) => everything || ids.has(p.roadmapId));
  const file = withReview(
    withPlans(buildProgressFile(entries, new Map(roadmaps.map((r) => [r.id, r.title])), new Date(), verifiedEntries(services)), chosenPlans),
    services.review.state(),
    everything ? undefined : ids,
  );
  const written: vscode.Uri[] = [];
  const json = `${JSON.stringify(file, null, 2)}\n`;
  // The save dialog asked before handing back a file that exists; a file given to the command
  // was confirmed by no one and is never replaced.
  if (!(await (target instanceof vscode.Uri ? writeNew(uri, json) : replaceFile(uri, json)))) return undefined;
  written.push(uri);
  if (markdown) {
    const checklist = chosen.map((r) => progressChecklist(r, (taskId) => tracker.stateOf(r.taskIndex.get(taskId)!))).join('\n');
    const mdUri = await writeFresh(uri.with({ path: uri.path.replace(/\.json$/i, '') + '.md' }), checklist);
    if (mdUri) written.push(mdUri);
  }
  const count = [...entries.values()].reduce((n, tasks) => n + tasks.size, 0);
  log.info(`Exported ${count} task state(s) to ${written.map((u) => u.toString()).join(', ')}.`);
  const files = written.map((u) => vscode.workspace.asRelativePath(u));
  void vscode.window.showInformationMessage(
    files.length === 1
      ? vscode.l10n.t('Exported the progress of {0} task(s) to {1}.', count, files[0])
      : vscode.l10n.t('Exported the progress of {0} task(s) to {1} and {2}.', count, files[0], files[1]),
  );
  return uri;
}

/** Import Progress: reads and checks the file, says what would change, and applies it once confirmed. */
async function importProgress(services: Services, source: unknown, options: { confirmed?: boolean } | undefined): Promise<{ imported: number; plans: number } | { error: string } | undefined> {
  const { registry, store, tracker, log, plans } = services;
  const uri =
    source instanceof vscode.Uri
      ? source
      : (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Progress file')]: ['json'] }, openLabel: vscode.l10n.t('Import') }))?.[0];
  if (!uri) return undefined;
  const label = vscode.workspace.asRelativePath(uri);
  let text: string;
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > MAX_PROGRESS_FILE_BYTES) {
      return fail(log, twofold((t) => t('Could not read {0}: the file is too large to be a progress export', label)));
    }
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    return fail(log, twofold((t) => t('Could not read {0}: {1}', label, (error as Error).message)));
  }
  const parsed = parseProgressFile(text);
  if (!parsed.file) {
    const reason = parsed.error;
    return fail(log, twofold((t) => t('Nothing was imported. {0}: {1}', label, reason)));
  }
  const roadmaps = await registry.roadmaps();
  const changes = planImport(parsed.file, store.allEntries(), roadmaps);
  const newPlans = planImportOfPlans(parsed.file, (roadmapId) => plans.planOf(roadmapId));
  // A plan this machine's roadmap cannot be scheduled on (it would end past the horizon) is
  // refused like any bad entry: it would replace the plan here and be no plan at all.
  for (const plan of newPlans) {
    const roadmap = roadmaps.find((r) => r.id === plan.roadmapId);
    const problem = roadmap && plans.problemOf(roadmap, plan);
    if (problem) return fail(log, twofold((t) => t('Nothing was imported. {0}: {1}', label, `plans.${plan.roadmapId}: ${problem}`)));
  }
  const review = planImportOfReview(parsed.file, services.review.state());
  const summary = [
    ...(changes.length > 0 || newPlans.length + review.changed === 0 ? [summarizeImport(changes)] : []),
    ...(newPlans.length > 0 ? [vscode.l10n.t('Study plans: {0}', newPlans.map((p) => p.roadmapId).join(', '))] : []),
    ...(review.changed > 0 ? [vscode.l10n.t('Review cards: {0}', review.changed)] : []),
  ].join('\n');
  if (changes.length === 0 && newPlans.length === 0 && review.changed === 0) {
    void vscode.window.showInformationMessage(summary);
    return { imported: 0, plans: 0 };
  }
  const importButton = vscode.l10n.t('Import');
  const confirmed =
    options?.confirmed === true ||
    (await vscode.window.showInformationMessage(
      vscode.l10n.t('Import progress from {0}?', label),
      { modal: true, detail: `${summary}\n\n${vscode.l10n.t('Local progress that is newer than the file is kept.')}` },
      importButton,
    )) === importButton;
  if (!confirmed) return undefined;
  await tracker.putEntries(changes, roadmaps);
  await plans.put(newPlans);
  if (review.changed > 0) await services.review.set(review.merged);
  log.info(`Imported ${changes.length} task state(s) and ${newPlans.length} study plan(s) from ${uri.toString()}.`);
  void vscode.window.showInformationMessage(importedMessage(changes.length, newPlans.length, review.changed));
  return { imported: changes.length, plans: newPlans.length };
}

/** What an import did, in a sentence or two. */
function importedMessage(tasks: number, plans: number, reviewCards: number): string {
  const progress = plans === 0 ? vscode.l10n.t('Imported the progress of {0} task(s).', tasks) : vscode.l10n.t('Imported the progress of {0} task(s) and {1} study plan(s).', tasks, plans);
  return reviewCards > 0 ? `${progress} ${vscode.l10n.t('Review: {0} card(s) merged.', reviewCards)}` : progress;
}

/** Logs the English message, shows the translated one, and returns the English one. */
function fail(log: Services['log'], { message, shown }: Twofold): { error: string } {
  log.warn(message);
  void vscode.window.showErrorMessage(shown);
  return { error: message };
}

/** The verified evidence of every task, by roadmap and task id. */
function verifiedEntries(services: Services): VerifiedEntries {
  const result = new Map<string, Map<string, VerifiedEvidence>>();
  for (const [key, record] of services.checks.all()) {
    const parsed = parseTaskKey(key);
    if (!parsed || !record.verified) continue;
    if (!result.has(parsed.roadmapId)) result.set(parsed.roadmapId, new Map());
    result.get(parsed.roadmapId)?.set(parsed.taskId, record.verified);
  }
  return result;
}

async function pickScope(roadmaps: readonly Roadmap[]): Promise<readonly Roadmap[] | undefined> {
  const all = { label: vscode.l10n.t('All roadmaps'), description: vscode.l10n.t('{0} roadmaps', roadmaps.length), roadmaps };
  const items = [all, ...roadmaps.map((r) => ({ label: r.title, description: r.source.label, roadmaps: [r] }))];
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Export the progress of which roadmap?') }))?.roadmaps;
}

async function askMarkdown(): Promise<boolean | undefined> {
  const choice = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Progress file'), description: vscode.l10n.t('JSON, for Import Progress on another machine'), markdown: false },
      { label: vscode.l10n.t('Progress file and Markdown checklist'), description: vscode.l10n.t('also a readable checklist beside it'), markdown: true },
    ],
    { placeHolder: vscode.l10n.t('What to export?') },
  );
  return choice?.markdown;
}

/**
 * Where the save dialog suggests the export: in the first workspace folder, else in the home
 * folder. The web has no home folder; there the name alone is suggested (the browser's save
 * picker takes the file name from it).
 */
function suggestedFile(services: Services, name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? services.platform.homeFolder();
  return folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(`/${name}`);
}
