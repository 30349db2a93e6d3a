import * as assert from 'assert';
import { renderDashboard } from '../../src/dashboard/render';
import { createMarkdownRenderer } from '../../src/webview/markdown';
import { countTasks } from '../../src/model/progress';
import { tasksOf } from '../../src/model/types';
import { StorageKeys } from '../../src/storage/memento';
import { parseProgressFile } from '../../src/transfer/exportFile';
import { ProgressStore } from '../../src/storage/progressStore';
import { InMemoryMemento, loadText, miniRoadmap } from './helpers';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 0, 15);
const fileText = (tasks: Record<string, unknown>) => JSON.stringify({ format: 'ml-roadmaps-progress', version: 1, roadmaps: { mini: { tasks } } });

suite('Times in the future', () => {
  test('An import with a time in the future is refused, naming the task and the value', () => {
    const error = parseProgressFile(fileText({ numpy: { state: 'done', changedAt: 1e300 } }), NOW).error;
    assert.match(error ?? '', /^roadmaps\.mini\.tasks\.numpy\.changedAt: 1e\+300 \(beyond any date\) is in the future/);
    const nextYear = parseProgressFile(fileText({ numpy: { state: 'done', changedAt: NOW + 365 * DAY } }), NOW).error;
    assert.match(nextYear ?? '', /changedAt: \d+ \(2027-01-15T00:00:00\.000Z\) is in the future/);
  });

  test('An import accepts a time a little ahead, as another machine’s clock may be', () => {
    assert.ok(parseProgressFile(fileText({ numpy: { state: 'done', changedAt: NOW + 2 * 60 * 60 * 1000 } }), NOW).file);
  });

  test('A stored entry from the future is ignored with a warning that says which task and what time', () => {
    const memento = new InMemoryMemento({ [StorageKeys.progress]: { version: 1, tasks: { 'mini/numpy': { state: 'done', changedAt: 1e300 }, 'mini/pandas': { state: 'done', changedAt: NOW - 5 } } } });
    const warnings: string[] = [];
    const store = new ProgressStore(memento, (w) => warnings.push(w), () => NOW);
    const roadmap = loadText(miniRoadmap()).roadmap!;
    assert.strictEqual(store.stateOf('mini', roadmap.taskIndex.get('numpy')!), 'notStarted');
    assert.strictEqual(store.stateOf('mini', roadmap.taskIndex.get('pandas')!), 'done');
    assert.strictEqual(warnings.length, 1);
    assert.match(warnings[0], /entry "mini\/numpy", whose time 1e\+300 is in the future/);
  });

  test('The dashboard renders a finish time that is no date without throwing', () => {
    const roadmap = loadText(miniRoadmap()).roadmap!;
    const numpy = roadmap.taskIndex.get('numpy')!;
    const assets = { cspSource: 'vscode-resource:', nonce: 'N', scriptUris: ['s'], styleUris: ['c'] };
    for (const finishedAt of [1e300, NaN, -1e300]) {
      const html = renderDashboard({ roadmap, countsOf: (n) => countTasks(tasksOf(n), () => 'done'), recent: [{ task: numpy, finishedAt }], next: undefined }, assets, createMarkdownRenderer());
      assert.match(html, /<li>NumPy<\/li>/);
    }
  });
});
