import * as assert from 'assert';
import * as vscode from 'vscode';
import type { StatesChange } from '../../src/api';
import { Task } from '../../src/model/types';
import { api, eventually, resetAll, roadmap, showInTree, stateOf, task } from './helpers';
import { inTree, inWorkbench } from './page';

const BUNDLED_TITLES = [
  'Deep Learning Roadmap',
  'Machine Learning Roadmap',
  '24-Week Complete Master Roadmap',
  'Machine Learning / Deep Learning Roadmap',
  'Comprehensive Roadmap for ML/DL and Deployment -2025',
];

/** The context-menu entries of the state commands, by the state a task is in. */
const STATE_TITLES = { notStarted: 'Mark Not Started', inProgress: 'Mark In Progress', done: 'Mark Done', skipped: 'Mark Skipped' } as const;

async function collapseAll(): Promise<void> {
  await vscode.commands.executeCommand('mlRoadmaps.tree.focus');
  await vscode.commands.executeCommand('workbench.actions.treeView.mlRoadmaps.tree.collapseAll');
}

suite('Roadmap tree', () => {
  setup(resetAll);

  test('Its roots are the five bundled roadmaps', async () => {
    await collapseAll();
    const roots = await eventually(async () => {
      const rows = await inTree.rows();
      return rows.length === BUNDLED_TITLES.length && rows;
    }, 'five rows');
    assert.deepStrictEqual(roots.map((r) => r.label), BUNDLED_TITLES);
    assert.ok(roots.every((r) => r.level === 1 && r.expanded === false));
    assert.deepStrictEqual((await (await api()).roadmaps()).map((r) => r.title), BUNDLED_TITLES);
  });

  test('Expanding a roadmap reaches phases, modules and tasks', async () => {
    const course = await roadmap('machine-learning-course');
    await collapseAll();
    await inTree.expand(course.title);
    const [phase] = await inTree.childrenOf(course.title);
    assert.strictEqual(phase.label, 'Beginner: ML Foundations');
    await inTree.expand(phase.label);
    const [module] = await inTree.childrenOf(phase.label);
    assert.strictEqual(module.label, 'Module 1: Foundations of Machine Learning');
    await inTree.expand(module.label);
    const [first] = await inTree.childrenOf(module.label);
    assert.strictEqual(first.label, 'Introduction');
    assert.strictEqual(first.checked, false);
    assert.strictEqual(first.expanded, undefined, 'a task without notes or folders does not expand');
  });

  test('A phase written without modules shows its tasks directly', async () => {
    const weeks = await roadmap('master-24-week');
    await collapseAll();
    await inTree.expand(weeks.title);
    const [week1] = await inTree.childrenOf(weeks.title);
    assert.strictEqual(week1.label, weeks.phases[0].title);
    await inTree.expand(week1.label);
    const children = await inTree.childrenOf(week1.label);
    assert.ok(children.every((c) => c.checked !== undefined), 'children are tasks, with a checkbox');
    assert.strictEqual(children[0].label, 'Python OOP & functions');
    assert.strictEqual(children[0].level, week1.level + 1);
  });

  test('Containers show done/total and percent, and a tooltip with the goal', async () => {
    const weeks = await roadmap('master-24-week');
    await collapseAll();
    await inTree.expand(weeks.title);
    const week1 = await inTree.row(weeks.phases[0].title);
    assert.match(week1.description, /^0\/\d+ · 0%$/);
    assert.match(await inTree.tooltip(weeks.phases[0].title), /Goal: Master Python & data handling\./);
  });

  test('Marking a task done updates its checkbox, the counts, the status bar and what the API reports', async () => {
    const numpy = await task('ml-dl-condensed', 'numpy');
    const module = numpy.module;
    const total = (await roadmap('ml-dl-condensed')).taskIndex.size;
    await vscode.commands.executeCommand('mlRoadmaps.markDone', numpy);
    await showInTree(numpy);

    const row = await eventually(async () => {
      const found = await inTree.row(numpy.title);
      return found.checked && found;
    }, 'the task ticked in the tree');
    assert.strictEqual(row.icon, 'pass-filled');
    assert.strictEqual((await inTree.row(module.title)).description, `1/${module.tasks.length} · ${Math.floor(100 / module.tasks.length)}%`);
    assert.match((await inTree.row(module.phase.roadmap.title)).description, new RegExp(`^1/${total} · `));
    await eventually(async () => (await inWorkbench.statusBar()) === `1/${total} · ${Math.floor(100 / total)}%`, 'the status bar counting it');
    assert.strictEqual(await stateOf(numpy), 'done');
  });

  test('Each state command sets its state, icon and the actions its row offers', async () => {
    const pandas = await task('ml-dl-condensed', 'pandas');
    const expected = [
      ['mlRoadmaps.markInProgress', 'inProgress', 'play-circle', false],
      ['mlRoadmaps.markSkipped', 'skipped', 'circle-slash', true],
      ['mlRoadmaps.markDone', 'done', 'pass-filled', true],
      ['mlRoadmaps.markNotStarted', 'notStarted', 'circle-large-outline', false],
    ] as const;
    await showInTree(pandas);
    for (const [command, state, icon, checked] of expected) {
      await vscode.commands.executeCommand(command, pandas);
      assert.strictEqual(await stateOf(pandas), state, command);
      const row = await eventually(async () => {
        const found = await inTree.row(pandas.title);
        return found.icon === icon && found;
      }, `the ${icon} icon after ${command}`);
      assert.strictEqual(row.checked, checked, command);
      // The menu offers every state but the one the task is in.
      const menu = await inTree.menu(pandas.title);
      for (const [other, title] of Object.entries(STATE_TITLES)) assert.strictEqual(menu.includes(title), other !== state, `${title} in the menu of a ${state} task: ${menu.join(', ')}`);
    }
  });

  test('A state command applies to the whole multi-selection', async () => {
    const extension = await api();
    const tasks = (await roadmap('deep-learning')).phases[0].modules[0].tasks;
    await vscode.commands.executeCommand('mlRoadmaps.markSkipped', tasks[0], [...tasks]);
    for (const t of tasks) assert.strictEqual(await extension.stateOf('deep-learning', t.id), 'skipped', t.id);
    await showInTree(tasks[0]);
    await eventually(async () => (await inTree.row(tasks[0].module.title)).description === `${tasks.length}/${tasks.length} · 100%`, 'the module counting them all');
  });

  test('Toggle Done flips a task between done and not started', async () => {
    const pandas = await task('ml-dl-condensed', 'pandas');
    await vscode.commands.executeCommand('mlRoadmaps.toggleDone', pandas);
    assert.strictEqual(await stateOf(pandas), 'done');
    await vscode.commands.executeCommand('mlRoadmaps.toggleDone', pandas);
    assert.strictEqual(await stateOf(pandas), 'notStarted');
  });

  test('Next Task reveals and selects the first unfinished task of the roadmap in focus', async () => {
    const condensed = await roadmap('ml-dl-condensed');
    const [first, second, third] = condensed.phases[0].modules[0].tasks;
    await vscode.commands.executeCommand('mlRoadmaps.markDone', first, [first, second]);
    await collapseAll();
    const next = await vscode.commands.executeCommand<Task>('mlRoadmaps.nextTask');
    assert.strictEqual(next, third);
    // The view shows its new selection a moment after reveal() resolves.
    await eventually(async () => (await inTree.selection()).join() === third.title, 'the task selected in the tree');
    // The roadmap in focus is the one the status bar counts.
    assert.match(await inWorkbench.statusBar(), new RegExp(`^2/${condensed.taskIndex.size} · `));
  });

  test('Next Task prefers a task already in progress', async () => {
    const weeks = await roadmap('master-24-week');
    const later = weeks.phases[5].modules[0].tasks[1];
    await vscode.commands.executeCommand('mlRoadmaps.markInProgress', later);
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.nextTask', weeks), later);
  });

  test('Reset Progress clears one roadmap and leaves the others', async () => {
    const a = await task('deep-learning', 'perceptron');
    const b = await task('ml-dl-condensed', 'numpy');
    await vscode.commands.executeCommand('mlRoadmaps.markDone', a);
    await vscode.commands.executeCommand('mlRoadmaps.markDone', b);
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.resetProgress', a.module.phase.roadmap, { confirmed: true }), true);
    assert.strictEqual(await stateOf(a), 'notStarted');
    assert.strictEqual(await stateOf(b), 'done');
    await collapseAll();
    await eventually(async () => (await inTree.row(a.module.phase.roadmap.title)).description.startsWith('0/'), 'the roadmap row back at 0');
  });

  test('Setting states through the API tells its listeners which tasks changed, and refuses what is wrong', async () => {
    const extension = await api();
    const changes: StatesChange[] = [];
    const listener = extension.onDidChangeStates((change) => changes.push(change));
    try {
      await extension.setState('ml-dl-condensed', ['numpy', 'pandas'], 'inProgress');
      assert.deepStrictEqual(changes, [{ roadmapId: 'ml-dl-condensed', taskKeys: ['ml-dl-condensed/numpy', 'ml-dl-condensed/pandas'] }]);
      assert.strictEqual(await stateOf(await task('ml-dl-condensed', 'pandas')), 'inProgress');
      await vscode.commands.executeCommand('mlRoadmaps.resetProgress', await roadmap('ml-dl-condensed'), { confirmed: true });
      assert.deepStrictEqual(changes[1], { roadmapId: 'ml-dl-condensed', taskKeys: undefined }, 'a reset may touch any task');
      await assert.rejects(extension.setState('ml-dl-condensed', 'no-such-task', 'done'), /has no task "no-such-task"/);
      await assert.rejects(extension.setState('no-such-roadmap', 'numpy', 'done'), /no roadmap has the id "no-such-roadmap"/);
      await assert.rejects(extension.setState('ml-dl-condensed', 'numpy', 'finished' as 'done'), /"finished" is not a task state/);
      assert.strictEqual(changes.length, 2, 'nothing changed on a refusal');
      assert.strictEqual(extension.version, 1);
    } finally {
      listener.dispose();
    }
  });

  test('Hiding finished tasks removes them from the tree until shown again', async () => {
    const module = (await roadmap('ml-dl-condensed')).phases[0].modules[0];
    await vscode.commands.executeCommand('mlRoadmaps.markDone', module.tasks[0]);
    await showInTree(module.tasks[1]);
    await vscode.commands.executeCommand('mlRoadmaps.hideFinished');
    try {
      await eventually(async () => (await inTree.childrenOf(module.title)).map((r) => r.label).join() === module.tasks.slice(1).map((t) => t.title).join(), 'the finished task hidden');
    } finally {
      await vscode.commands.executeCommand('mlRoadmaps.showFinished');
    }
    await eventually(async () => (await inTree.childrenOf(module.title)).map((r) => r.label).join() === module.tasks.map((t) => t.title).join(), 'every task shown again');
  });
});
