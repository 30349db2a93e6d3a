/**
 * After the window reloaded (see index.ts): what review.test.ts left — three cards rated Easy, none
 * due today — is kept. Were the review state lost, the note's three cards would be new again and
 * "Review · 3 due"; were their schedules lost or changed, the forecast would differ.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually } from './helpers';
import { inPage, inTree, inWorkbench } from './page';
import { takeOver } from './reload';
import { dueForecast, KeptReview, reviewRow, reviewStatus } from './review';

suite('Review, after a window reload', function () {
  this.timeout(120_000);
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('The ratings, the counts and the next due dates are kept', async () => {
    const kept = await takeOver<KeptReview>('review');
    const note = vscode.Uri.parse(kept.note);
    try {
      await eventually(async () => (await reviewRow()) === 'Review · 0 due', 'Review · 0 due atop the tree', 30_000);
      const status = (await inWorkbench.count('[id$="mlRoadmaps.review"]')) > 0 ? await reviewStatus() : '';
      assert.doesNotMatch(status, /\d due/, 'no review count in the status bar');
      await vscode.commands.executeCommand('mlRoadmaps.reviewDueCards');
      await eventually(async () => (await inPage.read('review', '#counts')).text === 'Nothing to review today', 'nothing due on the page', 20_000);
      assert.strictEqual(await dueForecast(), kept.forecast);
    } finally {
      await vscode.workspace.fs.delete(note);
    }
    await eventually(async () => (await inTree.rows()).every((r) => !r.label.startsWith('Review · ')), 'the review row gone with the note', 20_000);
  });
});
