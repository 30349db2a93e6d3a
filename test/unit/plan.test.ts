import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildRoadmap, PhaseDocument, RoadmapDocument, TaskDocument } from '../../src/model/document';
import type { Roadmap, Task, TaskState } from '../../src/model/types';
import { tasksOf } from '../../src/model/types';
import { dayOfDate, isLocalDate, localDateOf, localDayOf, UtcOffset } from '../../src/model/plan/dates';
import { DEFAULT_PROJECT_HOURS, DEFAULT_TOPIC_HOURS, effortOf } from '../../src/model/plan/effort';
import { ESTIMATE_EXPECTED, formatEstimate, parseEstimate, parseHoursPerWeek } from '../../src/model/estimate';
import { burnUp, createPlan, PlanContext, PlanError, progressOf, readHoursPerWeek, replan, schedule, StudyPlan, thisWeek } from '../../src/model/plan/planner';
import { parseStoredPlan, toStoredPlan } from '../../src/storage/storedPlan';
import { loadText, loadBundled, ROADMAPS_DIR } from './helpers';

/** A roadmap from a document, without YAML, as the bundled roadmaps are built. */
export function roadmapOf(phases: readonly PhaseDocument[], extra: Partial<RoadmapDocument> = {}): Roadmap {
  return buildRoadmap({ id: 'r', title: 'R', phases, ...extra }, { label: 'r.yaml', location: 'r.yaml', bundled: false });
}

export function tasks(prefix: string, count: number, estimate?: number | string): TaskDocument[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i + 1}`, title: `${prefix} ${i + 1}`, ...(estimate === undefined ? {} : { estimate }) }));
}

/** UTC midnight of a date plus hours, in ms. */
export function at(date: string, hour = 12): number {
  return Date.parse(`${date}T00:00:00Z`) + hour * 3_600_000;
}

export const utc = (): number => 0;

export function plan(fields: Partial<StudyPlan> = {}): StudyPlan {
  return { roadmapId: 'r', start: '2025-03-03', hoursPerWeek: 14, studyDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], since: at('2025-03-03', 0), ...fields };
}

/** A context where the tasks in `finished` are done at the given instants and the rest not started. */
export function context(now: number, finished: Record<string, number> = {}, states: Record<string, TaskState> = {}, utcOffset: UtcOffset = utc): PlanContext {
  const finishedAt = new Map(Object.entries(finished));
  return {
    stateOf: (task: Task) => states[task.id] ?? (finishedAt.has(task.id) || task.formerIds.some((f) => finishedAt.has(f)) ? 'done' : 'notStarted'),
    finishedAt,
    now,
    utcOffset,
  };
}

suite('Plan: estimates', () => {
  test('Reads hours as a number or text, ranges with any dash, and weeks on phases', () => {
    assert.deepStrictEqual(parseEstimate(6, 'task').value, { min: 6, max: 6, unit: 'hours' });
    assert.deepStrictEqual(parseEstimate('4h', 'task').value, { min: 4, max: 4, unit: 'hours' });
    assert.deepStrictEqual(parseEstimate('4-6h', 'project').value, { min: 4, max: 6, unit: 'hours' });
    assert.deepStrictEqual(parseEstimate('4–6 h', 'module').value, { min: 4, max: 6, unit: 'hours' });
    assert.deepStrictEqual(parseEstimate('1.5 hours', 'task').value, { min: 1.5, max: 1.5, unit: 'hours' });
    assert.deepStrictEqual(parseEstimate('2 weeks', 'phase').value, { min: 2, max: 2, unit: 'weeks' });
    assert.deepStrictEqual(parseEstimate('1–2 weeks', 'phase').value, { min: 1, max: 2, unit: 'weeks' });
    assert.strictEqual(formatEstimate(parseEstimate('1-2 weeks', 'phase').value!), '1–2 weeks');
  });

  test('Says exactly what is expected for a bad value', () => {
    assert.strictEqual(parseEstimate('soon', 'task').error, 'expected hours like 4, "4-6h" or on a phase "1-2 weeks"; got "soon"');
    assert.strictEqual(parseEstimate('2 weeks', 'task').error, `${ESTIMATE_EXPECTED}; got "2 weeks" (weeks are for phases; give a task hours)`);
    assert.strictEqual(parseEstimate('1 week', 'module').error, `${ESTIMATE_EXPECTED}; got "1 week" (weeks are for phases; give a module hours)`);
    assert.strictEqual(parseEstimate(0, 'task').error, `${ESTIMATE_EXPECTED}; got 0 (it must be more than 0)`);
    assert.strictEqual(parseEstimate('6-4h', 'task').error, `${ESTIMATE_EXPECTED}; got "6-4h" (the smaller number comes first)`);
    assert.strictEqual(parseEstimate(20_000, 'task').error, `${ESTIMATE_EXPECTED}; got 20000 (at most 10000 hours)`);
    assert.strictEqual(parseEstimate([], 'task').error, `${ESTIMATE_EXPECTED}; got a list`);
    assert.strictEqual(parseEstimate(true, 'phase').error, `${ESTIMATE_EXPECTED}; got true`);
    assert.strictEqual(parseEstimate(Infinity, 'task').error, `${ESTIMATE_EXPECTED}; got Infinity (not a finite number)`);
  });

  test('Reads a roadmap\'s hours per week as a number or a range', () => {
    assert.deepStrictEqual(parseHoursPerWeek('10–15').value, { min: 10, max: 15 });
    assert.deepStrictEqual(parseHoursPerWeek('10-15 hours/week').value, { min: 10, max: 15 });
    assert.deepStrictEqual(parseHoursPerWeek('8 h per week').value, { min: 8, max: 8 });
    assert.deepStrictEqual(parseHoursPerWeek(12).value, { min: 12, max: 12 });
    assert.strictEqual(parseHoursPerWeek(200).error, 'expected hours per week like 10 or "10-15"; got 200 (at most 168 hours)');
    assert.strictEqual(parseHoursPerWeek('lots').error, 'expected hours per week like 10 or "10-15"; got "lots"');
  });

  test('The schema\'s patterns accept and refuse the same texts as the loader', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROADMAPS_DIR, 'schema.json'), 'utf8')) as { definitions: Record<string, { pattern: string }> };
    const pattern = (name: string) => new RegExp(schema.definitions[name].pattern, 'u');
    // In-range samples only: a pattern checks the form; the loader also checks the numbers (6-4h, 0).
    const samples = ['4', '4h', '4-6h', '4–6 h', '4 — 6 hours', '1.5 hrs', '.5h', '2 weeks', '1-2 weeks', '3 wk', 'soon', '4 days', '4h 30m', '', '-4', 'h', '4-', '1 month'];
    for (const text of samples) {
      assert.strictEqual(pattern('estimate').test(text), parseEstimate(text, 'task').value !== undefined, `task ${text}`);
      assert.strictEqual(pattern('phaseEstimate').test(text), parseEstimate(text, 'phase').value !== undefined, `phase ${text}`);
    }
    for (const text of ['10', '10-15', '10–15 h/week', '10-15 hours per week', '8 h a week', 'lots', '10/week', '']) {
      assert.strictEqual(pattern('hoursPerWeek').test(text), parseHoursPerWeek(text).value !== undefined, `hoursPerWeek ${text}`);
    }
  });

  test('The loader keeps valid estimates in the model and reports bad ones at their line and column', () => {
    const good = [
      'id: est', 'title: Est', 'hoursPerWeek: 10-15', 'phases:',
      '  - id: p1', '    title: P1', '    estimate: 1-2 weeks', '    modules:',
      '      - id: m1', '        title: M1', '        estimate: 12', '        tasks:',
      '          - id: t1', '            title: T1', '            estimate: 4-6h',
      '        projects:', '          - id: pr1', '            title: Pr1', '            estimate: "8h"', '',
    ].join('\n');
    const { roadmap, errors } = loadText(good);
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(roadmap!.hoursPerWeek, { min: 10, max: 15 });
    assert.deepStrictEqual(roadmap!.phases[0].estimate, { min: 1, max: 2, unit: 'weeks' });
    assert.deepStrictEqual(roadmap!.phases[0].modules[0].estimate, { min: 12, max: 12, unit: 'hours' });
    assert.deepStrictEqual(tasksOf(roadmap!).map((t) => t.estimate), [{ min: 4, max: 6, unit: 'hours' }, { min: 8, max: 8, unit: 'hours' }]);

    const bad = good.replace('estimate: 4-6h', 'estimate: a while').replace('        estimate: 12', '        estimate: 2 weeks');
    const result = loadText(bad);
    assert.strictEqual(result.roadmap, undefined);
    assert.deepStrictEqual(result.errors.map((e) => [e.path, e.message, e.start.line, e.start.column]), [
      ['phases[0].modules[0].tasks[0].estimate', `${ESTIMATE_EXPECTED}; got "a while"`, 15, 23],
      ['phases[0].modules[0].estimate', `${ESTIMATE_EXPECTED}; got "2 weeks" (weeks are for phases; give a module hours)`, 11, 19],
    ]);
    assert.strictEqual(loadText(good.replace('hoursPerWeek: 10-15', 'hoursPerWeek: [10]')).errors[0].message, 'expected hours per week like 10 or "10-15"; got a list');
  });
});

suite('Plan: effort per task', () => {
  test('A phase in weeks is shared by its tasks at the roadmap\'s hours per week, projects weighing three', () => {
    const roadmap = roadmapOf([{ id: 'p', title: 'P', estimate: '1-2 weeks', tasks: tasks('t', 4), projects: [{ id: 'pr', title: 'Pr' }] }], { hoursPerWeek: '10-15' });
    const effort = effortOf(roadmap);
    // 1–2 weeks at 10–15 h = 10–30 h over a weight of 4 + 3 = 7.
    const topic = effort.byTask.get(roadmap.taskIndex.get('t-1')!)!;
    const project = effort.byTask.get(roadmap.taskIndex.get('pr')!)!;
    const near = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≈ ${expected}`);
    near(topic.min, 10 / 7);
    near(topic.max, 30 / 7);
    near(project.min, 30 / 7);
    near(project.max, 90 / 7);
    assert.strictEqual(topic.source, 'derived');
    assert.ok(Math.abs(effort.total.min - 10) < 1e-9 && Math.abs(effort.total.max - 30) < 1e-9);
    assert.ok(Math.abs(effort.total.hours - 20) < 1e-9, 'ranges plan on their midpoint');
    assert.strictEqual(effort.weekHoursFrom, 'roadmap');
  });

  test('Explicit estimates win, and the rest share what is left of the budget', () => {
    const roadmap = roadmapOf([{ id: 'p', title: 'P', estimate: 20, modules: [
      { id: 'm1', title: 'M1', estimate: '8h', tasks: [{ id: 'a', title: 'A', estimate: 2 }, { id: 'b', title: 'B' }] },
      { id: 'm2', title: 'M2', tasks: [{ id: 'c', title: 'C', estimate: '4h' }, { id: 'd', title: 'D' }, { id: 'e', title: 'E' }] },
    ] }]);
    const hours = (id: string) => effortOf(roadmap).byTask.get(roadmap.taskIndex.get(id)!)!.hours;
    assert.deepStrictEqual(['a', 'b', 'c', 'd', 'e'].map(hours), [2, 6, 4, 4, 4]);
  });

  test('Reads a stated duration when there is no estimate, and weeks at the plan\'s hours when the roadmap states none', () => {
    const roadmap = roadmapOf([{ id: 'p', title: 'P', duration: '2 weeks', tasks: tasks('t', 4) }, { id: 'q', title: 'Q', duration: 'Ongoing', tasks: tasks('u', 1) }]);
    assert.strictEqual(effortOf(roadmap, { plannedHoursPerWeek: 6 }).byTask.get(roadmap.taskIndex.get('t-1')!)!.hours, 3);
    assert.strictEqual(effortOf(roadmap, { plannedHoursPerWeek: 6 }).weekHoursFrom, 'plan');
    assert.strictEqual(effortOf(roadmap).byTask.get(roadmap.taskIndex.get('t-1')!)!.hours, 5, 'the default 10 h a week');
    assert.strictEqual(effortOf(roadmap).byTask.get(roadmap.taskIndex.get('u-1')!)!.source, 'default');
  });

  test('A roadmap with no estimates uses the defaults; a budget used up inside falls back to them', () => {
    const none = roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 2), projects: tasks('pr', 1) }]);
    assert.deepStrictEqual(tasksOf(none).map((t) => effortOf(none).byTask.get(t)!.hours), [DEFAULT_TOPIC_HOURS, DEFAULT_TOPIC_HOURS, DEFAULT_PROJECT_HOURS]);
    const overrun = roadmapOf([{ id: 'p', title: 'P', estimate: 4, tasks: [{ id: 'a', title: 'A', estimate: 6 }, { id: 'b', title: 'B' }] }]);
    assert.strictEqual(effortOf(overrun).byTask.get(overrun.taskIndex.get('b')!)!.hours, DEFAULT_TOPIC_HOURS);
  });
});

suite('Plan: dates', () => {
  test('Spreads hours evenly over the study days, tasks back to back', () => {
    const roadmap = roadmapOf([{ id: 'p', title: 'P', tasks: [{ id: 'a', title: 'A', estimate: 5 }, { id: 'b', title: 'B', estimate: 1 }, { id: 'c', title: 'C', estimate: 2 }] }]);
    // Monday, Wednesday, Friday at 6 h a week: 2 h a study day.
    const s = schedule(roadmap, plan({ hoursPerWeek: 6, studyDays: ['mon', 'wed', 'fri'] }), context(at('2025-03-03')));
    assert.deepStrictEqual(s.tasks.map((t) => [t.task.id, t.start, t.end]), [['a', '2025-03-03', '2025-03-07'], ['b', '2025-03-07', '2025-03-07'], ['c', '2025-03-10', '2025-03-10']]);
    assert.strictEqual(s.end, '2025-03-10');
    assert.deepStrictEqual(s.phases.get(roadmap.phases[0]), { start: '2025-03-03', end: '2025-03-10', effort: { min: 8, max: 8, hours: 8 } });
  });

  test('A start on a day off begins on the next study day', () => {
    const roadmap = roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 2, 2) }]);
    const s = schedule(roadmap, plan({ start: '2025-03-04', hoursPerWeek: 6, studyDays: ['mon', 'wed', 'fri'] }), context(at('2025-03-03')));
    assert.deepStrictEqual(s.tasks.map((t) => t.start), ['2025-03-05', '2025-03-07']);
  });

  test('Modules and phases get the span of their tasks', () => {
    const roadmap = roadmapOf([
      { id: 'p1', title: 'P1', modules: [{ id: 'm1', title: 'M1', tasks: tasks('a', 2, 2) }, { id: 'm2', title: 'M2', tasks: tasks('b', 1, 4) }] },
      { id: 'p2', title: 'P2', tasks: tasks('c', 1, 2) },
    ]);
    const s = schedule(roadmap, plan(), context(at('2025-03-03')));
    assert.deepStrictEqual([...s.modules.values()].map((m) => [m.start, m.end]), [['2025-03-03', '2025-03-04'], ['2025-03-05', '2025-03-06'], ['2025-03-07', '2025-03-07']]);
    assert.deepStrictEqual([...s.phases.values()].map((p) => [p.start, p.end]), [['2025-03-03', '2025-03-06'], ['2025-03-07', '2025-03-07']]);
  });

  test('A DST change moves no day: local dates follow the offset at each instant', () => {
    // Central Europe: UTC+1, then UTC+2 from 2025-03-30 01:00 UTC.
    const berlin = (ms: number) => (ms >= Date.UTC(2025, 2, 30, 1) ? 120 : 60);
    assert.strictEqual(localDateOf(Date.UTC(2025, 2, 29, 23, 30), berlin), '2025-03-30');
    assert.strictEqual(localDateOf(Date.UTC(2025, 2, 30, 22, 30), berlin), '2025-03-31', 'after the change, 22:30 UTC is already the next day');
    assert.strictEqual(localDateOf(Date.UTC(2025, 2, 30, 22, 30), () => 60), '2025-03-30', 'a fixed offset would be a day off');
    const roadmap = roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 14, 1) }]);
    // Mon 24 March to Sun 6 April at 1 h a day, the short day in the middle.
    const p = plan({ start: '2025-03-24', hoursPerWeek: 7, since: Date.UTC(2025, 2, 23, 23) });
    const s = schedule(roadmap, p, context(Date.UTC(2025, 2, 31, 6), { 't-1': Date.UTC(2025, 2, 24, 8), 't-2': Date.UTC(2025, 2, 30, 22, 30) }, {}, berlin));
    assert.deepStrictEqual(s.tasks.map((t) => t.start), Array.from({ length: 14 }, (_, i) => `2025-${i < 8 ? '03' : '04'}-${String(i < 8 ? 24 + i : i - 7).padStart(2, '0')}`));
    assert.strictEqual(s.today, '2025-03-31');
    assert.strictEqual(s.byTask.get(roadmap.taskIndex.get('t-2')!)!.finishedDay, dayOfDate('2025-03-31'));
    // Seven days before today, seven planned hours: the 23-hour day is a whole day.
    assert.strictEqual(progressOf(s).plannedHours, 7);
  });

  test('The same instant is a different day in another time zone', () => {
    const instant = Date.UTC(2025, 5, 1, 23, 30);
    assert.strictEqual(localDayOf(instant, () => 0) + 1, localDayOf(instant, () => 120));
    assert.strictEqual(localDateOf(instant, () => -600), '2025-06-01');
    assert.ok(isLocalDate('2024-02-29') && !isLocalDate('2025-02-29') && !isLocalDate('2025-2-1') && !isLocalDate(20250201));
  });
});

suite('Plan: progress', () => {
  const week = () => roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 7, 2) }]);

  test('Ahead and behind, in hours and days, against the hours planned before today', () => {
    const roadmap = week();
    // 2 h a day; on Thursday three days (6 h) were due.
    const behind = progressOf(schedule(roadmap, plan(), context(at('2025-03-06'), { 't-1': at('2025-03-03'), 't-2': at('2025-03-05') })));
    assert.deepStrictEqual([behind.plannedHours, behind.doneHours, behind.deltaHours, behind.deltaDays, behind.status], [6, 4, -2, -1, 'behind']);
    const ahead = progressOf(schedule(roadmap, plan(), context(at('2025-03-04'), { 't-1': at('2025-03-03'), 't-2': at('2025-03-03'), 't-3': at('2025-03-04', 9), 't-4': at('2025-03-04', 10) })));
    assert.deepStrictEqual([ahead.plannedHours, ahead.doneHours, ahead.deltaDays, ahead.status], [2, 8, 3, 'ahead']);
    const onTrack = progressOf(schedule(roadmap, plan(), context(at('2025-03-04'), { 't-1': at('2025-03-03', 20) })));
    assert.strictEqual(onTrack.status, 'onTrack');
    assert.strictEqual(onTrack.deltaDays, 0);
  });

  test('A start in the future: nothing is due yet, early work counts, the projection starts at the start', () => {
    const roadmap = week();
    const p = plan({ start: '2025-03-10', since: at('2025-03-03', 8) });
    const before = progressOf(schedule(roadmap, p, context(at('2025-03-05'))));
    assert.deepStrictEqual([before.started, before.plannedHours, before.status, before.pace.from], [false, 0, 'onTrack', 'plan']);
    assert.strictEqual(before.projectedFinish, '2025-03-16');
    const early = progressOf(schedule(roadmap, p, context(at('2025-03-05'), { 't-1': at('2025-03-04') })));
    assert.strictEqual(early.status, 'ahead');
  });

  test('Zero hours a week, no study days or a date that is none are clear errors, never a loop', () => {
    const roadmap = week();
    assert.throws(() => schedule(roadmap, plan({ hoursPerWeek: 0 }), context(at('2025-03-03'))), (e: Error) => e instanceof PlanError && e.message === 'hours per week must be from 0.5 to 100; got 0');
    assert.throws(() => schedule(roadmap, plan({ hoursPerWeek: NaN }), context(at('2025-03-03'))), /hours per week must be from 0.5 to 100; got NaN/);
    assert.throws(() => schedule(roadmap, plan({ studyDays: [] }), context(at('2025-03-03'))), /choose at least one study day/);
    assert.throws(() => schedule(roadmap, plan({ start: '2025-02-30' }), context(at('2025-03-03'))), /start date must be a date like 2025-03-01; got "2025-02-30"/);
    assert.throws(() => schedule(roadmap, plan({ roadmapId: 'other' }), context(at('2025-03-03'))), /for roadmap "other", not "r"/);
    assert.throws(() => createPlan({ roadmapId: 'r', start: '2025-03-03', hoursPerWeek: -1, studyDays: ['mon'] }, 0), PlanError);
    assert.deepStrictEqual(createPlan({ roadmapId: 'r', start: '2025-03-03', hoursPerWeek: 5, studyDays: ['sun', 'mon'] }, at('2025-03-01')).studyDays, ['mon', 'sun']);
  });

  test('A roadmap with no estimates plans on the defaults', () => {
    const roadmap = roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 2), projects: tasks('pr', 1) }]);
    const s = schedule(roadmap, plan({ hoursPerWeek: 7 }), context(at('2025-03-03')));
    assert.deepStrictEqual(s.tasks.map((t) => t.effort.hours), [3, 3, 9]);
    assert.strictEqual(s.end, '2025-03-17', '15 h at 1 h a day');
  });

  test('Tasks finished before the plan was made are history: no dates, not counted', () => {
    const roadmap = week();
    const s = schedule(roadmap, plan({ since: at('2025-03-03', 10) }), context(at('2025-03-04'), { 't-1': at('2025-02-20'), 't-2': at('2025-03-03', 9), 't-3': at('2025-03-03', 11) }));
    assert.deepStrictEqual(s.history.map((t) => t.id), ['t-1', 't-2']);
    assert.deepStrictEqual(s.tasks.map((t) => t.task.id), ['t-3', 't-4', 't-5', 't-6', 't-7']);
    assert.strictEqual(s.tasks[0].start, '2025-03-03');
    const progress = progressOf(s);
    assert.deepStrictEqual([progress.doneHours, progress.plannedHours, progress.remainingHours], [2, 2, 8]);
    // Done with no finish time known: nothing says it was during the plan.
    const unknown = schedule(roadmap, plan(), context(at('2025-03-04'), {}, { 't-1': 'done', 't-2': 'skipped' }));
    assert.deepStrictEqual(unknown.history.map((t) => t.id), ['t-1', 't-2']);
  });

  test('A roadmap updated under a plan: renamed tasks keep their finish, removed ones are counted aside', () => {
    const before = roadmapOf([{ id: 'p', title: 'P', tasks: [{ id: 'old-a', title: 'A', estimate: 2 }, { id: 'gone', title: 'Gone', estimate: 2 }, { id: 'b', title: 'B', estimate: 2 }] }]);
    const finished = { 'old-a': at('2025-03-03'), gone: at('2025-03-03', 13) };
    assert.strictEqual(progressOf(schedule(before, plan(), context(at('2025-03-04'), finished))).doneHours, 4);
    const after = roadmapOf([{ id: 'p', title: 'P', tasks: [{ id: 'a', title: 'A', estimate: 2, formerIds: ['old-a'] }, { id: 'b', title: 'B', estimate: 2 }, { id: 'c', title: 'C', estimate: 2 }] }]);
    const s = schedule(after, plan(), context(at('2025-03-04'), finished));
    assert.strictEqual(s.byTask.get(after.taskIndex.get('a')!)!.finishedDay, dayOfDate('2025-03-03'));
    assert.strictEqual(s.unknownFinishes, 1);
    assert.deepStrictEqual(s.tasks.map((t) => [t.task.id, t.start]), [['a', '2025-03-03'], ['b', '2025-03-04'], ['c', '2025-03-05']]);
    assert.strictEqual(progressOf(s).doneHours, 2);
  });

  test('Pace: the planned pace until there is history, then the last four weeks\' hours', () => {
    const roadmap = roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 40, 2) }]);
    const young = progressOf(schedule(roadmap, plan(), context(at('2025-03-05'), { 't-1': at('2025-03-04') })));
    assert.deepStrictEqual([young.pace.from, young.pace.hoursPerWeek], ['plan', 14]);
    assert.strictEqual(young.projectedFinish, '2025-04-12', '78 h left at 2 h a day from today');
    // Five weeks in, 10 tasks (20 h) done, 8 of them in the last four weeks: 16 h / 4 weeks.
    const finished: Record<string, number> = { 't-1': at('2025-03-03'), 't-2': at('2025-03-04') };
    for (let i = 3; i <= 10; i++) finished[`t-${i}`] = at('2025-03-20');
    const old = progressOf(schedule(roadmap, plan(), context(at('2025-04-06'), finished)));
    assert.deepStrictEqual([old.pace.from, old.pace.hoursPerWeek, old.pace.recentDays], ['history', 4, 28]);
    // 60 h left at 4 h a week = 15 weeks: 105 study days from today, the 6th of April.
    assert.strictEqual(old.projectedFinish, '2025-07-19');
    assert.strictEqual(old.status, 'behind');
    const stalled = progressOf(schedule(roadmap, plan(), context(at('2025-05-06'), { 't-1': at('2025-03-03') })));
    assert.deepStrictEqual([stalled.pace.hoursPerWeek, stalled.projectedFinish], [0, undefined]);
  });

  test('Re-plan from today keeps what is done and moves the rest to start today', () => {
    const roadmap = week();
    const finished = { 't-1': at('2025-03-03'), 't-2': at('2025-03-10', 9) };
    const late = context(at('2025-03-10', 15), finished);
    assert.strictEqual(progressOf(schedule(roadmap, plan(), late)).status, 'behind');
    const fresh = replan(plan(), late.now, late.utcOffset);
    assert.deepStrictEqual([fresh.start, fresh.since, fresh.hoursPerWeek], ['2025-03-10', late.now, 14]);
    const s = schedule(roadmap, fresh, late);
    assert.deepStrictEqual(s.history.map((t) => t.id), ['t-1', 't-2']);
    assert.deepStrictEqual(s.tasks.map((t) => t.start), ['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14']);
    assert.strictEqual(progressOf(s).status, 'onTrack');
  });

  test('Burn-up: planned hours a week against finished hours until today', () => {
    const roadmap = roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 10, 3) }]);
    const chart = burnUp(schedule(roadmap, plan({ hoursPerWeek: 10 }), context(at('2025-03-12'), { 't-1': at('2025-03-04'), 't-2': at('2025-03-05'), 't-3': at('2025-03-11') })));
    assert.deepStrictEqual(chart.points, [
      { date: '2025-03-03', planned: 0, done: 0 },
      { date: '2025-03-10', planned: 10, done: 6 },
      { date: '2025-03-17', planned: 20 },
      { date: '2025-03-24', planned: 30 },
    ]);
    assert.deepStrictEqual([chart.total, chart.today, chart.doneToday], [30, '2025-03-12', 9]);
    const long = burnUp(schedule(roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 500, 1) }]), plan({ hoursPerWeek: 1 }), context(at('2025-03-03'))), 100);
    assert.ok(long.points.length <= 100, `${long.points.length} points`);
    assert.strictEqual(long.points[long.points.length - 1].planned, 500);
  });

  test('This week: the tasks planned for the study week ahead, and the overdue ones apart', () => {
    const roadmap = roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 10, 7) }]);
    // 7 h a week on Mondays only: a task a week, from Monday 3 March. Today is Wednesday 19 March:
    // this week's Monday is behind, the week shown is the next.
    const s = schedule(roadmap, plan({ hoursPerWeek: 7, studyDays: ['mon'] }), context(at('2025-03-19'), { 't-2': at('2025-03-10') }));
    const week = thisWeek(s);
    assert.deepStrictEqual([week.weekStart, week.weekEnd, week.upcoming], ['2025-03-24', '2025-03-30', true]);
    assert.deepStrictEqual(week.tasks.map((t) => t.task.id), ['t-4']);
    assert.deepStrictEqual(week.overdue.map((t) => t.task.id), ['t-1', 't-3']);
    const monday = thisWeek(schedule(roadmap, plan({ hoursPerWeek: 7, studyDays: ['mon'] }), context(at('2025-03-17'))));
    assert.deepStrictEqual([monday.tasks.map((t) => t.task.id), monday.overdue.map((t) => t.task.id)], [['t-3'], ['t-1', 't-2']]);
  });

  test('Plans 100,000 tasks in time linear in their number', function () {
    this.timeout(60_000);
    // Estimates of every kind (weeks on a phase, a module's budget, ranges on tasks), small enough
    // for 100,000 tasks to fit in a plan: about 21,000 hours, four years at 100 hours a week.
    const big = (count: number) => roadmapOf(Array.from({ length: count / 100 }, (_, p) => ({
      id: `p${p}`, title: `P${p}`, estimate: p % 3 === 0 ? '1-2 weeks' : undefined,
      modules: [{ id: `m${p}`, title: `M${p}`, estimate: p % 3 === 2 ? 20 : undefined, tasks: tasks(`t${p}`, 90, p % 3 === 1 ? '0.1-0.3h' : undefined), projects: tasks(`pr${p}`, 10, p % 3 === 1 ? 0.5 : undefined) }],
    })), { hoursPerWeek: '10-15' });
    const measure = (roadmap: Roadmap) => {
      const finished = new Map<string, number>();
      const all = tasksOf(roadmap);
      for (let i = 0; i < all.length / 10; i++) finished.set(all[i].id, at('2025-03-05'));
      const ctx: PlanContext = { stateOf: (t) => (finished.has(t.id) ? 'done' : 'notStarted'), finishedAt: finished, now: at('2025-06-01'), utcOffset: utc };
      // The first plan of a roadmap also works out each task's effort, which later plans reuse.
      let first = NaN;
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const started = process.hrtime.bigint();
        const s = schedule(roadmap, plan({ hoursPerWeek: 100 }), ctx);
        progressOf(s);
        burnUp(s);
        thisWeek(s);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (run === 0) first = ms;
        else best = Math.min(best, ms);
        assert.strictEqual(s.tasks.length, all.length);
      }
      return { first, best };
    };
    const small = measure(big(10_000));
    const large = measure(big(100_000));
    for (const which of ['first', 'best'] as const) {
      const ratio = large[which] / small[which];
      console.log(`      planning 10,000 tasks (${which} plan): ${small[which].toFixed(1)} ms; 100,000 tasks: ${large[which].toFixed(1)} ms (×${ratio.toFixed(1)})`);
      assert.ok(ratio < 30, `10× the tasks took ${ratio.toFixed(1)}× the time (${which} plan)`);
    }
  });
});

suite('Plan: bounds', () => {
  const week = () => roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 7, 2) }]);

  test('Hours per week are 0.5 to 100 for a typed, an imported and a stored plan alike', () => {
    for (const hoursPerWeek of [1e-300, 1e-6, 0.4, 100.5, 168]) {
      const reason = `hours per week must be from 0.5 to 100; got ${hoursPerWeek}`;
      assert.throws(() => createPlan({ roadmapId: 'r', start: '2025-03-03', hoursPerWeek, studyDays: ['mon'] }, at('2025-03-03')), (e: Error) => e instanceof PlanError && e.message === reason, `typed ${hoursPerWeek}`);
      assert.deepStrictEqual(parseStoredPlan({ ...toStoredPlan(plan()), hoursPerWeek }), { reason }, `stored ${hoursPerWeek}`);
      assert.throws(() => schedule(week(), plan({ hoursPerWeek }), context(at('2025-03-03'))), (e: Error) => e instanceof PlanError && e.message === reason, `scheduled ${hoursPerWeek}`);
    }
    for (const hoursPerWeek of [0.5, 100]) assert.strictEqual(createPlan({ roadmapId: 'r', start: '2025-03-03', hoursPerWeek, studyDays: ['mon'] }, at('2025-03-03')).hoursPerWeek, hoursPerWeek);
    // What Plan Study's input box reads, by the same bounds.
    assert.deepStrictEqual(['1e-6', '0.4', '100.5', '', ' ', 'ten', '0.5', ' 12 ', '100'].map(readHoursPerWeek), [undefined, undefined, undefined, undefined, undefined, undefined, 0.5, 12, 100]);
  });

  test('A plan that would run past ten years is refused with a message, never planned into dates past 9999', () => {
    const made = at('2025-03-03');
    const starting = (start: string) => createPlan({ roadmapId: 'r', start, hoursPerWeek: 10, studyDays: ['mon', 'tue', 'wed', 'thu', 'fri'] }, made);
    assert.throws(() => starting('9999-12-31'), (e: Error) => e instanceof PlanError && e.message === 'the start date must be at most 10 years after the plan was made (2035-03-03); got "9999-12-31"');
    assert.throws(() => schedule(week(), plan({ start: '9999-12-31' }), context(made)), (e: Error) => e instanceof PlanError && /^the start date must be at most 10 years/.test(e.message));
    // 3,000 tasks of 3 h at 1 h a week: 173 years.
    const huge = roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 3000, 3) }]);
    assert.throws(
      () => schedule(huge, plan({ hoursPerWeek: 1 }), context(made)),
      (e: Error) => e instanceof PlanError && e.message === 'the plan would finish after 2035-03-03, more than 10 years after it was made: plan more hours a week, or fewer tasks',
    );
    // 500 h at 1 h a week, every day: 3,500 days, inside ten years.
    const s = schedule(roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 50, 10) }]), plan({ hoursPerWeek: 1 }), context(made));
    assert.strictEqual(s.end, '2034-10-01');
    assert.strictEqual(starting('2035-03-03').start, '2035-03-03', 'the last start day there is');
  });

  test('A projection past ten years is left open, never a date past 9999', () => {
    // 100 h a week; in four weeks only a task of 3.6 seconds was finished: the rest would take millennia.
    const roadmap = roadmapOf([{ id: 'p', title: 'P', tasks: [{ id: 'tiny', title: 'Tiny', estimate: 0.001 }, ...tasks('t', 100, 10)] }]);
    const progress = progressOf(schedule(roadmap, plan({ hoursPerWeek: 100 }), context(at('2025-04-01'), { tiny: at('2025-03-20') })));
    assert.deepStrictEqual([progress.pace.from, progress.projectedFinish, progress.projectedBeyond], ['history', undefined, '2035-04-01']);
  });

  test('On a day off after the week\'s last study day, This Week is the coming study week', () => {
    const roadmap = roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 12, 2) }]);
    const weekdays: StudyPlan['studyDays'] = ['mon', 'tue', 'wed', 'thu', 'fri'];
    // Planned on Sunday 9 March for Monday to Friday at 10 h a week: 2 h a day from Monday.
    const sunday = thisWeek(schedule(roadmap, plan({ start: '2025-03-09', hoursPerWeek: 10, studyDays: weekdays, since: at('2025-03-09', 10) }), context(at('2025-03-09', 11))));
    assert.deepStrictEqual([sunday.weekStart, sunday.weekEnd, sunday.upcoming], ['2025-03-10', '2025-03-16', true]);
    assert.deepStrictEqual(sunday.tasks.map((t) => t.task.id), ['t-1', 't-2', 't-3', 't-4', 't-5']);
    // On Saturday the 15th the week's study days are behind; on Friday the 14th one is left.
    const later = (date: string) => thisWeek(schedule(roadmap, plan({ start: '2025-03-09', hoursPerWeek: 10, studyDays: weekdays, since: at('2025-03-09', 10) }), context(at(date), Object.fromEntries(tasks('t', 5).map((t) => [t.id, at('2025-03-12')])))));
    assert.deepStrictEqual([later('2025-03-15').weekStart, later('2025-03-15').tasks.map((t) => t.task.id)], ['2025-03-17', ['t-6', 't-7', 't-8', 't-9', 't-10']]);
    assert.deepStrictEqual([later('2025-03-14').weekStart, later('2025-03-14').upcoming], ['2025-03-10', false]);
  });
});

suite('Plan: stored plans', () => {
  const good = (): Record<string, unknown> => ({ ...toStoredPlan(plan()) });

  test('Round-trips through JSON', () => {
    const parsed = parseStoredPlan(JSON.parse(JSON.stringify(toStoredPlan(plan({ studyDays: ['mon', 'thu'] })))));
    assert.deepStrictEqual(parsed, { plan: plan({ studyDays: ['mon', 'thu'] }) });
  });

  test('Refuses garbage field by field, saying why', () => {
    const cases: [unknown, string][] = [
      [null, 'a plan is an object; got null'],
      [[1], 'a plan is an object; got a list'],
      ['plan', 'a plan is an object; got string'],
      [{ ...good(), version: undefined }, 'version: expected 1; got nothing'],
      [{ ...good(), version: 2 }, 'version: the plan was saved by a newer version of the extension (plan format 2; this one reads 1)'],
      [{ ...good(), extra: true }, 'unknown field "extra"; a plan has version, roadmapId, start, hoursPerWeek, studyDays, since'],
      [{ ...good(), roadmapId: 'Not An Id' }, 'roadmapId: expected a kebab-case roadmap id; got "Not An Id"'],
      [{ ...good(), start: 20250303 }, 'start: expected a date like 2025-03-01; got 20250303'],
      [{ ...good(), start: '2025-02-30' }, 'the start date must be a date like 2025-03-01; got "2025-02-30"'],
      [{ ...good(), hoursPerWeek: '10' }, 'hoursPerWeek: expected a number; got "10"'],
      [{ ...good(), hoursPerWeek: 0 }, 'hours per week must be from 0.5 to 100; got 0'],
      [{ ...good(), hoursPerWeek: 500 }, 'hours per week must be from 0.5 to 100; got 500'],
      [{ ...good(), studyDays: ['monday'] }, 'studyDays: expected a list of mon, tue, wed, thu, fri, sat, sun; got ["monday"]'],
      [{ ...good(), studyDays: ['mon', 'mon'] }, 'study day mon is listed twice'],
      [{ ...good(), studyDays: [] }, 'choose at least one study day'],
      [{ ...good(), since: '2025' }, 'since: expected a time in milliseconds; got "2025"'],
      [{ ...good(), since: -1 }, 'the plan\'s creation time must be a time in milliseconds; got -1'],
    ];
    for (const [value, reason] of cases) assert.deepStrictEqual(parseStoredPlan(value), { reason }, reason);
  });
});

suite('Plan: bundled roadmaps', () => {
  test('The 24-week roadmap plans a week per phase, whatever the hours', () => {
    const roadmap = loadBundled('master-24-week.yaml');
    for (const hoursPerWeek of [5, 12]) {
      const s = schedule(roadmap, { roadmapId: roadmap.id, start: '2025-03-03', hoursPerWeek, studyDays: ['mon', 'tue', 'wed', 'thu', 'fri'], since: at('2025-03-01') }, context(at('2025-03-03')));
      const spans = [...s.phases.values()];
      assert.strictEqual(spans.length, 24);
      assert.deepStrictEqual([spans[0].start, spans[0].end, spans[23].start, spans[23].end], ['2025-03-03', '2025-03-07', '2025-08-11', '2025-08-15'], `${hoursPerWeek} h`);
    }
  });

  test('The condensed roadmap takes its phase durations at 10–15 h a week', () => {
    const roadmap = loadBundled('ml-dl-condensed.yaml');
    assert.deepStrictEqual(roadmap.hoursPerWeek, { min: 10, max: 15 });
    const effort = effortOf(roadmap);
    const phaseHours = roadmap.phases.map((p) => tasksOf(p).reduce((sum, t) => [sum[0] + effort.byTask.get(t)!.min, sum[1] + effort.byTask.get(t)!.max], [0, 0]).map((h) => Math.round(h)));
    assert.deepStrictEqual(phaseHours.slice(0, 3), [[10, 30], [30, 75], [40, 90]]);
    assert.ok(tasksOf(roadmap.phases[3]).every((t) => effort.byTask.get(t)!.source === 'default'), 'the ongoing phase states no duration');
  });
});
