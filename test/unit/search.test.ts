import * as assert from 'assert';
import { TaskState } from '../../src/model/types';
import { searchEntries } from '../../src/search/items';
import { bundledRoadmapFiles, loadBundled, loadText, miniRoadmap } from './helpers';

suite('Search entries', () => {
  test('List every task of every roadmap once', () => {
    const roadmaps = bundledRoadmapFiles().map(loadBundled);
    const entries = searchEntries(roadmaps, () => 'notStarted');
    assert.strictEqual(entries.length, roadmaps.reduce((n, r) => n + r.taskIndex.size, 0));
    assert.strictEqual(new Set(entries.map((e) => e.key)).size, entries.length);
  });

  test('Show the state, the roadmap, where the task sits and what it covers', () => {
    const roadmap = loadText(miniRoadmap().replace('            title: Calculus', '            title: Calculus\n            summary: Derivatives\n            topics: [Chain rule]')).roadmap!;
    const states: Record<string, TaskState> = { calculus: 'inProgress' };
    const [, calculus, project, numpy] = searchEntries([roadmap], (t) => states[t.id] ?? 'notStarted');
    assert.deepStrictEqual(
      { label: calculus.label, description: calculus.description, detail: calculus.detail, key: calculus.key },
      { label: 'Calculus', description: 'in progress — Mini roadmap', detail: 'Basics › Maths — Derivatives · Chain rule', key: 'mini/calculus' },
    );
    assert.strictEqual(project.description, 'not started · project — Mini roadmap');
    assert.strictEqual(numpy.detail, 'Week 2', 'a phase without modules is its own place');
  });
});
