/**
 * The bench entry of the pages rows (pages.ts), run inside the real extension host as
 * `extensionTestsPath`: it does in the editor what the launcher asks (write a note, open a page),
 * while the launcher watches the workbench and the pages in the browser.
 */
import * as vscode from 'vscode';
import { PageCommand, waitForJson, writeJson } from './handshake';

const EXTENSION_ID = 'ml-roadmaps.ml-roadmaps';
const dir = process.env.MLR_BENCH_DIR ?? '';

export async function run(): Promise<void> {
  try {
    await waitForJson(dir, 'go', 120_000);
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    for (let n = 1; ; n++) {
      const command = await waitForJson<PageCommand>(dir, `command-${n}.json`, 10 * 60_000);
      if (command.op === 'end') return;
      await carryOut(command);
      writeJson(dir, `answer-${n}.json`, {});
    }
  } catch (error) {
    writeJson(dir, 'error.json', { message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

async function carryOut(command: PageCommand): Promise<void> {
  switch (command.op) {
    case 'showTree':
      await vscode.commands.executeCommand('workbench.view.extension.mlRoadmaps');
      return;
    case 'writeNote': {
      const note = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'notes', 'cards.md');
      await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(command.text));
      return;
    }
    case 'openReview':
      await vscode.commands.executeCommand('mlRoadmaps.reviewDueCards');
      return;
    case 'openClass':
      // Not awaited: the command settles once the folder is read, and the launcher times the page meanwhile.
      void vscode.commands.executeCommand('mlRoadmaps.openClassDashboard', vscode.Uri.file(command.folder));
      return;
    case 'closeAll':
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      return;
  }
}
