/**
 * What `activate` returns: the extension's public API, for other extensions (and the integration
 * tests, which use nothing else). Get it with
 * `await vscode.extensions.getExtension('ml-roadmaps.ml-roadmaps')?.activate()`.
 *
 * It speaks the model's vocabulary: roadmaps, phases, modules and tasks as in model/types.ts,
 * task keys `<roadmap id>/<task id>` as in model/ids.ts, and the four task states. Built from
 * the services alone, so it can be returned before any feature is registered.
 */
import * as vscode from 'vscode';
import { isFailure } from './core/catalog';
import type { Services } from './services';
import { taskKey } from './model/ids';
import { isTaskState, Roadmap, Task, TaskState } from './model/types';
import type { TaskChecks } from './storage/checkStore';
import type { Weekday } from './model/plan/dates';
import { resolveLink } from './links/folders';

export type { Roadmap, Phase, Module, Task, TaskState } from './model/types';
export type { TaskChecks, CheckRecord, CheckOutcome, VerifiedEvidence } from './storage/checkStore';

/** The version of this API; it grows only by additions while it stays 1. */
export const API_VERSION = 1;

/** Which task states changed in one roadmap. */
export interface StatesChange {
  readonly roadmapId: string;
  /** The keys (`<roadmap id>/<task id>`) of the tasks whose state changed; undefined when any task of the roadmap may have (a reset or an import). */
  readonly taskKeys: readonly string[] | undefined;
}

/** A roadmap's study plan and where the learner stands against it, as the status bar and dashboard say it. */
export interface PlanSummary {
  readonly roadmapId: string;
  /** The plan's first day, `YYYY-MM-DD` (local). */
  readonly start: string;
  readonly hoursPerWeek: number;
  readonly studyDays: readonly Weekday[];
  /** The day the plan finishes, `YYYY-MM-DD`; undefined when nothing is left to plan. */
  readonly plannedFinish: string | undefined;
  /** Whether today is on or after the plan's start. */
  readonly started: boolean;
  /** Less than a whole day ahead or behind is on track. */
  readonly status: 'onTrack' | 'ahead' | 'behind';
  /** Whole days ahead (positive) or behind (negative). */
  readonly deltaDays: number;
  /** When the rest would be finished at the recent pace, `YYYY-MM-DD`; undefined at a pace of zero. */
  readonly projectedFinish: string | undefined;
}

export interface MlRoadmapsApi {
  /** {@link API_VERSION}: check it before relying on a member added later. */
  readonly version: number;

  /**
   * Every roadmap that loaded (bundled ones first, then the workspace's own), loading them on
   * first call. The objects are read-only and replaced on a reload: after
   * {@link onDidChangeRoadmaps} ask again. A task found here may be passed to the extension's
   * commands (`mlRoadmaps.markDone`, `mlRoadmaps.openDetails`…) as their argument.
   */
  roadmaps(): Promise<readonly Roadmap[]>;

  /** One loaded roadmap by id; undefined when no roadmap has that id. */
  roadmap(id: string): Promise<Roadmap | undefined>;

  /** A task by its roadmap's id and its id (or a former id); undefined when there is none. */
  task(roadmapId: string, taskId: string): Promise<Task | undefined>;

  /** The state of a task; undefined when there is no such task. */
  stateOf(roadmapId: string, taskId: string): Promise<TaskState | undefined>;

  /**
   * Sets the state of tasks of one roadmap, as the tree's commands do: views, the status bar and
   * {@link onDidChangeStates} follow. Throws, naming what is wrong, for an unknown roadmap, task
   * or state, and for a workspace roadmap in Restricted Mode (which is read-only).
   */
  setState(roadmapId: string, taskIds: string | readonly string[], state: TaskState): Promise<void>;

  /** Fires with the loaded roadmaps after they were (re)loaded: files changed, or Refresh. */
  readonly onDidChangeRoadmaps: vscode.Event<readonly Roadmap[]>;

  /** Fires after task states changed, wherever the change came from (tree, page, import, another extension). */
  readonly onDidChangeStates: vscode.Event<StatesChange>;

  /** The folders linked to a task (Link Folder…, Create Starter Project), in the order they were linked; links into a workspace folder that is not open are left out. */
  linkedFolders(roadmapId: string, taskId: string): readonly vscode.Uri[];

  /** Fires with a task's key when the folders linked to it changed. */
  readonly onDidChangeLinkedFolders: vscode.Event<string>;

  /**
   * The last run of a practice project's checks: each check's outcome and hint, and `verified`
   * once every check passed, with a hash of the project's code (marked `stale` when that code
   * changed since; removed by a failing run). Undefined when they never ran.
   */
  checksOf(roadmapId: string, taskId: string): TaskChecks | undefined;

  /** Fires with a task's key when the results of its checks changed. */
  readonly onDidChangeChecks: vscode.Event<string>;

  /** The roadmap's study plan and where the learner stands against it; undefined without a (usable) plan. */
  planOf(roadmapId: string): Promise<PlanSummary | undefined>;

  /** Fires with a roadmap's id when its plan, or where the learner stands against it, may have changed; undefined for every roadmap (a new day). */
  readonly onDidChangePlans: vscode.Event<string | undefined>;
}

/** The API over the services; its emitters are disposed with `subscriptions`. */
export function createApi(services: Services, subscriptions: { dispose(): unknown }[]): MlRoadmapsApi {
  const { registry, tracker, links, checks, plans } = services;
  const roadmapsChanged = new vscode.EventEmitter<readonly Roadmap[]>();
  const statesChanged = new vscode.EventEmitter<StatesChange>();
  const linksChanged = new vscode.EventEmitter<string>();
  const checksChanged = new vscode.EventEmitter<string>();
  const plansChanged = new vscode.EventEmitter<string | undefined>();
  subscriptions.push(
    roadmapsChanged,
    statesChanged,
    linksChanged,
    checksChanged,
    plansChanged,
    registry.onDidChange((entries) => roadmapsChanged.fire(entries.filter((e): e is Roadmap => !isFailure(e)))),
    tracker.onDidChange(({ roadmap, tasks }) => statesChanged.fire({ roadmapId: roadmap.id, taskKeys: tasks?.map((t) => taskKey(roadmap.id, t.id)) })),
    links.onDidChange((key) => linksChanged.fire(key)),
    checks.onDidChange((key) => checksChanged.fire(key)),
    plans.onDidChange((roadmapId) => plansChanged.fire(roadmapId)),
  );

  const requireTask = async (roadmapId: string, taskId: string): Promise<Task> => {
    const roadmap = await registry.roadmap(roadmapId);
    if (!roadmap) throw new Error(`ML Roadmaps: no roadmap has the id "${roadmapId}".`);
    const task = roadmap.taskIndex.get(taskId);
    if (!task) throw new Error(`ML Roadmaps: the roadmap "${roadmapId}" has no task "${taskId}".`);
    return task;
  };
  return {
    version: API_VERSION,
    roadmaps: () => registry.roadmaps(),
    roadmap: (id) => registry.roadmap(id),
    task: (roadmapId, taskId) => registry.task(roadmapId, taskId),
    stateOf: async (roadmapId, taskId) => {
      const task = await registry.task(roadmapId, taskId);
      return task && tracker.stateOf(task);
    },
    setState: async (roadmapId, taskIds, state) => {
      if (!isTaskState(state)) throw new Error(`ML Roadmaps: "${String(state)}" is not a task state; use notStarted, inProgress, done or skipped.`);
      const ids = typeof taskIds === 'string' ? [taskIds] : [...taskIds];
      const tasks = await Promise.all(ids.map((id) => requireTask(roadmapId, id)));
      if (tasks.length === 0) return;
      if (!(await tracker.setState([...new Set(tasks)], state))) throw new Error(`ML Roadmaps: "${roadmapId}" is this workspace’s own roadmap, which Restricted Mode shows read-only.`);
    },
    onDidChangeRoadmaps: roadmapsChanged.event,
    onDidChangeStates: statesChanged.event,
    linkedFolders: (roadmapId, taskId) => {
      const task = registry.peekTask(roadmapId, taskId);
      return links.linksOf(roadmapId, task?.id ?? taskId).flatMap((link) => resolveLink(link) ?? []);
    },
    onDidChangeLinkedFolders: linksChanged.event,
    checksOf: (roadmapId, taskId) => checks.get(taskKey(roadmapId, registry.peekTask(roadmapId, taskId)?.id ?? taskId)),
    onDidChangeChecks: checksChanged.event,
    planOf: async (roadmapId) => {
      const roadmap = await registry.roadmap(roadmapId);
      const schedule = roadmap && plans.scheduleOf(roadmap);
      const progress = roadmap && plans.progressOf(roadmap);
      if (!schedule || !progress) return undefined;
      const { plan } = schedule;
      return {
        roadmapId,
        start: plan.start,
        hoursPerWeek: plan.hoursPerWeek,
        studyDays: plan.studyDays,
        plannedFinish: schedule.end,
        started: progress.started,
        status: progress.status,
        deltaDays: progress.deltaDays,
        projectedFinish: progress.projectedFinish,
      };
    },
    onDidChangePlans: plansChanged.event,
  };
}

