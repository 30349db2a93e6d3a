import * as assert from 'assert';
import * as vscode from 'vscode';
import { LinkDecorations, toStoredLink } from '../../src/links';
import type { Task } from '../../src/model/types';
import { api, eventually, showInTree, stateOf, task, unlinkAll, workspaceFolder } from './helpers';
import { ownServices } from './ownServices';
import { inTree, inWorkbench, type TreeRow } from './page';

async function makeFolder(name: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), 'link-tests', `${name}-${Date.now()}`);
  await vscode.workspace.fs.createDirectory(uri);
  return uri;
}

const nameOf = (uri: vscode.Uri) => uri.path.split('/').pop() ?? '';

/** The rows under a task, as the tree shows them once the task is expanded. */
async function rows(target: Task): Promise<readonly TreeRow[]> {
  await showInTree(target);
  await inTree.expand(target.title);
  return inTree.childrenOf(target.title);
}

const toasts = async () => (await inWorkbench.read('.notifications-toasts')).text;

async function linked(target: Task): Promise<string[]> {
  return (await api()).linkedFolders(target.module.phase.roadmap.id, target.id).map((u) => u.toString());
}

suite('Folder links', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    await unlinkAll(await task('master-24-week', 'titanic-eda'));
    await unlinkAll(await task('master-24-week', 'mnist-mlp'));
  });

  test('Link Folder adds the folder under its task, and the API reports it', async () => {
    const folder = await makeFolder('titanic');
    const titanic = await task('master-24-week', 'titanic-eda');
    const changed: string[] = [];
    const listener = (await api()).onDidChangeLinkedFolders((key) => changed.push(key));
    try {
      await showInTree(titanic);
      assert.strictEqual((await inTree.row(titanic.title)).expanded, undefined, 'nothing under the task yet');
      assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.linkFolder', titanic, folder), true);
      assert.deepStrictEqual(changed, ['master-24-week/titanic-eda']);
    } finally {
      listener.dispose();
    }
    await eventually(async () => (await inTree.row(titanic.title)).expanded === false, 'the task can expand');
    const [row] = await rows(titanic);
    assert.strictEqual(row.label, nameOf(folder));
    assert.match(row.description, /link-tests\//, 'where it is in the workspace');
    assert.ok((await inTree.menu(row.label)).includes('Unlink Folder'), 'a folder row offers Unlink');
    assert.deepStrictEqual(await linked(titanic), [folder.toString()]);
  });

  test('Dropping folders on a task links them; a file dropped with them is skipped, and a drop elsewhere says where to drop', async () => {
    const titanic = await task('master-24-week', 'titanic-eda');
    const [first, second] = [await makeFolder('dropped'), await makeFolder('dropped-too')];
    const file = vscode.Uri.joinPath(first, 'notes.txt');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('not a folder'));
    await showInTree(titanic);
    await inTree.drop(titanic.title, [first, file, second]);
    await eventually(async () => (await linked(titanic)).length === 2, 'two folders linked', 10_000);
    assert.deepStrictEqual((await linked(titanic)).sort(), [first.toString(), second.toString()].sort());
    await eventually(async () => (await toasts()).includes('Linked 2 folder(s); files and folders already linked were skipped.'), 'the file said to be skipped');
    assert.deepStrictEqual((await rows(titanic)).map((r) => r.label).sort(), [nameOf(first), nameOf(second)].sort());

    // On the module's row: nothing is linked, and the message says where to drop.
    await vscode.commands.executeCommand('notifications.clearAll');
    const third = await makeFolder('dropped-on-module');
    await inTree.drop(titanic.module.title, [third]);
    await eventually(async () => (await toasts()).includes('Drop folders on a task to link them to it.'), 'where to drop');
    assert.deepStrictEqual((await linked(titanic)).sort(), [first.toString(), second.toString()].sort(), 'a drop on a module links nothing');
  });

  test('Its linked folders stay under a task that is revealed while its rows are redrawn', async function () {
    this.timeout(120_000);
    const titanic = await task('master-24-week', 'titanic-eda');
    const folders = [await makeFolder('race-a'), await makeFolder('race-b'), await makeFolder('race-c')];
    for (const folder of folders) await vscode.commands.executeCommand('mlRoadmaps.linkFolder', titanic, folder);
    await rows(titanic);
    // A state change redraws the task's row and its children while the reveal fetches them too;
    // rows that waited on the disk let the two fetches overlap, and VS Code's tree then refuses
    // the second ("Element with id … is already registered") and loses the rows.
    const before = await stateOf(titanic);
    try {
      for (let round = 0; round < 20; round++) {
        await Promise.all([
          vscode.commands.executeCommand('mlRoadmaps.toggleDone', titanic),
          vscode.commands.executeCommand('mlRoadmaps.revealTask', titanic),
          vscode.commands.executeCommand(round % 2 ? 'mlRoadmaps.hideFinished' : 'mlRoadmaps.showFinished'),
          vscode.commands.executeCommand('mlRoadmaps.revealTask', titanic),
          vscode.commands.executeCommand('mlRoadmaps.toggleDone', titanic),
        ]);
      }
    } finally {
      // Finished tasks shown again, as every other suite expects.
      await vscode.commands.executeCommand('mlRoadmaps.showFinished');
    }
    assert.strictEqual(await stateOf(titanic), before, 'toggled an even number of times');
    // The tree is whole again: every roadmap at the top, the task's folders under it.
    const roadmaps = (await (await api()).roadmaps()).map((r) => r.title);
    await eventually(async () => {
      await vscode.commands.executeCommand('workbench.actions.treeView.mlRoadmaps.tree.collapseAll');
      const top = (await inTree.rows()).filter((r) => r.level === 1).map((r) => r.label);
      return roadmaps.every((title) => top.includes(title));
    }, 'every roadmap at the top of the tree');
    const shown = await eventually(async () => {
      const now = await rows(titanic);
      return now.length === folders.length && now;
    }, 'the three folders under the task');
    assert.deepStrictEqual(shown.map((r) => r.label).sort(), folders.map(nameOf).sort());
  });

  test('A folder that no longer exists stays listed with a warning, and Relink… fixes it', async () => {
    const gone = await makeFolder('gone');
    const titanic = await task('master-24-week', 'titanic-eda');
    await vscode.commands.executeCommand('mlRoadmaps.linkFolder', titanic, gone);
    await vscode.workspace.fs.delete(gone, { recursive: true });
    // Rows are drawn from what was last seen of the folder, then redrawn once it has been looked at again.
    const [missing] = await eventually(async () => {
      const now = await rows(titanic);
      return now[0]?.icon === 'warning' && now;
    }, 'the gone folder drawn with a warning');
    assert.match(missing.description, /missing/);
    assert.ok((await inTree.menu(missing.label)).includes('Relink Folder…'));
    const replacement = await makeFolder('found');
    await inTree.click(missing.label);
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.relinkFolder', undefined, replacement), true);
    const [fixed] = await eventually(async () => {
      const now = await rows(titanic);
      return now[0]?.label === nameOf(replacement) && now;
    }, 'the replacement under the task');
    assert.notStrictEqual(fixed.icon, 'warning');
    assert.deepStrictEqual(await linked(titanic), [replacement.toString()]);
  });

  test('Unlink removes the link and leaves the folder alone', async () => {
    const folder = await makeFolder('unlink');
    const titanic = await task('master-24-week', 'titanic-eda');
    await vscode.commands.executeCommand('mlRoadmaps.linkFolder', titanic, folder);
    await rows(titanic);
    await inTree.click(nameOf(folder));
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.unlinkFolder'), true);
    assert.deepStrictEqual(await linked(titanic), []);
    assert.ok((await vscode.workspace.fs.stat(folder)).type & vscode.FileType.Directory);
  });

  test('The Explorer marks a linked folder with a badge naming its task', async () => {
    // The workbench draws the badge where a test cannot read it: asked of the decorations as the Explorer asks them.
    const own = ownServices();
    const decorations = new LinkDecorations(own.services.links, own.services);
    try {
      const folder = await makeFolder('badge');
      const titanic = (await own.services.registry.task('master-24-week', 'titanic-eda'))!;
      await own.services.links.add('master-24-week', 'titanic-eda', toStoredLink(folder));
      decorations.refresh();
      const decoration = decorations.provideFileDecoration(folder);
      assert.strictEqual(decoration?.badge, '◆');
      assert.match(decoration.tooltip ?? '', new RegExp(titanic.title));
      assert.strictEqual(decorations.provideFileDecoration(workspaceFolder()), undefined);
    } finally {
      decorations.dispose();
      own.dispose();
    }
  });

  test('Open in Terminal starts a terminal in the linked folder', async () => {
    const folder = await makeFolder('terminal');
    const titanic = await task('master-24-week', 'titanic-eda');
    await vscode.commands.executeCommand('mlRoadmaps.linkFolder', titanic, folder);
    await rows(titanic);
    await inTree.click(nameOf(folder));
    const terminal = await vscode.commands.executeCommand<vscode.Terminal>('mlRoadmaps.openTerminalInLinkedFolder');
    try {
      assert.strictEqual(((terminal.creationOptions as vscode.TerminalOptions).cwd as vscode.Uri).toString(), folder.toString());
    } finally {
      terminal.dispose();
    }
  });
});
