import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, task, workspaceFolder, writeFile } from './helpers';

/** Runs in a workspace that is not trusted (the launcher's second pass). */
suite('Checks in Restricted Mode', () => {
  test('Run Checks refuses to run a project’s code, and says why', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const extension = await api();
    const titanic = await task('master-24-week', 'titanic-eda');
    // A project folder with the starter's check file, written directly: Create Starter Project refuses here.
    const folder = vscode.Uri.joinPath(workspaceFolder(), `untrusted-project-${Date.now()}`);
    await writeFile(vscode.Uri.joinPath(folder, 'checks', 'test_steps.py'), 'def test_fill_missing_age():\n    raise SystemExit("never run")\n\ndef test_add_family_features():\n    pass\n');
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.linkFolder', titanic, folder), true, 'linking stores no file and is allowed');

    const summary = await vscode.commands.executeCommand<{ status: string; message?: string }>('mlRoadmaps.runChecks', titanic);
    assert.strictEqual(summary.status, 'restricted');
    assert.match(summary.message ?? '', /Restricted Mode does not allow/);
    assert.strictEqual(extension.checksOf('master-24-week', 'titanic-eda'), undefined, 'nothing ran');
  });
});
