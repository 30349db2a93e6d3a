import * as assert from 'assert';
import ICAL from 'ical.js';
import * as vscode from 'vscode';
import { localDateOf, systemUtcOffset } from '../../src/plan/dates';
import type { StudyPlan } from '../../src/plan/planner';
import type { TreeElement } from '../../src/tree/provider';
import type { Roadmap } from '../../src/model/types';
import { api, eventually, resetAll, roadmap, workspaceFolder, writeFile } from './helpers';

const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_MS = 86_400_000;

async function item(element: TreeElement): Promise<vscode.TreeItem> {
  return (await api()).tree.provider.getTreeItem(element);
}

async function plan(target: Roadmap, start: string, hoursPerWeek: number): Promise<StudyPlan> {
  const made = await vscode.commands.executeCommand<StudyPlan | undefined>('mlRoadmaps.planStudy', target, { start, hoursPerWeek, studyDays: EVERY_DAY });
  assert.ok(made, 'the plan was made');
  return made;
}

suite('Study plan', () => {
  setup(resetAll);
  teardown(async () => {
    await vscode.commands.executeCommand('mlRoadmaps.clearPlan', await roadmap('master-24-week'), { confirmed: true });
  });

  test('Planning the 24-week roadmap from a fixed date puts due dates on its phases and This Week at its top', async () => {
    const extension = await api();
    const { tree, services } = extension;
    const weeks = await roadmap('master-24-week');
    const made = await plan(weeks, '2026-01-05', 10);
    assert.deepStrictEqual([made.roadmapId, made.start, made.hoursPerWeek, made.studyDays], ['master-24-week', '2026-01-05', 10, EVERY_DAY]);
    assert.deepStrictEqual(services.plans.store.planOf('master-24-week'), made, 'stored');
    assert.strictEqual((await item(weeks)).contextValue, 'roadmap.planned');
    assert.strictEqual(extension.services.context.valueOf('mlRoadmaps.hasPlan'), true);

    const [week, first, second] = await tree.provider.getChildren(weeks);
    assert.strictEqual((await item(week)).label, 'This Week');
    // A week a phase: Monday 5 January to Sunday 11 January, then the week after.
    assert.match(String((await item(first)).description), /^0\/6 · 0% · due 2026-01-11$/);
    assert.match(String((await item(second)).description), / · due 2026-01-18$/);
    assert.strictEqual(String((await item(weeks)).description).includes('due'), false, 'the roadmap row keeps its counts');

    // The whole plan lies before today: every task is overdue, shown first, and points at its task.
    const rows = await tree.provider.getChildren(week);
    assert.strictEqual(rows.length, 100, 'at most 100 rows');
    const firstRow = await item(rows[0]);
    assert.strictEqual(firstRow.label, 'Python OOP & functions');
    assert.match(String(firstRow.description), /^overdue, due 2026-01-0\d$/);
    assert.strictEqual(tree.provider.getParent(rows[0]), week);
    assert.strictEqual(tree.provider.getParent(week), weeks);
    assert.deepStrictEqual(firstRow.command?.arguments, [weeks.phases[0].modules[0].tasks[0]]);
    // The task itself keeps its place, so reveal and getParent still lead to it.
    const python = weeks.phases[0].modules[0].tasks[0];
    assert.strictEqual(tree.provider.getParent(python), weeks.phases[0]);
    await tree.reveal(python);
    await eventually(() => tree.view.selection[0] === python, 'the task revealed in its phase');

    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.clearPlan', weeks, { confirmed: true }), true);
    assert.notStrictEqual((await tree.provider.getChildren(weeks))[0], week, 'This Week goes with the plan');
    assert.match(String((await item(weeks.phases[0])).description), /^0\/6 · 0%$/);
    assert.strictEqual(extension.services.context.valueOf('mlRoadmaps.hasPlan'), false);
  });

  test('Ticking tasks moves the status bar from behind to on track to ahead, and This Week with it', async () => {
    const { tree } = await api();
    const weeks = await roadmap('master-24-week');
    // A week ago, an hour a day: week 1 (7 h) was due yesterday.
    await plan(weeks, localDateOf(Date.now() - 7 * DAY_MS, systemUtcOffset), 7);
    const [week1, week2] = weeks.phases.map((p) => p.modules[0].tasks);
    await tree.reveal(week1[0]);
    const status = () => tree.statusBar.item.text;
    assert.match(status(), /^\$\(checklist\) 0\/\d+ · 0% · 7 days behind$/);
    const week = (await tree.provider.getChildren(weeks))[0];
    const overdue = async () => (await Promise.all((await tree.provider.getChildren(week)).map(item))).filter((i) => String(i.description).startsWith('overdue')).map((i) => i.label);
    assert.deepStrictEqual(await overdue(), week1.map((t) => t.title));

    await vscode.commands.executeCommand('mlRoadmaps.markDone', week1[0], week1);
    assert.match(status(), / · on track$/);
    assert.deepStrictEqual(await overdue(), []);
    await vscode.commands.executeCommand('mlRoadmaps.markDone', week2[0], week2);
    assert.match(status(), / · 7 days ahead$/);
    await vscode.commands.executeCommand('mlRoadmaps.markNotStarted', week2[0], week2);
    assert.match(status(), / · on track$/);

    // Re-planning from today keeps what is done: week 1 is history, week 2 is due in seven days.
    const replanned = await vscode.commands.executeCommand<StudyPlan>('mlRoadmaps.replan', weeks);
    assert.strictEqual(replanned.start, localDateOf(Date.now(), systemUtcOffset));
    assert.match(status(), / · on track$/);
    assert.match(String((await item(weeks.phases[1])).description), new RegExp(` · due ${localDateOf(Date.now() + 6 * DAY_MS, systemUtcOffset)}$`));
    assert.strictEqual((await item(weeks.phases[0])).description, '6/6 · 100%', 'a finished phase has no due date');
  });

  test('The dashboard of a planned roadmap draws the burn-up chart with its data, projected finish and pace', async () => {
    const { dashboard } = await api();
    const weeks = await roadmap('master-24-week');
    await plan(weeks, localDateOf(Date.now() - 14 * DAY_MS, systemUtcOffset), 7);
    await vscode.commands.executeCommand('mlRoadmaps.openDashboard', weeks);
    const panel = dashboard.panels()!.get('master-24-week')!;
    const html = () => panel.panel.webview.html;
    assert.match(html(), /<svg class="chart burnup" role="img" aria-label="Burn-up chart: 0 of 168 hours done by \d{4}-\d\d-\d\d, where the plan had 14; projected finish \d{4}-\d\d-\d\d\."/);
    assert.match(html(), /<strong>14 days behind<\/strong>/);
    assert.match(html(), /<dd id="pace">0 hours a week over the last 1 day\(s\) \(planned: 7\)<\/dd>/);
    assert.match(html(), /<details class="chart-data"><summary>Chart data<\/summary><table>/);
    await vscode.commands.executeCommand('mlRoadmaps.markDone', weeks.phases[0].modules[0].tasks[0], weeks.phases[0].modules[0].tasks);
    assert.match(html(), /<strong>7 days behind<\/strong>/, 'drawn again when a task is ticked');
    await vscode.commands.executeCommand('mlRoadmaps.clearPlan', weeks, { confirmed: true });
    assert.doesNotMatch(html(), /id="plan"/, 'and when the plan is cleared');
  });

  test('Export Plan to Calendar writes an .ics that an independent parser reads back, and never replaces a file', async () => {
    const weeks = await roadmap('master-24-week');
    await plan(weeks, '2026-01-05', 10);
    const file = vscode.Uri.joinPath(workspaceFolder(), 'calendar', `${Date.now()}-plan.ics`);
    const written = await vscode.commands.executeCommand<vscode.Uri>('mlRoadmaps.exportCalendar', weeks, file);
    assert.strictEqual(written.toString(), file.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const calendar = ICAL.Component.fromString(text);
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    // A week-based roadmap: an event a week, each all day from Monday to the next Monday (exclusive).
    assert.strictEqual(events.length, 24);
    assert.strictEqual(events[0].summary, '24-Week Complete Master Roadmap: week 1 (Week 1: Python & Data Foundations)');
    assert.deepStrictEqual([events[0].startDate.toString(), events[0].endDate.toString(), events[0].startDate.isDate], ['2026-01-05', '2026-01-12', true]);
    assert.match(String(events[0].description), /^\[ \] Python OOP & functions \(/m);
    assert.strictEqual(events[23].endDate.toString(), '2026-06-22');

    await writeFile(file, 'mine');
    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.exportCalendar', weeks, file), undefined);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), 'mine');
  });

  test('Export and import carry the plan', async () => {
    const { services } = await api();
    const weeks = await roadmap('master-24-week');
    const made = await plan(weeks, '2026-01-05', 10);
    const file = vscode.Uri.joinPath(workspaceFolder(), 'transfer', `${Date.now()}-with-plan.json`);
    await vscode.commands.executeCommand('mlRoadmaps.exportProgress', weeks, file, { markdown: false });
    await vscode.commands.executeCommand('mlRoadmaps.clearPlan', weeks, { confirmed: true });
    const result = await vscode.commands.executeCommand<{ imported: number; plans: number }>('mlRoadmaps.importProgress', file, { confirmed: true });
    assert.deepStrictEqual(result, { imported: 0, plans: 1 });
    assert.deepStrictEqual(services.plans.store.planOf('master-24-week'), made);
  });
});
