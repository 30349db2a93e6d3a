import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, eventually, showInTree, stateOf, task, workspaceFolder, writeFile } from './helpers';
import { inPage, inTree } from './page';

/** Runs in a workspace that is not trusted (the launcher's second pass). */
suite('Restricted Mode', () => {
  suiteSetup(async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'this pass opens an untrusted workspace');
    await writeFile(
      vscode.Uri.joinPath(workspaceFolder(), '.vscode', 'roadmaps', 'team.roadmap.yaml'),
      'id: team\ntitle: Team plan\nphases:\n  - id: basics\n    title: Basics\n    tasks:\n      - id: numpy\n        title: NumPy\n',
    );
    await vscode.commands.executeCommand('mlRoadmaps.refresh');
  });

  test('Bundled roadmaps work as usual', async () => {
    const numpy = await task('ml-dl-condensed', 'numpy');
    await vscode.commands.executeCommand('mlRoadmaps.markDone', numpy);
    assert.strictEqual(await stateOf(numpy), 'done');
  });

  test('A workspace roadmap is shown read-only: no checkbox, no state actions, and state commands leave it alone', async () => {
    const extension = await api();
    const team = await eventually(() => extension.roadmap('team'), 'the workspace roadmap');
    const numpy = team.taskIndex.get('numpy')!;
    await showInTree(numpy);
    const row = await eventually(() => inTree.row('NumPy'), 'the task in the tree');
    assert.strictEqual(row.checked, undefined);
    const menu = await inTree.menu('NumPy');
    assert.ok(!menu.some((m) => m.startsWith('Mark ')), `no state actions: ${menu.join(', ')}`);
    await vscode.commands.executeCommand('mlRoadmaps.markDone', numpy);
    assert.strictEqual(await stateOf(numpy), 'notStarted');
    await assert.rejects(extension.setState('team', 'numpy', 'done'), /Restricted Mode shows read-only/);
  });

  test('What writes files or runs code is offered neither in the tree’s menu nor on the details page', async () => {
    const titanic = await task('master-24-week', 'titanic-eda');
    await showInTree(titanic);
    const menu = await eventually(() => inTree.menu(titanic.title), 'the project’s menu');
    assert.ok(menu.includes('Link Folder…'), `the menu is the project’s: ${menu.join(', ')}`);
    assert.ok(!menu.includes('Create Starter Project…') && !menu.includes('Run Checks'), menu.join(', '));
    await vscode.commands.executeCommand('mlRoadmaps.openDetails', titanic);
    try {
      assert.strictEqual((await inPage.read('module', 'button[data-action="linkFolder"][data-task-id="titanic-eda"]')).count, 1);
      assert.strictEqual(await inPage.count('module', 'button[data-action="createProject"], button[data-action="runChecks"]'), 0);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('Commands that write files refuse, even when run directly', async () => {
    const before = await vscode.workspace.fs.readDirectory(workspaceFolder());
    const titanic = await task('master-24-week', 'titanic-eda');
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.createStarterProject', titanic), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.openNotes', titanic), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.newRoadmap', 'Sneaky'), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.exportProgress', 'all', vscode.Uri.joinPath(workspaceFolder(), 'out.json')), undefined);
    // A bundled roadmap may have a plan in Restricted Mode; writing its calendar is still refused.
    const weeks = titanic.module.phase.roadmap;
    assert.ok(await vscode.commands.executeCommand('mlRoadmaps.planStudy', weeks, { start: '2026-01-05', hoursPerWeek: 10, studyDays: ['mon'] }));
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.exportCalendar', weeks, vscode.Uri.joinPath(workspaceFolder(), 'plan.ics')), undefined);
    await vscode.commands.executeCommand('mlRoadmaps.clearPlan', weeks, { confirmed: true });
    assert.deepStrictEqual(await vscode.workspace.fs.readDirectory(workspaceFolder()), before, 'nothing was written');
  });
});
