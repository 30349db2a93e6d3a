/**
 * Classes in the real workbench: a learner's class file, a folder of them (some hostile) on the
 * class dashboard, sorting, the CSV export through the save dialog, a changed file read again, and
 * the progress card; a class/ folder made after the dashboard opened, and the Explorer's Open Class
 * Dashboard on a folder. No Node APIs: the web suite runs it too.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ClassAggregate, shapeOf } from '../../src/model/classroom/aggregate';
import { parseClassFile } from '../../src/model/classroom/classFile';
import { viewRows } from '../../src/model/classroom/table';
import { escapeXml } from '../../src/model/classroom/card';
import { tasksOf } from '../../src/model/types';
import { learnerFile, learnerText } from '../classFixtures';
import { eventually, resetAll, roadmap, task, workspaceFolder, writeFile } from './helpers';
import { inPage, inWorkbench } from './page';

const LEARNERS = 30;
const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

suite('Classes', () => {
  setup(resetAll);
  // The class dashboard watches its folder: it must not outlive the suite.
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('Export Progress for a Class writes the handle, states and nothing else, and never over an existing file', async () => {
    const numpy = await task('ml-dl-condensed', 'numpy');
    await vscode.commands.executeCommand('mlRoadmaps.markDone', numpy);
    const file = vscode.Uri.joinPath(workspaceFolder(), 'classes', `${Date.now()}`, 'class', 'ada.json');
    assert.strictEqual((await vscode.commands.executeCommand<vscode.Uri>('mlRoadmaps.exportClassProgress', 'ada', file))?.toString(), file.toString());
    const text = await read(file);
    const parsed = parseClassFile(text, 'ada.json');
    assert.ok(parsed.file, parsed.reason);
    assert.strictEqual(parsed.file.handle, 'ada');
    assert.strictEqual(parsed.file.roadmaps.find((r) => r.id === 'ml-dl-condensed')?.tasks.numpy.state, 'done');
    assert.doesNotMatch(text, /notes|"title"|file:|\/home\//);
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.exportClassProgress', 'ada', file), undefined, 'an existing file is not replaced');
    assert.strictEqual(await read(file), text);
  });

  test('The class dashboard: learners × phases, hostile files listed and skipped, sorting, CSV export, a changed file read again', async function () {
    this.timeout(120_000);
    const master = shapeOf(await roadmap('master-24-week'));
    const now = Date.now();
    // A clone beside the workspace, as a teacher's usually is. Inside the workspace, VS Code serves
    // the dashboard's watcher from the workspace's recursive one, which can miss a nested folder
    // made a moment before (as here: the folder, class/ and its files, just before the dashboard
    // opens); then the change at the end of this test was never reported.
    const folder = vscode.Uri.joinPath(workspaceFolder(), '..', `class-dash-${now}`);
    const expected = new ClassAggregate([master]);
    for (let n = 0; n < LEARNERS; n++) {
      await writeFile(vscode.Uri.joinPath(folder, 'class', `learner-${n}.json`), learnerText(master, n, now));
      expected.set(`class/learner-${n}.json`, learnerFile(master, n, now));
    }
    // Hostile: too large, a newer version, HTML as the handle, someone else's JSON; and HTML in a file name.
    await writeFile(vscode.Uri.joinPath(folder, 'class', 'huge.json'), `{"format":"ml-roadmaps-class","pad":"${'x'.repeat(300 * 1024)}"}`);
    await writeFile(vscode.Uri.joinPath(folder, 'class', 'future.json'), learnerText(master, 1, now).replace('"version": 1', '"version": 2'));
    await writeFile(vscode.Uri.joinPath(folder, 'class', 'html.json'), learnerText(master, 2, now, '<img src=x onerror=alert(1)>'));
    await writeFile(vscode.Uri.joinPath(folder, 'package.json'), '{"name":"class-repo","version":"1.0.0"}');
    await writeFile(vscode.Uri.joinPath(folder, '<b onmouseover=alert(1)>.json'), learnerText(master, 3, now, 'bold'));
    expected.set('<b onmouseover=alert(1)>.json', learnerFile(master, 3, now, 'bold'));

    await vscode.commands.executeCommand('mlRoadmaps.openClassDashboard', folder);
    await eventually(async () => (await inPage.count('class', 'section.class-roadmap tbody tr')) === LEARNERS + 1, 'a row per learner', 20_000);
    assert.strictEqual(await inPage.count('class', '#bad-list li'), 4);
    const bad = (await inPage.read('class', '#bad-list')).text;
    for (const reason of [/huge\.json: larger than 256 KB/, /future\.json: version: version 2 is newer/, /html\.json: handle: letters, digits/, /package\.json: format: expected "ml-roadmaps-class"/]) assert.match(bad, reason);
    assert.strictEqual(await inPage.count('class', 'img, b, [onerror], [onmouseover]'), 0, 'nothing from the files became an element');
    assert.strictEqual(await inPage.count('class', 'thead th'), 5 + master.phases.length);

    await inPage.click('class', 'button[data-sort="done"]');
    const byDone = viewRows(expected.rows('master-24-week'), { sort: 'done', descending: true, filter: '' }, master);
    await eventually(async () => (await inPage.read('class', 'th[aria-sort="descending"]')).text.startsWith('Done'), 'sorted by Done, most first', 20_000);
    assert.strictEqual((await inPage.read('class', 'tbody tr th')).text, byDone[0].handle);

    await inPage.click('class', 'button.export-csv');
    const ok = '.quick-input-widget .quick-input-action a.monaco-button:visible';
    await eventually(async () => /class-master-24-week-[\d-]+\.csv$/.test((await inWorkbench.read('.quick-input-widget .quick-input-box input')).value ?? ''), 'the save dialog proposing the CSV', 20_000);
    await inWorkbench.click(ok);
    const csvFile = vscode.Uri.joinPath(folder, `class-master-24-week-${new Date().toISOString().slice(0, 10)}.csv`);
    const csv = await eventually(() => read(csvFile), 'the CSV written', 20_000);
    const lines = csv.split('\r\n');
    assert.match(lines[0], /^Learner,File,Done %,/);
    assert.deepStrictEqual(lines.slice(1, -1).map((line) => line.split(',')[0]), byDone.map((r) => r.handle));
    assert.strictEqual(lines.at(-1), '');

    // One learner catches up: the folder's watcher reports it, and that file alone is read again.
    await writeFile(vscode.Uri.joinPath(folder, 'class', 'learner-0.json'), learnerText(master, 0, now, 'caught-up').replace(/"state": "inProgress"/g, '"state": "done"'));
    await eventually(async () => (await inPage.count('class', 'tbody th')) === LEARNERS + 1 && (await inPage.read('class', '.showing')).text.includes(String(LEARNERS + 1)) && (await rowHandles()).includes('caught-up'), 'the changed file read again', 60_000).catch(async (error: Error) => {
      // What the page shows instead, for whoever reads the failure.
      throw new Error(`${error.message}; the page shows: ${(await inPage.read('class', '.showing')).text}; ${(await rowHandles()).slice(0, 200)}`);
    });
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  test('The class dashboard reads class/ when it appears after the dashboard opened, and again after it was removed and made again', async function () {
    this.timeout(120_000);
    const master = shapeOf(await roadmap('master-24-week'));
    const now = Date.now();
    // An empty clone of a class repository: no class/ yet.
    const folder = vscode.Uri.joinPath(workspaceFolder(), 'classes', `late-${now}`);
    const classFolder = vscode.Uri.joinPath(folder, 'class');
    await writeFile(vscode.Uri.joinPath(folder, 'README.md'), '# A class\n');
    await vscode.commands.executeCommand('mlRoadmaps.openClassDashboard', folder);
    await eventually(async () => (await inPage.read('class', '#status')).text.length > 0 && (await inPage.count('class', 'section.class-roadmap')) === 0, 'the dashboard of a folder without class files', 20_000);

    // A pull makes class/ with its files at once.
    await writeFile(vscode.Uri.joinPath(classFolder, 'ada.json'), learnerText(master, 1, now, 'ada'));
    await writeFile(vscode.Uri.joinPath(classFolder, 'grace.json'), learnerText(master, 2, now, 'grace'));
    await eventually(async () => /ada[\s\S]*grace/.test(await rowHandles()), 'the learners of the class/ folder made after the dashboard opened', 30_000);
    // The new class/ folder is watched: a file added later is read too.
    await writeFile(vscode.Uri.joinPath(classFolder, 'lin.json'), learnerText(master, 3, now, 'lin'));
    await eventually(async () => (await rowHandles()).includes('lin') && (await inPage.count('class', 'tbody th')) === 3, 'a file added to the new class/ folder', 30_000);

    // class/ removed (a checkout of a branch without it): its learners go; made again: its learners come.
    await vscode.workspace.fs.delete(classFolder, { recursive: true });
    await eventually(async () => (await inPage.count('class', 'section.class-roadmap')) === 0, 'the learners gone with class/', 30_000);
    await writeFile(vscode.Uri.joinPath(classFolder, 'mary.json'), learnerText(master, 4, now, 'mary'));
    await eventually(async () => (await rowHandles()).includes('mary') && (await inPage.count('class', 'tbody th')) === 1, 'the learner of class/ made again', 30_000);
  });

  test('Open Class Dashboard on a folder from the Explorer opens it without asking; anything but a folder asks', async function () {
    this.timeout(60_000);
    const master = shapeOf(await roadmap('master-24-week'));
    const now = Date.now();
    const folder = vscode.Uri.joinPath(workspaceFolder(), 'classes', `explorer-${now}`);
    await writeFile(vscode.Uri.joinPath(folder, 'class', 'ada.json'), learnerText(master, 1, now, 'ada'));
    const dialog = '.quick-input-widget:visible';
    // The Explorer's context menu passes the folder clicked and the folders selected.
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.openClassDashboardOnFolder', folder, [folder]), folder.toString());
    assert.strictEqual(await inWorkbench.count(dialog), 0, 'no folder was asked for');
    await eventually(async () => (await rowHandles()).includes('ada'), 'the dashboard of the folder given', 20_000);
    assert.match((await inPage.read('class', '#folder')).text, new RegExp(`explorer-${now}$`));

    for (const notAFolder of [vscode.Uri.joinPath(folder, 'class', 'ada.json'), folder.toString()]) {
      const opening = vscode.commands.executeCommand('mlRoadmaps.openClassDashboardOnFolder', notAFolder).then(
        (answer) => answer,
        (error: Error) => error,
      );
      await eventually(async () => (await inWorkbench.count(dialog)) === 1, `the folder asked for, given ${String(notAFolder)}`, 20_000);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await eventually(async () => (await inWorkbench.count(dialog)) === 0, 'the question dismissed', 20_000);
      assert.strictEqual(await opening, undefined, 'nothing opened when the question is dismissed');
    }
  });

  test('Save Progress Card writes an SVG of the roadmap, and never over an existing file', async () => {
    const numpy = await task('ml-dl-condensed', 'numpy');
    await vscode.commands.executeCommand('mlRoadmaps.markDone', numpy);
    const file = vscode.Uri.joinPath(workspaceFolder(), 'classes', `card-${Date.now()}.svg`);
    await vscode.commands.executeCommand('mlRoadmaps.saveProgressCard', numpy.module.phase.roadmap, file);
    const svg = await read(file);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svg.includes(`1 of ${tasksOf(numpy.module.phase.roadmap).length} tasks`), svg);
    assert.ok(svg.includes(escapeXml(numpy.module.phase.roadmap.title)));
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.saveProgressCard', numpy.module.phase.roadmap, file), undefined);
  });
});

/** The handles of the rows shown, as one text (the driver reads one element; the table body is enough). */
async function rowHandles(): Promise<string> {
  return (await inPage.read('class', 'tbody')).text;
}
