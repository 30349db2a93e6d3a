/**
 * Effort per task, in hours. Pure: no `vscode`.
 *
 * Each task's effort comes from, nearest first:
 * 1. its own `estimate`;
 * 2. the nearest stated duration above it: a module's or phase's `estimate`, else its `duration`
 *    text when that reads as one ("1–2 weeks", "6 h"), else the roadmap's `duration` ("24 weeks").
 *    That budget, less what is stated inside it (a task's estimate, a module's own budget), is
 *    shared by the tasks that state nothing, a project weighing PROJECT_WEIGHT times a topic;
 * 3. else the defaults: DEFAULT_TOPIC_HOURS a task, DEFAULT_PROJECT_HOURS a project (also when
 *    a budget is used up by what is stated inside it).
 *
 * Weeks count at the roadmap's own `hoursPerWeek` (low end with low end, high with high), else at
 * the learner's planned hours per week, else at DEFAULT_HOURS_PER_WEEK. A range is kept as
 * min/max all the way; the planner plans on the midpoint (`hours`) and reports the spread.
 */
import type { Container, Estimate, HoursRange, Module, Phase, Roadmap, Task } from '../types';
import { durationAsEstimate, midpoint, toHours } from '../estimate';

export const DEFAULT_TOPIC_HOURS = 3;
export const DEFAULT_PROJECT_HOURS = 9;
/** A practice project takes about three times a topic, as the defaults above say. */
export const PROJECT_WEIGHT = DEFAULT_PROJECT_HOURS / DEFAULT_TOPIC_HOURS;
/** What a week is worth when neither the roadmap nor a plan says. */
export const DEFAULT_HOURS_PER_WEEK = 10;

const DEFAULT_TOPIC_EFFORT: TaskEffort = Object.freeze({ min: DEFAULT_TOPIC_HOURS, max: DEFAULT_TOPIC_HOURS, hours: DEFAULT_TOPIC_HOURS, source: 'default' });
const DEFAULT_PROJECT_EFFORT: TaskEffort = Object.freeze({ min: DEFAULT_PROJECT_HOURS, max: DEFAULT_PROJECT_HOURS, hours: DEFAULT_PROJECT_HOURS, source: 'default' });

export type EffortSource = 'estimate' | 'derived' | 'default';

export interface Effort extends HoursRange {
  /** The midpoint, which plans use. */
  readonly hours: number;
}

export interface TaskEffort extends Effort {
  readonly source: EffortSource;
}

export interface RoadmapEffort {
  /** The roadmap's tasks in roadmap order (the order of `tasksOf(roadmap)`). */
  readonly tasks: readonly Task[];
  /** Each task's effort, in the same order. */
  readonly inOrder: readonly TaskEffort[];
  /** The same by task; built on first use. */
  readonly byTask: ReadonlyMap<Task, TaskEffort>;
  /** All tasks together: the planned total and its spread. */
  readonly total: Effort;
  /** What a week counted as, and where that figure came from. */
  readonly weekHours: HoursRange;
  readonly weekHoursFrom: 'roadmap' | 'plan' | 'default';
}

/**
 * The last effort computed per roadmap, and the hours per week it was computed at. A roadmap is
 * immutable once loaded (a reload makes new objects), so re-planning, ticking a task or drawing
 * the dashboard reuses it instead of walking and allocating 100,000 tasks again.
 */
const cache = new WeakMap<Roadmap, { readonly key: number | string; readonly effort: RoadmapEffort }>();

/** Each task's effort. Computed once per roadmap object and planned hours per week, then kept. */
export function effortOf(roadmap: Roadmap, options: { readonly plannedHoursPerWeek?: number } = {}): RoadmapEffort {
  const planned = options.plannedHoursPerWeek;
  // Planned hours only count when the roadmap states none of its own.
  const key = roadmap.hoursPerWeek ? 'roadmap' : planned !== undefined && planned > 0 ? planned : 'default';
  const hit = cache.get(roadmap);
  if (hit && hit.key === key) return hit.effort;
  const effort = computeEffort(roadmap, planned);
  cache.set(roadmap, { key, effort });
  return effort;
}

function computeEffort(roadmap: Roadmap, planned: number | undefined): RoadmapEffort {
  const weekHours: HoursRange = roadmap.hoursPerWeek ?? (planned !== undefined && planned > 0 ? { min: planned, max: planned } : { min: DEFAULT_HOURS_PER_WEEK, max: DEFAULT_HOURS_PER_WEEK });
  const weekHoursFrom = roadmap.hoursPerWeek ? 'roadmap' : planned !== undefined && planned > 0 ? 'plan' : 'default';
  // Tasks are met in roadmap order, each once: `index` is a task's place in tasksOf(roadmap).
  // Sized up front: free tasks are filled in after later ones, and a growing array with holes
  // would turn into a slow dictionary.
  let count = 0;
  for (const phase of roadmap.phases) for (const module of phase.modules) count += module.tasks.length;
  const inOrder = new Array<TaskEffort>(count);
  const order = new Array<Task>(count);
  let index = 0;
  const statedHours = (estimate: Estimate | undefined): HoursRange | undefined => (estimate ? toHours(estimate, weekHours) : undefined);
  const stated = (node: Phase | Module): HoursRange | undefined => statedHours(node.estimate ?? durationAsEstimate(node.duration));

  /** Shares `budget` (undefined: none stated) among the tasks under `node` that state nothing. */
  const allocate = (node: Container, budget: HoursRange | undefined): void => {
    const free: number[] = [];
    let fixedMin = 0;
    let fixedMax = 0;
    const walk = (children: readonly (Phase | Module | Task)[]): void => {
      for (const child of children) {
        if ('kind' in child) {
          order[index] = child;
          if (child.estimate) {
            const hours = toHours(child.estimate, weekHours);
            inOrder[index] = { min: hours.min, max: hours.max, hours: midpoint(hours), source: 'estimate' };
            fixedMin += hours.min;
            fixedMax += hours.max;
          } else {
            free.push(index);
          }
          index++;
          continue;
        }
        const own = stated(child);
        if (own) {
          fixedMin += own.min;
          fixedMax += own.max;
          allocate(child, own);
        } else {
          walk('modules' in child ? child.modules : child.tasks);
        }
      }
    };
    walk('phases' in node ? node.phases : 'modules' in node ? node.modules : node.tasks);
    const remaining = budget ? { min: Math.max(0, budget.min - fixedMin), max: Math.max(0, budget.max - fixedMax) } : undefined;
    let weights = 0;
    for (const i of free) weights += weightOf(order[i]);
    // Free tasks of one kind under one budget get the same effort: one object each, not one a task.
    let topic: TaskEffort;
    let project: TaskEffort;
    if (remaining && remaining.max > 0) {
      const share = (weight: number): TaskEffort => {
        const min = remaining.min * (weight / weights);
        const max = remaining.max * (weight / weights);
        return { min, max, hours: (min + max) / 2, source: 'derived' };
      };
      topic = share(1);
      project = share(PROJECT_WEIGHT);
    } else {
      topic = DEFAULT_TOPIC_EFFORT;
      project = DEFAULT_PROJECT_EFFORT;
    }
    for (const i of free) inOrder[i] = order[i].kind === 'project' ? project : topic;
  };

  allocate(roadmap, statedHours(durationAsEstimate(roadmap.duration)));
  let byTask: Map<Task, TaskEffort> | undefined;
  return {
    tasks: order,
    inOrder,
    get byTask() {
      if (!byTask) {
        byTask = new Map();
        for (let i = 0; i < order.length; i++) byTask.set(order[i], inOrder[i]);
      }
      return byTask;
    },
    total: sumEffort(inOrder),
    weekHours,
    weekHoursFrom,
  };
}

export function sumEffort(efforts: Iterable<Effort>): Effort {
  let min = 0;
  let max = 0;
  let hours = 0;
  for (const e of efforts) {
    min += e.min;
    max += e.max;
    hours += e.hours;
  }
  return { min, max, hours };
}

function weightOf(task: Task): number {
  return task.kind === 'project' ? PROJECT_WEIGHT : 1;
}
