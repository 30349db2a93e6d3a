/** What the review suites read of the workbench: the tree's review row, the status bar item, the dashboard's forecast. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, roadmap } from './helpers';
import { inPage, inTree, inWorkbench } from './page';

/** What a reloaded window must show as before (review.afterReload.test.ts). */
export interface KeptReview {
  readonly note: string;
  /** The dashboard's table of cards due each day: the next due dates of the three cards. */
  readonly forecast: string;
}

/** The label of the review row atop the tree, once there is one. */
export async function reviewRow(): Promise<string | undefined> {
  return (await inTree.rows()).find((r) => r.label.startsWith('Review · '))?.label;
}

/** The deep-learning dashboard's "Cards due each day" table, as its text; it holds the three cards. */
export async function dueForecast(): Promise<string> {
  await vscode.commands.executeCommand('mlRoadmaps.openDashboard', await roadmap('deep-learning'));
  const weekly = await eventually(async () => (await inPage.read('dashboard', '.card[data-review="due-week"] .number')).text, 'the review section', 20_000);
  const table = (await inPage.read('dashboard', '#review tbody')).text;
  const due = [...table.matchAll(/(?:today|in \d+ day\(s\))(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  assert.strictEqual(due, 3, `the three cards are due within 30 days: ${table}`);
  assert.ok(Number(weekly) <= 3, weekly);
  return table;
}

export const reviewStatus = async () => (await inWorkbench.read('[id$="mlRoadmaps.review"]')).text.trim();
