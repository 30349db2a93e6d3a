import * as assert from 'assert';
import * as vscode from 'vscode';
import { StorageKeys } from '../../src/storage/memento';
import { LinkStore } from '../../src/storage/linkStore';
import { api, eventually, task, workspaceFolder } from './helpers';

async function makeFolder(name: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), 'link-tests', `${name}-${Date.now()}`);
  await vscode.workspace.fs.createDirectory(uri);
  return uri;
}

async function rows(roadmapId: string, taskId: string): Promise<vscode.TreeItem[]> {
  const { tree } = await api();
  const children = await tree.provider.getChildren(await task(roadmapId, taskId));
  return children.map((c) => tree.provider.getTreeItem(c));
}

async function unlinkAll(roadmapId: string, taskId: string): Promise<void> {
  const { links } = await api();
  for (const folder of await links.foldersOf(await task(roadmapId, taskId))) await vscode.commands.executeCommand('mlRoadmaps.unlinkFolder', folder);
}

suite('Folder links', () => {
  teardown(async () => {
    await unlinkAll('master-24-week', 'titanic-eda');
    await unlinkAll('master-24-week', 'mnist-mlp');
  });

  test('Link Folder adds the folder under its task, stored relative to the workspace folder', async () => {
    const { tree, workspaceState } = await api();
    const folder = await makeFolder('titanic');
    const titanic = await task('master-24-week', 'titanic-eda');
    assert.strictEqual(tree.provider.getTreeItem(titanic).collapsibleState, vscode.TreeItemCollapsibleState.None);
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.linkFolder', titanic, folder), true);
    const [row] = await rows('master-24-week', 'titanic-eda');
    assert.strictEqual(row.resourceUri?.toString(), folder.toString());
    assert.strictEqual(row.contextValue, 'linkedFolder');
    assert.strictEqual(tree.provider.getTreeItem(titanic).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const stored = workspaceState.get<{ links: Record<string, { folder?: string; path: string }[]> }>(StorageKeys.links)!;
    assert.deepStrictEqual(stored.links['master-24-week/titanic-eda'], [{ folder: vscode.workspace.workspaceFolders![0].name, path: `link-tests/${folder.path.split('/').pop()}` }]);
  });

  test('Links survive a reload: a fresh store over workspace state reads them back', async () => {
    const { workspaceState } = await api();
    const folder = await makeFolder('reload');
    await vscode.commands.executeCommand('mlRoadmaps.linkFolder', await task('master-24-week', 'titanic-eda'), folder);
    const reloaded = new LinkStore(workspaceState, (w) => assert.fail(w));
    assert.strictEqual(reloaded.linksOf('master-24-week', 'titanic-eda').length, 1);
  });

  test('Dropping folders from the Explorer onto a task links them; files are refused', async () => {
    const { tree, links } = await api();
    const a = await makeFolder('drop-a');
    const b = await makeFolder('drop-b');
    const file = vscode.Uri.joinPath(a, 'train.py');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('print(1)\n'));
    const data = new vscode.DataTransfer();
    data.set('text/uri-list', new vscode.DataTransferItem(`${a.toString()}\r\n# a comment\r\n${b.toString()}\r\n${file.toString()}`));
    const mnist = await task('master-24-week', 'mnist-mlp');
    await tree.dragAndDropController.handleDrop!(mnist, data, new vscode.CancellationTokenSource().token);
    const folders = await links.foldersOf(mnist);
    assert.deepStrictEqual(folders.map((f) => f.uri?.toString()), [a.toString(), b.toString()]);
  });

  test('A folder that no longer exists stays listed with a warning, and Relink… fixes it', async () => {
    const gone = await makeFolder('gone');
    const titanic = await task('master-24-week', 'titanic-eda');
    await vscode.commands.executeCommand('mlRoadmaps.linkFolder', titanic, gone);
    await vscode.workspace.fs.delete(gone, { recursive: true });
    const [missing] = await rows('master-24-week', 'titanic-eda');
    assert.strictEqual(missing.contextValue, 'linkedFolder.missing');
    assert.strictEqual((missing.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.match(String(missing.description), /missing/);
    const { links } = await api();
    const [row] = await links.foldersOf(titanic);
    const replacement = await makeFolder('found');
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.relinkFolder', row, replacement), true);
    const [fixed] = await rows('master-24-week', 'titanic-eda');
    assert.strictEqual(fixed.contextValue, 'linkedFolder');
    assert.strictEqual(fixed.resourceUri?.toString(), replacement.toString());
  });

  test('Unlink removes the link and leaves the folder alone', async () => {
    const { links } = await api();
    const folder = await makeFolder('unlink');
    const titanic = await task('master-24-week', 'titanic-eda');
    await vscode.commands.executeCommand('mlRoadmaps.linkFolder', titanic, folder);
    const [row] = await links.foldersOf(titanic);
    assert.strictEqual(row.treeItem().contextValue, 'linkedFolder');
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.unlinkFolder', row), true);
    assert.deepStrictEqual(await links.foldersOf(titanic), []);
    assert.ok((await vscode.workspace.fs.stat(folder)).type & vscode.FileType.Directory);
  });

  test('The Explorer marks a linked folder with a badge naming its task', async () => {
    const { links } = await api();
    const folder = await makeFolder('badge');
    await vscode.commands.executeCommand('mlRoadmaps.linkFolder', await task('master-24-week', 'titanic-eda'), folder);
    const decoration = await eventually(() => links.decorationFor(folder), 'a decoration');
    assert.strictEqual(decoration.badge, '◆');
    assert.match(decoration.tooltip ?? '', /Titanic dataset EDA/);
    assert.strictEqual(links.decorationFor(workspaceFolder()), undefined);
  });

  test('Open in Terminal starts a terminal in the linked folder', async () => {
    const { links } = await api();
    const folder = await makeFolder('terminal');
    const titanic = await task('master-24-week', 'titanic-eda');
    await vscode.commands.executeCommand('mlRoadmaps.linkFolder', titanic, folder);
    const [row] = await links.foldersOf(titanic);
    const terminal = await vscode.commands.executeCommand<vscode.Terminal>('mlRoadmaps.openTerminalInLinkedFolder', row);
    try {
      assert.strictEqual(((terminal.creationOptions as vscode.TerminalOptions).cwd as vscode.Uri).toString(), folder.toString());
    } finally {
      terminal.dispose();
    }
  });
});
