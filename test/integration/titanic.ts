/** For the suites that run the Titanic starter's checks: its reference solution, and its task kept free of other suites' links. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Task } from '../../src/model/types';
import { builtinVariables, planScaffold, TemplateFile } from '../../src/scaffold/plan';
import { EXTENSION_ID, resetAll, roadmap, task, unlinkAll } from './helpers';

async function readTemplates(folder: vscode.Uri, prefix = ''): Promise<TemplateFile[]> {
  const files: TemplateFile[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (type === vscode.FileType.Directory) files.push(...(await readTemplates(uri, `${prefix}${name}/`)));
    else if (type === vscode.FileType.File) files.push({ path: `${prefix}${name}`, content: await vscode.workspace.fs.readFile(uri) });
  }
  return files;
}

/** The reference solution, rendered as the starter named `projectName` was, written over the project. */
export async function writeSolution(target: vscode.Uri, titanic: Task, projectName: string): Promise<void> {
  const installed = vscode.extensions.getExtension(EXTENSION_ID)!;
  const master = await roadmap('master-24-week');
  const solution = planScaffold({
    files: await readTemplates(vscode.Uri.joinPath(installed.extensionUri, 'test', 'fixtures', 'solutions', 'titanic-eda')),
    variables: builtinVariables({ projectName, taskTitle: titanic.title, taskId: titanic.id, roadmapTitle: master.title, roadmapId: master.id, now: new Date() }),
    existing: new Set(),
  });
  assert.deepStrictEqual(solution.errors, []);
  for (const file of solution.create) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, ...file.path.split('/')), file.content);
}

/**
 * Other suites link folders of their own to the Titanic task: each test of the calling suite
 * starts from reset progress with no folder linked to it, and the suite leaves none behind.
 */
export function titanicTaskToItself(): void {
  const unlinkTitanic = async () => unlinkAll(await task('master-24-week', 'titanic-eda'));
  setup(async () => {
    await resetAll();
    await unlinkTitanic();
  });
  suiteTeardown(unlinkTitanic);
}
