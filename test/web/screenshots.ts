/**
 * The README's picture of the extension in the web worker extension host
 * (`MLR_WEB=1 npm run screenshots`): set up inside the worker through the same API the tests use,
 * then captured by the launcher (test/host/screenshots.ts) when `shoot()` asks.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { runSuites } from './mochaWorker';
import { resetAll, roadmap, task } from '../integration/helpers';
import { webTestConfig } from './protocol';

/** Asks the launcher for a screenshot of the workbench and waits until it is taken. */
async function shoot(name: string): Promise<void> {
  const config = webTestConfig();
  assert.ok(config?.resultsUrl, 'the launcher takes the screenshots');
  const response = await fetch(`${config.resultsUrl}/shot`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ name }) });
  assert.ok(response.ok, `screenshot ${name}: ${response.status} ${await response.text()}`);
}

suite('Web screenshots', function () {
  this.timeout(120_000);

  test('web: the tree and a details page in the web worker extension host', async () => {
    await resetAll();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    const weeks = await roadmap('master-24-week');
    const firstWeeks = [...weeks.phases[0].modules[0].tasks, ...weeks.phases[1].modules[0].tasks.slice(0, 3)];
    await vscode.commands.executeCommand('mlRoadmaps.markDone', firstWeeks[0], firstWeeks);
    await vscode.commands.executeCommand('mlRoadmaps.markInProgress', weeks.phases[1].modules[0].tasks[3]);
    await vscode.commands.executeCommand('mlRoadmaps.nextTask', weeks);
    const next = await task('master-24-week', weeks.phases[1].modules[0].tasks[3].id);
    await vscode.commands.executeCommand('mlRoadmaps.revealTask', next);
    await vscode.commands.executeCommand('mlRoadmaps.openDetails', next, { preserveFocus: true });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await shoot('web');
  });
});

export const run = runSuites;
