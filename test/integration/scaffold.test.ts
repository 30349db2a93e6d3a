import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, resetAll, scaffoldPrompts as prompts, task, workspaceFolder, writeFile } from './helpers';

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

suite('Starter projects', () => {
  setup(resetAll);
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('Creates the scaffold for a task, links it, sets the task in progress and opens the README', async () => {
    const { scaffolds, links, services } = await api();
    const titanic = await task('master-24-week', 'titanic-eda');
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `titanic-${Date.now()}`);
    const created = await scaffolds.create(titanic, prompts(target));
    assert.strictEqual(created?.toString(), target.toString());
    const readme = await read(vscode.Uri.joinPath(target, 'README.md'));
    assert.match(readme, /^# My Titanic$/m);
    assert.match(readme, /Titanic dataset EDA/);
    assert.ok(!readme.includes('{{'), 'every variable is filled');
    assert.match(await read(vscode.Uri.joinPath(target, 'requirements.txt')), /==/);
    assert.ok((await links.foldersOf(titanic)).some((f) => f.uri?.toString() === target.toString()));
    assert.strictEqual(services.tracker.stateOf(titanic), 'inProgress');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), vscode.Uri.joinPath(target, 'README.md').toString());
    assert.strictEqual((await api()).services.context.valueOf('mlRoadmaps.createdStarterProject'), true, 'the walkthrough step completes');
  });

  test('Into a folder that already has files: lists them, keeps them, writes the rest', async () => {
    const { scaffolds } = await api();
    const titanic = await task('master-24-week', 'titanic-eda');
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `existing-${Date.now()}`);
    await writeFile(vscode.Uri.joinPath(target, 'README.md'), 'my own readme\n');
    const kept: string[][] = [];
    await scaffolds.create(titanic, prompts(target, { kept }));
    assert.deepStrictEqual(kept, [['README.md']]);
    assert.strictEqual(await read(vscode.Uri.joinPath(target, 'README.md')), 'my own readme\n');
    assert.match(await read(vscode.Uri.joinPath(target, 'requirements.txt')), /pandas==/);
  });

  test('Declining to go on when files exist writes nothing', async () => {
    const { scaffolds } = await api();
    const titanic = await task('master-24-week', 'titanic-eda');
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `declined-${Date.now()}`);
    await writeFile(vscode.Uri.joinPath(target, '.gitignore'), 'mine\n');
    assert.strictEqual(await scaffolds.create(titanic, prompts(target, { confirmKeep: false })), undefined);
    assert.deepStrictEqual((await vscode.workspace.fs.readDirectory(target)).map(([n]) => n), ['.gitignore']);
  });

  test('Every practice project of the bundled roadmaps is offered a scaffold that serves it', async () => {
    const { scaffolds, services } = await api();
    const catalog = await scaffolds.catalog();
    for (const roadmap of await services.registry.roadmaps()) {
      for (const project of [...roadmap.taskIndex.values()].filter((t) => t.kind === 'project')) {
        assert.ok((await catalog.forTask(roadmap.id, project.id)).length > 0, `${roadmap.id}/${project.id}`);
      }
    }
  });
});
