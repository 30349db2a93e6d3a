import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { findPython } from '../../src/checks/python';
import { api, createStarter, eventually, showInTree, starterOptions, stateOf, task, workspaceFolder, writeFile } from './helpers';
import { titanicTaskToItself, writeSolution } from './titanic';
import { ciResultsText } from '../ciFixtures';
import { inPage, inTree } from './page';

const PROJECT_NAME = 'CI Titanic';
const COMMIT = 'c0ffee0123456789abcdef0123456789abcdef01';
const LOCK = '.ml-roadmaps/checks.lock.json';
const RESULTS = '.ml-roadmaps/ci-results.json';

interface Summary {
  readonly status: string;
  readonly message?: string;
  readonly records: { readonly record: { readonly verified?: { readonly ci?: { readonly commit: string } } } }[];
}

/** A CI results file for the project, with the hashes its lock names (or `files` instead). */
function ciResults(target: vscode.Uri, files?: { path: string; sha256: string }[]): string {
  const lock = JSON.parse(fs.readFileSync(path.join(target.fsPath, ...LOCK.split('/')), 'utf8')) as { checks: { id: string }[]; files: { path: string; sha256: string }[] };
  return ciResultsText({ commit: COMMIT, checkIds: lock.checks.map((c) => c.id), files: files ?? lock.files });
}

suite('Checks in CI', function () {
  this.timeout(120_000);
  titanicTaskToItself();
  teardown(async () => {
    await vscode.workspace.getConfiguration().update('mlRoadmaps.python.interpreterPath', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  test('The starter carries the CI workflow, run-checks and the check lock', async () => {
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `ci-files-${Date.now()}`);
    assert.ok(await createStarter(starterOptions(target, { name: PROJECT_NAME })));
    for (const file of ['.github/workflows/checks.yml', 'run-checks', LOCK]) assert.ok(fs.existsSync(path.join(target.fsPath, ...file.split('/'))), `${file} is written`);
  });

  test('A modified check file is refused as evidence: the run names the file, and the task is neither verified nor done', async () => {
    const found = await findPython({}, { modules: ['pandas', 'numpy', 'matplotlib', 'seaborn'] });
    assert.ok(found.found, 'a Python with pytest and pandas is on PATH');
    await vscode.workspace.getConfiguration().update('mlRoadmaps.python.interpreterPath', found.found.executable ?? found.found.command, vscode.ConfigurationTarget.Workspace);
    const titanic = await task('master-24-week', 'titanic-eda');
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `ci-lock-${Date.now()}`);
    assert.ok(await createStarter(starterOptions(target, { name: PROJECT_NAME })));
    await writeSolution(target, titanic, PROJECT_NAME);
    const checkFile = path.join(target.fsPath, 'checks', 'test_steps.py');
    const original = fs.readFileSync(checkFile);
    fs.appendFileSync(checkFile, '\n# edited after the starter was created\n');

    const refused = await vscode.commands.executeCommand<Summary>('mlRoadmaps.runChecks', titanic);
    assert.strictEqual(refused.status, 'lockMismatch', refused.message);
    assert.match(refused.message ?? '', /checks\/test_steps\.py differs from its lock/);
    assert.strictEqual(refused.records[0]?.record.verified, undefined, 'no verified evidence');
    assert.notStrictEqual(await stateOf(titanic), 'done');
    await showInTree(titanic);
    await eventually(async () => /checks 2\/2/.test((await inTree.row(titanic.title)).description), 'the tree counting the passed checks');
    assert.ok(!/verified/.test((await inTree.row(titanic.title)).description), 'the tree does not say verified');

    fs.writeFileSync(checkFile, original);
    const verified = await vscode.commands.executeCommand<Summary>('mlRoadmaps.runChecks', titanic);
    assert.strictEqual(verified.status, 'ran', verified.message);
    assert.ok(verified.records[0]?.record.verified, 'verified once the checks are as locked');
    assert.strictEqual(await stateOf(titanic), 'done');
  });

  test('Read CI Results: results on other check files are refused with the reason; matching ones show "verified in CI at <commit>" in the tree and on the page', async () => {
    const extension = await api();
    const titanic = await task('master-24-week', 'titanic-eda');
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `ci-results-${Date.now()}`);
    assert.ok(await createStarter(starterOptions(target, { name: PROJECT_NAME })));
    const results = vscode.Uri.joinPath(target, ...RESULTS.split('/'));
    const checksBefore = JSON.stringify(extension.checksOf('master-24-week', 'titanic-eda'));

    const none = await vscode.commands.executeCommand<Summary>('mlRoadmaps.readCiResults', titanic);
    assert.strictEqual(none.status, 'noResults', none.message);

    await writeFile(results, ciResults(target, [{ path: 'checks/test_steps.py', sha256: 'f'.repeat(64) }]));
    const refused = await vscode.commands.executeCommand<Summary>('mlRoadmaps.readCiResults', titanic);
    assert.strictEqual(refused.status, 'refused');
    assert.match(refused.message ?? '', /checks\/test_steps\.py in the CI run differs from its lock/);
    assert.strictEqual(JSON.stringify(extension.checksOf('master-24-week', 'titanic-eda')), checksBefore, 'nothing recorded');

    await writeFile(results, ciResults(target));
    const checkFile = path.join(target.fsPath, 'checks', 'test_steps.py');
    const original = fs.readFileSync(checkFile);
    fs.appendFileSync(checkFile, '\n# edited\n');
    const onDisk = await vscode.commands.executeCommand<Summary>('mlRoadmaps.readCiResults', titanic);
    assert.strictEqual(onDisk.status, 'refused');
    assert.match(onDisk.message ?? '', /checks\/test_steps\.py differs from its lock/);
    fs.writeFileSync(checkFile, original);

    const accepted = await vscode.commands.executeCommand<Summary>('mlRoadmaps.readCiResults', titanic);
    assert.strictEqual(accepted.status, 'verified', accepted.message);
    assert.strictEqual(accepted.records[0]?.record.verified?.ci?.commit, COMMIT);
    assert.strictEqual(await stateOf(titanic), 'done');
    await showInTree(titanic);
    await eventually(async () => /checks 2\/2 · verified in CI/.test((await inTree.row(titanic.title)).description), 'the tree saying verified in CI');
    assert.match(await inTree.tooltip(titanic.title), /Verified in CI at c0ffee0 on 2026-12-06: 2\/2 checks passed\./);
    await vscode.commands.executeCommand('mlRoadmaps.openDetails', titanic);
    assert.match((await inPage.read('module', '.checks .verified[data-evidence="ci"]')).text, /Verified in CI at c0ffee0/);
  });
});
