import * as assert from 'assert';
import * as vscode from 'vscode';
import { Task } from '../../src/model/types';
import { StorageKeys } from '../../src/storage/memento';
import { ProgressStore } from '../../src/storage/progressStore';
import { api, eventually, resetAll, roadmap, task } from './helpers';

const BUNDLED_TITLES = [
  'Deep Learning Roadmap',
  'Machine Learning Roadmap',
  '24-Week Complete Master Roadmap',
  'Machine Learning / Deep Learning Roadmap',
  'Comprehensive Roadmap for ML/DL and Deployment -2025',
];

async function item(element: unknown): Promise<vscode.TreeItem> {
  return (await api()).tree.provider.getTreeItem(element as Task);
}

suite('Roadmap tree', () => {
  setup(resetAll);

  test('Its roots are the five bundled roadmaps', async () => {
    const { tree } = await api();
    const roots = await tree.provider.getChildren();
    const labels = await Promise.all(roots.map(async (r) => (await item(r)).label));
    assert.deepStrictEqual(labels, BUNDLED_TITLES);
  });

  test('Expanding a roadmap reaches phases, modules and tasks', async () => {
    const { tree } = await api();
    const course = await roadmap('machine-learning-course');
    const [phase] = await tree.provider.getChildren(course);
    const [module] = await tree.provider.getChildren(phase);
    const tasks = await tree.provider.getChildren(module);
    assert.strictEqual((await item(phase)).label, 'Beginner: ML Foundations');
    assert.strictEqual((await item(module)).label, 'Module 1: Foundations of Machine Learning');
    const first = await item(tasks[0]);
    assert.strictEqual(first.label, 'Introduction');
    assert.strictEqual(first.checkboxState, vscode.TreeItemCheckboxState.Unchecked);
    assert.strictEqual(first.collapsibleState, vscode.TreeItemCollapsibleState.None);
  });

  test('A phase written without modules shows its tasks directly', async () => {
    const { tree } = await api();
    const weeks = await roadmap('master-24-week');
    const [week1] = await tree.provider.getChildren(weeks);
    const children = await tree.provider.getChildren(week1);
    assert.ok(children.every((c) => 'kind' in c), 'children are tasks');
    assert.strictEqual((await item(children[0])).label, 'Python OOP & functions');
    assert.strictEqual(tree.provider.getParent(children[0]), week1);
  });

  test('Containers show done/total and percent, and a tooltip with the goal', async () => {
    const weeks = await roadmap('master-24-week');
    const week1 = await item(weeks.phases[0]);
    assert.match(String(week1.description), /^0\/\d+ · 0%$/);
    assert.strictEqual(week1.tooltip, undefined, 'tooltips come on hover');
    const { tree } = await api();
    const resolved = tree.provider.resolveTreeItem(week1, weeks.phases[0]);
    assert.match((resolved.tooltip as vscode.MarkdownString).value, /Goal:\*\* Master Python & data handling\./);
  });

  test('Marking a task done updates its checkbox, the counts, the status bar and storage', async () => {
    const { tree, globalState } = await api();
    const numpy = await task('ml-dl-condensed', 'numpy');
    const module = numpy.module;
    const total = (await roadmap('ml-dl-condensed')).taskIndex.size;
    await vscode.commands.executeCommand('mlRoadmaps.markDone', numpy);

    const taskItem = await item(numpy);
    assert.strictEqual(taskItem.checkboxState, vscode.TreeItemCheckboxState.Checked);
    assert.strictEqual((taskItem.iconPath as vscode.ThemeIcon).id, 'pass-filled');
    assert.strictEqual(taskItem.contextValue, 'task.done');
    const { tracker } = (await api()).services;
    const states = module.tasks.map((t) => `${t.id}=${tracker.stateOf(t)}`);
    assert.strictEqual((await item(module)).description, `1/${module.tasks.length} · ${Math.floor(100 / module.tasks.length)}%`, states.join());
    assert.match(String((await item(module.phase.roadmap)).description), new RegExp(`^1/${total} · `));
    assert.strictEqual(tree.statusBar.item.text, `$(checklist) 1/${total} · ${Math.floor(100 / total)}%`);
    const stored = globalState.get<{ tasks: Record<string, { state: string }> }>(StorageKeys.progress);
    assert.strictEqual(stored?.tasks['ml-dl-condensed/numpy']?.state, 'done');
  });

  test('Each state command sets its state, icon and menu context', async () => {
    const pandas = await task('ml-dl-condensed', 'pandas');
    const expected = [
      ['mlRoadmaps.markInProgress', 'play-circle', 'task.inProgress', vscode.TreeItemCheckboxState.Unchecked],
      ['mlRoadmaps.markSkipped', 'circle-slash', 'task.skipped', vscode.TreeItemCheckboxState.Checked],
      ['mlRoadmaps.markDone', 'pass-filled', 'task.done', vscode.TreeItemCheckboxState.Checked],
      ['mlRoadmaps.markNotStarted', 'circle-large-outline', 'task.notStarted', vscode.TreeItemCheckboxState.Unchecked],
    ] as const;
    for (const [command, icon, context, checkbox] of expected) {
      await vscode.commands.executeCommand(command, pandas);
      const current = await item(pandas);
      assert.strictEqual((current.iconPath as vscode.ThemeIcon).id, icon, command);
      assert.strictEqual(current.contextValue, context, command);
      assert.strictEqual(current.checkboxState, checkbox, command);
    }
  });

  test('A state command applies to the whole multi-selection', async () => {
    const { services } = await api();
    const tasks = (await roadmap('deep-learning')).phases[0].modules[0].tasks;
    await vscode.commands.executeCommand('mlRoadmaps.markSkipped', tasks[0], [...tasks]);
    assert.deepStrictEqual(tasks.map((t) => services.tracker.stateOf(t)), tasks.map(() => 'skipped'));
    assert.strictEqual((await item(tasks[0].module)).description, `${tasks.length}/${tasks.length} · 100%`);
  });

  test('Toggle Done flips a task between done and not started', async () => {
    const { services } = await api();
    const seaborn = await task('ml-dl-condensed', 'pandas');
    await vscode.commands.executeCommand('mlRoadmaps.toggleDone', seaborn);
    assert.strictEqual(services.tracker.stateOf(seaborn), 'done');
    await vscode.commands.executeCommand('mlRoadmaps.toggleDone', seaborn);
    assert.strictEqual(services.tracker.stateOf(seaborn), 'notStarted');
  });

  test('Next Task reveals and selects the first unfinished task of the roadmap in focus', async () => {
    const { tree } = await api();
    const condensed = await roadmap('ml-dl-condensed');
    const [first, second, third] = condensed.phases[0].modules[0].tasks;
    await vscode.commands.executeCommand('mlRoadmaps.markDone', first, [first, second]);
    const next = await vscode.commands.executeCommand<Task>('mlRoadmaps.nextTask');
    assert.strictEqual(next, third);
    // The view reports its new selection a moment after reveal() resolves.
    await eventually(() => tree.view.selection.length === 1 && tree.view.selection[0] === third, 'the task selected in the tree');
    assert.strictEqual(await tree.focusedRoadmap(), condensed);
  });

  test('Next Task prefers a task already in progress', async () => {
    const weeks = await roadmap('master-24-week');
    const later = weeks.phases[5].modules[0].tasks[1];
    await vscode.commands.executeCommand('mlRoadmaps.markInProgress', later);
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.nextTask', weeks), later);
  });

  test('Reset Progress clears one roadmap and leaves the others', async () => {
    const { services } = await api();
    const a = await task('deep-learning', 'perceptron');
    const b = await task('ml-dl-condensed', 'numpy');
    await vscode.commands.executeCommand('mlRoadmaps.markDone', a);
    await vscode.commands.executeCommand('mlRoadmaps.markDone', b);
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.resetProgress', a.module.phase.roadmap, { confirmed: true }), true);
    assert.strictEqual(services.tracker.stateOf(a), 'notStarted');
    assert.strictEqual(services.tracker.stateOf(b), 'done');
    assert.strictEqual((await item(a.module.phase.roadmap)).description?.toString().startsWith('0/'), true);
  });

  test('Progress survives a reload: a fresh store over the same storage reads it back', async () => {
    const { globalState } = await api();
    const numpy = await task('ml-dl-condensed', 'numpy');
    await vscode.commands.executeCommand('mlRoadmaps.markInProgress', numpy);
    const reloaded = new ProgressStore(globalState, (w) => assert.fail(w));
    assert.strictEqual(reloaded.stateOf('ml-dl-condensed', numpy), 'inProgress');
  });

  test('Hiding finished tasks removes them from the tree until shown again', async () => {
    const { tree } = await api();
    const module = (await roadmap('ml-dl-condensed')).phases[0].modules[0];
    await vscode.commands.executeCommand('mlRoadmaps.markDone', module.tasks[0]);
    await vscode.commands.executeCommand('mlRoadmaps.hideFinished');
    try {
      const visible = await tree.provider.getChildren(module);
      assert.deepStrictEqual(visible, module.tasks.slice(1));
    } finally {
      await vscode.commands.executeCommand('mlRoadmaps.showFinished');
    }
    assert.deepStrictEqual(await tree.provider.getChildren(module), [...module.tasks]);
  });

  test('A state change re-renders only the task and its ancestors', async () => {
    const { tree } = await api();
    const numpy = await task('ml-dl-condensed', 'numpy');
    const fired: unknown[] = [];
    const listener = tree.provider.onDidChangeTreeData((e) => fired.push(...(Array.isArray(e) ? e : [e])));
    try {
      await vscode.commands.executeCommand('mlRoadmaps.markDone', numpy);
    } finally {
      listener.dispose();
    }
    assert.deepStrictEqual(new Set(fired), new Set([numpy, numpy.module, numpy.module.phase, numpy.module.phase.roadmap]));
  });
});
