import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DetailsPanel } from '../../src/details/panel';
import { api, eventually, resetAll, roadmap, task } from './helpers';
import { inPage } from './page';

async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

async function openPanel(roadmapId: string, taskId: string): Promise<DetailsPanel> {
  const target = await task(roadmapId, taskId);
  await vscode.commands.executeCommand('mlRoadmaps.openDetails', target);
  const { details } = await api();
  const panel = details.panels()?.all().find((p) => p.module === target.module);
  assert.ok(panel, 'a details panel shows the module');
  return panel;
}

suite('Details page', () => {
  setup(async () => {
    await resetAll();
    await closeAllEditors();
  });
  teardown(closeAllEditors);

  test('Open Details shows the module of a task in a webview panel', async () => {
    const panel = await openPanel('machine-learning-course', 'regression');
    assert.strictEqual(panel.panel.viewType, 'mlRoadmaps.details');
    assert.strictEqual(panel.panel.title, 'Module 2: Supervised Learning');
    assert.match(panel.panel.webview.html, /<h1>Module 2: Supervised Learning<\/h1>/);
    assert.strictEqual(panel.panel.webview.options.enableCommandUris, false);
    assert.deepStrictEqual(panel.panel.webview.options.localResourceRoots?.map((u) => u.path.split('/').slice(-1)[0]), ['media']);
  });

  test('Ticking a task on the page updates the tree, the status bar and storage', async () => {
    await openPanel('ml-dl-condensed', 'numpy');
    const { services, tree, globalState } = await api();
    const numpy = await task('ml-dl-condensed', 'numpy');
    await inPage.select('module', 'select.state[data-task-id="numpy"]', 'inProgress');
    await eventually(() => services.tracker.stateOf(numpy) === 'inProgress', 'the state set on the page');
    assert.strictEqual(tree.provider.getTreeItem(numpy).contextValue, 'task.inProgress');
    assert.strictEqual(globalState.get<{ tasks: Record<string, { state: string }> }>('mlRoadmaps.progress')?.tasks['ml-dl-condensed/numpy'].state, 'inProgress');
    await inPage.click('module', 'input[type="checkbox"][data-task-id="numpy"]');
    await eventually(() => services.tracker.stateOf(numpy) === 'done', 'done from the checkbox');
    await eventually(() => /^\$\(checklist\) 1\//.test(tree.statusBar.item.text), 'the status bar counting it');
  });

  test('A change made in the tree reaches the open page without reloading it', async () => {
    const panel = await openPanel('ml-dl-condensed', 'numpy');
    const html = panel.panel.webview.html;
    assert.strictEqual((await inPage.read('module', '#summary')).text, '0/3 · 0%');
    await vscode.commands.executeCommand('mlRoadmaps.markSkipped', await task('ml-dl-condensed', 'pandas'));
    await eventually(async () => (await inPage.read('module', '#summary')).text === '1/3 · 33%', 'the new counts on the page');
    assert.strictEqual((await inPage.read('module', 'select.state[data-task-id="pandas"]')).value, 'skipped');
    assert.strictEqual((await inPage.read('module', 'input[type="checkbox"][data-task-id="pandas"]')).checked, true);
    assert.strictEqual(panel.panel.webview.html, html, 'the page was not re-rendered');
  });

  test('Show in tree on the page reveals the task', async () => {
    await openPanel('ml-dl-condensed', 'pandas');
    const { tree } = await api();
    const pandas = await task('ml-dl-condensed', 'pandas');
    await inPage.click('module', 'button[data-action="reveal"][data-task-id="pandas"]');
    await eventually(() => tree.view.selection.length === 1 && tree.view.selection[0] === pandas, 'the task selected in the tree');
  });

  test('The follow panel follows the tree selection; a pinned panel stays', async () => {
    const { details } = await api();
    const panel = await openPanel('ml-dl-condensed', 'numpy');
    details.panels()!.pin(panel);
    assert.ok(panel.pinned);
    assert.match(panel.panel.title, /^📌 /);
    const other = await openPanel('ml-dl-condensed', 'key-distributions');
    assert.notStrictEqual(other, panel);
    details.panels()!.followSelection((await task('ml-dl-condensed', 'perceptrons-activation-functions')).module);
    assert.strictEqual(other.module.id, 'neural-network-basics');
    assert.strictEqual(panel.module.id, 'data-handling-exploratory-analysis');
  });

  test('Open Details on a phase without modules opens the phase as a page', async () => {
    const weeks = await roadmap('master-24-week');
    await vscode.commands.executeCommand('mlRoadmaps.openDetails', weeks.phases[7]);
    const panel = (await api()).details.panels()!.all()[0];
    assert.match(panel.panel.webview.html, /<h1>Week 8: FastAPI &amp; Backend for ML\/DL<\/h1>/);
    assert.match(panel.panel.webview.html, /bridge between your models and real-world applications/);
  });

  test('A revived panel gets the page back, with its pin and locked-down options', async () => {
    const { details } = await api();
    const webviewPanel = vscode.window.createWebviewPanel('mlRoadmaps.details', 'restored', vscode.ViewColumn.Active, {});
    const count = details.panels()?.all().length ?? 0;
    await vscode.commands.executeCommand('mlRoadmaps.openDetails', await task('deep-learning', 'perceptron'));
    const serializerTarget = details.panels()!;
    const revived = serializerTarget.revive(webviewPanel, (await task('deep-learning', 'perceptron')).module, true);
    assert.strictEqual(details.panels()!.all().length, count + 2);
    assert.ok(revived.pinned);
    assert.match(webviewPanel.webview.html, /Intro to Neural Networks/);
    assert.strictEqual(webviewPanel.webview.options.enableCommandUris, false);
  });

  test('The dashboard shows counts, a bar per phase, recent finishes and Continue', async () => {
    const { dashboard } = await api();
    const numpy = await task('ml-dl-condensed', 'numpy');
    await vscode.commands.executeCommand('mlRoadmaps.markDone', numpy);
    await vscode.commands.executeCommand('mlRoadmaps.openDashboard', numpy.module.phase.roadmap);
    const panel = dashboard.panels()!.get('ml-dl-condensed')!;
    const html = panel.panel.webview.html;
    assert.strictEqual((html.match(/class="phase-row"/g) ?? []).length, 4);
    assert.match(html, /<div class="card" data-state="done"><span class="number">1<\/span>/);
    assert.match(html, /<ol class="recent"><li>NumPy <time/);
    assert.match(html, /Continue: Pandas/);
    await vscode.commands.executeCommand('mlRoadmaps.markDone', await task('ml-dl-condensed', 'pandas'));
    assert.match(panel.panel.webview.html, /Continue: Matplotlib \/ Seaborn/, 'rendered again with the change');
  });

  test('Continue on the dashboard opens the next task’s module and reveals it', async () => {
    const { dashboard, details, tree } = await api();
    const condensed = await roadmap('ml-dl-condensed');
    await vscode.commands.executeCommand('mlRoadmaps.openDashboard', condensed);
    assert.ok(dashboard.panels()?.get('ml-dl-condensed'));
    await inPage.click('dashboard', 'button[data-continue]');
    const first = condensed.phases[0].modules[0].tasks[0];
    await eventually(() => details.panels()?.all().some((p) => p.module === first.module) === true, 'the module opened');
    // The view reports its new selection a moment after reveal() resolves.
    await eventually(() => tree.view.selection.length === 1 && tree.view.selection[0] === first, 'the task selected in the tree');
  });
});
