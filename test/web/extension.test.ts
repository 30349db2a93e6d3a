/**
 * The web subset: what a learner does in VS Code for the Web, run against the extension's
 * `browser` entry (dist/extension.web.js) in the web worker extension host. The integration
 * suites that need no Node are run beside it (test/web/index.ts).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MlRoadmapsApi } from '../../src/api';
import type { activate as activateNode } from '../../src/extension';
import type { activate as activateWeb } from '../../src/extension.web';
import { api, createStarter, EXTENSION_ID, eventually, resetAll, roadmap, showInTree, starterOptions, stateOf, task, workspaceFolder, writeFile } from '../integration/helpers';
import { inPage, inTree } from '../integration/page';
import { actionsFor, TASK_ACTIONS } from '../../src/webview/taskActions';

// Both entries return the one public API: a type-level check, nothing is imported.
const sameApi: (web: ReturnType<typeof activateWeb>, node: Awaited<ReturnType<typeof activateNode>>) => MlRoadmapsApi[] = (web, node) => [web, node];
void sameApi;

/** A workspace roadmap whose second task repeats the first one's id (line 9, column 13). */
const DUPLICATE_ID = 'id: broken-web\ntitle: Broken\nphases:\n  - id: basics\n    title: Basics\n    tasks:\n      - id: numpy\n        title: NumPy\n      - id: numpy\n        title: Pandas\n';

suite('Web: the extension in the web worker extension host', () => {
  setup(resetAll);
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('activates from its browser entry in a web worker without Node', async () => {
    assert.strictEqual(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a web worker');
    assert.strictEqual(typeof (globalThis as { process?: unknown }).process, 'undefined', 'no Node process');
    const { version } = await api();
    assert.strictEqual(version, 1);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive);
    assert.strictEqual(extension.packageJSON && (extension.packageJSON as { browser?: string }).browser, './dist/extension.web.js');
    // The web worker host counts as a UI extension host; the remote Node host would say Workspace.
    assert.strictEqual(extension.extensionKind, vscode.ExtensionKind.UI);
  });

  test('the tree shows the bundled roadmaps in the view', async () => {
    await vscode.commands.executeCommand('mlRoadmaps.tree.focus');
    await vscode.commands.executeCommand('workbench.actions.treeView.mlRoadmaps.tree.collapseAll');
    const labels = (await inTree.rows()).map((r) => r.label);
    for (const id of ['deep-learning', 'machine-learning-course', 'master-24-week', 'ml-dl-condensed']) {
      const { title } = await roadmap(id);
      assert.ok(labels.includes(title), `${title} in ${labels.join(', ')}`);
    }
    // The YAML parser bundled into the web file works: a roadmap's tasks were loaded and linked.
    assert.ok((await roadmap('deep-learning')).taskIndex.size > 10);
  });

  test('a state change shows in the tree and is what the API reports', async () => {
    const numpy = await task('ml-dl-condensed', 'numpy');
    await vscode.commands.executeCommand('mlRoadmaps.markDone', numpy);
    assert.strictEqual(await stateOf(numpy), 'done');
    await showInTree(numpy);
    await eventually(async () => (await inTree.row(numpy.title)).checked === true, 'the task ticked in the tree');
  });

  test('the details page opens with the module rendered by markdown-it inside the bundle', async () => {
    const regression = await task('machine-learning-course', 'regression');
    await vscode.commands.executeCommand('mlRoadmaps.openDetails', regression);
    const tab = await eventually(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('mlRoadmaps.details')), 'a details tab');
    assert.strictEqual(tab.label, 'Module 2: Supervised Learning');
    assert.strictEqual((await inPage.read('module', 'h1')).text, 'Module 2: Supervised Learning');
  });

  test('a practice project’s page and menu offer what runs on the web, and no Run checks', async () => {
    const titanic = await task('master-24-week', 'titanic-eda');
    await vscode.commands.executeCommand('mlRoadmaps.openDetails', titanic);
    // Starters are written through the workspace's file system, which the web has.
    assert.strictEqual((await inPage.read('module', 'button[data-action="createProject"][data-task-id="titanic-eda"]')).text, 'Create starter project');
    // Checks run Python in a process of their own: the web worker has neither.
    assert.strictEqual(await inPage.count('module', 'button[data-action="runChecks"]'), 0);
    await showInTree(titanic);
    const menu = await inTree.menu(titanic.title);
    assert.ok(menu.includes('Create Starter Project…') && !menu.includes('Run Checks'), menu.join(', '));
  });

  test('the page shows, for a project and a topic, exactly the actions the table offers on the web, none that needs Node', async () => {
    const titanic = await task('master-24-week', 'titanic-eda');
    const context = { trusted: vscode.workspace.isTrusted, host: 'web' } as const;
    await vscode.commands.executeCommand('mlRoadmaps.openDetails', titanic);
    for (const shown of [titanic, ...titanic.module.tasks.filter((t) => t.kind === 'topic').slice(0, 1)]) {
      const offered = actionsFor(shown, context);
      assert.ok(offered.length > 0, shown.id);
      for (const action of TASK_ACTIONS) {
        const count = await inPage.count('module', `button[data-action="${action.id}"][data-task-id="${shown.id}"]`);
        assert.strictEqual(count, offered.includes(action.id) ? 1 : 0, `${action.id} on ${shown.id}`);
        if (action.needs.node) assert.strictEqual(count, 0, `${action.id} needs Node`);
      }
    }
  });

  test('the dashboard opens', async () => {
    await vscode.commands.executeCommand('mlRoadmaps.openDashboard', await roadmap('master-24-week'));
    await eventually(
      () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('mlRoadmaps.dashboard'))),
      'a dashboard tab',
    );
  });

  test('a workspace roadmap with an error gets a diagnostic at its line', async () => {
    const file = vscode.Uri.joinPath(workspaceFolder(), '.vscode', 'roadmaps', 'broken-web.roadmap.yaml');
    await writeFile(file, DUPLICATE_ID);
    try {
      await vscode.commands.executeCommand('mlRoadmaps.refresh');
      const diagnostics = await eventually(() => {
        const found = vscode.languages.getDiagnostics(file);
        return found.length > 0 ? found : undefined;
      }, 'a diagnostic on the broken roadmap', 20_000);
      assert.strictEqual(diagnostics.length, 1);
      assert.match(diagnostics[0].message, /duplicate id "numpy"/);
      assert.deepStrictEqual([diagnostics[0].range.start.line, diagnostics[0].range.start.character], [8, 12]);
    } finally {
      await vscode.workspace.fs.delete(file);
      await vscode.commands.executeCommand('mlRoadmaps.refresh');
    }
  });

  test('export writes the progress file through the workspace file system', async () => {
    const numpy = await task('ml-dl-condensed', 'numpy');
    await vscode.commands.executeCommand('mlRoadmaps.markInProgress', numpy);
    const file = vscode.Uri.joinPath(workspaceFolder(), 'transfer', `${Date.now()}-web.json`);
    const written = await vscode.commands.executeCommand<vscode.Uri>('mlRoadmaps.exportProgress', 'all', file, { markdown: false });
    assert.strictEqual(written?.toString(), file.toString());
    const exported = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { roadmaps: Record<string, { tasks: Record<string, { state: string }> }> };
    assert.strictEqual(exported.roadmaps['ml-dl-condensed']?.tasks.numpy?.state, 'inProgress');
  });

  test('a starter project is written through the workspace file system', async () => {
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `web-${Date.now()}`);
    await createStarter(starterOptions(target, { name: 'Web Titanic' }));
    const readme = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(target, 'README.md')));
    assert.match(readme, /^# Web Titanic$/m);
    // The check lock is hashed with Web Crypto, so the web writes it too.
    const lock = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(target, '.ml-roadmaps', 'checks.lock.json')))) as { files: { path: string; sha256: string }[] };
    assert.deepStrictEqual(
      lock.files.map((f) => f.path),
      ['checks/test_steps.py'],
    );
    assert.match(lock.files[0].sha256, /^[0-9a-f]{64}$/);
  });

  test('Link Folder lists a folder by name under its task; its menu offers no terminal', async () => {
    const pandas = await task('ml-dl-condensed', 'pandas');
    const name = `linked-${Date.now()}`;
    const folder = vscode.Uri.joinPath(workspaceFolder(), 'work', name);
    await vscode.workspace.fs.createDirectory(folder);
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.linkFolder', pandas, folder), true);
    assert.ok((await api()).linkedFolders('ml-dl-condensed', 'pandas').some((f) => f.toString() === folder.toString()), 'the API reports the folder');
    await showInTree(pandas);
    await inTree.expand(pandas.title);
    const row = (await inTree.childrenOf(pandas.title)).find((r) => r.label === name);
    assert.ok(row, 'the folder is listed under the task');
    assert.match(row.description, new RegExp(`work/${name}$`));
    // The menus hide what needs Node.
    const menu = await inTree.menu(name);
    assert.ok(menu.includes('Unlink Folder') && !menu.includes('Open in Terminal'), menu.join(', '));
  });

  test('a Node-only command answers with why it cannot run', async () => {
    const answer = await vscode.commands.executeCommand<unknown>('mlRoadmaps.openTerminalInLinkedFolder');
    assert.strictEqual(typeof answer, 'string');
    assert.match(answer as string, /terminal needs a shell/);
  });

  test('every command of package.json is registered: none is "not found" on the web', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string }[] } };
    const missing = await eventually(async () => {
      const registered = new Set(await vscode.commands.getCommands(true));
      const absent = manifest.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
      return absent.length === 0 ? absent : undefined;
    }, 'every contributed command registered');
    assert.deepStrictEqual(missing, []);
  });
});
