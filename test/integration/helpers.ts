import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MlRoadmapsApi } from '../../src/extension';
import type { Roadmap, Task } from '../../src/model/types';
import type { ScaffoldPrompts } from '../../src/scaffold/create';

export const EXTENSION_ID = 'ml-roadmaps.ml-roadmaps';

export async function api(): Promise<MlRoadmapsApi> {
  const extension = vscode.extensions.getExtension<MlRoadmapsApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

export async function roadmap(id: string): Promise<Roadmap> {
  const found = await (await api()).services.registry.roadmap(id);
  assert.ok(found, `roadmap ${id} is loaded`);
  return found;
}

export async function task(roadmapId: string, taskId: string): Promise<Task> {
  const found = (await roadmap(roadmapId)).taskIndex.get(taskId);
  assert.ok(found, `task ${roadmapId}/${taskId} exists`);
  return found;
}

/** Clears all progress of every loaded roadmap through the real command. */
export async function resetAll(): Promise<void> {
  for (const r of await (await api()).services.registry.roadmaps()) {
    await vscode.commands.executeCommand('mlRoadmaps.resetProgress', r, { confirmed: true });
  }
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
export async function eventually<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 5000): Promise<T> {
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

/** Answers Create Starter Project's questions: the first scaffold, "My Titanic", `target`. */
export function scaffoldPrompts(target: vscode.Uri, answers: { confirmKeep?: boolean; kept?: string[][] } = {}): ScaffoldPrompts {
  return {
    pickScaffold: (choices) => Promise.resolve(choices[0].scaffold),
    projectName: () => Promise.resolve('My Titanic'),
    location: () => Promise.resolve(target),
    confirmKeep: (existing) => {
      answers.kept?.push([...existing]);
      return Promise.resolve(answers.confirmKeep ?? true);
    },
  };
}
