import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import { findPython } from '../../src/checks/python';
import { api, createStarter, eventually, roadmap, showInTree, starterOptions, stateOf, task, workspaceFolder, writeFile } from './helpers';
import { titanicTaskToItself, writeSolution } from './titanic';
import { inPage, inTree, inWorkbench } from './page';

const PROJECT_NAME = 'Checked Titanic';

interface RunSummary {
  readonly status: string;
  readonly message?: string;
  readonly records: { readonly record: { readonly checks: readonly { readonly outcome: string }[] } }[];
}


const settings = () => vscode.workspace.getConfiguration();
const INTERPRETER_SETTING = 'mlRoadmaps.python.interpreterPath';
const DATA_PY = 'src/titanic_eda/data.py';
const SAID = 'The missing ages of a 1st-class woman, a 3rd-class man and a 1st-class man were filled with [35.0, 35.0, 35.0]; the medians of their groups are [35.0, 24.0, 50.0].';


/** A starter project of the Titanic task in a fresh folder, linked to it. */
async function newProject(prefix: string): Promise<vscode.Uri> {
  const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `${prefix}-${Date.now()}`);
  assert.ok(await createStarter(starterOptions(target, { name: PROJECT_NAME })));
  return target;
}

/** Edits a file of the project as a learner does: in an editor, then saved. */
async function editAndSave(file: vscode.Uri, change: (text: string) => string): Promise<string> {
  const document = await vscode.workspace.openTextDocument(file);
  const next = change(document.getText());
  assert.notStrictEqual(next, document.getText(), 'the edit changes the file');
  const edit = new vscode.WorkspaceEdit();
  edit.replace(file, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), next);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await document.save());
  return next;
}

/** What the notifications in the corner say, buttons included (spaces as typed). */
/**
 * The messages on screen: the toasts, and the notification centre's list too, since a toast can
 * be left out of the stack (a full run of every suite showed the message in the window's log but
 * not among the toasts); the list holds every notification with its buttons.
 */
async function toasts(): Promise<string> {
  const toasts = (await inWorkbench.read('.notifications-toasts')).text;
  await vscode.commands.executeCommand('notifications.showList');
  try {
    const list = (await inWorkbench.read('.notifications-center')).text;
    return `${toasts}\n${list}`.replace(/\u00a0/g, ' ');
  } finally {
    await vscode.commands.executeCommand('notifications.hideList');
  }
}

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
  titanicTaskToItself();
  teardown(async () => {
    await settings().update('mlRoadmaps.python.interpreterPath', undefined, vscode.ConfigurationTarget.Workspace);
    await settings().update('terminal.integrated.env.linux', undefined, vscode.ConfigurationTarget.Workspace);
    await settings().update('testing.automaticallyOpenPeekView', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
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
    const master = await roadmap('master-24-week');
    await writeSolution(target, titanic, PROJECT_NAME);

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
    await settings().update('terminal.integrated.env.linux', { PATH: empty.fsPath }, vscode.ConfigurationTarget.Workspace);
    const before = extension.checksOf('master-24-week', 'titanic-eda');

    const summary = await vscode.commands.executeCommand<RunSummary>('mlRoadmaps.runChecks', titanic);
    assert.strictEqual(summary.status, 'noInterpreter');
    assert.match(summary.message ?? '', /No Python was found for the checks of “no-python-\d+”/);
    assert.match(summary.message ?? '', /python3 -m venv \.venv && \.venv\/bin\/pip install -r requirements\.txt/);
    assert.deepStrictEqual(extension.checksOf('master-24-week', 'titanic-eda'), before, 'nothing ran, nothing was recorded');
  });
  test('A wrong solution is told what happened: the check’s own sentence, and the learner’s line when the learner’s code raised', async () => {
    const extension = await api();
    await settings().update(INTERPRETER_SETTING, python, vscode.ConfigurationTarget.Workspace);
    // The failure opens where it is, as a learner who runs the checks from the tree sees it.
    await settings().update('testing.automaticallyOpenPeekView', 'failureAnywhere', vscode.ConfigurationTarget.Workspace);
    const titanic = await task('master-24-week', 'titanic-eda');
    const target = await newProject('wrong');
    await writeSolution(target, titanic, PROJECT_NAME);
    const data = vscode.Uri.joinPath(target, ...DATA_PY.split('/'));
    const solved = new TextDecoder().decode(await vscode.workspace.fs.readFile(data));

    // Every missing age filled with one number: the check says what it saw.
    const wrong = solved.replace('group_median = out.groupby(["pclass", "sex"], observed=True)["age"].transform("median")', 'group_median = 35.0');
    assert.notStrictEqual(wrong, solved);
    await writeFile(data, wrong);
    const first = await vscode.commands.executeCommand<RunSummary>('mlRoadmaps.runChecks', titanic);
    assert.deepStrictEqual(first.records[0].record.checks.map((c) => c.outcome), ['failed', 'passed']);
    const check = extension.checksOf('master-24-week', 'titanic-eda')?.checks[0];
    assert.match(check?.hint ?? '', /^Step 2: fill_missing_age/);
    assert.strictEqual(check?.facts?.said, SAID);
    // In the Test Explorer: the hint, then the sentence; at the check (the learner's code did not raise).
    const atCheck = await eventually(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/checks/test_steps.py') && vscode.window.activeTextEditor, 'the failure shown at the check', 20_000);
    assert.match(atCheck.document.lineAt(atCheck.selection.start.line).text, /^def test_fill_missing_age/);
    const peek = await eventually(async () => {
      const text = (await inWorkbench.read('.peekview-widget')).text.replace(/\u00a0/g, ' ');
      return text.includes(SAID) && text;
    }, 'the failure’s message in the editor', 20_000);
    assert.ok(peek.includes('Step 2: fill_missing_age'), peek);
    // And on the task's page, under the hint.
    await vscode.commands.executeCommand('mlRoadmaps.openDetails', titanic);
    const fact = await inPage.read('module', '.check[data-check-id="fill-missing-age"] .check-fact');
    assert.strictEqual(fact.text, SAID);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // The learner's code raises: what it raised, at the learner's own line.
    const raising = solved.replace('out["family_size"] = out["sibsp"] + out["parch"] + 1', 'out["family_size"] = out["sibsp"] + out["parchx"] + 1');
    assert.notStrictEqual(raising, solved);
    await writeFile(data, raising);
    const bugLine = raising.split('\n').findIndex((line) => line.includes('parchx'));
    const second = await vscode.commands.executeCommand<RunSummary>('mlRoadmaps.runChecks', titanic);
    assert.deepStrictEqual(second.records[0].record.checks.map((c) => c.outcome), ['passed', 'failed']);
    const raised = extension.checksOf('master-24-week', 'titanic-eda')?.checks[1];
    assert.deepStrictEqual(raised?.facts, { raised: "KeyError: 'parchx'", where: { file: DATA_PY, line: bugLine + 1, function: 'add_family_features' } });
    const atLearner = await eventually(() => vscode.window.activeTextEditor?.document.uri.path.endsWith(`/${DATA_PY}`) && vscode.window.activeTextEditor, 'the failure shown at the learner’s line', 20_000);
    assert.strictEqual(atLearner.selection.start.line, bugLine);
    const message = await eventually(async () => {
      const text = (await inWorkbench.read('.peekview-widget')).text.replace(/\u00a0/g, ' ');
      return text.includes("It raised KeyError: 'parchx'") && text;
    }, 'what was raised, in the editor', 20_000);
    assert.ok(message.includes('Step 5: add_family_features'), message);
    assert.ok(!/Traceback|site-packages/.test(message), `no raw traceback: ${message}`);
    await vscode.commands.executeCommand('mlRoadmaps.openDetails', titanic);
    const facts = await inPage.read('module', '.check[data-check-id="family-features"] .check-facts');
    assert.strictEqual(facts.text, `It raised KeyError: 'parchx'${DATA_PY}, line ${bugLine + 1}, in add_family_features`);
  });

  test('A module the interpreter lacks is named, with the interpreter, before and after the run, and the fix is offered', async () => {
    const titanic = await task('master-24-week', 'titanic-eda');
    const target = await newProject('no-pandas');
    // The project's own .venv, made from a Python that has everything, but which cannot import pandas.
    const venv = vscode.Uri.joinPath(target, '.venv');
    execFileSync(python, ['-m', 'venv', '--system-site-packages', '--without-pip', venv.fsPath]);
    const venvPython = vscode.Uri.joinPath(venv, 'bin', 'python').fsPath;
    const sitePackages = execFileSync(venvPython, ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).trim();
    await writeFile(
      vscode.Uri.file(`${sitePackages}/hide_pandas.py`),
      [
        'import sys',
        'class _Hide:',
        '    def find_spec(self, name, path=None, target=None):',
        '        if name == "pandas" or name.startswith("pandas."):',
        '            raise ModuleNotFoundError(f"No module named {name!r}", name=name)',
        '        return None',
        'sys.meta_path.insert(0, _Hide())',
        '',
      ].join('\n'),
    );
    await writeFile(vscode.Uri.file(`${sitePackages}/hide_pandas.pth`), 'import hide_pandas\n');

    // Before any run, the Testing view says which Python the project would use, and what it lacks.
    await vscode.commands.executeCommand('workbench.view.testing.focus');
    await vscode.commands.executeCommand('testing.refreshTests');
    const name = target.path.split('/').pop() ?? '';
    await eventually(async () => {
      const text = (await inWorkbench.read('.part.sidebar')).text.replace(/\u00a0/g, ' ');
      return text.includes(`${name} · Python `) && /from \.venv, lacks pandas/.test(text);
    }, 'the interpreter in the Testing view', 30_000);

    const summary = await vscode.commands.executeCommand<RunSummary>('mlRoadmaps.runChecks', titanic);
    assert.strictEqual(summary.status, 'missingModule');
    assert.match(summary.message ?? '', /could not import pandas/);
    assert.ok(summary.message?.includes(venvPython), `names the interpreter: ${summary.message}`);
    assert.match(summary.message ?? '', /the project’s \.venv/);
    const shown = await eventually(async () => {
      const text = await toasts();
      return text.includes(`The checks of “${name}” could not import pandas`) && text;
    }, 'the message with its fixes', 60_000);
    assert.ok(shown.includes('Choose Interpreter') && shown.includes('Create Environment'), shown);
  });

  test('An interpreter setting that names no file is an error naming the setting, not a silent fallback', async () => {
    const extension = await api();
    const titanic = await task('master-24-week', 'titanic-eda');
    const target = await newProject('bad-setting');
    const missing = vscode.Uri.joinPath(workspaceFolder(), `no-python-${Date.now()}`, 'python').fsPath;
    await settings().update(INTERPRETER_SETTING, missing, vscode.ConfigurationTarget.Workspace);
    const before = extension.checksOf('master-24-week', 'titanic-eda');

    const summary = await vscode.commands.executeCommand<RunSummary>('mlRoadmaps.runChecks', titanic);
    assert.strictEqual(summary.status, 'noInterpreter');
    assert.strictEqual(summary.message, `${INTERPRETER_SETTING} is set to “${missing}”, which does not exist, so the checks of “${target.path.split('/').pop()}” cannot run. Correct the setting, or clear it to let the checks find a Python.`);
    assert.deepStrictEqual(extension.checksOf('master-24-week', 'titanic-eda'), before, 'nothing ran with another Python');
    const shown = await eventually(async () => {
      const text = await toasts();
      return text.includes(missing) && text;
    }, 'the message naming the setting', 60_000);
    assert.ok(shown.includes('Open Setting'), shown);
  });

  test('Evidence is bound to the code: an edit makes it stale in the tree, its tooltip and the page; a failing rerun removes it', async () => {
    const extension = await api();
    await settings().update(INTERPRETER_SETTING, python, vscode.ConfigurationTarget.Workspace);
    const titanic = await task('master-24-week', 'titanic-eda');
    const target = await newProject('stale');
    await writeSolution(target, titanic, PROJECT_NAME);
    const verified = await vscode.commands.executeCommand<RunSummary>('mlRoadmaps.runChecks', titanic);
    assert.deepStrictEqual(verified.records[0].record.checks.map((c) => c.outcome), ['passed', 'passed']);
    assert.match(extension.checksOf('master-24-week', 'titanic-eda')?.verified?.codeHash ?? '', /^sha256:[0-9a-f]{64}$/);
    await showInTree(titanic);
    await eventually(async () => /checks 2\/2 · verified/.test((await inTree.row(titanic.title)).description), 'the tree saying verified');

    // The learner changes the solution after it was verified.
    const data = vscode.Uri.joinPath(target, ...DATA_PY.split('/'));
    await editAndSave(data, (text) => `# trying something else\n${text}`);
    await showInTree(titanic);
    await eventually(async () => /checks 2\/2 · stale/.test((await inTree.row(titanic.title)).description), 'the tree saying stale', 15_000);
    assert.match(await inTree.tooltip(titanic.title), /but the code has changed since\. Run Checks to verify it again\./);
    assert.strictEqual(extension.checksOf('master-24-week', 'titanic-eda')?.verified?.stale, true);
    await vscode.commands.executeCommand('mlRoadmaps.openDetails', titanic);
    assert.match((await inPage.read('module', '.checks .verified[data-evidence="stale"]')).text, /the code has changed since/);
    assert.strictEqual(await inPage.count('module', '.checks button[data-action="runChecks"]'), 1, 'Run checks offered beside the stale evidence');
    assert.strictEqual(await stateOf(titanic), 'done', 'done stays the learner’s decision');

    // A rerun that fails: no "verified" anywhere.
    await editAndSave(data, (text) => text.replace('out["family_size"] = out["sibsp"] + out["parch"] + 1', 'out["family_size"] = out["sibsp"] + out["parchx"] + 1'));
    const failing = await vscode.commands.executeCommand<RunSummary>('mlRoadmaps.runChecks', titanic);
    assert.deepStrictEqual(failing.records[0].record.checks.map((c) => c.outcome), ['passed', 'failed']);
    assert.strictEqual(extension.checksOf('master-24-week', 'titanic-eda')?.verified, undefined);
    await showInTree(titanic);
    const row = await eventually(async () => {
      const found = await inTree.row(titanic.title);
      return /checks 1\/2/.test(found.description) && found;
    }, 'the tree counting the failing check');
    assert.ok(!/verified|stale/.test(row.description), row.description);
    assert.ok(!/Verified/.test(await inTree.tooltip(titanic.title)), 'the tooltip no longer says verified');
    assert.strictEqual(await stateOf(titanic), 'done');
  });
});
