import * as assert from 'assert';
import { countTasks, formatCounts, nextTask, percent, RollUp } from '../../src/model/progress';
import { Task, TaskState, tasksOf } from '../../src/model/types';
import { loadBundled, loadText, miniRoadmap } from './helpers';

function statesFrom(map: Record<string, TaskState>) {
  return (task: Task): TaskState => map[task.id] ?? 'notStarted';
}

suite('Progress roll-up', () => {
  test('Counts each state and treats skipped as finished', () => {
    const roadmap = loadText(miniRoadmap()).roadmap!;
    const counts = countTasks(tasksOf(roadmap), statesFrom({ numpy: 'done', pandas: 'skipped', calculus: 'inProgress' }));
    assert.deepStrictEqual(counts, { total: 5, notStarted: 2, inProgress: 1, done: 1, skipped: 1 });
    assert.strictEqual(percent(counts), 40);
    assert.strictEqual(formatCounts(counts), '2/5 · 40%');
  });

  test('Rounds percentages down so 100% means everything is finished', () => {
    assert.strictEqual(percent({ total: 3, notStarted: 1, inProgress: 0, done: 2, skipped: 0 }), 66);
    assert.strictEqual(percent({ total: 200, notStarted: 1, inProgress: 0, done: 199, skipped: 0 }), 99);
    assert.strictEqual(percent({ total: 0, notStarted: 0, inProgress: 0, done: 0, skipped: 0 }), 0);
  });

  test('Rolls up from tasks to modules, phases and the roadmap', () => {
    const roadmap = loadText(miniRoadmap()).roadmap!;
    const rollUp = new RollUp(statesFrom({ 'linear-algebra': 'done', numpy: 'done' }));
    assert.strictEqual(formatCounts(rollUp.countsOf(roadmap.phases[0].modules[0])), '1/3 · 33%');
    assert.strictEqual(formatCounts(rollUp.countsOf(roadmap.phases[1])), '1/2 · 50%');
    assert.strictEqual(formatCounts(rollUp.countsOf(roadmap)), '2/5 · 40%');
  });

  test('Applies single changes by delta and agrees with a full recount', () => {
    const roadmap = loadBundled('master-24-week.yaml');
    const states: Record<string, TaskState> = {};
    const stateOf = statesFrom(states);
    const rollUp = new RollUp(stateOf);
    rollUp.countsOf(roadmap);
    roadmap.phases.forEach((p) => rollUp.countsOf(p));
    const tasks = tasksOf(roadmap);
    const allStates: TaskState[] = ['notStarted', 'inProgress', 'done', 'skipped'];
    let seed = 7;
    for (let i = 0; i < 500; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const task = tasks[seed % tasks.length];
      const to = allStates[seed % 4];
      const from = stateOf(task);
      states[task.id] = to;
      rollUp.taskChanged(task, from, to);
    }
    assert.deepStrictEqual(rollUp.countsOf(roadmap), countTasks(tasks, stateOf));
    for (const phase of roadmap.phases) assert.deepStrictEqual(rollUp.countsOf(phase), countTasks(tasksOf(phase), stateOf));
  });

  test('Next task is the first in progress, else the first not started', () => {
    const roadmap = loadText(miniRoadmap()).roadmap!;
    assert.strictEqual(nextTask(roadmap, statesFrom({}))?.id, 'linear-algebra');
    assert.strictEqual(nextTask(roadmap, statesFrom({ 'linear-algebra': 'done', calculus: 'skipped' }))?.id, 'gradient-descent');
    assert.strictEqual(nextTask(roadmap, statesFrom({ 'linear-algebra': 'done', pandas: 'inProgress' }))?.id, 'pandas');
  });

  test('There is no next task when everything is done or skipped', () => {
    const roadmap = loadText(miniRoadmap()).roadmap!;
    const all = Object.fromEntries(tasksOf(roadmap).map((t, i) => [t.id, i % 2 ? 'done' : 'skipped'])) as Record<string, TaskState>;
    assert.strictEqual(nextTask(roadmap, statesFrom(all)), undefined);
  });
});
