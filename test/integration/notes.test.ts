import * as assert from 'assert';
import * as vscode from 'vscode';
import { NotesIndex } from '../../src/notes';
import { api, eventually, task, workspaceFolder, writeFile } from './helpers';

suite('Notes', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('Open Notes creates the task’s note with front matter and opens it', async () => {
    const perceptron = await task('deep-learning', 'perceptron');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mlRoadmaps.openNotes', perceptron);
    assert.strictEqual(uri.toString(), vscode.Uri.joinPath(workspaceFolder(), 'notes', 'deep-learning', 'perceptron.md').toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /^---\nroadmapTask: deep-learning\/perceptron\n/);
    assert.match(text, /^# Perceptron$/m);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });

  test('Opening notes again opens the same file and keeps what the user wrote', async () => {
    const chain = await task('deep-learning', 'chain-rule');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mlRoadmaps.openNotes', chain);
    await writeFile(uri, '---\nroadmapTask: deep-learning/chain-rule\n---\nmy own words\n');
    const again = await vscode.commands.executeCommand<vscode.Uri>('mlRoadmaps.openNotes', chain);
    assert.strictEqual(again.toString(), uri.toString());
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), '---\nroadmapTask: deep-learning/chain-rule\n---\nmy own words\n');
  });

  test('A task’s note appears under it in the tree', async () => {
    const { tree } = await api();
    const partial = await task('deep-learning', 'partial-derivatives');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mlRoadmaps.openNotes', partial);
    const children = await eventually(async () => {
      const rows = await tree.provider.getChildren(partial);
      return rows.length > 0 && rows;
    }, 'the note under its task');
    const row = tree.provider.getTreeItem(children[0]);
    assert.strictEqual(row.contextValue, 'note');
    assert.strictEqual(row.resourceUri?.toString(), uri.toString());
    assert.strictEqual(row.command?.command, 'vscode.open');
  });

  test('Any Markdown file that links to a task is listed as a related note', async () => {
    const { tree } = await api();
    const gans = await task('deep-learning', 'gans');
    const journal = vscode.Uri.joinPath(workspaceFolder(), 'journal', `week-${Date.now()}.md`);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(journal, '..'));
    await writeFile(journal, '# My week\n\nTrained a GAN, see [GANs](roadmap-task:deep-learning/gans).\n');
    await (await api()).notes.index.update(journal);
    const rows = await eventually(async () => {
      const children = await tree.provider.getChildren(gans);
      return children.some((c) => tree.provider.getTreeItem(c).resourceUri?.toString() === journal.toString()) && children;
    }, 'the journal under the GANs task');
    assert.ok(rows.length >= 1);
  });

  test('From inside a note, a CodeLens leads back to the task in the tree and its details', async () => {
    const { tree, details } = await api();
    const perceptron = await task('deep-learning', 'perceptron');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mlRoadmaps.openNotes', perceptron);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const back = lenses.find((l) => l.command?.command === 'mlRoadmaps.showTask');
    assert.ok(back?.command, 'a lens that shows the task');
    assert.strictEqual(back.command.title, '$(map) Show “Perceptron” in ML Roadmaps');
    assert.strictEqual(back.range.start.line, 0);
    await vscode.commands.executeCommand(back.command.command, ...((back.command.arguments ?? []) as unknown[]));
    // The view reports its new selection a moment after reveal() resolves.
    await eventually(() => tree.view.selection.length === 1 && tree.view.selection[0] === perceptron, 'the task selected in the tree');
    assert.ok(details.panels()?.all().some((p) => p.module === perceptron.module));
  });

  test('The first scan for notes names only the tasks that have notes, so the tree is not redrawn under a selection', async () => {
    const { services } = await api();
    const backprop = await task('deep-learning', 'backpropagation');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mlRoadmaps.openNotes', backprop);
    const index = new NotesIndex(services.log);
    const fired: (readonly string[] | undefined)[] = [];
    index.onDidChange((keys) => fired.push(keys));
    try {
      await index.ensureScanned();
      assert.ok(fired.length > 0, 'the scan reported what it found');
      for (const keys of fired) assert.ok(Array.isArray(keys), 'every change names its tasks');
      assert.ok(fired.flat().includes('deep-learning/backpropagation'));
      assert.ok(!fired.flat().includes('deep-learning/eigenvalues-eigenvectors'), 'a task without notes is not named');
      assert.deepStrictEqual(index.notesOf('deep-learning', 'backpropagation'), [uri.toString()]);
    } finally {
      index.dispose();
    }
  });
});
