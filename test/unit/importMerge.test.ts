import * as assert from 'assert';
import { parseProgressFile, planImport } from '../../src/storage/progressFile';
import { TaskProgress } from '../../src/storage/progressStore';
import { loadText, miniRoadmap } from './helpers';

const NOW = Date.UTC(2026, 0, 15);
const entries = (o: Record<string, Record<string, TaskProgress>>) => new Map(Object.entries(o).map(([r, t]) => [r, new Map(Object.entries(t))]));
const parsed = (tasks: Record<string, unknown>) => {
  const result = parseProgressFile(JSON.stringify({ format: 'ml-roadmaps-progress', version: 1, roadmaps: { mini: { tasks } } }), NOW);
  assert.ok(result.file, result.error);
  return result.file;
};
/** The mini roadmap with pandas renamed from pandas-basics. */
const renamed = () => loadText(miniRoadmap().replace('        title: Pandas', '        title: Pandas\n        formerIds: [pandas-basics]')).roadmap!;
const plan = (tasks: Record<string, unknown>, local: Record<string, TaskProgress> = {}) =>
  planImport(parsed(tasks), entries({ mini: local }), [renamed()]).map((c) => [c.taskId, c.from, c.to, c.entry.changedAt]);

suite('Importing progress: the newest entry of a task wins', () => {
  test('Within one file the newest entry of a task wins, whatever its order or id', () => {
    // Exports keep stale entries under former ids, so a file can hold the task twice.
    assert.deepStrictEqual(plan({ pandas: { state: 'done', changedAt: 20 }, 'pandas-basics': { state: 'inProgress', changedAt: 10 } }), [['pandas', 'notStarted', 'done', 20]]);
    assert.deepStrictEqual(plan({ pandas: { state: 'inProgress', changedAt: 10 }, 'pandas-basics': { state: 'done', changedAt: 20 } }), [['pandas', 'notStarted', 'done', 20]]);
  });

  test('On a tie within one file the entry under the current id wins', () => {
    assert.deepStrictEqual(plan({ 'pandas-basics': { state: 'done', changedAt: 10 }, pandas: { state: 'skipped', changedAt: 10 } }), [['pandas', 'notStarted', 'skipped', 10]]);
  });
});
