/**
 * The tree's data provider in the real host, over the bundled roadmaps (read through the API) and
 * progress and plans of its own, kept in memory: what it tells the view, which no person sees
 * directly — parents for reveal, tooltips resolved only on hover, and how little a change redraws.
 * The view itself, as the workbench shows it, is tree.test.ts's.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ProgressTracker } from '../../src/core/tracker';
import { StudyPlans } from '../../src/plan/studyPlans';
import { PlanStore } from '../../src/storage/planStore';
import { ProgressStore } from '../../src/storage/progressStore';
import { RoadmapTreeProvider } from '../../src/tree/provider';
import { InMemoryMemento } from '../unit/helpers';
import { api, roadmap, task } from './helpers';

suite('Tree provider', () => {
  let provider: RoadmapTreeProvider;
  let tracker: ProgressTracker;
  let plans: StudyPlans;
  const warn = (message: string) => assert.fail(message);

  setup(async () => {
    const extension = await api();
    tracker = new ProgressTracker(new ProgressStore(new InMemoryMemento(), warn));
    plans = new StudyPlans(new PlanStore(new InMemoryMemento(), warn), tracker, () => new Map(), warn);
    const registry = { shown: () => extension.roadmaps(), onDidChange: extension.onDidChangeRoadmaps };
    provider = new RoadmapTreeProvider(registry, tracker, plans, false);
  });
  teardown(() => {
    provider.dispose();
    plans.dispose();
  });

  test('A task of a phase without modules has the phase for parent, so reveal finds it', async () => {
    const weeks = await roadmap('master-24-week');
    const [week1] = await provider.getChildren(weeks);
    const children = await provider.getChildren(week1);
    assert.ok(children.every((c) => 'kind' in c), 'children are tasks');
    assert.strictEqual(provider.getParent(children[0]), week1);
    assert.strictEqual(provider.getParent(week1), weeks);
  });

  test('A container’s tooltip is made only when the row is hovered', async () => {
    const weeks = await roadmap('master-24-week');
    const week1 = provider.getTreeItem(weeks.phases[0]);
    assert.strictEqual(week1.tooltip, undefined, 'tooltips come on hover');
    const resolved = provider.resolveTreeItem(week1, weeks.phases[0]);
    assert.match((resolved.tooltip as vscode.MarkdownString).value, /Goal:\*\* Master Python & data handling\./);
  });

  test('A done task’s row carries the menu context and icon of its state', async () => {
    const numpy = await task('ml-dl-condensed', 'numpy');
    await tracker.setState([numpy], 'done');
    const item = provider.getTreeItem(numpy);
    assert.strictEqual(item.contextValue, 'task.done');
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'pass-filled');
    assert.strictEqual(item.checkboxState, vscode.TreeItemCheckboxState.Checked);
  });

  test('A state change re-renders only the task and its ancestors', async () => {
    const numpy = await task('ml-dl-condensed', 'numpy');
    await provider.getChildren();
    const fired: unknown[] = [];
    const listener = provider.onDidChangeTreeData((e) => fired.push(...(Array.isArray(e) ? e : [e])));
    try {
      await tracker.setState([numpy], 'done');
    } finally {
      listener.dispose();
    }
    assert.deepStrictEqual(new Set(fired), new Set([numpy, numpy.module, numpy.module.phase, numpy.module.phase.roadmap]));
  });
});
