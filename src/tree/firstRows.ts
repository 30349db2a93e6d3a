/**
 * The view's first rows: one per bundled roadmap, drawn from the outlines the build compiles
 * (core/bundleFormat.ts) and the stored progress, before the model is built or the rest of the
 * extension is loaded (see extension.ts). The tree replaces them with its own rows in the second
 * step of start-up; both are made by `containerRow`, so the rows read the same before and after.
 */
import * as vscode from 'vscode';
import { Settings, TreeItemContext } from '../constants';
import { compiledOutlines, type RoadmapOutline } from '../core/bundleFormat';
import { Counts, countTasks, finished, formatCounts } from '../model/progress';
import { mayHoldPlans } from '../storage/memento';
import type { ProgressStore } from '../storage/progressStore';

/** A bundled roadmap's row before the tree is loaded. */
export class FirstRow {
  constructor(
    readonly id: string,
    readonly title: string,
    readonly counts: Counts,
  ) {}
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

/** The first rows from what is stored and set in this window. */
export async function firstRows(context: vscode.ExtensionContext, store: FirstRowsInput['store']): Promise<FirstRow[] | undefined> {
  return firstRowsOf({
    outlines: await compiledOutlines(),
    store,
    hideFinished: vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.hideFinishedTasks, false),
    plansStored: mayHoldPlans(context.globalState),
  });
}

/** The first rows, or undefined when only the tree can draw them (plans stored, or no compiled outlines). */
export function firstRowsOf({ outlines, store, hideFinished, plansStored }: FirstRowsInput): FirstRow[] | undefined {
  if (plansStored || !outlines) return undefined;
  return outlines
    .map(({ id, title, tasks }) => new FirstRow(id, title, countTasks(tasks, (task) => store.stateOf(id, task))))
    .filter((row) => !hideFinished || holdsUnfinished(row.counts));
}

/** Whether a container stays in view while finished tasks are hidden: empty ones are shown as written. */
export function holdsUnfinished(counts: Counts): boolean {
  return counts.total === 0 || finished(counts) < counts.total;
}

export function firstRowItem(row: FirstRow): vscode.TreeItem {
  const item = containerRow(row.id, row.title, row.counts, 'map');
  item.contextValue = TreeItemContext.roadmap;
  return item;
}

/**
 * The row of a roadmap, phase or module without what a study plan or a click adds: the first
 * rows and the tree's own (provider.ts) are both made here.
 */
export function containerRow(id: string, title: string, counts: Counts, icon: 'map' | 'milestone' | 'book'): vscode.TreeItem {
  const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = id;
  item.description = formatCounts(counts);
  item.iconPath = new vscode.ThemeIcon(icon);
  item.accessibilityInformation = { label: vscode.l10n.t('{0}, {1} of {2} finished', title, finished(counts), counts.total) };
  return item;
}
