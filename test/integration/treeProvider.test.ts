/**
 * The tree's data provider in the real host, over the bundled roadmaps (read through the API) and
 * progress and plans of its own, kept in memory: what it tells the view, which no person sees
 * directly — parents for reveal, tooltips resolved only on hover, and how little a change redraws.
 * The view itself, as the workbench shows it, is tree.test.ts's.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { isOutlines, RoadmapOutline } from '../../src/startup/outlines';
import { ProgressTracker } from '../../src/core/tracker';
import { isRoadmap, tasksOf } from '../../src/model/types';
import { StudyPlans } from '../../src/core/studyPlans';
import { PlanStore } from '../../src/storage/planStore';
import { ProgressStore } from '../../src/storage/progressStore';
import { firstRowItem, firstRowsOf } from '../../src/startup/firstRows';
import { RoadmapTreeProvider } from '../../src/tree/provider';
import { InMemoryMemento } from '../unit/helpers';
import { api, EXTENSION_ID, roadmap, task } from './helpers';

suite('Tree provider', () => {
  let provider: RoadmapTreeProvider;
  let store: ProgressStore;
  let tracker: ProgressTracker;
  let plans: StudyPlans;
  const warn = (message: string) => assert.fail(message);

  setup(async () => {
    const extension = await api();
    store = new ProgressStore(new InMemoryMemento(), warn);
    tracker = new ProgressTracker(store);
    plans = new StudyPlans(new PlanStore(new InMemoryMemento(), warn), tracker, () => new Map(), warn);
    const registry = { entries: () => extension.roadmaps(), onDidChange: extension.onDidChangeRoadmaps };
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
    assert.match((resolved.tooltip as vscode.MarkdownString).value, /Goal:\*\* Master Python \\& data handling\\\./);
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

  test('The first rows, drawn before the tree is loaded, read exactly as the tree’s own rows that replace them', async () => {
    const outlines = shippedOutlines();
    const weeks = await roadmap('master-24-week');
    await tracker.setState([await task('ml-dl-condensed', 'numpy')], 'done');
    await tracker.setState(tasksOf(weeks).slice(0, 3), 'skipped');
    await tracker.setState([tasksOf(weeks)[5]], 'inProgress');
    /** Both kinds of rows for the bundled roadmaps, with finished tasks hidden or not. */
    const drawn = async (hideFinished: boolean) => {
      provider.setHideFinished(hideFinished);
      const first = firstRowsOf({ outlines, store, hideFinished, plansStored: false })?.map((row) => rowAsSeen(firstRowItem(row)));
      const own = (await provider.getChildren()).filter((root) => isRoadmap(root) && root.source.bundled).map((root) => rowAsSeen(provider.getTreeItem(root)));
      return { first, own };
    };
    const before = await drawn(false);
    assert.strictEqual(before.first?.length, outlines.length, 'one first row per bundled roadmap');
    assert.deepStrictEqual(before.first, before.own);
    const described = (id: string) => before.first?.find((row) => row.id === id)?.description;
    assert.match(described('master-24-week') ?? '', /^3\//, 'skipped counts as finished, in progress does not');
    assert.match(described('ml-dl-condensed') ?? '', /^1\//);

    // Hiding finished tasks hides a finished roadmap from both.
    await tracker.setState(tasksOf(weeks), 'done');
    const hidden = await drawn(true);
    assert.deepStrictEqual(hidden.first, hidden.own);
    assert.strictEqual(hidden.first?.length, outlines.length - 1, 'the finished roadmap is gone');
  });

  test('With a study plan stored, the tree draws the first rows itself (their due dates need the planner)', () => {
    assert.strictEqual(firstRowsOf({ outlines: shippedOutlines(), store, hideFinished: false, plansStored: true }), undefined);
    assert.strictEqual(firstRowsOf({ outlines: undefined, store, hideFinished: false, plansStored: false }), undefined, 'nor without compiled outlines');
  });
});

/** The outlines the extension under test ships (dist/outlines.json). */
function shippedOutlines(): RoadmapOutline[] {
  const file = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'dist', 'outlines.json');
  const outlines: unknown = JSON.parse(fs.readFileSync(file.fsPath, 'utf8'));
  assert.ok(isOutlines(outlines), 'dist/outlines.json holds outlines');
  return outlines;
}

/** What a person sees of a row, and what its menus and screen readers go by. */
function rowAsSeen(item: vscode.TreeItem) {
  return {
    id: item.id,
    label: item.label,
    description: String(item.description),
    contextValue: item.contextValue,
    icon: (item.iconPath as vscode.ThemeIcon).id,
    accessibility: item.accessibilityInformation?.label,
    collapsible: item.collapsibleState,
  };
}
