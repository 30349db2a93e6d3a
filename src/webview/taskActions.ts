/**
 * What a learner can do with one task besides changing its state, declared once with where it
 * applies: the kind of task, whether it needs a trusted workspace, whether it needs Node. The
 * details page renders a button per action that it can run here and now, the panel runs the
 * action's command with the task, and the tree's context menu offers the same commands under the
 * same conditions: its `when` clauses are `treeMenuWhen` of the entry (a unit test holds
 * package.json to it, and checks it trusted, in Restricted Mode and on the web).
 * Adding an action is one entry here, the command that does it, and its menu entry.
 */
import { Commands, ContextKeys, TREE_VIEW_ID, TreeItemContext } from '../constants';
import type { Task, TaskKind } from '../model/types';
import type { Platform } from '../platform';

/** Where the extension runs and what the workspace allows: decides which actions can run. */
export interface ActionContext {
  /** False in Restricted Mode, where nothing writes files or runs the workspace's code. */
  readonly trusted: boolean;
  /** The extension host: the web worker one has no Node (no Python, no processes). */
  readonly host: Platform['kind'];
}

/** What an action needs besides a task it applies to. */
export interface ActionNeeds {
  /** A trusted workspace: the action writes files or runs the workspace's code. */
  readonly trust: boolean;
  /** A Node extension host: the action starts processes (Python). */
  readonly node: boolean;
}

export interface TaskActionSpec {
  readonly id: string;
  /** The command run with the task as its argument. */
  readonly command: string;
  /** The button's text, an l10n message. */
  readonly text: string;
  /** The button's accessible name, an l10n message with `{0}` for the task's title. */
  readonly label: string;
  /** Whether the tree's context menu offers the command on task items (the test checks it). */
  readonly inTreeMenu: boolean;
  /** The kind of task it makes sense for, wherever the extension runs; every task without one. */
  readonly taskKind?: TaskKind;
  /** Other tree items (context values) whose menu offers the same command: it takes them too. */
  readonly alsoOn?: readonly string[];
  /** Where it can run; the page and the menus offer it nowhere else. */
  readonly needs: ActionNeeds;
}

const ANYWHERE: ActionNeeds = { trust: false, node: false };

export const TASK_ACTIONS = [
  {
    id: 'reveal',
    command: Commands.revealTask,
    text: 'Show in tree',
    label: 'Show in tree: {0}',
    inTreeMenu: false,
    needs: ANYWHERE,
  },
  {
    id: 'openNotes',
    command: Commands.openNotes,
    text: 'Notes',
    label: 'Notes: {0}',
    inTreeMenu: true,
    alsoOn: [TreeItemContext.module],
    // An existing note opens in Restricted Mode too; only creating one is refused there.
    needs: ANYWHERE,
  },
  {
    id: 'createProject',
    command: Commands.createStarterProject,
    text: 'Create starter project',
    label: 'Create starter project: {0}',
    inTreeMenu: true,
    // Every practice project has a starter (a unit test keeps it so); topics get none.
    taskKind: 'project',
    // It writes files, through the workspace's file system: the web can do that.
    needs: { trust: true, node: false },
  },
  {
    id: 'runChecks',
    command: Commands.runChecks,
    text: 'Run checks',
    label: 'Run checks: {0}',
    inTreeMenu: true,
    // Starters for practice projects ship checks.
    taskKind: 'project',
    // Running them runs the project's code, with Python in a process of its own.
    needs: { trust: true, node: true },
  },
  {
    id: 'linkFolder',
    command: Commands.linkFolder,
    text: 'Link folder…',
    label: 'Link folder…: {0}',
    inTreeMenu: true,
    // The link is kept in the extension's storage; nothing is written in the workspace.
    needs: ANYWHERE,
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

/** Whether an action with these needs can run in this context. */
function canRun(needs: ActionNeeds, context: ActionContext): boolean {
  return (context.trusted || !needs.trust) && (context.host === 'node' || !needs.node);
}

function appliesTo(action: TaskActionSpec, task: Task): boolean {
  return action.taskKind === undefined || action.taskKind === task.kind;
}

/** The actions offered on a task, in the table's order: those that apply to it and can run here. */
export function actionsFor(task: Task, context: ActionContext): readonly TaskActionId[] {
  return TASK_ACTIONS.filter((action) => appliesTo(action, task) && canRun(action.needs, context)).map((action) => action.id);
}

/** The context values (`TreeItemContext.task`: `task.<state>[.project]`) of the tasks of a kind, as a pattern. */
const TASK_ITEMS: Record<TaskKind | 'any', string> = { any: 'task\\..*', project: 'task\\..*\\.project', topic: 'task\\.[a-zA-Z]+' };

/**
 * The `when` clause of the action's entries in the tree's context menu, from the same entry: trust
 * as `isWorkspaceTrusted`, Node as "not the web worker host", the task kind in the item's context value.
 */
export function treeMenuWhen(action: TaskActionSpec): string {
  const items = [...(action.alsoOn ?? []), TASK_ITEMS[action.taskKind ?? 'any']];
  const viewItem = items.length === 1 ? `^${items[0]}$` : `^(${items.join('|')})$`;
  return [`view == ${TREE_VIEW_ID}`, action.needs.trust && 'isWorkspaceTrusted', action.needs.node && `!${ContextKeys.webWorkerHost}`, `viewItem =~ /${viewItem}/`].filter(Boolean).join(' && ');
}
