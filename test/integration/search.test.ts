import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Task } from '../../src/model/types';
import { api, eventually, resetAll, task } from './helpers';

suite('Search Tasks', () => {
  setup(resetAll);
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('Choosing a task reveals it in the tree and opens its module', async () => {
    const { tree, details } = await api();
    const chosen = await vscode.commands.executeCommand<Task>('mlRoadmaps.searchTasks', 'machine-learning-course/dimensionality-reduction');
    assert.strictEqual(chosen, await task('machine-learning-course', 'dimensionality-reduction'));
    // The view reports its new selection a moment after reveal() resolves.
    await eventually(() => tree.view.selection.length === 1 && tree.view.selection[0] === chosen, 'the task selected in the tree');
    assert.ok(details.panels()?.all().some((p) => p.module === chosen.module));
  });

  test('An unknown task changes nothing', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.searchTasks', 'deep-learning/no-such-task'), undefined);
  });
});
