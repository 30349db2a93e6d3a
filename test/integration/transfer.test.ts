import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, eventually, resetAll, showInTree, stateOf, task, workspaceFolder, writeFile } from './helpers';
import { inTree, inWorkbench } from './page';

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

  test('Exporting again to the same file: the save dialog asks, the learner says yes, the file is replaced and the checklist gets a fresh name', async () => {
    const numpy = await task('ml-dl-condensed', 'numpy');
    await vscode.commands.executeCommand('mlRoadmaps.markDone', numpy);
    // Where the save dialog proposes the file, and its checklist, both there from an earlier export.
    const file = vscode.Uri.joinPath(workspaceFolder(), `ml-roadmaps-progress-ml-dl-condensed-${new Date().toISOString().slice(0, 10)}.json`);
    const checklist = file.with({ path: file.path.replace(/\.json$/, '.md') });
    const freshChecklist = file.with({ path: file.path.replace(/\.json$/, '-2.md') });
    await writeFile(file, 'an earlier export');
    await writeFile(checklist, 'my edited checklist');
    try {
      const exported = vscode.commands.executeCommand<vscode.Uri | undefined>('mlRoadmaps.exportProgress', numpy.module.phase.roadmap, undefined, { markdown: true });
      // The workbench's own save dialog, answered as a person would: accept the proposed file…
      const ok = '.quick-input-widget .quick-input-action a.monaco-button:visible';
      await eventually(async () => /ml-roadmaps-progress-ml-dl-condensed-[\d-]+\.json$/.test((await inWorkbench.read('.quick-input-widget .quick-input-box input')).value ?? ''), 'the save dialog proposing the file', 20_000);
      await inWorkbench.click(ok);
      // …and yes to its question whether to overwrite it.
      await eventually(async () => /already exists/.test((await inWorkbench.read('.quick-input-widget .quick-input-title')).text), 'the dialog asking to overwrite', 20_000);
      await inWorkbench.click(ok);
      assert.strictEqual((await exported)?.toString(), file.toString(), 'the export went where the dialog said');
      const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(await read(file), /"ml-roadmaps-progress"/);
      assert.strictEqual(await read(checklist), 'my edited checklist', 'the checklist no one confirmed is kept');
      assert.match(await read(freshChecklist), /^- \[x\] NumPy$/m);
    } finally {
      for (const uri of [file, checklist, freshChecklist]) await Promise.resolve(vscode.workspace.fs.delete(uri)).catch(() => undefined);
    }
  });

  test('Export never replaces an existing file', async () => {
    const file = scratch('taken.json');
    await writeFile(file, 'mine');
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.exportProgress', 'all', file), undefined);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), 'mine');
  });
});
