import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MlRoadmapsApi } from '../../src/api';
import { rootOf, type Roadmap, type Task, type TaskState } from '../../src/model/types';

export const EXTENSION_ID = 'ml-roadmaps.ml-roadmaps';

/** The extension's public API (src/api.ts), as another extension gets it. */
export async function api(): Promise<MlRoadmapsApi> {
  const extension = vscode.extensions.getExtension<MlRoadmapsApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

export async function roadmap(id: string): Promise<Roadmap> {
  const found = await (await api()).roadmap(id);
  assert.ok(found, `roadmap ${id} is loaded`);
  return found;
}

export async function task(roadmapId: string, taskId: string): Promise<Task> {
  const found = (await roadmap(roadmapId)).taskIndex.get(taskId);
  assert.ok(found, `task ${roadmapId}/${taskId} exists`);
  return found;
}

/** A task's state as the API reports it. */
export async function stateOf(target: Task): Promise<TaskState | undefined> {
  return (await api()).stateOf(rootOf(target).id, target.id);
}

/** Clears all progress of every loaded roadmap through the real command. */
export async function resetAll(): Promise<void> {
  for (const r of await (await api()).roadmaps()) {
    await vscode.commands.executeCommand('mlRoadmaps.resetProgress', r, { confirmed: true });
  }
}

/** Collapses the tree, then reveals the task through our own command, so its row and its parents' are in view. */
export async function showInTree(target: Task): Promise<void> {
  const { inTree } = await import('./page');
  // The rows first: a reveal while the view loads its roots for the first time can fail in the window.
  await inTree.rows();
  await vscode.commands.executeCommand('workbench.actions.treeView.mlRoadmaps.tree.collapseAll');
  await vscode.commands.executeCommand('mlRoadmaps.revealTask', target);
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test host opens a workspace folder');
  return folder.uri;
}

export async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Polls until `check` returns a truthy value; for effects VS Code applies asynchronously. */
export async function eventually<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

/** Create Starter Project's options (see the README): the Titanic starter as "My Titanic" in `target`. */
export function starterOptions(target: vscode.Uri, more: { keepExisting?: boolean; name?: string; scaffold?: string } = {}): Record<string, unknown> {
  return { task: 'master-24-week/titanic-eda', scaffold: 'titanic-eda', name: 'My Titanic', location: target.toString(), keepExisting: true, ...more };
}

/** Runs Create Starter Project with options, as a keybinding or another extension would. */
export async function createStarter(options: Record<string, unknown>): Promise<vscode.Uri | undefined> {
  return vscode.commands.executeCommand<vscode.Uri | undefined>('mlRoadmaps.createStarterProject', options);
}

/** Unlinks every folder of a task as a person would: selects each folder's row under the task and runs Unlink Folder. */
export async function unlinkAll(target: Task): Promise<void> {
  const extension = await api();
  const { inTree } = await import('./page');
  const folders = () => extension.linkedFolders(rootOf(target).id, target.id);
  for (let left = folders().length; left > 0; left--) {
    await showInTree(target);
    await inTree.expand(target.title);
    const name = folders()[0].path.split('/').pop() ?? '';
    await inTree.click(name);
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.unlinkFolder'), true, `unlinked ${name}`);
  }
  assert.deepStrictEqual(folders(), []);
}
