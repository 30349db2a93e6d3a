/**
 * The view's first rows: one per bundled roadmap, drawn from the outlines the build compiles
 * (outlines.ts) and the stored progress, before the model is built or the rest of the extension
 * is loaded. The tree's own rows replace them; both are made by `containerRow`, so the rows read
 * the same before and after.
 */
import * as vscode from 'vscode';
import { Settings, TreeItemContext } from '../constants';
import { Counts, countTasks } from '../model/progress';
import { isRecord } from '../model/ids';
import { MementoLike, StorageKeys } from '../storage/memento';
import type { ProgressStore } from '../storage/progressStore';
import { containerRow, holdsUnfinished } from '../tree/containerRow';
import { compiledOutlines, type RoadmapOutline } from './outlines';

/** A bundled roadmap's first row. */
export interface FirstRow {
  readonly id: string;
  readonly title: string;
  readonly counts: Counts;
}

export interface FirstRowsInput {
  /** The bundled roadmaps' outlines, undefined when running from sources that were not bundled. */
  readonly outlines: readonly RoadmapOutline[] | undefined;
  readonly store: Pick<ProgressStore, 'stateOf'>;
  /** The `tree.hideFinishedTasks` setting. */
  readonly hideFinished: boolean;
  /**
   * Whether study plans may be stored: a planned roadmap's row shows its due date, which takes
   * the model and the planner, so then the tree draws the first rows itself.
   */
  readonly plansStored: boolean;
}

/** The first rows' tree items from what is stored and set in this window, or undefined when only the tree can draw them. */
export async function firstRowItems(context: vscode.ExtensionContext, store: FirstRowsInput['store']): Promise<vscode.TreeItem[] | undefined> {
  const rows = firstRowsOf({
    outlines: await compiledOutlines(),
    store,
    hideFinished: vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.hideFinishedTasks, false),
    plansStored: mayHoldPlans(context.globalState),
  });
  return rows?.map(firstRowItem);
}

/** The first rows, or undefined when only the tree can draw them (plans stored, or no compiled outlines). */
export function firstRowsOf({ outlines, store, hideFinished, plansStored }: FirstRowsInput): FirstRow[] | undefined {
  if (plansStored || !outlines) return undefined;
  return outlines
    .map(({ id, title, tasks }) => ({ id, title, counts: countTasks(tasks, (task) => store.stateOf(id, task)) }))
    .filter((row) => !hideFinished || holdsUnfinished(row.counts));
}

export function firstRowItem(row: FirstRow): vscode.TreeItem {
  const item = containerRow(row.id, row.title, row.counts, 'map');
  item.contextValue = TreeItemContext.roadmap;
  return item;
}

/**
 * Whether any study plan may be stored, read without the plan store, which loads the planner.
 * Anything unreadable counts as a plan.
 */
export function mayHoldPlans(memento: MementoLike): boolean {
  const stored = memento.get<unknown>(StorageKeys.plans);
  return stored !== undefined && !(isRecord(stored) && isRecord(stored.plans) && Object.keys(stored.plans).length === 0);
}
