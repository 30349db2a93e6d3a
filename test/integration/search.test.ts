import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Task } from '../../src/model/types';
import { api, resetAll, task } from './helpers';

suite('Search Tasks', () => {
  setup(resetAll);
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('Choosing a task reveals it in the tree and opens its module', async () => {
    const { tree, details } = await api();
    const chosen = await vscode.commands.executeCommand<Task>('mlRoadmaps.searchTasks', 'machine-learning-course/dimensionality-reduction');
    assert.strictEqual(chosen, await task('machine-learning-course', 'dimensionality-reduction'));
    assert.deepStrictEqual(tree.view.selection, [chosen]);
    assert.ok(details.panels()?.all().some((p) => p.module === chosen.module));
  });

  test('An unknown task changes nothing', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.searchTasks', 'deep-learning/no-such-task'), undefined);
  });
});
