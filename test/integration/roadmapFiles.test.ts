import * as assert from 'assert';
import * as vscode from 'vscode';
import { RoadmapRegistry } from '../../src/core/registry';
import { api, EXTENSION_ID, eventually, workspaceFolder, writeFile } from './helpers';
import { inTree } from './page';

const GOOD = 'id: team\ntitle: Team plan\nphases:\n  - id: basics\n    title: Basics\n    tasks:\n      - id: numpy\n        title: NumPy\n      - id: pandas\n        title: Pandas\n';

/** Reloads follow the editor's events within a fraction of a second; this is a busy machine's margin. */
const WATCHER_TIMEOUT_MS = 20_000;

/** Creates a file as the Explorer or a refactoring would: through a workspace edit. */
async function createFile(uri: vscode.Uri, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: true, contents: new TextEncoder().encode(text) });
  assert.ok(await vscode.workspace.applyEdit(edit), `created ${uri.path}`);
}

/** Replaces an open document's text as typing would, without saving. */
async function type(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

function fileUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), '.vscode', 'roadmaps', name);
}

/** The root rows of the tree, as the workbench shows them. */
async function labels(): Promise<string[]> {
  await vscode.commands.executeCommand('mlRoadmaps.tree.focus');
  await vscode.commands.executeCommand('workbench.actions.treeView.mlRoadmaps.tree.collapseAll');
  return (await inTree.rows()).filter((r) => r.level === 1).map((r) => r.label);
}

suite('Workspace roadmaps', function () {
  this.timeout(60_000);

  suiteTeardown(async () => {
    for (const name of ['team.roadmap.yaml', 'broken.roadmap.yaml', 'duplicate.roadmap.yaml']) {
      await vscode.workspace.fs.delete(fileUri(name)).then(undefined, () => undefined);
    }
    await vscode.commands.executeCommand('mlRoadmaps.refresh');
  });

  test('A roadmap file in .vscode/roadmaps loads beside the bundled ones', async () => {
    await createFile(fileUri('team.roadmap.yaml'), GOOD);
    const bundled = (await (await api()).roadmaps()).filter((r) => r.source.bundled).map((r) => r.title);
    assert.strictEqual(bundled.length, 5);
    // Read until the collapsed tree has settled with the new row: a read during the re-render
    // after Collapse All can catch only the rows in view so far.
    const roots = await eventually(async () => {
      const all = await labels();
      return all.includes('Team plan') && all.length === bundled.length + 1 && all;
    }, 'the team roadmap beside the five bundled ones in the tree (file watcher)', WATCHER_TIMEOUT_MS);
    assert.deepStrictEqual([...roots].sort(), [...bundled, 'Team plan'].sort());
  });

  test('Typing a mistake shows exact diagnostics; saving shows an error row; the others keep working; fixing clears them', async () => {
    const uri = fileUri('team.roadmap.yaml');
    await createFile(uri, GOOD);
    await eventually(async () => (await labels()).includes('Team plan'), 'the team roadmap', WATCHER_TIMEOUT_MS);
    const doc = await vscode.workspace.openTextDocument(uri);
    await type(doc, GOOD.replace('      - id: pandas', '      - id: numpy'));
    const diagnostics = await eventually(() => vscode.languages.getDiagnostics(uri).length > 0 && vscode.languages.getDiagnostics(uri), 'diagnostics while typing', WATCHER_TIMEOUT_MS);
    assert.strictEqual(diagnostics.length, 1);
    assert.strictEqual(diagnostics[0].message, 'phases[0].tasks[1].id: duplicate id "numpy" (first used at phases[0].tasks[0].id, line 7); ids must be unique within a roadmap');
    assert.deepStrictEqual([diagnostics[0].range.start.line, diagnostics[0].range.start.character], [8, 12]);
    assert.strictEqual(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.ok((await labels()).includes('Team plan'), 'the tree keeps the saved version while typing');
    await doc.save();
    const roots = await eventually(async () => {
      const all = await labels();
      return all.some((l) => /team\.roadmap\.yaml — failed to load/.test(l)) && all;
    }, 'an error row after saving', WATCHER_TIMEOUT_MS);
    assert.ok(roots.includes('Deep Learning Roadmap'), 'bundled roadmaps still load');
    await type(doc, GOOD);
    await doc.save();
    await eventually(() => vscode.languages.getDiagnostics(uri).length === 0, 'diagnostics cleared', WATCHER_TIMEOUT_MS);
    await eventually(async () => (await labels()).includes('Team plan'), 'the fixed roadmap', WATCHER_TIMEOUT_MS);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('A workspace roadmap may not reuse a bundled roadmap’s id', async () => {
    const uri = fileUri('duplicate.roadmap.yaml');
    await createFile(uri, GOOD.replace('id: team', 'id: deep-learning'));
    const [diagnostic] = await eventually(() => vscode.languages.getDiagnostics(uri).length > 0 && vscode.languages.getDiagnostics(uri), 'a diagnostic', WATCHER_TIMEOUT_MS);
    assert.match(diagnostic.message, /roadmap id "deep-learning" is already used by deep-learning\.yaml/);
    await vscode.workspace.fs.delete(uri);
  });

  test('New Roadmap… writes a commented starter file that loads, and never replaces one', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mlRoadmaps.newRoadmap', 'Computer Vision Plan');
    try {
      assert.strictEqual(uri.toString(), fileUri('computer-vision-plan.roadmap.yaml').toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(text, /^# Computer Vision Plan\n#/);
      await eventually(async () => (await labels()).includes('Computer Vision Plan'), 'the new roadmap in the tree', WATCHER_TIMEOUT_MS);
      await writeFile(uri, `${text}# my edit\n`);
      await vscode.commands.executeCommand('mlRoadmaps.newRoadmap', 'Computer Vision Plan');
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), /# my edit\n$/);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('A reload that finds nothing changed keeps every roadmap’s objects and tells no view; a change is told', async () => {
    // A registry of the test's own over the same workspace: reloads are its business, not the API's.
    const log = vscode.window.createOutputChannel('ML Roadmaps registry test', { log: true });
    const registry = new RoadmapRegistry(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, log, undefined);
    const uri = fileUri('team.roadmap.yaml');
    await createFile(uri, GOOD);
    await eventually(async () => (await registry.roadmaps()).some((r) => r.id === 'team'), 'the team roadmap', WATCHER_TIMEOUT_MS);
    // Settle what earlier tests' deletions may still have pending.
    await registry.reload();
    const before = await registry.roadmaps();
    const changes: string[][] = [];
    const listener = registry.onDidChange((entries) => changes.push(entries.map((e) => ('title' in e ? e.title : 'failed'))));
    try {
      // What a watcher event or a save without edits leads to, once the burst has settled.
      assert.strictEqual(await registry.reloadIfChanged(), false);
      assert.strictEqual(changes.length, 0, 'no view was told');
      const kept = await registry.roadmaps();
      assert.strictEqual(kept.length, before.length);
      kept.forEach((roadmap, i) => assert.strictEqual(roadmap, before[i], `${roadmap.id} keeps its objects`));
      await createFile(uri, GOOD.replace('Team plan', 'Team plan, revised'));
      await eventually(() => changes.length > 0, 'the change event', WATCHER_TIMEOUT_MS);
      assert.ok(changes[0].includes('Team plan, revised'), `the first event is the edit: ${JSON.stringify(changes)}`);
    } finally {
      listener.dispose();
      registry.dispose();
      log.dispose();
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('The API tells other extensions when roadmaps were reloaded, with the fresh ones', async () => {
    const extension = await api();
    const uri = fileUri('team.roadmap.yaml');
    const seen: string[][] = [];
    const listener = extension.onDidChangeRoadmaps((roadmaps) => seen.push(roadmaps.map((r) => r.id)));
    try {
      await createFile(uri, GOOD);
      await eventually(() => seen.some((ids) => ids.includes('team')), 'a change naming the team roadmap', WATCHER_TIMEOUT_MS);
      assert.strictEqual((await extension.roadmap('team'))?.title, 'Team plan');
    } finally {
      listener.dispose();
      await vscode.workspace.fs.delete(uri);
    }
  });
});
