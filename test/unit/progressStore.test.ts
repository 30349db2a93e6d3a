import * as assert from 'assert';
import { ProgressTracker } from '../../src/progress/tracker';
import { StorageKeys } from '../../src/storage/memento';
import { PROGRESS_VERSION, ProgressStore } from '../../src/storage/progressStore';
import { InMemoryMemento, loadText, miniRoadmap } from './helpers';

function setup(initial: Record<string, unknown> = {}) {
  const memento = new InMemoryMemento(initial);
  const warnings: string[] = [];
  let clock = 1_000;
  const store = new ProgressStore(memento, (w) => warnings.push(w), () => ++clock);
  const roadmap = loadText(miniRoadmap()).roadmap!;
  const task = (id: string) => roadmap.taskIndex.get(id)!;
  return { memento, warnings, store, roadmap, task };
}

suite('Progress storage', () => {
  test('Stores states keyed roadmap/task with a version number', async () => {
    const { memento, store, task } = setup();
    await store.setState('mini', [task('numpy')], 'done');
    const stored = memento.get<{ version: number; tasks: Record<string, { state: string }> }>(StorageKeys.progress)!;
    assert.strictEqual(stored.version, PROGRESS_VERSION);
    assert.deepStrictEqual(Object.keys(stored.tasks), ['mini/numpy']);
    assert.strictEqual(stored.tasks['mini/numpy'].state, 'done');
  });

  test('Reads back what another store instance wrote, as after a reload', async () => {
    const first = setup();
    await first.store.setState('mini', [first.task('calculus')], 'inProgress');
    const reloaded = new ProgressStore(first.memento, () => assert.fail('no warning expected'));
    assert.strictEqual(reloaded.stateOf('mini', first.task('calculus')), 'inProgress');
    assert.strictEqual(reloaded.stateOf('mini', first.task('numpy')), 'notStarted');
  });

  test('Writing the same state again does not touch storage', async () => {
    const { memento, store, task } = setup();
    await store.setState('mini', [task('numpy')], 'done');
    const writes = memento.writes;
    await store.setState('mini', [task('numpy')], 'done');
    assert.strictEqual(memento.writes, writes);
  });

  test('Keeps progress for ids the roadmap no longer has', async () => {
    const orphan = { state: 'done', changedAt: 5 };
    const { memento, store, task } = setup({ [StorageKeys.progress]: { version: 1, tasks: { 'mini/removed-task': orphan, 'other/x': orphan } } });
    await store.setState('mini', [task('numpy')], 'done');
    const tasks = memento.get<{ tasks: Record<string, unknown> }>(StorageKeys.progress)!.tasks;
    assert.deepStrictEqual(tasks['mini/removed-task'], orphan);
    assert.deepStrictEqual(tasks['other/x'], orphan);
  });

  test('Reset clears one roadmap, orphans included, and leaves the others', async () => {
    const orphan = { state: 'done', changedAt: 5 };
    const { memento, store, task } = setup({ [StorageKeys.progress]: { version: 1, tasks: { 'mini/removed-task': orphan, 'other/x': orphan } } });
    await store.setState('mini', [task('numpy'), task('pandas')], 'skipped');
    assert.strictEqual(await store.reset('mini'), 3);
    assert.deepStrictEqual(Object.keys(memento.get<{ tasks: object }>(StorageKeys.progress)!.tasks), ['other/x']);
  });

  test('Finds progress under a former id and moves it on the next change', async () => {
    const text = miniRoadmap().replace('        title: Pandas', '        title: Pandas\n        formerIds: [pandas-basics]');
    const roadmap = loadText(text).roadmap!;
    const memento = new InMemoryMemento({ [StorageKeys.progress]: { version: 1, tasks: { 'mini/pandas-basics': { state: 'inProgress', changedAt: 5 } } } });
    const store = new ProgressStore(memento, () => undefined);
    const pandas = roadmap.taskIndex.get('pandas')!;
    assert.strictEqual(store.stateOf('mini', pandas), 'inProgress');
    await store.setState('mini', [pandas], 'done');
    assert.deepStrictEqual(Object.keys(memento.get<{ tasks: object }>(StorageKeys.progress)!.tasks), ['mini/pandas']);
  });

  test('Survives a stored value of the wrong shape with one warning, and keeps a copy before overwriting', async () => {
    for (const corrupt of ['garbage', 42, [1, 2], { version: 1, tasks: 'nope' }, null]) {
      const { memento, warnings, store, task } = setup({ [StorageKeys.progress]: corrupt });
      assert.strictEqual(store.stateOf('mini', task('numpy')), 'notStarted');
      assert.strictEqual(store.stateOf('mini', task('pandas')), 'notStarted');
      assert.strictEqual(warnings.length, corrupt === null ? 0 : 1, JSON.stringify(corrupt));
      await store.setState('mini', [task('numpy')], 'done');
      if (corrupt !== null) assert.deepStrictEqual(memento.get<{ value: unknown }[]>(StorageKeys.progressBackup)!.map((b) => b.value), [corrupt]);
    }
  });

  test('Ignores unreadable entries one by one and keeps the readable ones', () => {
    const { warnings, store, task } = setup({
      [StorageKeys.progress]: {
        version: 1,
        tasks: { 'mini/numpy': { state: 'done', changedAt: 1 }, 'mini/pandas': { state: 'finished?', changedAt: 1 }, 'mini/calculus': 'done', 'no-slash': { state: 'done', changedAt: 1 } },
      },
    });
    assert.strictEqual(store.stateOf('mini', task('numpy')), 'done');
    assert.strictEqual(store.stateOf('mini', task('pandas')), 'notStarted');
    assert.strictEqual(warnings.length, 1);
    assert.match(warnings[0], /Ignored 3 unreadable part/);
  });

  test('The tracker updates counts by delta and names only the tasks that changed', async () => {
    const { store, roadmap, task } = setup();
    const tracker = new ProgressTracker(store);
    assert.strictEqual(tracker.countsOf(roadmap).done, 0);
    const changes: string[][] = [];
    tracker.onDidChange((c) => changes.push(c.tasks?.map((t) => t.id) ?? ['*']));
    await tracker.setState([task('numpy'), task('pandas')], 'done');
    await tracker.setState([task('numpy'), task('calculus')], 'done');
    assert.deepStrictEqual(changes, [['numpy', 'pandas'], ['calculus']]);
    assert.deepStrictEqual(tracker.countsOf(roadmap), { total: 5, notStarted: 2, inProgress: 0, done: 3, skipped: 0 });
    assert.strictEqual(tracker.countsOf(roadmap.phases[1]).done, 2);
  });

  test('The tracker records when a task was finished', async () => {
    const { store, task } = setup();
    const tracker = new ProgressTracker(store);
    await tracker.setState([task('numpy')], 'inProgress');
    assert.strictEqual(tracker.finishedAt(task('numpy')), undefined);
    await tracker.setState([task('numpy')], 'done');
    assert.ok(tracker.finishedAt(task('numpy'))! > 1_000);
  });
});
