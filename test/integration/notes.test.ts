import * as assert from 'assert';
import * as vscode from 'vscode';
import { NotesIndex } from '../../src/notes';
import { eventually, showInTree, task, workspaceFolder, writeFile } from './helpers';
import { inTree, type TreeRow } from './page';

/** The tabs of our details pages. */
function detailsTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('mlRoadmaps.details'));
}

/** The rows under a task once it has any (expanding it), else none. */
async function rowsUnder(target: { readonly title: string }): Promise<readonly TreeRow[]> {
  const row = await inTree.row(target.title);
  if (row.expanded === undefined) return [];
  if (!row.expanded) await inTree.expand(target.title);
  return inTree.childrenOf(target.title);
}

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

  test('A task’s note appears under it in the tree, and opens from there', async () => {
    const partial = await task('deep-learning', 'partial-derivatives');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mlRoadmaps.openNotes', partial);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await showInTree(partial);
    const [row] = await eventually(async () => {
      const children = await rowsUnder(partial);
      return children.length > 0 && children;
    }, 'the note under its task');
    assert.strictEqual(row.label, 'partial-derivatives.md');
    await inTree.click(row.label);
    await eventually(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString(), 'the note open in an editor');
  });

  test('Any Markdown file that links to a task is listed as a related note', async () => {
    const gans = await task('deep-learning', 'gans');
    const name = `week-${Date.now()}.md`;
    const journal = vscode.Uri.joinPath(workspaceFolder(), 'journal', name);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(journal, '..'));
    await writeFile(journal, '# My week\n\nTrained a GAN, see [GANs](roadmap-task:deep-learning/gans).\n');
    await showInTree(gans);
    // The file watcher tells the notes index; the row follows.
    await eventually(async () => (await rowsUnder(gans)).some((r) => r.label === name), 'the journal under the GANs task', 20_000);
  });

  test('From inside a note, a CodeLens leads back to the task in the tree and its details', async () => {
    const perceptron = await task('deep-learning', 'perceptron');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mlRoadmaps.openNotes', perceptron);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const back = lenses.find((l) => l.command?.command === 'mlRoadmaps.showTask');
    assert.ok(back?.command, 'a lens that shows the task');
    assert.strictEqual(back.command.title, '$(map) Show “Perceptron” in ML Roadmaps');
    assert.strictEqual(back.range.start.line, 0);
    await vscode.commands.executeCommand(back.command.command, ...((back.command.arguments ?? []) as unknown[]));
    // The view shows its new selection a moment after reveal() resolves.
    await eventually(async () => (await inTree.selection()).join() === perceptron.title, 'the task selected in the tree');
    await eventually(() => detailsTabs().some((t) => t.label === perceptron.module.title), 'its module’s details open');
  });

  test('The first scan for notes names only the tasks that have notes, so the tree is not redrawn under a selection', async () => {
    const log = vscode.window.createOutputChannel('ML Roadmaps notes test', { log: true });
    const backprop = await task('deep-learning', 'backpropagation');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mlRoadmaps.openNotes', backprop);
    const index = new NotesIndex(log);
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
      log.dispose();
    }
  });
});
