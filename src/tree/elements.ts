/**
 * The tree's elements: the model's roadmaps, phases, modules and tasks, a roadmap that failed to
 * load, and the rows that stand for a task elsewhere (This Week, a feature's row under a task).
 * Apart from the provider so that what only needs to tell them apart (the view, the features)
 * does not load it.
 */
import type * as vscode from 'vscode';
import type { LoadFailure } from '../core/catalog';
import type { PlannedTask } from '../model/plan/planner';
import type { Module, Phase, Roadmap, Task } from '../model/types';

/** A row under a task that another feature contributes: a linked folder, a related note. */
export interface TaskChild {
  readonly task: Task;
  treeItem(): vscode.TreeItem;
}

/** "This Week" at the top of a planned roadmap: the tasks planned for the study week ahead (see `thisWeek`), and the overdue ones. */
export class ThisWeekNode {
  constructor(readonly roadmap: Roadmap) {}
}

/** A row under This Week. It points at its task, which stays in its own place in the tree. */
export class PlannedTaskRow {
  constructor(
    readonly week: ThisWeekNode,
    readonly task: Task,
    readonly planned: PlannedTask,
    readonly overdue: boolean,
  ) {}
}

/** A row above the roadmaps that another feature contributes (Review · 3 due); it stands for no model object. */
export interface TopRow {
  readonly topRow: true;
  treeItem(): vscode.TreeItem;
}

export type TreeElement = Roadmap | Phase | Module | Task | LoadFailure | TaskChild | ThisWeekNode | PlannedTaskRow | TopRow;

export function isTopRow(element: unknown): element is TopRow {
  return typeof element === 'object' && element !== null && (element as Partial<TopRow>).topRow === true;
}

/** The model object a row stands for: the task of a This Week row or a task's child row, else the element; none for a top row. */
export function modelOf(element: TreeElement): Roadmap | Phase | Module | Task | LoadFailure | undefined {
  if (isTopRow(element)) return undefined;
  if (element instanceof ThisWeekNode) return element.roadmap;
  if (element instanceof PlannedTaskRow || isTaskChild(element)) return element.task;
  return element;
}

export function isTaskChild(element: unknown): element is TaskChild {
  return typeof element === 'object' && element !== null && 'task' in element && typeof (element as TaskChild).treeItem === 'function';
}
