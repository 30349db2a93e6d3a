/**
 * A study plan for one roadmap: planned dates, pace, ahead/behind, projected finish, a burn-up
 * series and "this week". Pure: no `vscode`; the caller passes task states, finish times, "now"
 * and the time zone.
 *
 * How a plan reads progress:
 * - `since` is when the plan was made (or re-made). A task finished (done or skipped) before it
 *   is history: it gets no dates and counts neither way. "Re-plan from today" is a new `start`
 *   and `since`: what is done stays done and everything else moves.
 * - A task finished after `since` keeps its planned dates and counts as finished work, so
 *   ticking a task makes the learner ahead rather than moving the plan under them. Skipped counts
 *   as finished, as everywhere in the extension.
 * - Hours are spread evenly over the study days: hoursPerWeek / studyDays.length per study day,
 *   tasks back to back in roadmap order. Dates are computed, not stepped, so a plan costs one pass
 *   over the tasks whatever the hours.
 * - Ahead/behind compares the hours finished so far with the hours planned on the days before
 *   today (today's work is not due yet); a day is hoursPerWeek / 7 hours.
 * - Pace is the hours finished in the last four weeks (fewer when the plan is younger, never
 *   counted over less than a week). The projected finish uses it once the plan has
 *   PACE_HISTORY_DAYS of history or PACE_HISTORY_TASKS finished tasks, and the planned pace before.
 */
import type { Module, Phase, Roadmap, Task, TaskState } from '../types';
import { addYears, dateOfDay, dayOfDate, isLocalDate, LocalDate, localDateOf, localDayOf, utcDayOf, UtcOffset, Weekday, WEEKDAYS, weekdayIndexOf, weekdayOf } from './dates';
import { Effort, effortOf, RoadmapEffort, TaskEffort } from './effort';

export interface StudyPlan {
  readonly roadmapId: string;
  /** The first day of the plan, local. */
  readonly start: LocalDate;
  readonly hoursPerWeek: number;
  /** Which weekdays the learner studies on, Monday first; at least one. */
  readonly studyDays: readonly Weekday[];
  /** Epoch ms when the plan was made or re-made; tasks finished earlier are not part of it. */
  readonly since: number;
}

export interface PlanContext {
  readonly stateOf: (task: Task) => TaskState;
  /** When finished tasks were finished (epoch ms), by task id; a renamed task's entry may sit under a former id. */
  readonly finishedAt: ReadonlyMap<string, number>;
  readonly now: number;
  readonly utcOffset: UtcOffset;
}

export const PACE_HISTORY_DAYS = 14;
export const PACE_HISTORY_TASKS = 5;
export const PACE_WINDOW_DAYS = 28;

export class PlanError extends Error {}

/**
 * The hours a week a plan may have, wherever it comes from (typed, imported, stored): fewer put
 * the finish decades away (1e-300 put it past any date), more is no study plan.
 */
export const PLAN_HOURS_PER_WEEK = { min: 0.5, max: 100 } as const;

/**
 * How far ahead a plan may reach: its start and its finish at most this many years after it was
 * made, a projection at most this many years after today. Beyond it a plan is no plan, and its
 * dates would leave the calendar (`+010000-02-01` is no date an .ics or the dashboard can hold).
 */
export const PLAN_HORIZON_YEARS = 10;

/** Why a number of hours a week cannot be a plan's, or undefined when it can. */
export function hoursPerWeekProblem(hours: unknown): string | undefined {
  const { min, max } = PLAN_HOURS_PER_WEEK;
  return typeof hours === 'number' && hours >= min && hours <= max ? undefined : `hours per week must be from ${min} to ${max}; got ${String(hours)}`;
}

/** Hours a week as typed in an input box: a number in range, else undefined. */
export function readHoursPerWeek(text: string): number | undefined {
  const trimmed = text.trim();
  const hours = Number(trimmed);
  return trimmed !== '' && hoursPerWeekProblem(hours) === undefined ? hours : undefined;
}

export interface PlannedTask {
  readonly task: Task;
  readonly effort: TaskEffort;
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly startDay: number;
  readonly endDay: number;
  /** The local day it was finished, when it was finished after the plan was made. */
  readonly finishedDay?: number;
}

export interface PlannedSpan {
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly effort: Effort;
}

export interface Schedule {
  readonly plan: StudyPlan;
  readonly roadmap: Roadmap;
  readonly today: LocalDate;
  readonly todayDay: number;
  /** The local day the plan was made (`since`). */
  readonly sinceDay: number;
  /** How many tasks are planned: all but the history. */
  readonly size: number;
  /** The planned tasks, in roadmap order (built on first use). */
  readonly tasks: readonly PlannedTask[];
  /** The same by task (built on first use); history tasks are absent. */
  readonly byTask: ReadonlyMap<Task, PlannedTask>;
  /** Modules' and phases' spans (built on first use). */
  readonly modules: ReadonlyMap<Module, PlannedSpan>;
  readonly phases: ReadonlyMap<Phase, PlannedSpan>;
  /** Finished before the plan was made: no dates. */
  readonly history: readonly Task[];
  /** The planned tasks' effort: total and spread. */
  readonly effort: Effort;
  readonly roadmapEffort: RoadmapEffort;
  /** The planned finish: the last planned task's end (undefined when nothing is planned). */
  readonly end?: LocalDate;
  /** Finish times whose id is no task of the roadmap any more (a removed task). */
  readonly unknownFinishes: number;
  /** @internal the arithmetic of study days, shared by the functions below. */
  readonly days: StudyDays;
  /** @internal the planned tasks as columns, the k-th planned task at index k; see PlannedColumns. */
  readonly columns: PlannedColumns;
  /** The k-th planned task (0 ≤ k < size), made on demand: ask for the rows you show, not all. */
  taskAt(k: number): PlannedTask;
}

/**
 * The planned tasks as columns of numbers rather than 100,000 objects: planning makes no object
 * and formats no date per task, and `PlannedTask` rows are made only for what a consumer reads
 * (this week, the calendar, a tooltip). Days are day numbers, kept as doubles like the rest of
 * the date arithmetic.
 */
export interface PlannedColumns {
  /** Each planned task's place in `roadmapEffort.tasks` (and `inOrder`). */
  readonly position: Int32Array;
  readonly startDay: Float64Array;
  readonly endDay: Float64Array;
  /** The local day it was finished, or NaN when it was not finished after the plan was made. */
  readonly finishedDay: Float64Array;
}

/** Why a plan cannot be used, or undefined when it can. */
export function planProblem(plan: StudyPlan): string | undefined {
  if (typeof plan.roadmapId !== 'string' || plan.roadmapId === '') return 'the plan names no roadmap';
  if (!isLocalDate(plan.start)) return `the start date must be a date like 2025-03-01; got ${JSON.stringify(plan.start)}`;
  const hours = hoursPerWeekProblem(plan.hoursPerWeek);
  if (hours) return hours;
  // Plans come from storage and files too: the days are checked as values, not trusted as typed.
  const days: readonly unknown[] = Array.isArray(plan.studyDays) ? (plan.studyDays as readonly unknown[]) : [];
  if (days.length === 0) return 'choose at least one study day';
  const seen = new Set<string>();
  for (const day of days) {
    if (typeof day !== 'string' || !WEEKDAYS.includes(day as Weekday)) return `study days are mon, tue, wed, thu, fri, sat or sun; got ${JSON.stringify(day)}`;
    if (seen.has(day)) return `study day ${day} is listed twice`;
    seen.add(day);
  }
  if (typeof plan.since !== 'number' || !(plan.since >= 0 && plan.since <= LATEST_TIME)) return `the plan's creation time must be a time in milliseconds; got ${String(plan.since)}`;
  // The day it was made in UTC: a day either way is nothing against ten years.
  const latestStart = horizonOf(utcDayOf(plan.since));
  if (dayOfDate(plan.start) > latestStart) return `the start date must be at most ${PLAN_HORIZON_YEARS} years after the plan was made (${dateOfDay(latestStart)}); got ${JSON.stringify(plan.start)}`;
  return undefined;
}

/** The last instant of year 9999, the last year a date of a plan may have. */
const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The last day a plan may reach from `day`: the same date PLAN_HORIZON_YEARS later. */
function horizonOf(day: number): number {
  return addYears(day, PLAN_HORIZON_YEARS);
}

/** A new plan made now. Throws PlanError for a plan that cannot be used. */
export function createPlan(fields: Omit<StudyPlan, 'since'>, now: number): StudyPlan {
  // Checked as given (so a repeated day is reported), stored Monday first.
  const problem = planProblem({ ...fields, since: now });
  if (problem) throw new PlanError(problem);
  return { ...fields, studyDays: WEEKDAYS.filter((d) => fields.studyDays.includes(d)), since: now };
}

/** "Re-plan from today": keeps what is finished, moves everything else to start today. */
export function replan(plan: StudyPlan, now: number, utcOffset: UtcOffset): StudyPlan {
  return { ...plan, start: localDateOf(now, utcOffset), since: now };
}

/** Plans a roadmap. Throws PlanError when the plan cannot be used (zero hours, no study days, …). */
export function schedule(roadmap: Roadmap, plan: StudyPlan, context: PlanContext): Schedule {
  const problem = planProblem(plan);
  if (problem) throw new PlanError(problem);
  if (plan.roadmapId !== roadmap.id) throw new PlanError(`the plan is for roadmap "${plan.roadmapId}", not "${roadmap.id}"`);
  const days = new StudyDays(dayOfDate(plan.start), plan.studyDays, plan.hoursPerWeek);
  // Kept per roadmap object: after the first plan only the walk below is left.
  const roadmapEffort = effortOf(roadmap, { plannedHoursPerWeek: plan.hoursPerWeek });
  const todayDay = localDayOf(context.now, context.utcOffset);

  const history: Task[] = [];
  let unknownFinishes = 0;
  for (const id of context.finishedAt.keys()) if (!roadmap.taskIndex.has(id)) unknownFinishes++;
  const all = roadmapEffort.tasks;
  const efforts = roadmapEffort.inOrder;
  const position = new Int32Array(all.length);
  const startDays = new Float64Array(all.length);
  const endDays = new Float64Array(all.length);
  const finishedDays = new Float64Array(all.length);
  let size = 0;
  let cumulative = 0;
  let min = 0;
  let max = 0;
  let hours = 0;
  for (let i = 0; i < all.length; i++) {
    const task = all[i];
    const state = context.stateOf(task);
    let finishedDay = NaN;
    if (state === 'done' || state === 'skipped') {
      const at = finishedAtOf(task, context.finishedAt);
      if (at === undefined || at < plan.since) {
        history.push(task);
        continue;
      }
      finishedDay = localDayOf(at, context.utcOffset);
    }
    const effort = efforts[i];
    const startIndex = days.indexOfHour(cumulative, false);
    cumulative += effort.hours;
    const endIndex = Math.max(startIndex, effort.hours > 0 ? days.indexOfHour(cumulative, true) : startIndex);
    position[size] = i;
    startDays[size] = days.dayOfIndex(startIndex);
    endDays[size] = days.dayOfIndex(endIndex);
    finishedDays[size] = finishedDay;
    size++;
    min += effort.min;
    max += effort.max;
    hours += effort.hours;
  }
  const sinceDay = localDayOf(plan.since, context.utcOffset);
  // Checked before any date is made of the days: past the horizon they may be past year 9999.
  const finish = horizonOf(sinceDay);
  if (size > 0 && !(endDays[size - 1] <= finish)) {
    throw new PlanError(`the plan would finish after ${dateOfDay(finish)}, more than ${PLAN_HORIZON_YEARS} years after it was made: plan more hours a week, or fewer tasks`);
  }
  const columns: PlannedColumns = { position: position.subarray(0, size), startDay: startDays.subarray(0, size), endDay: endDays.subarray(0, size), finishedDay: finishedDays.subarray(0, size) };
  return new ColumnSchedule(plan, roadmap, todayDay, sinceDay, size, history, { min, max, hours }, roadmapEffort, unknownFinishes, days, columns);
}

/** A schedule whose rows, maps and spans are made from its columns when first asked for. */
class ColumnSchedule implements Schedule {
  readonly today: LocalDate;
  readonly end?: LocalDate;
  /** Rows made so far, by planned index; all of them once `tasks` was read. */
  private readonly made = new Map<number, PlannedTask>();
  private allTasks?: readonly PlannedTask[];
  private taskMap?: ReadonlyMap<Task, PlannedTask>;
  private spans?: { readonly modules: ReadonlyMap<Module, PlannedSpan>; readonly phases: ReadonlyMap<Phase, PlannedSpan> };

  constructor(
    readonly plan: StudyPlan,
    readonly roadmap: Roadmap,
    readonly todayDay: number,
    readonly sinceDay: number,
    readonly size: number,
    readonly history: readonly Task[],
    readonly effort: Effort,
    readonly roadmapEffort: RoadmapEffort,
    readonly unknownFinishes: number,
    readonly days: StudyDays,
    readonly columns: PlannedColumns,
  ) {
    this.today = dateOfDay(todayDay);
    this.end = size > 0 ? dateOfDay(columns.endDay[size - 1]) : undefined;
  }

  taskAt(k: number): PlannedTask {
    if (!(k >= 0 && k < this.size && Number.isInteger(k))) throw new RangeError(`no planned task at ${k}; the schedule has ${this.size}`);
    if (this.allTasks) return this.allTasks[k];
    let row = this.made.get(k);
    if (!row) this.made.set(k, (row = this.makeRow(k)));
    return row;
  }

  get tasks(): readonly PlannedTask[] {
    if (!this.allTasks) {
      // Rows already handed out stay the same objects.
      const rows = new Array<PlannedTask>(this.size);
      for (let k = 0; k < this.size; k++) rows[k] = this.made.get(k) ?? this.makeRow(k);
      this.allTasks = rows;
      this.made.clear();
    }
    return this.allTasks;
  }

  private makeRow(k: number): PlannedTask {
    const { position, startDay, endDay, finishedDay } = this.columns;
    const at = position[k];
    const finished = finishedDay[k];
    return {
      task: this.roadmapEffort.tasks[at],
      effort: this.roadmapEffort.inOrder[at],
      startDay: startDay[k],
      endDay: endDay[k],
      start: dateOfDay(startDay[k]),
      end: dateOfDay(endDay[k]),
      finishedDay: Number.isNaN(finished) ? undefined : finished,
    };
  }

  get byTask(): ReadonlyMap<Task, PlannedTask> {
    this.taskMap ??= new Map(this.tasks.map((t) => [t.task, t]));
    return this.taskMap;
  }

  get modules(): ReadonlyMap<Module, PlannedSpan> {
    this.spans ??= spansOf(this);
    return this.spans.modules;
  }

  get phases(): ReadonlyMap<Phase, PlannedSpan> {
    this.spans ??= spansOf(this);
    return this.spans.phases;
  }
}

export type PlanStatus = 'ahead' | 'behind' | 'onTrack';

export interface PlanProgress {
  /** Hours planned on the days before today. */
  readonly plannedHours: number;
  /** Hours of the planned tasks finished so far. */
  readonly doneHours: number;
  readonly remainingHours: number;
  /** done − planned: positive ahead, negative behind. */
  readonly deltaHours: number;
  /** The same in days (a day is hoursPerWeek / 7 hours); whole days, toward zero. */
  readonly deltaDays: number;
  /** onTrack when less than a whole day ahead or behind. */
  readonly status: PlanStatus;
  /** Whether today is on or after the plan's start. */
  readonly started: boolean;
  readonly finishedTasks: number;
  /** The local day the plan was made: what is done, and the pace, count from it. */
  readonly madeOn: LocalDate;
  /** Tasks finished before the plan was made: they count neither way. */
  readonly finishedBefore: number;
  readonly pace: Pace;
  /** When the rest would be finished at `pace`; undefined at a pace of zero or past the horizon. */
  readonly projectedFinish?: LocalDate;
  /** When the projection passes the horizon (PLAN_HORIZON_YEARS from today): that last day. */
  readonly projectedBeyond?: LocalDate;
}

export interface Pace {
  /** The hours per week the projection uses. */
  readonly hoursPerWeek: number;
  /** `history` once there is enough of it, else `plan`. */
  readonly from: 'history' | 'plan';
  /** Hours per week over the last four weeks (or the plan's life, if shorter), whatever `from` says. */
  readonly recentHoursPerWeek: number;
  /** The days that recent pace covers. */
  readonly recentDays: number;
}

export function progressOf(schedule: Schedule): PlanProgress {
  const { plan, days, todayDay } = schedule;
  const plannedHours = Math.min(schedule.effort.hours, days.hoursBefore(todayDay));
  let doneHours = 0;
  let finishedTasks = 0;
  // The plan's history starts the day it was made: nothing finished before counts.
  const elapsedDays = Math.max(1, todayDay - schedule.sinceDay + 1);
  const recentDays = Math.min(PACE_WINDOW_DAYS, elapsedDays);
  const windowStart = todayDay - recentDays + 1;
  let recentHours = 0;
  forEachFinished(schedule, (day, hours) => {
    finishedTasks++;
    doneHours += hours;
    if (day >= windowStart) recentHours += hours;
  });
  const remainingHours = Math.max(0, schedule.effort.hours - doneHours);
  const recentHoursPerWeek = (recentHours / Math.max(7, recentDays)) * 7;
  const enoughHistory = elapsedDays >= PACE_HISTORY_DAYS || finishedTasks >= PACE_HISTORY_TASKS;
  const pace: Pace = { hoursPerWeek: enoughHistory ? recentHoursPerWeek : plan.hoursPerWeek, from: enoughHistory ? 'history' : 'plan', recentHoursPerWeek, recentDays };
  const deltaHours = doneHours - plannedHours;
  const exactDays = deltaHours / (plan.hoursPerWeek / 7);
  const deltaDays = Math.trunc(Math.abs(exactDays) + 1e-9) * Math.sign(exactDays);
  const status: PlanStatus = deltaDays >= 1 ? 'ahead' : deltaDays <= -1 ? 'behind' : 'onTrack';
  return {
    plannedHours,
    doneHours,
    remainingHours,
    deltaHours,
    deltaDays: deltaDays === 0 ? 0 : deltaDays,
    status,
    started: todayDay >= days.startDay,
    finishedTasks,
    madeOn: dateOfDay(schedule.sinceDay),
    finishedBefore: schedule.history.length,
    pace,
    ...projectFinish(schedule, remainingHours, pace.hoursPerWeek),
  };
}

function projectFinish(schedule: Schedule, remainingHours: number, hoursPerWeek: number): Pick<PlanProgress, 'projectedFinish' | 'projectedBeyond'> {
  const { days, todayDay } = schedule;
  if (remainingHours <= 1e-9) {
    let last = -Infinity;
    // NaN (not finished) is never greater.
    for (const day of schedule.columns.finishedDay) if (day > last) last = day;
    return { projectedFinish: Number.isFinite(last) ? dateOfDay(last) : schedule.today };
  }
  if (!(hoursPerWeek > 0)) return {};
  const perStudyDay = hoursPerWeek / days.perWeek;
  const needed = Math.max(1, Math.ceil(remainingHours / perStudyDay - 1e-9));
  const first = days.indexesBefore(Math.max(todayDay, days.startDay));
  const day = days.dayOfIndex(first + needed - 1);
  // A pace of minutes a week projects millennia (or past any number): no date is made of that.
  const horizon = horizonOf(todayDay);
  return day <= horizon ? { projectedFinish: dateOfDay(day) } : { projectedBeyond: dateOfDay(horizon) };
}

export interface BurnUpPoint {
  readonly date: LocalDate;
  /** Planned cumulative hours by the start of this date. */
  readonly planned: number;
  /** Finished cumulative hours by the start of this date; absent for dates after today. */
  readonly done?: number;
}

export interface BurnUp {
  /** A point a week (every few weeks for long plans), from the start to the later of the planned end and today. */
  readonly points: readonly BurnUpPoint[];
  readonly total: number;
  readonly today: LocalDate;
  readonly doneToday: number;
}

/** Planned against finished hours, a point per week from the plan's start, for the dashboard's chart. */
export function burnUp(schedule: Schedule, maxPoints = 260): BurnUp {
  const { days, plan, todayDay } = schedule;
  const total = schedule.effort.hours;
  const plannedWeeks = Math.ceil(total / plan.hoursPerWeek - 1e-9);
  const todayWeeks = Math.max(0, Math.ceil((todayDay - days.startDay + 1) / 7));
  const weeks = Math.max(plannedWeeks, todayWeeks, 1);
  const stride = Math.max(1, Math.ceil(weeks / Math.max(1, maxPoints - 1)));
  const count = Math.ceil(weeks / stride) + 1;
  // Finished hours by point: each finish goes to the first point after its day, then a running sum.
  const doneAt = new Array<number>(count + 1).fill(0);
  let doneToday = 0;
  forEachFinished(schedule, (day, hours) => {
    doneToday += hours;
    const point = day < days.startDay ? 0 : Math.floor((day - days.startDay) / (7 * stride)) + 1;
    doneAt[Math.min(point, count)] += hours;
  });
  const points: BurnUpPoint[] = [];
  let done = 0;
  for (let i = 0; i < count; i++) {
    const day = days.startDay + i * 7 * stride;
    done += doneAt[i];
    points.push(day <= todayDay ? { date: dateOfDay(day), planned: Math.min(total, i * stride * plan.hoursPerWeek), done } : { date: dateOfDay(day), planned: Math.min(total, i * stride * plan.hoursPerWeek) });
  }
  return { points, total, today: schedule.today, doneToday };
}

/** Calls `visit` with the day finished and the hours of every finished task of the plan, in plan order. */
function forEachFinished(schedule: Schedule, visit: (day: number, hours: number) => void): void {
  const { position, finishedDay } = schedule.columns;
  const efforts = schedule.roadmapEffort.inOrder;
  for (let k = 0; k < schedule.size; k++) {
    const day = finishedDay[k];
    if (!Number.isNaN(day)) visit(day, efforts[position[k]].hours);
  }
}

export interface ThisWeek {
  /** Monday and Sunday of the study week shown: the one that holds the next study day, today included. */
  readonly weekStart: LocalDate;
  readonly weekEnd: LocalDate;
  /** Whether that is the coming week: today is a day off after the last study day of its week. */
  readonly upcoming: boolean;
  /** Tasks planned (at least partly) for that week, finished ones included, in roadmap order. */
  readonly tasks: readonly PlannedTask[];
  /** Tasks not finished whose planned end is before today. */
  readonly overdue: readonly PlannedTask[];
}

/**
 * The study week ahead. On a day off after the week's last study day (a Sunday, for a Monday to
 * Friday plan) the current week has nothing left to do, and a plan made that day would show
 * nothing at all: the week shown is then the coming one.
 */
export function thisWeek(schedule: Schedule): ThisWeek {
  const { todayDay } = schedule;
  let studyDay = todayDay;
  while (studyDay < todayDay + 6 && !schedule.plan.studyDays.includes(weekdayOf(studyDay))) studyDay++;
  const weekStartDay = studyDay - weekdayIndexOf(studyDay);
  const weekEndDay = weekStartDay + 6;
  const tasks: PlannedTask[] = [];
  const overdue: PlannedTask[] = [];
  // Rows are made for the tasks listed only.
  const { startDay, endDay, finishedDay } = schedule.columns;
  for (let k = 0; k < schedule.size; k++) {
    if (Number.isNaN(finishedDay[k]) && endDay[k] < todayDay) overdue.push(schedule.taskAt(k));
    else if (startDay[k] <= weekEndDay && endDay[k] >= weekStartDay) tasks.push(schedule.taskAt(k));
  }
  return { weekStart: dateOfDay(weekStartDay), weekEnd: dateOfDay(weekEndDay), upcoming: weekStartDay > todayDay, tasks, overdue };
}

/** A finished task's finish time, under its id or a former one (a renamed task). */
export function finishedAtOf(task: Task, finishedAt: ReadonlyMap<string, number>): number | undefined {
  const direct = finishedAt.get(task.id);
  if (direct !== undefined) return direct;
  for (const former of task.formerIds) {
    const at = finishedAt.get(former);
    if (at !== undefined) return at;
  }
  return undefined;
}

/** The span of each module and phase: from its first planned task's start to its latest end. */
function spansOf(schedule: Schedule): { modules: Map<Module, PlannedSpan>; phases: Map<Phase, PlannedSpan> } {
  const modules = new Map<Module, PlannedSpan>();
  const phases = new Map<Phase, PlannedSpan>();
  spans(schedule, (task) => task.module, modules);
  spans(schedule, (task) => task.module.phase, phases);
  return { modules, phases };
}

function spans<K>(schedule: Schedule, keyOf: (task: Task) => K, into: Map<K, PlannedSpan>): void {
  // Tasks come in roadmap order, so each module's and phase's tasks are contiguous.
  const { position, startDay, endDay } = schedule.columns;
  const { tasks, inOrder } = schedule.roadmapEffort;
  const size = schedule.size;
  let i = 0;
  while (i < size) {
    const key = keyOf(tasks[position[i]]);
    let j = i;
    let min = 0;
    let max = 0;
    let hours = 0;
    let end = endDay[i];
    while (j < size && keyOf(tasks[position[j]]) === key) {
      const effort = inOrder[position[j]];
      min += effort.min;
      max += effort.max;
      hours += effort.hours;
      end = Math.max(end, endDay[j]);
      j++;
    }
    into.set(key, { start: dateOfDay(startDay[i]), end: dateOfDay(end), effort: { min, max, hours } });
    i = j;
  }
}

/**
 * The study days of a plan as arithmetic: index k (0 = the first study day on or after the
 * start) ↔ day number, and hours ↔ index, each in constant time.
 */
export class StudyDays {
  /** Offsets (0–6) from the start day of the study days in the first seven days. */
  private readonly offsets: number[] = [];
  readonly perWeek: number;
  readonly hoursPerDay: number;

  constructor(
    readonly startDay: number,
    studyDays: readonly Weekday[],
    hoursPerWeek: number,
  ) {
    for (let offset = 0; offset < 7; offset++) {
      if (studyDays.includes(WEEKDAYS[weekdayIndexOf(startDay + offset)])) this.offsets.push(offset);
    }
    this.perWeek = this.offsets.length;
    this.hoursPerDay = hoursPerWeek / this.perWeek;
  }

  dayOfIndex(index: number): number {
    return this.startDay + 7 * Math.floor(index / this.perWeek) + this.offsets[index % this.perWeek];
  }

  /** How many study days fall before `day`. */
  indexesBefore(day: number): number {
    if (day <= this.startDay) return 0;
    const elapsed = day - this.startDay;
    const rest = elapsed % 7;
    let partial = 0;
    for (const offset of this.offsets) if (offset < rest) partial++;
    return Math.floor(elapsed / 7) * this.perWeek + partial;
  }

  /** The first study day on or after `day` (the first of the plan for a day before it). */
  firstOnOrAfter(day: number): number {
    return this.dayOfIndex(this.indexesBefore(day));
  }

  /** The last study day on or before `day`, which must not be before the plan's first study day. */
  lastOnOrBefore(day: number): number {
    return this.dayOfIndex(Math.max(0, this.indexesBefore(day + 1) - 1));
  }

  /** Planned hours on the study days before `day`, were the plan endless. */
  hoursBefore(day: number): number {
    return this.indexesBefore(day) * this.hoursPerDay;
  }

  /**
   * The study day holding the hour at `cumulative` hours from the start: for a task's start the
   * day its first moment falls on, for its end (`closing`) the day its last moment falls on.
   */
  indexOfHour(cumulative: number, closing: boolean): number {
    const position = cumulative / this.hoursPerDay;
    const tolerance = 1e-9 * Math.max(1, position);
    return closing ? Math.max(0, Math.ceil(position - tolerance) - 1) : Math.floor(position + tolerance);
  }
}
