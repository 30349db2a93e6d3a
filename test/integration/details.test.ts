import * as assert from 'assert';
import * as vscode from 'vscode';
import { DetailsPanels } from '../../src/details/panel';
import { webviewOptions } from '../../src/webview/panel';
import { EXTENSION_ID, eventually, resetAll, roadmap, showInTree, stateOf, task } from './helpers';
import { ownServices } from './ownServices';
import { inPage, inTree, inWorkbench } from './page';

async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The tabs of our webview pages of one kind, as the editor shows them. */
function pageTabs(kind: 'details' | 'dashboard'): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(`mlRoadmaps.${kind}`));
}

async function openDetails(roadmapId: string, taskId: string): Promise<void> {
  const target = await task(roadmapId, taskId);
  await vscode.commands.executeCommand('mlRoadmaps.openDetails', target);
  const title = target.module.implicit ? target.module.phase.title : target.module.title;
  await eventually(() => pageTabs('details').some((t) => t.label.endsWith(title)), `a details tab of ${title}`);
}

suite('Details page', () => {
  setup(async () => {
    await resetAll();
    await closeAllEditors();
  });
  teardown(closeAllEditors);

  test('Open Details shows the module of a task in a webview panel, locked down', async () => {
    await openDetails('machine-learning-course', 'regression');
    const active = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(active?.input instanceof vscode.TabInputWebview && active.input.viewType.endsWith('mlRoadmaps.details'));
    assert.strictEqual(active.label, 'Module 2: Supervised Learning');
    assert.strictEqual((await inPage.read('module', 'h1')).text, 'Module 2: Supervised Learning');
    // The options every page is created and revived with.
    const options = webviewOptions(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri);
    assert.strictEqual(options.enableCommandUris, false);
    assert.deepStrictEqual(options.localResourceRoots?.map((u) => u.path.split('/').slice(-1)[0]), ['media']);
  });

  test('Ticking a task on the page updates the tree, the status bar and the state', async () => {
    await openDetails('ml-dl-condensed', 'numpy');
    const numpy = await task('ml-dl-condensed', 'numpy');
    await inPage.select('module', 'select.state[data-task-id="numpy"]', 'inProgress');
    await eventually(async () => (await stateOf(numpy)) === 'inProgress', 'the state set on the page', 20_000);
    await showInTree(numpy);
    await eventually(async () => (await inTree.row(numpy.title)).icon === 'play-circle', 'the task in progress in the tree');
    await inPage.click('module', 'input[type="checkbox"][data-task-id="numpy"]');
    await eventually(async () => (await stateOf(numpy)) === 'done', 'done from the checkbox');
    await eventually(async () => /^1\//.test(await inWorkbench.statusBar()), 'the status bar counting it');
  });

  test('A change made in the tree reaches the open page without reloading it', async () => {
    await openDetails('ml-dl-condensed', 'numpy');
    assert.strictEqual((await inPage.mark('module', '#summary')).text, '0/3 · 0%');
    await vscode.commands.executeCommand('mlRoadmaps.markSkipped', await task('ml-dl-condensed', 'pandas'));
    await eventually(async () => (await inPage.read('module', '#summary')).text === '1/3 · 33%', 'the new counts on the page');
    assert.strictEqual((await inPage.read('module', 'select.state[data-task-id="pandas"]')).value, 'skipped');
    const checkbox = await inPage.read('module', 'input[type="checkbox"][data-task-id="pandas"]');
    assert.strictEqual(checkbox.checked, true);
    assert.strictEqual(checkbox.marked, true, 'the page was not drawn again');
  });

  test('Show in tree on the page reveals the task', async () => {
    await openDetails('ml-dl-condensed', 'pandas');
    const pandas = await task('ml-dl-condensed', 'pandas');
    await inPage.click('module', 'button[data-action="reveal"][data-task-id="pandas"]');
    await eventually(async () => (await inTree.selection()).join() === pandas.title, 'the task selected in the tree');
  });

  test('The follow panel follows the tree selection; a pinned panel stays', async () => {
    const numpy = await task('ml-dl-condensed', 'numpy');
    await openDetails('ml-dl-condensed', 'numpy');
    await vscode.commands.executeCommand('mlRoadmaps.pinDetails');
    await eventually(() => pageTabs('details').some((t) => t.label === `📌 ${numpy.module.title}`), 'the pinned title');
    await openDetails('ml-dl-condensed', 'key-distributions');
    assert.strictEqual(pageTabs('details').length, 2, 'a new follow panel beside the pinned one');
    const perceptrons = await task('ml-dl-condensed', 'perceptrons-activation-functions');
    // Selecting a task in the tree, as a click would.
    await showInTree(perceptrons);
    await eventually(() => pageTabs('details').some((t) => t.label === perceptrons.module.title), 'the follow panel showing the selected task’s module');
    assert.deepStrictEqual(pageTabs('details').map((t) => t.label).sort(), [`📌 ${numpy.module.title}`, perceptrons.module.title].sort());
  });

  test('Open Details on a phase without modules opens the phase as a page', async () => {
    const weeks = await roadmap('master-24-week');
    await vscode.commands.executeCommand('mlRoadmaps.openDetails', weeks.phases[7]);
    assert.strictEqual((await inPage.read('module', 'h1')).text, 'Week 8: FastAPI & Backend for ML/DL');
    assert.match((await inPage.read('module', 'body')).text, /bridge between your models and real-world applications/);
  });

  test('A revived panel gets the page back, with its pin and locked-down options', async () => {
    // What VS Code hands the serializer after a reload, given to panels of a host of its own
    // (a reload would end this test run).
    const own = ownServices();
    const { services, extensionUri } = own;
    const panels = new DetailsPanels({ services, extensionUri, log: services.log });
    const webviewPanel = vscode.window.createWebviewPanel('mlRoadmaps.details', 'restored', vscode.ViewColumn.Active, {});
    try {
      const module = (await services.registry.task('deep-learning', 'perceptron'))!.module;
      const revived = panels.revive(webviewPanel, module, 'perKey');
      assert.strictEqual(panels.all().length, 1);
      assert.ok(revived.pinned);
      assert.match(webviewPanel.webview.html, /Intro to Neural Networks/);
      assert.strictEqual(webviewPanel.webview.options.enableCommandUris, false);
    } finally {
      panels.dispose();
      own.dispose();
    }
  });

  test('The dashboard shows counts, a bar per phase, recent finishes and Continue', async () => {
    const numpy = await task('ml-dl-condensed', 'numpy');
    await vscode.commands.executeCommand('mlRoadmaps.markDone', numpy);
    await vscode.commands.executeCommand('mlRoadmaps.openDashboard', numpy.module.phase.roadmap);
    assert.strictEqual((await inPage.read('dashboard', '.phase-row')).count, 4);
    assert.strictEqual((await inPage.read('dashboard', '.card[data-state="done"] .number')).text, '1');
    assert.match((await inPage.read('dashboard', 'ol.recent li')).text, /^NumPy/);
    assert.strictEqual((await inPage.read('dashboard', 'button[data-continue]')).text, 'Continue: Pandas');
    await vscode.commands.executeCommand('mlRoadmaps.markDone', await task('ml-dl-condensed', 'pandas'));
    await eventually(async () => (await inPage.read('dashboard', 'button[data-continue]')).text === 'Continue: Matplotlib / Seaborn', 'drawn again with the change');
  });

  test('Continue on the dashboard opens the next task’s module and reveals it', async () => {
    const condensed = await roadmap('ml-dl-condensed');
    await vscode.commands.executeCommand('mlRoadmaps.openDashboard', condensed);
    await eventually(() => pageTabs('dashboard').length === 1, 'the dashboard tab');
    await inPage.click('dashboard', 'button[data-continue]');
    const first = condensed.phases[0].modules[0].tasks[0];
    await eventually(() => pageTabs('details').some((t) => t.label === first.module.title), 'the module opened');
    // The view shows its new selection a moment after reveal() resolves.
    await eventually(async () => (await inTree.selection()).join() === first.title, 'the task selected in the tree');
  });
});
