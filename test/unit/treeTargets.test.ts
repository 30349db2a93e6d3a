import * as assert from 'assert';
import { PlannedTaskRow, ThisWeekNode, type TaskChild } from '../../src/tree/elements';
import type { PlannedTask } from '../../src/model/plan/planner';
import { byRoadmap, roadmapClicked, targetTasks } from '../../src/tree/targets';
import { Roadmap, Task, tasksOf } from '../../src/model/types';
import { loadText, miniRoadmap } from './helpers';

function load(id: string): Roadmap {
  return loadText(miniRoadmap().replace('id: mini', `id: ${id}`)).roadmap!;
}

const ids = (tasks: readonly Task[]) => tasks.map((t) => t.id);

suite('What a tree command acts on', () => {
  const roadmap = load('mini');
  const [algebra, calculus, descent, numpy] = tasksOf(roadmap);
  /** A This Week row for a task: only the task it points at matters here. */
  const weekRow = (task: Task) => new PlannedTaskRow(new ThisWeekNode(roadmap), task, { task } as PlannedTask, false);

  test('A click inside the multi-selection acts on all of it, a click outside it on the clicked row alone', () => {
    assert.deepStrictEqual(ids(targetTasks(calculus, [algebra, calculus], [numpy])), ['linear-algebra', 'calculus']);
    assert.deepStrictEqual(ids(targetTasks(descent, [algebra, calculus], [numpy])), ['gradient-descent']);
    assert.deepStrictEqual(ids(targetTasks(descent, undefined, [numpy])), ['gradient-descent']);
  });

  test('Without a clicked row (palette, keybinding) the view’s selection counts', () => {
    assert.deepStrictEqual(ids(targetTasks(undefined, undefined, [numpy, calculus])), ['numpy', 'calculus']);
    assert.deepStrictEqual(targetTasks(undefined, undefined, []), []);
  });

  test('A This Week row or a task’s child row stands for its task, and a task listed twice counts once', () => {
    const child: TaskChild = { task: numpy, treeItem: () => ({}) };
    const row = weekRow(algebra);
    assert.deepStrictEqual(ids(targetTasks(row, [row, algebra, child], [])), ['linear-algebra', 'numpy']);
    assert.deepStrictEqual(ids(targetTasks(undefined, undefined, [child, weekRow(calculus)])), ['numpy', 'calculus']);
  });

  test('Rows that are no task are left out', () => {
    const phase = roadmap.phases[0];
    assert.deepStrictEqual(ids(targetTasks(phase, [roadmap, phase, calculus, new ThisWeekNode(roadmap), 'text', 3, null], [])), ['calculus']);
    assert.deepStrictEqual(targetTasks(roadmap, undefined, [calculus]), []);
  });

  test('Tasks are grouped by roadmap, roadmaps in the order their first task came', () => {
    const other = load('other');
    const [otherAlgebra, , , otherNumpy] = tasksOf(other);
    const groups = byRoadmap([otherNumpy, algebra, otherAlgebra, numpy]);
    assert.deepStrictEqual([...groups.keys()], [other, roadmap]);
    assert.deepStrictEqual(ids(groups.get(other)!), ['numpy', 'linear-algebra']);
    assert.deepStrictEqual(ids(groups.get(roadmap)!), ['linear-algebra', 'numpy']);
    assert.strictEqual(byRoadmap([]).size, 0);
  });

  test('Next Task works in the roadmap of the clicked roadmap, phase, module or task, and in none for anything else', () => {
    const phase = roadmap.phases[0];
    for (const clicked of [roadmap, phase, phase.modules[0], descent]) assert.strictEqual(roadmapClicked(clicked), roadmap);
    for (const clicked of [undefined, 'mini', { id: 'mini' }, new ThisWeekNode(roadmap)]) assert.strictEqual(roadmapClicked(clicked), undefined);
  });
});
