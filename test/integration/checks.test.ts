import * as assert from 'assert';
import * as vscode from 'vscode';
import { findPython } from '../../src/checks/python';
import { builtinVariables, planScaffold, TemplateFile } from '../../src/scaffold/plan';
import { api, createStarter, EXTENSION_ID, eventually, resetAll, roadmap, showInTree, starterOptions, stateOf, task, unlinkAll, workspaceFolder } from './helpers';
import { inPage, inTree } from './page';

const PROJECT_NAME = 'Checked Titanic';

interface RunSummary {
  readonly status: string;
  readonly message?: string;
  readonly records: { readonly record: { readonly checks: readonly { readonly outcome: string }[] } }[];
}

async function readTemplates(folder: vscode.Uri, prefix = ''): Promise<TemplateFile[]> {
  const files: TemplateFile[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (type === vscode.FileType.Directory) files.push(...(await readTemplates(uri, `${prefix}${name}/`)));
    else if (type === vscode.FileType.File) files.push({ path: `${prefix}${name}`, content: await vscode.workspace.fs.readFile(uri) });
  }
  return files;
}

const settings = () => vscode.workspace.getConfiguration();

suite('Checks', function () {
  // pandas starts slowly on a small machine; each run of the two checks takes a few seconds.
  this.timeout(120_000);
  let python: string;

  suiteSetup(async () => {
    // The interpreter that has the scaffold's packages, found as the extension finds one.
    const found = await findPython({}, { modules: ['pandas', 'numpy', 'matplotlib', 'seaborn'] });
    assert.ok(found.found, 'a Python with pytest and pandas is on PATH');
    python = found.found.executable ?? found.found.command;
  });
  // Other suites link folders of their own to this task: each test here works with its own alone,
  // and leaves none behind.
  const unlinkTitanic = async () => unlinkAll(await task('master-24-week', 'titanic-eda'));
  setup(async () => {
    await resetAll();
    await unlinkTitanic();
  });
  suiteTeardown(unlinkTitanic);
  teardown(async () => {
    await settings().update('mlRoadmaps.python.interpreterPath', undefined, vscode.ConfigurationTarget.Workspace);
    await settings().update('terminal.integrated.env.linux', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('The Titanic starter’s checks fail with hints, then pass with the solution: done, verified, on the dashboard and in an export', async () => {
    const extension = await api();
    await settings().update('mlRoadmaps.python.interpreterPath', python, vscode.ConfigurationTarget.Workspace);
    const titanic = await task('master-24-week', 'titanic-eda');
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `checked-${Date.now()}`);
    assert.ok(await createStarter(starterOptions(target, { name: PROJECT_NAME })));
    const checksOf = () => extension.checksOf('master-24-week', 'titanic-eda');
    const before = checksOf()?.ranAt;

    // Run from the Test Explorer: every test item of the window, ours among them.
    const changed: string[] = [];
    const listener = extension.onDidChangeChecks((key) => changed.push(key));
    try {
      await vscode.commands.executeCommand('testing.runAll');
      const failing = await eventually(() => checksOf()?.ranAt !== before && checksOf(), 'the checks’ results', 110_000);
      assert.ok(changed.includes('master-24-week/titanic-eda'), 'its listeners were told');
      assert.deepStrictEqual(
        failing.checks.map((c) => c.title),
        ['Missing ages are filled with the median of each class and sex', 'family_size and is_alone are added'],
      );
      assert.deepStrictEqual(failing.checks.map((c) => c.outcome), ['failed', 'failed']);
      for (const check of failing.checks) {
        assert.ok(check.hint && check.hint.length > 10 && !/Error$|^assert /.test(check.hint), `a hint, not a bare exception: ${check.hint}`);
      }
    } finally {
      listener.dispose();
    }
    await showInTree(titanic);
    await eventually(async () => /checks 0\/2/.test((await inTree.row(titanic.title)).description), 'the tree counting the checks');
    assert.strictEqual(await stateOf(titanic), 'inProgress');

    // The reference solution, rendered as the starter was.
    const installed = vscode.extensions.getExtension(EXTENSION_ID)!;
    const master = await roadmap('master-24-week');
    const solution = planScaffold({
      files: await readTemplates(vscode.Uri.joinPath(installed.extensionUri, 'test', 'fixtures', 'solutions', 'titanic-eda')),
      variables: builtinVariables({ projectName: PROJECT_NAME, taskTitle: titanic.title, taskId: titanic.id, roadmapTitle: master.title, roadmapId: master.id, now: new Date() }),
      existing: new Set(),
    });
    assert.deepStrictEqual(solution.errors, []);
    for (const file of solution.create) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, ...file.path.split('/')), file.content);

    // Run Checks on the task, as the tree and the details page do.
    const passing = await vscode.commands.executeCommand<RunSummary>('mlRoadmaps.runChecks', titanic);
    assert.strictEqual(passing.status, 'ran');
    assert.deepStrictEqual(passing.records[0].record.checks.map((c) => c.outcome), ['passed', 'passed']);
    assert.strictEqual(await stateOf(titanic), 'done');
    const record = checksOf();
    assert.strictEqual(record?.verified?.passed, 2);
    assert.strictEqual(record.verified.total, 2);
    assert.ok(!record.verified.stale);
    await showInTree(titanic);
    await eventually(async () => /checks 2\/2/.test((await inTree.row(titanic.title)).description), 'the tree counting the passed checks');
    assert.match(await inTree.tooltip(titanic.title), /Verified on \d{4}/);

    await vscode.commands.executeCommand('mlRoadmaps.openDashboard', master);
    assert.strictEqual((await inPage.read('dashboard', '.card[data-state="verified"] .number')).text, '1');

    const exported = vscode.Uri.joinPath(workspaceFolder(), `verified-${Date.now()}.json`);
    await vscode.commands.executeCommand('mlRoadmaps.exportProgress', master, exported, { markdown: false });
    const file = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(exported))) as { roadmaps: Record<string, { verified?: Record<string, { passed: number; total: number }> }> };
    assert.deepStrictEqual(
      { passed: file.roadmaps['master-24-week'].verified?.['titanic-eda']?.passed, total: file.roadmaps['master-24-week'].verified?.['titanic-eda']?.total },
      { passed: 2, total: 2 },
    );
  });

  test('With no interpreter to be found, the run stops with the message that says what to run', async () => {
    const extension = await api();
    const titanic = await task('master-24-week', 'titanic-eda');
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `no-python-${Date.now()}`);
    assert.ok(await createStarter(starterOptions(target, { name: PROJECT_NAME })));
    const empty = vscode.Uri.joinPath(workspaceFolder(), `empty-path-${Date.now()}`);
    await vscode.workspace.fs.createDirectory(empty);
    await settings().update('mlRoadmaps.python.interpreterPath', vscode.Uri.joinPath(empty, 'python-missing').fsPath, vscode.ConfigurationTarget.Workspace);
    await settings().update('terminal.integrated.env.linux', { PATH: empty.fsPath }, vscode.ConfigurationTarget.Workspace);
    const before = extension.checksOf('master-24-week', 'titanic-eda');

    const summary = await vscode.commands.executeCommand<RunSummary>('mlRoadmaps.runChecks', titanic);
    assert.strictEqual(summary.status, 'noInterpreter');
    assert.match(summary.message ?? '', /No Python was found for the checks of “no-python-\d+”/);
    assert.match(summary.message ?? '', /python3 -m venv \.venv && \.venv\/bin\/pip install -r requirements\.txt/);
    assert.deepStrictEqual(extension.checksOf('master-24-week', 'titanic-eda'), before, 'nothing ran, nothing was recorded');
  });
});
