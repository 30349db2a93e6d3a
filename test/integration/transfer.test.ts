import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, eventually, resetAll, showInTree, stateOf, task, workspaceFolder, writeFile } from './helpers';
import { inTree } from './page';

function scratch(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), 'transfer', `${Date.now()}-${name}`);
}

suite('Export and import of progress', () => {
  setup(resetAll);

  test('Export, reset, import brings every state back', async () => {
    const numpy = await task('ml-dl-condensed', 'numpy');
    const pandas = await task('ml-dl-condensed', 'pandas');
    const perceptron = await task('deep-learning', 'perceptron');
    await vscode.commands.executeCommand('mlRoadmaps.markDone', numpy);
    await vscode.commands.executeCommand('mlRoadmaps.markInProgress', pandas);
    await vscode.commands.executeCommand('mlRoadmaps.markSkipped', perceptron);
    const file = scratch('all.json');
    assert.strictEqual((await vscode.commands.executeCommand<vscode.Uri>('mlRoadmaps.exportProgress', 'all', file, { markdown: true })).toString(), file.toString());
    const checklist = new TextDecoder().decode(await vscode.workspace.fs.readFile(file.with({ path: file.path.replace(/\.json$/, '.md') })));
    assert.match(checklist, /^- \[x\] NumPy$/m);

    await resetAll();
    assert.strictEqual(await stateOf(numpy), 'notStarted');
    const result = await vscode.commands.executeCommand<{ imported: number }>('mlRoadmaps.importProgress', file, { confirmed: true });
    assert.strictEqual(result.imported, 3);
    assert.deepStrictEqual(await Promise.all([numpy, pandas, perceptron].map(stateOf)), ['done', 'inProgress', 'skipped']);
    await showInTree(numpy);
    await eventually(async () => (await inTree.row(numpy.module.phase.roadmap.title)).description.startsWith('1/'), 'the roadmap row counting it');
  });

  test('A malformed import changes nothing and says what is wrong', async () => {
    const numpy = await task('ml-dl-condensed', 'numpy');
    await vscode.commands.executeCommand('mlRoadmaps.markInProgress', numpy);
    const states = async () => Promise.all([...numpy.module.phase.roadmap.taskIndex.values()].map(stateOf));
    const before = await states();
    const extension = await api();
    let told = 0;
    const listener = extension.onDidChangeStates(() => told++);
    for (const [name, text, expected] of [
      ['garbage.json', 'this is not json', /not valid JSON/],
      ['other.json', '{"format":"something-else"}', /not an ML Roadmaps progress export/],
      ['bad-state.json', '{"format":"ml-roadmaps-progress","version":1,"roadmaps":{"ml-dl-condensed":{"tasks":{"numpy":{"state":"finished","changedAt":1}}}}}', /numpy\.state/],
    ] as const) {
      const file = scratch(name);
      await writeFile(file, text);
      const result = await vscode.commands.executeCommand<{ error: string }>('mlRoadmaps.importProgress', file, { confirmed: true });
      assert.match(result.error, expected);
    }
    listener.dispose();
    assert.deepStrictEqual(await states(), before);
    assert.strictEqual(told, 0, 'no state changed');
  });

  test('Export never replaces an existing file', async () => {
    const file = scratch('taken.json');
    await writeFile(file, 'mine');
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.exportProgress', 'all', file), undefined);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), 'mine');
  });
});
