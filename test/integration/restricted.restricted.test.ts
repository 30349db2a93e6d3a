import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, eventually, task, workspaceFolder, writeFile } from './helpers';

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
    const { services } = await api();
    const numpy = await task('ml-dl-condensed', 'numpy');
    await vscode.commands.executeCommand('mlRoadmaps.markDone', numpy);
    assert.strictEqual(services.tracker.stateOf(numpy), 'done');
  });

  test('A workspace roadmap is shown read-only: no checkbox, and state commands leave it alone', async () => {
    const { services, tree } = await api();
    const team = await eventually(() => services.registry.roadmap('team'), 'the workspace roadmap');
    const numpy = team.taskIndex.get('numpy')!;
    const item = tree.provider.getTreeItem(numpy);
    assert.strictEqual(item.checkboxState, undefined);
    assert.strictEqual(item.contextValue, 'readOnlyTask');
    await vscode.commands.executeCommand('mlRoadmaps.markDone', numpy);
    assert.strictEqual(services.tracker.stateOf(numpy), 'notStarted');
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
