import * as assert from 'assert';
import type { Module, Phase, Roadmap, Task } from '../../src/model/types';
import { tasksOf } from '../../src/model/types';
import { addYears, dateOfDay, localDayOf, weekdayIndexOf, weekdayOf } from '../../src/model/plan/dates';
import { effortOf, TaskEffort } from '../../src/model/plan/effort';
import { BurnUp, burnUp, BurnUpPoint, finishedAtOf, Pace, PACE_HISTORY_DAYS, PACE_HISTORY_TASKS, PACE_WINDOW_DAYS, PlanContext, PLAN_HORIZON_YEARS, PlannedSpan, PlanProgress, PlanStatus, progressOf, Schedule, schedule, StudyPlan, thisWeek } from '../../src/model/plan/planner';
import { at, context, plan, roadmapOf, tasks } from './plan.test';

/**
 * The planner keeps its tasks as columns of numbers and makes rows on demand. These tests hold it
 * to what a plan was before that: a straightforward planner that makes every row up front, and
 * the readings (progress, this week, burn-up) taken over those rows, written out here.
 */
interface ReferenceTask {
  readonly task: Task;
  readonly effort: TaskEffort;
  readonly startDay: number;
  readonly endDay: number;
  readonly start: string;
  readonly end: string;
  readonly finishedDay?: number;
}

function referencePlan(roadmap: Roadmap, p: StudyPlan, ctx: PlanContext, days: Schedule['days']) {
  const efforts = effortOf(roadmap, { plannedHoursPerWeek: p.hoursPerWeek }).byTask;
  const rows: ReferenceTask[] = [];
  const history: Task[] = [];
  let cumulative = 0;
  for (const task of tasksOf(roadmap)) {
    const state = ctx.stateOf(task);
    let finishedDay: number | undefined;
    if (state === 'done' || state === 'skipped') {
      const finished = finishedAtOf(task, ctx.finishedAt);
      if (finished === undefined || finished < p.since) {
        history.push(task);
        continue;
      }
      finishedDay = localDayOf(finished, ctx.utcOffset);
    }
    const effort = efforts.get(task)!;
    const startIndex = days.indexOfHour(cumulative, false);
    cumulative += effort.hours;
    const endIndex = Math.max(startIndex, effort.hours > 0 ? days.indexOfHour(cumulative, true) : startIndex);
    const startDay = days.dayOfIndex(startIndex);
    const endDay = days.dayOfIndex(endIndex);
    rows.push({ task, effort, startDay, endDay, start: dateOfDay(startDay), end: dateOfDay(endDay), finishedDay });
  }
  const span = <K>(keyOf: (t: ReferenceTask) => K): Map<K, PlannedSpan> => {
    const spans = new Map<K, PlannedSpan>();
    for (const key of new Set(rows.map(keyOf))) {
      const mine = rows.filter((t) => keyOf(t) === key);
      const sum = (f: (t: ReferenceTask) => number) => mine.reduce((total, t) => total + f(t), 0);
      spans.set(key, { start: mine[0].start, end: dateOfDay(Math.max(...mine.map((t) => t.endDay))), effort: { min: sum((t) => t.effort.min), max: sum((t) => t.effort.max), hours: sum((t) => t.effort.hours) } });
    }
    return spans;
  };
  const todayDay = localDayOf(ctx.now, ctx.utcOffset);
  // The week of the next study day, today included.
  let studyDay = todayDay;
  while (!p.studyDays.includes(weekdayOf(studyDay))) studyDay++;
  const weekStartDay = studyDay - weekdayIndexOf(studyDay);
  const total = rows.reduce((sum, t) => sum + t.effort.hours, 0);
  const view: ReferenceView = { plan: p, days, todayDay, sinceDay: localDayOf(p.since, ctx.utcOffset), today: dateOfDay(todayDay), total, rows, history: history.length };
  return {
    rows,
    history,
    total,
    end: rows.length > 0 ? rows[rows.length - 1].end : undefined,
    modules: span<Module>((t) => t.task.module),
    phases: span<Phase>((t) => t.task.module.phase),
    overdue: rows.filter((t) => t.finishedDay === undefined && t.endDay < todayDay),
    week: rows.filter((t) => !(t.finishedDay === undefined && t.endDay < todayDay) && t.startDay <= weekStartDay + 6 && t.endDay >= weekStartDay),
    progress: referenceProgress(view),
    burnUp: referenceBurnUp(view),
  };
}

interface ReferenceView {
  readonly plan: StudyPlan;
  readonly days: Schedule['days'];
  readonly todayDay: number;
  readonly sinceDay: number;
  readonly today: string;
  readonly total: number;
  readonly rows: readonly ReferenceTask[];
  /** How many tasks are history. */
  readonly history?: number;
}

// progressOf and burnUp as they were written over a list of rows.
function referenceProgress(schedule: ReferenceView): PlanProgress {
  const { plan, days, todayDay } = schedule;
  const plannedHours = Math.min(schedule.total, days.hoursBefore(todayDay));
  let doneHours = 0;
  let finishedTasks = 0;
  const elapsedDays = Math.max(1, todayDay - schedule.sinceDay + 1);
  const recentDays = Math.min(PACE_WINDOW_DAYS, elapsedDays);
  const windowStart = todayDay - recentDays + 1;
  let recentHours = 0;
  for (const t of schedule.rows) {
    if (t.finishedDay === undefined) continue;
    finishedTasks++;
    doneHours += t.effort.hours;
    if (t.finishedDay >= windowStart) recentHours += t.effort.hours;
  }
  const remainingHours = Math.max(0, schedule.total - doneHours);
  const recentHoursPerWeek = (recentHours / Math.max(7, recentDays)) * 7;
  const enoughHistory = elapsedDays >= PACE_HISTORY_DAYS || finishedTasks >= PACE_HISTORY_TASKS;
  const pace: Pace = { hoursPerWeek: enoughHistory ? recentHoursPerWeek : plan.hoursPerWeek, from: enoughHistory ? 'history' : 'plan', recentHoursPerWeek, recentDays };
  const deltaHours = doneHours - plannedHours;
  const exactDays = deltaHours / (plan.hoursPerWeek / 7);
  const deltaDays = Math.trunc(Math.abs(exactDays) + 1e-9) * Math.sign(exactDays);
  const status: PlanStatus = deltaDays >= 1 ? 'ahead' : deltaDays <= -1 ? 'behind' : 'onTrack';
  let projected: Pick<PlanProgress, 'projectedFinish' | 'projectedBeyond'> = {};
  if (remainingHours <= 1e-9) {
    let last = -Infinity;
    for (const t of schedule.rows) if (t.finishedDay !== undefined && t.finishedDay > last) last = t.finishedDay;
    projected = { projectedFinish: Number.isFinite(last) ? dateOfDay(last) : schedule.today };
  } else if (pace.hoursPerWeek > 0) {
    const needed = Math.max(1, Math.ceil(remainingHours / (pace.hoursPerWeek / days.perWeek) - 1e-9));
    const day = days.dayOfIndex(days.indexesBefore(Math.max(todayDay, days.startDay)) + needed - 1);
    const horizon = addYears(todayDay, PLAN_HORIZON_YEARS);
    projected = day <= horizon ? { projectedFinish: dateOfDay(day) } : { projectedBeyond: dateOfDay(horizon) };
  }
  return {
    plannedHours, doneHours, remainingHours, deltaHours, deltaDays: deltaDays === 0 ? 0 : deltaDays, status, started: todayDay >= days.startDay, finishedTasks,
    madeOn: dateOfDay(schedule.sinceDay), finishedBefore: schedule.history ?? 0, pace, ...projected,
  };
}

function referenceBurnUp(schedule: ReferenceView, maxPoints = 260): BurnUp {
  const { days, plan, todayDay, total } = schedule;
  const plannedWeeks = Math.ceil(total / plan.hoursPerWeek - 1e-9);
  const todayWeeks = Math.max(0, Math.ceil((todayDay - days.startDay + 1) / 7));
  const weeks = Math.max(plannedWeeks, todayWeeks, 1);
  const stride = Math.max(1, Math.ceil(weeks / Math.max(1, maxPoints - 1)));
  const count = Math.ceil(weeks / stride) + 1;
  const doneAt = new Array<number>(count + 1).fill(0);
  let doneToday = 0;
  for (const t of schedule.rows) {
    if (t.finishedDay === undefined) continue;
    doneToday += t.effort.hours;
    const point = t.finishedDay < days.startDay ? 0 : Math.floor((t.finishedDay - days.startDay) / (7 * stride)) + 1;
    doneAt[Math.min(point, count)] += t.effort.hours;
  }
  const points: BurnUpPoint[] = [];
  let done = 0;
  for (let i = 0; i < count; i++) {
    const day = days.startDay + i * 7 * stride;
    done += doneAt[i];
    points.push(day <= todayDay ? { date: dateOfDay(day), planned: Math.min(total, i * stride * plan.hoursPerWeek), done } : { date: dateOfDay(day), planned: Math.min(total, i * stride * plan.hoursPerWeek) });
  }
  return { points, total, today: schedule.today, doneToday };
}

/** A roadmap with estimates of every kind: hours on tasks, a budget on a module, weeks on a phase. */
function mixed(): Roadmap {
  return roadmapOf(
    [
      { id: 'p1', title: 'P1', estimate: '1-2 weeks', modules: [{ id: 'm1', title: 'M1', tasks: tasks('a', 4), projects: tasks('ap', 1) }, { id: 'm2', title: 'M2', estimate: 6, tasks: tasks('b', 3) }] },
      { id: 'p2', title: 'P2', tasks: [...tasks('c', 3, '2-4h'), { id: 'renamed', title: 'Renamed', estimate: 5, formerIds: ['old'] }], projects: tasks('cp', 1) },
      { id: 'p3', title: 'P3', modules: [{ id: 'm3', title: 'M3', tasks: tasks('d', 6, 0.5) }, { id: 'm4', title: 'M4', tasks: tasks('e', 2) }] },
    ],
    { hoursPerWeek: '8-12' },
  );
}

suite('Plan: rows made on demand', () => {
  const cases: { name: string; roadmap: () => Roadmap; plan: StudyPlan; context: PlanContext }[] = [
    {
      name: 'done and skipped tasks, before and after the plan was made, one under a former id',
      roadmap: mixed,
      plan: plan({ hoursPerWeek: 6, studyDays: ['mon', 'wed', 'fri'], since: at('2025-03-03', 8) }),
      context: context(at('2025-03-19'), { 'a-1': at('2025-02-20'), 'a-2': at('2025-03-04'), old: at('2025-03-10'), 'c-2': at('2025-03-18') }, { 'a-3': 'skipped', 'b-1': 'skipped', 'b-2': 'inProgress' }),
    },
    {
      name: 'skipped after the plan was made, today far into the plan',
      roadmap: mixed,
      plan: plan({ hoursPerWeek: 3.5, studyDays: ['sat', 'sun'], start: '2025-03-05' }),
      context: context(at('2025-05-28'), { 'b-3': at('2025-03-08'), 'd-4': at('2025-04-30'), 'd-5': at('2025-05-27') }, { 'b-3': 'skipped' }),
    },
    {
      name: 'no estimates at all, a start still to come',
      roadmap: () => roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 9), projects: tasks('pr', 2) }, { id: 'q', title: 'Q', tasks: tasks('u', 5) }]),
      plan: plan({ hoursPerWeek: 10, studyDays: ['tue', 'thu'], start: '2025-04-01' }),
      context: context(at('2025-03-20'), { 't-2': at('2025-03-10') }),
    },
    {
      name: 'every task finished',
      roadmap: () => roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 3, 2) }]),
      plan: plan(),
      context: context(at('2025-03-12'), { 't-1': at('2025-03-04'), 't-2': at('2025-03-09'), 't-3': at('2025-03-06') }),
    },
    {
      name: 'every task history: nothing planned',
      roadmap: () => roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 2, 2) }]),
      plan: plan({ since: at('2025-03-10') }),
      context: context(at('2025-03-12'), { 't-1': at('2025-03-04'), 't-2': at('2025-03-05') }),
    },
  ];

  for (const c of cases) {
    test(`Rows, spans and readings equal those of a planner that makes every row: ${c.name}`, () => {
      const roadmap = c.roadmap();
      const s = schedule(roadmap, c.plan, c.context);
      const ref = referencePlan(roadmap, c.plan, c.context, s.days);
      // Readings first, before any row is asked for: they must not need them.
      const week = thisWeek(s);
      assert.deepStrictEqual(week.overdue, ref.overdue);
      assert.deepStrictEqual(week.tasks, ref.week);
      assert.deepStrictEqual(progressOf(s), ref.progress);
      assert.deepStrictEqual(burnUp(s), ref.burnUp);
      assert.deepStrictEqual(burnUp(s, 3), referenceBurnUp({ plan: c.plan, days: s.days, todayDay: s.todayDay, sinceDay: s.sinceDay, today: s.today, total: ref.total, rows: ref.rows }, 3));

      assert.strictEqual(s.size, ref.rows.length);
      assert.deepStrictEqual(s.history, ref.history);
      assert.strictEqual(s.end, ref.end);
      assert.deepStrictEqual(s.effort, { min: ref.rows.reduce((sum, t) => sum + t.effort.min, 0), max: ref.rows.reduce((sum, t) => sum + t.effort.max, 0), hours: ref.total });
      assert.deepStrictEqual([...s.modules], [...ref.modules]);
      assert.deepStrictEqual([...s.phases], [...ref.phases]);
      assert.deepStrictEqual(Array.from({ length: s.size }, (_, k) => s.taskAt(k)), ref.rows);
      assert.deepStrictEqual(s.tasks, ref.rows);
      assert.deepStrictEqual([...s.byTask.keys()], ref.rows.map((t) => t.task));
    });
  }

  test('A row handed out before the whole list is the same object as in the list and by task', () => {
    const roadmap = mixed();
    const s = schedule(roadmap, plan({ hoursPerWeek: 5 }), context(at('2025-03-20')));
    const overdue = thisWeek(s).overdue;
    assert.ok(overdue.length > 2, 'the case needs overdue rows');
    assert.strictEqual(s.taskAt(1), overdue[1]);
    assert.strictEqual(s.tasks[1], overdue[1]);
    assert.strictEqual(s.byTask.get(overdue[1].task), overdue[1]);
    assert.strictEqual(s.taskAt(2), s.tasks[2]);
  });

  test('Asking for a row that is not planned is a clear error', () => {
    const s = schedule(mixed(), plan(), context(at('2025-03-03')));
    for (const k of [-1, s.size, 1.5, NaN]) assert.throws(() => s.taskAt(k), (e: Error) => e instanceof RangeError && e.message === `no planned task at ${k}; the schedule has ${s.size}`);
  });
});

suite('Plan: effort kept per roadmap', () => {
  test('The same roadmap and hours give the same effort, computed once', () => {
    const roadmap = mixed();
    const first = effortOf(roadmap);
    assert.strictEqual(effortOf(roadmap), first);
    assert.strictEqual(effortOf(roadmap, { plannedHoursPerWeek: 20 }), first, 'the roadmap states its own hours per week: planned hours change nothing');
    assert.deepStrictEqual(first.tasks, tasksOf(roadmap));
  });

  test('A new roadmap object, as a reload makes, gets its own effort', () => {
    const before = roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 2, 2) }]);
    const after = roadmapOf([{ id: 'p', title: 'P', tasks: [...tasks('t', 2, 4), ...tasks('u', 1)] }]);
    const old = effortOf(before);
    const fresh = effortOf(after);
    assert.notStrictEqual(fresh, old);
    assert.deepStrictEqual(fresh.inOrder.map((e) => e.hours), [4, 4, 3]);
    assert.deepStrictEqual(fresh.tasks, tasksOf(after));
    assert.deepStrictEqual(effortOf(before).inOrder.map((e) => e.hours), [2, 2], 'the old roadmap keeps its own');
    // Planning the new roadmap uses the new effort.
    const s = schedule(after, plan({ hoursPerWeek: 7 }), context(at('2025-03-03')));
    assert.deepStrictEqual([s.effort.hours, s.end], [11, '2025-03-13']);
  });

  test('Planned hours per week count again when the roadmap states none', () => {
    // A phase of one week shares that week's hours among its tasks.
    const roadmap = roadmapOf([{ id: 'p', title: 'P', estimate: '1 week', tasks: tasks('t', 2) }]);
    const at6 = effortOf(roadmap, { plannedHoursPerWeek: 6 });
    const at10 = effortOf(roadmap, { plannedHoursPerWeek: 10 });
    assert.deepStrictEqual([at6.inOrder[0].hours, at6.weekHoursFrom], [3, 'plan']);
    assert.deepStrictEqual([at10.inOrder[0].hours, at10.weekHoursFrom], [5, 'plan']);
    assert.deepStrictEqual([effortOf(roadmap).inOrder[0].hours, effortOf(roadmap).weekHoursFrom], [5, 'default']);
    assert.deepStrictEqual(effortOf(roadmap, { plannedHoursPerWeek: 6 }).inOrder[0].hours, 3, 'back to 6 h: computed again');
  });
});
