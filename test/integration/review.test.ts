/**
 * Spaced review in the real workbench: a note with three cards puts "Review · 3 due" atop the
 * tree and in the status bar; the Review page is used with the keyboard alone (Space, 1–4, U); the
 * counts and each card's next interval change, and a page opened again shows what was stored. In
 * the Node host the window then reloads, and review.afterReload.test.ts finds all of it kept.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, workspaceFolder, writeFile } from './helpers';
import { inPage } from './page';
import { handOver } from './reload';
import { dueForecast, KeptReview, reviewRow, reviewStatus } from './review';

const NOTE = ['---', 'roadmapTask: deep-learning/perceptron', '---', '# Perceptron cards', '', 'What does a perceptron compute?::A weighted sum passed through a step function', '', 'Who introduced the perceptron?::Frank Rosenblatt', '', 'The perceptron learning rule changes the ==weights== only on mistakes.', ''].join('\n');

suite('Review', function () {
  // A dozen round trips through the workbench, each a page message and a tree redraw.
  this.timeout(180_000);
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('A note with three cards → Review · 3 due → reviewed with the keyboard → counts and next reviews change, and stay', async () => {
    const note = vscode.Uri.joinPath(workspaceFolder(), 'review', `perceptron-cards-${Date.now()}.md`);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(note, '..'));
    await writeFile(note, NOTE);
    await eventually(async () => (await reviewRow()) === 'Review · 3 due', 'Review · 3 due atop the tree', 20_000);
    assert.match(await reviewStatus(), /3 due/);

    await vscode.commands.executeCommand('mlRoadmaps.reviewDueCards');
    await eventually(async () => (await inPage.read('review', '#counts')).text === '3 to review today: 0 due, 3 new', 'the page’s counts', 20_000);
    const firstQuestion = (await inPage.read('review', '#front')).text.trim();
    assert.ok(['What does a perceptron compute?', 'Who introduced the perceptron?', 'The perceptron learning rule changes the [...] only on mistakes.'].includes(firstQuestion), firstQuestion);
    assert.strictEqual((await inPage.read('review', '#answer')).count, 1);

    // Space shows the answer and the intervals; 3 (Good) rates it.
    await inPage.press('review', '#show', 'Space');
    const goodInterval = (await eventually(async () => {
      const shown = await inPage.read('review', '#ratings [data-interval="3"]');
      return shown.text !== '' && shown;
    }, 'the intervals on the buttons')).text;
    await inPage.press('review', '#back', '3');
    await eventually(async () => (await inPage.read('review', '#counts')).text === '2 to review today: 0 due, 2 new', 'one card fewer');
    assert.strictEqual((await inPage.read('review', '#announce')).text.split('.')[0], `Rated Good: next review in ${goodInterval}`);
    await eventually(async () => (await reviewRow()) === 'Review · 2 due', 'the tree follows');
    await eventually(async () => /2 due/.test(await reviewStatus()), 'the status bar follows');

    // U undoes it: the card is back, first.
    await inPage.press('review', '#front', 'u');
    await eventually(async () => (await inPage.read('review', '#counts')).text === '3 to review today: 0 due, 3 new', 'the rating undone');
    assert.strictEqual((await inPage.read('review', '#front')).text.trim(), firstQuestion);

    // All three, Easy: none left today.
    for (let left = 3; left > 0; left--) {
      await inPage.press('review', '#show', 'Space');
      await inPage.press('review', '#back', '4');
      const text = left - 1 === 0 ? 'Nothing to review today' : `${left - 1} to review today: 0 due, ${left - 1} new`;
      await eventually(async () => (await inPage.read('review', '#counts')).text === text, text);
    }
    assert.match((await inPage.read('review', '#announce')).text, /^Rated Easy: next review in \d+(\.\d)?(d|mo|y)\./);
    await eventually(async () => (await reviewRow()) === 'Review · 0 due', 'Review · 0 due');

    // What was stored is what a page opened again shows.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('mlRoadmaps.reviewDueCards');
    await eventually(async () => (await inPage.read('review', '#counts')).text === 'Nothing to review today', 'nothing due after reopening', 20_000);
    const forecast = await dueForecast();
    if (!(await handOver('review', { note: note.toString(), forecast } satisfies KeptReview))) await vscode.workspace.fs.delete(note);
  });
});
