/** Export Progress (JSON, optionally a Markdown checklist) and Import Progress. */
import * as os from 'os';
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { Roadmap } from '../model/types';
import type { Services } from '../services';
import { isRoadmap } from '../tree/provider';
import { buildProgressFile, MAX_PROGRESS_FILE_BYTES, parseProgressFile, planImport, progressChecklist, summarizeImport } from '../storage/progressFile';
import { refuseInRestrictedMode } from '../util/trust';

export interface ExportOptions {
  /** Also write a Markdown checklist beside the JSON file. */
  readonly markdown?: boolean;
}

export function registerTransfer(context: vscode.ExtensionContext, services: Services): void {
  const { registry, store, tracker, log } = services;

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.exportProgress, async (scope?: unknown, target?: unknown, options?: ExportOptions) => {
      if (refuseInRestrictedMode('Exporting progress writes a file')) return undefined;
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
              defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir()), `ml-roadmaps-progress-${name}-${today}.json`),
              filters: { 'Progress file': ['json'] },
              saveLabel: 'Export',
            });
      if (!uri) return undefined;
      // "All" means everything stored, including roadmaps that are not loaded right now.
      const everything = chosen === roadmaps;
      const ids = new Set(chosen.map((r) => r.id));
      const entries = new Map([...store.allEntries()].filter(([roadmapId]) => everything || ids.has(roadmapId)));
      const file = buildProgressFile(entries, new Map(roadmaps.map((r) => [r.id, r.title])), new Date());
      const written: vscode.Uri[] = [];
      if (!(await writeNew(uri, `${JSON.stringify(file, null, 2)}\n`))) return undefined;
      written.push(uri);
      if (markdown) {
        const checklist = chosen.map((r) => progressChecklist(r, (taskId) => tracker.stateOf(r.taskIndex.get(taskId)!))).join('\n');
        const mdUri = uri.with({ path: uri.path.replace(/\.json$/i, '') + '.md' });
        if (await writeNew(mdUri, checklist)) written.push(mdUri);
      }
      const count = [...entries.values()].reduce((n, tasks) => n + tasks.size, 0);
      log.info(`Exported ${count} task state(s) to ${written.map((u) => u.toString()).join(', ')}.`);
      void vscode.window.showInformationMessage(`Exported the progress of ${count} task(s) to ${written.map((u) => vscode.workspace.asRelativePath(u)).join(' and ')}.`);
      return uri;
    }),

    vscode.commands.registerCommand(Commands.importProgress, async (source?: unknown, options?: { confirmed?: boolean }) => {
      const uri =
        source instanceof vscode.Uri
          ? source
          : (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Progress file': ['json'] }, openLabel: 'Import' }))?.[0];
      if (!uri) return undefined;
      const label = vscode.workspace.asRelativePath(uri);
      let text: string;
      try {
        if ((await vscode.workspace.fs.stat(uri)).size > MAX_PROGRESS_FILE_BYTES) throw new Error('the file is too large to be a progress export');
        text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      } catch (error) {
        return fail(`Could not read ${label}: ${(error as Error).message}`);
      }
      const parsed = parseProgressFile(text);
      if (!parsed.file) return fail(`Nothing was imported. ${label}: ${parsed.error}`);
      const roadmaps = await registry.roadmaps();
      const changes = planImport(parsed.file, store.allEntries(), roadmaps);
      const summary = summarizeImport(changes);
      if (changes.length === 0) {
        void vscode.window.showInformationMessage(summary);
        return { imported: 0 };
      }
      const confirmed =
        options?.confirmed === true ||
        (await vscode.window.showInformationMessage(`Import progress from ${label}?`, { modal: true, detail: `${summary}\n\nLocal progress that is newer than the file is kept.` }, 'Import')) === 'Import';
      if (!confirmed) return undefined;
      await tracker.putEntries(changes, roadmaps);
      log.info(`Imported ${changes.length} task state(s) from ${uri.toString()}.`);
      void vscode.window.showInformationMessage(`Imported the progress of ${changes.length} task(s).`);
      return { imported: changes.length };
    }),
  );

  function fail(message: string): { error: string } {
    log.warn(message);
    void vscode.window.showErrorMessage(message);
    return { error: message };
  }

  /** Writes a file that must not exist yet: an export never replaces anything. */
  async function writeNew(uri: vscode.Uri, text: string): Promise<boolean> {
    try {
      await vscode.workspace.fs.stat(uri);
      void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} already exists. Exports never replace a file; choose another name.`);
      return false;
    } catch {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      return true;
    }
  }
}

async function pickScope(roadmaps: readonly Roadmap[]): Promise<readonly Roadmap[] | undefined> {
  const all = { label: 'All roadmaps', description: `${roadmaps.length} roadmaps`, roadmaps };
  const items = [all, ...roadmaps.map((r) => ({ label: r.title, description: r.source.label, roadmaps: [r] }))];
  return (await vscode.window.showQuickPick(items, { placeHolder: 'Export the progress of which roadmap?' }))?.roadmaps;
}

async function askMarkdown(): Promise<boolean | undefined> {
  const choice = await vscode.window.showQuickPick(
    [
      { label: 'Progress file', description: 'JSON, for Import Progress on another machine', markdown: false },
      { label: 'Progress file and Markdown checklist', description: 'also a readable checklist beside it', markdown: true },
    ],
    { placeHolder: 'What to export?' },
  );
  return choice?.markdown;
}
