import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Task } from '../../src/model/types';
import { eventually, resetAll, task } from './helpers';
import { inTree } from './page';

suite('Search Tasks', () => {
  setup(resetAll);
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('Choosing a task reveals it in the tree and opens its module', async () => {
    const chosen = await vscode.commands.executeCommand<Task>('mlRoadmaps.searchTasks', 'machine-learning-course/dimensionality-reduction');
    assert.strictEqual(chosen, await task('machine-learning-course', 'dimensionality-reduction'));
    // The view reports its new selection a moment after reveal() resolves.
    await eventually(async () => (await inTree.selection()).join() === chosen.title, 'the task selected in the tree');
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    assert.ok(tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('mlRoadmaps.details') && t.label === chosen.module.title), 'its module’s details open');
  });

  test('An unknown task changes nothing', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.searchTasks', 'deep-learning/no-such-task'), undefined);
  });
});
