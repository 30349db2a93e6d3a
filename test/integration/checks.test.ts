import * as assert from 'assert';
import * as vscode from 'vscode';
import { findPython } from '../../src/checks/python';
import type { ScaffoldPrompts } from '../../src/scaffold/create';
import { builtinVariables, planScaffold, TemplateFile } from '../../src/scaffold/plan';
import { api, EXTENSION_ID, resetAll, roadmap, task, workspaceFolder } from './helpers';

const PROJECT_NAME = 'Checked Titanic';

function prompts(target: vscode.Uri): ScaffoldPrompts {
  return {
    pickScaffold: (choices) => Promise.resolve(choices.find((c) => c.scaffold.manifest.id === 'titanic-eda')?.scaffold),
    projectName: () => Promise.resolve(PROJECT_NAME),
    location: () => Promise.resolve(target),
    confirmKeep: () => Promise.resolve(true),
  };
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
  const unlinkTitanic = async () => {
    const { links } = await api();
    for (const link of links.store.linksOf('master-24-week', 'titanic-eda')) await links.store.remove('master-24-week', 'titanic-eda', link);
  };
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
    const { scaffolds, checks, services, tree, dashboard } = await api();
    await settings().update('mlRoadmaps.python.interpreterPath', python, vscode.ConfigurationTarget.Workspace);
    const titanic = await task('master-24-week', 'titanic-eda');
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `checked-${Date.now()}`);
    assert.ok(await scaffolds.create(titanic, prompts(target)));

    const [project, ...others] = await checks.controller.projectsOf(titanic);
    assert.strictEqual(others.length, 0);
    assert.strictEqual(project.folder.toString(), target.toString());
    assert.deepStrictEqual(
      project.checks.map((c) => c.item.label),
      ['Missing ages are filled with the median of each class and sex', 'family_size and is_alone are added'],
    );
    for (const { item } of project.checks) {
      assert.strictEqual(item.uri?.toString(), vscode.Uri.joinPath(target, 'checks', 'test_steps.py').toString());
      const line = (await vscode.workspace.openTextDocument(item.uri)).lineAt(item.range!.start.line).text;
      assert.match(line, /^def test_/, 'the item points at its test function');
    }

    // Through the controller's run profile, as the Test Explorer runs it.
    const { controller, runProfile } = checks.controller;
    assert.strictEqual(controller.items.get(project.item.id)?.label, project.item.label, 'the project is in the Test Explorer');
    const token = new vscode.CancellationTokenSource().token;
    const failing = await checks.controller.run(new vscode.TestRunRequest([project.item], undefined, runProfile), token);
    assert.strictEqual(failing.status, 'ran', failing.message);
    const before = failing.records[0].record;
    assert.deepStrictEqual(before.checks.map((c) => c.outcome), ['failed', 'failed']);
    for (const check of before.checks) {
      assert.ok(check.hint.length > 10 && !/Error$|^assert /.test(check.hint), `a hint, not a bare exception: ${check.hint}`);
    }
    assert.match(String(tree.provider.getTreeItem(titanic).description), /checks 0\/2/);
    assert.strictEqual(services.tracker.stateOf(titanic), 'inProgress');

    // The reference solution, rendered as the starter was.
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const master = await roadmap('master-24-week');
    const solution = planScaffold({
      files: await readTemplates(vscode.Uri.joinPath(extension.extensionUri, 'test', 'fixtures', 'solutions', 'titanic-eda')),
      variables: builtinVariables({ projectName: PROJECT_NAME, taskTitle: titanic.title, taskId: titanic.id, roadmapTitle: master.title, roadmapId: master.id, now: new Date() }),
      existing: new Set(),
    });
    assert.deepStrictEqual(solution.errors, []);
    for (const file of solution.create) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, ...file.path.split('/')), file.content);

    // Run Checks on the task, as the tree and the details page do.
    const passing = await vscode.commands.executeCommand<{ status: string; records: { record: { checks: { outcome: string }[] } }[] }>('mlRoadmaps.runChecks', titanic);
    assert.strictEqual(passing.status, 'ran');
    assert.deepStrictEqual(passing.records[0].record.checks.map((c) => c.outcome), ['passed', 'passed']);
    assert.strictEqual(services.tracker.stateOf(titanic), 'done');
    const record = services.checks.get('master-24-week/titanic-eda');
    assert.strictEqual(record?.verified?.passed, 2);
    assert.strictEqual(record.verified.total, 2);
    assert.ok(!record.verified.stale);
    assert.match(String(tree.provider.getTreeItem(titanic).description), /checks 2\/2/);
    const tooltip = tree.provider.resolveTreeItem(tree.provider.getTreeItem(titanic), titanic).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /Verified on \d{4}/);

    await vscode.commands.executeCommand('mlRoadmaps.openDashboard', master);
    const html = dashboard.panels()?.get(master.id)?.panel.webview.html ?? '';
    assert.match(html, /data-state="verified"><span class="number">1<\/span>/);

    const exported = vscode.Uri.joinPath(workspaceFolder(), `verified-${Date.now()}.json`);
    await vscode.commands.executeCommand('mlRoadmaps.exportProgress', master, exported, { markdown: false });
    const file = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(exported))) as { roadmaps: Record<string, { verified?: Record<string, { passed: number; total: number }> }> };
    assert.deepStrictEqual(
      { passed: file.roadmaps['master-24-week'].verified?.['titanic-eda']?.passed, total: file.roadmaps['master-24-week'].verified?.['titanic-eda']?.total },
      { passed: 2, total: 2 },
    );
  });

  test('With no interpreter to be found, the run stops with the message that says what to run', async () => {
    const { scaffolds, checks, services } = await api();
    const titanic = await task('master-24-week', 'titanic-eda');
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `no-python-${Date.now()}`);
    assert.ok(await scaffolds.create(titanic, prompts(target)));
    const empty = vscode.Uri.joinPath(workspaceFolder(), `empty-path-${Date.now()}`);
    await vscode.workspace.fs.createDirectory(empty);
    await settings().update('mlRoadmaps.python.interpreterPath', vscode.Uri.joinPath(empty, 'python-missing').fsPath, vscode.ConfigurationTarget.Workspace);
    await settings().update('terminal.integrated.env.linux', { PATH: empty.fsPath }, vscode.ConfigurationTarget.Workspace);
    const before = services.checks.get('master-24-week/titanic-eda');

    const project = (await checks.controller.projectsOf(titanic)).find((p) => p.folder.toString() === target.toString());
    assert.ok(project);
    const summary = await checks.controller.run(new vscode.TestRunRequest([project.item], undefined, checks.controller.runProfile), new vscode.CancellationTokenSource().token);
    assert.strictEqual(summary.status, 'noInterpreter');
    assert.match(summary.message ?? '', /No Python was found for the checks of “no-python-\d+”/);
    assert.match(summary.message ?? '', /python3 -m venv \.venv && \.venv\/bin\/pip install -r requirements\.txt/);
    assert.strictEqual(services.checks.get('master-24-week/titanic-eda'), before, 'nothing ran, nothing was recorded');
  });
});
