/**
 * What a learner can do with one task besides changing its state, declared once. The details page
 * renders a button per action that applies, the panel runs the action's command with the task, and
 * the tree's context menu offers the same commands (a unit test holds package.json to this table).
 * Adding an action is one entry here plus the command that does it.
 */
import { Commands } from '../constants';
import type { Task } from '../model/types';

/** What decides whether an action is offered right now. */
export interface ActionContext {
  /** False in Restricted Mode: actions that write files are not offered there. */
  readonly trusted: boolean;
}

export interface TaskActionSpec {
  readonly id: string;
  /** The command run with the task as its argument. */
  readonly command: string;
  /** The button's text, an l10n message. */
  readonly text: string;
  /** The button's accessible name, an l10n message with `{0}` for the task's title. */
  readonly label: string;
  /** Whether the tree's context menu must offer the command on task items (the test checks it). */
  readonly inTreeMenu: boolean;
  readonly appliesTo: (task: Task, context: ActionContext) => boolean;
}

export const TASK_ACTIONS = [
  {
    id: 'reveal',
    command: Commands.revealTask,
    text: 'Show in tree',
    label: 'Show in tree: {0}',
    inTreeMenu: false,
    appliesTo: () => true,
  },
  {
    id: 'openNotes',
    command: Commands.openNotes,
    text: 'Notes',
    label: 'Notes: {0}',
    inTreeMenu: true,
    appliesTo: () => true,
  },
  {
    id: 'createProject',
    command: Commands.createStarterProject,
    text: 'Create starter project',
    label: 'Create starter project: {0}',
    inTreeMenu: true,
    // Every practice project has a starter (a unit test keeps it so); topics get none.
    appliesTo: (task, context) => task.kind === 'project' && context.trusted,
  },
  {
    id: 'linkFolder',
    command: Commands.linkFolder,
    text: 'Link folder…',
    label: 'Link folder…: {0}',
    inTreeMenu: true,
    appliesTo: () => true,
  },
] as const satisfies readonly TaskActionSpec[];

export type TaskActionId = (typeof TASK_ACTIONS)[number]['id'];

const byId = new Map<string, TaskActionSpec>(TASK_ACTIONS.map((action) => [action.id, action]));

export function taskAction(id: TaskActionId): TaskActionSpec {
  return byId.get(id)!;
}

export function isTaskActionId(value: unknown): value is TaskActionId {
  return typeof value === 'string' && byId.has(value);
}

/** The actions offered on a task, in the table's order. */
export function actionsFor(task: Task, context: ActionContext): readonly TaskActionId[] {
  return TASK_ACTIONS.filter((action) => action.appliesTo(task, context)).map((action) => action.id);
}
