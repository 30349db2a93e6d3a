/**
 * The row of a roadmap, phase or module, in a file of its own so that start-up can draw a
 * roadmap's provisional row (src/startup/firstRows.ts) exactly as the tree does (provider.ts)
 * without loading the tree.
 */
import * as vscode from 'vscode';
import { Counts, finished, formatCounts } from '../model/progress';

/** Whether a container stays in view while finished tasks are hidden: empty ones are shown as written. */
export function holdsUnfinished(counts: Counts): boolean {
  return counts.total === 0 || finished(counts) < counts.total;
}

/** The row of a roadmap, phase or module without what a study plan or a click adds. */
export function containerRow(id: string, title: string, counts: Counts, icon: 'map' | 'milestone' | 'book'): vscode.TreeItem {
  const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = id;
  item.description = formatCounts(counts);
  item.iconPath = new vscode.ThemeIcon(icon);
  item.accessibilityInformation = { label: vscode.l10n.t('{0}, {1} of {2} finished', title, finished(counts), counts.total) };
  return item;
}
