import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseScaffoldManifest } from '../../src/scaffold/manifest';
import { taskKey } from '../../src/model/ids';
import { api, createStarter, EXTENSION_ID, resetAll, starterOptions, stateOf, task, workspaceFolder, writeFile } from './helpers';

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

suite('Starter projects', () => {
  setup(resetAll);
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('Creates the scaffold for a task, links it, sets the task in progress and opens the README', async () => {
    const titanic = await task('master-24-week', 'titanic-eda');
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `titanic-${Date.now()}`);
    const created = await createStarter(starterOptions(target));
    assert.strictEqual(created?.toString(), target.toString());
    const readme = await read(vscode.Uri.joinPath(target, 'README.md'));
    assert.match(readme, /^# My Titanic$/m);
    assert.match(readme, /Titanic dataset EDA/);
    assert.ok(!readme.includes('{{'), 'every variable is filled');
    assert.match(await read(vscode.Uri.joinPath(target, 'requirements.txt')), /==/);
    assert.ok((await api()).linkedFolders('master-24-week', 'titanic-eda').some((f) => f.toString() === target.toString()));
    assert.strictEqual(await stateOf(titanic), 'inProgress');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), vscode.Uri.joinPath(target, 'README.md').toString());
  });

  test('Into a folder that already has files: keeps them, writes the rest', async () => {
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `existing-${Date.now()}`);
    await writeFile(vscode.Uri.joinPath(target, 'README.md'), 'my own readme\n');
    assert.strictEqual((await createStarter(starterOptions(target, { keepExisting: true })))?.toString(), target.toString());
    assert.strictEqual(await read(vscode.Uri.joinPath(target, 'README.md')), 'my own readme\n');
    assert.match(await read(vscode.Uri.joinPath(target, 'requirements.txt')), /pandas==/);
  });

  test('Declining to go on when files exist writes nothing', async () => {
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `declined-${Date.now()}`);
    await writeFile(vscode.Uri.joinPath(target, '.gitignore'), 'mine\n');
    assert.strictEqual(await createStarter(starterOptions(target, { keepExisting: false })), undefined);
    assert.deepStrictEqual((await vscode.workspace.fs.readDirectory(target)).map(([n]) => n), ['.gitignore']);
  });

  test('Options that are wrong are refused, and nothing is written', async () => {
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `refused-${Date.now()}`);
    for (const wrong of [
      { ...starterOptions(target), task: 'master-24-week/no-such-task' },
      { ...starterOptions(target), task: 'not a key' },
      { ...starterOptions(target), scaffold: 'no-such-starter' },
      { ...starterOptions(target), location: 42 },
      { ...starterOptions(target), keepExisting: 'yes' },
      { ...starterOptions(target), colour: 'blue' },
      { ...starterOptions(target), name: '   ' },
    ]) {
      assert.strictEqual(await createStarter(wrong), undefined, JSON.stringify(wrong));
    }
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'the folder was never made');
  });

  test('Every practice project of the bundled roadmaps is served by a bundled scaffold', async () => {
    const root = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'roadmaps', 'scaffolds');
    const served = new Set<string>();
    for (const [name, type] of await vscode.workspace.fs.readDirectory(root)) {
      if (type !== vscode.FileType.Directory) continue;
      const { manifest } = parseScaffoldManifest(await read(vscode.Uri.joinPath(root, name, 'scaffold.yaml')), name);
      for (const key of manifest?.serves ?? []) served.add(key);
    }
    for (const roadmap of await (await api()).roadmaps()) {
      for (const project of [...roadmap.taskIndex.values()].filter((t) => t.kind === 'project')) {
        assert.ok(served.has(taskKey(roadmap.id, project.id)), `${roadmap.id}/${project.id}`);
      }
    }
  });
});
