import * as assert from 'assert';
import ICAL from 'ical.js';
import * as vscode from 'vscode';
import { dateOfDay, localDateOf, localDayOf, systemUtcOffset, weekdayIndexOf, weekdayOf } from '../../src/model/plan/dates';
import type { StudyPlan } from '../../src/model/plan/planner';
import type { Roadmap } from '../../src/model/types';
import { api, eventually, resetAll, roadmap, showInTree, workspaceFolder, writeFile } from './helpers';
import { inPage, inTree, inWorkbench, type TreeRow } from './page';

const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_MS = 86_400_000;

/** What the API reports of a plan: its settings, as made. */
async function planned(roadmapId: string): Promise<unknown> {
  const summary = await (await api()).planOf(roadmapId);
  return summary && [summary.roadmapId, summary.start, summary.hoursPerWeek, summary.studyDays];
}

/** Collapses the tree and expands the roadmap alone, so that its row and children are in view. */
async function expandAlone(target: Roadmap): Promise<void> {
  await vscode.commands.executeCommand('mlRoadmaps.tree.focus');
  await vscode.commands.executeCommand('workbench.actions.treeView.mlRoadmaps.tree.collapseAll');
  await inTree.expand(target.title);
}

/** The status bar waits for the change to reach the window. */
async function statusBarMatches(pattern: RegExp): Promise<void> {
  await eventually(async () => pattern.test(await inWorkbench.statusBar()), `the status bar matching ${pattern}`);
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
    const weeks = await roadmap('master-24-week');
    const made = await plan(weeks, '2026-01-05', 10);
    assert.deepStrictEqual([made.roadmapId, made.start, made.hoursPerWeek, made.studyDays], ['master-24-week', '2026-01-05', 10, EVERY_DAY]);
    assert.deepStrictEqual(await planned('master-24-week'), [made.roadmapId, made.start, made.hoursPerWeek, made.studyDays], 'stored');
    const python = weeks.phases[0].modules[0].tasks[0];
    await expandAlone(weeks);
    assert.ok((await inTree.menu(weeks.title)).includes('Clear Plan'), 'a planned roadmap offers Clear Plan');

    // This Week opens expanded: closed, the phases are in view below it.
    if ((await inTree.row('This Week')).expanded) await inTree.collapse('This Week');
    const [week, first, second] = await inTree.childrenOf(weeks.title);
    assert.strictEqual(week.label, 'This Week');
    // A week a phase: Monday 5 January to Sunday 11 January, then the week after.
    assert.match(first.description, /^0\/6 · 0% · due 2026-01-11$/);
    assert.match(second.description, / · due 2026-01-18$/);
    assert.strictEqual((await inTree.row(weeks.title)).description.includes('due'), false, 'the roadmap row keeps its counts');

    // The whole plan lies before today: every task is overdue, shown first, and points at its task.
    await inTree.expand('This Week');
    const rows = await inTree.childrenOf('This Week');
    assert.strictEqual(rows[0].setSize, 100, 'at most 100 rows');
    assert.strictEqual(rows[0].label, 'Python OOP & functions');
    assert.match(rows[0].description, /^overdue, due 2026-01-0\d$/);
    assert.strictEqual(rows[0].level, week.level + 1);
    // Clicking the row goes to the task itself, which keeps its place in its phase.
    await inTree.click(rows[0].label);
    await eventually(async () => {
      const all = await inTree.rows();
      const selected = all.findIndex((r) => r.selected);
      const phase = all.findIndex((r) => r.label === weeks.phases[0].title);
      return selected > phase && phase >= 0 && all[selected].label === python.title && all[selected].level === all[phase].level + 1;
    }, 'the task revealed in its phase');

    assert.strictEqual(await vscode.commands.executeCommand('mlRoadmaps.clearPlan', weeks, { confirmed: true }), true);
    await expandAlone(weeks);
    await eventually(async () => (await inTree.childrenOf(weeks.title))[0]?.label === weeks.phases[0].title, 'This Week goes with the plan');
    assert.match((await inTree.row(weeks.phases[0].title)).description, /^0\/6 · 0%$/);
    assert.ok(!(await inTree.menu(weeks.title)).includes('Clear Plan'), 'and so does Clear Plan');
    assert.strictEqual(await planned('master-24-week'), undefined);
  });

  test('Ticking tasks moves the status bar from behind to on track to ahead, and This Week with it', async () => {
    const weeks = await roadmap('master-24-week');
    // A week ago, an hour a day: week 1 (7 h) was due yesterday.
    await plan(weeks, localDateOf(Date.now() - 7 * DAY_MS, systemUtcOffset), 7);
    const [week1, week2] = weeks.phases.map((p) => p.modules[0].tasks);
    await showInTree(week1[0]);
    await statusBarMatches(/^0\/\d+ · 0% · 7 days behind$/);
    assert.deepStrictEqual((await (await api()).planOf(weeks.id))?.status, 'behind');
    await inTree.expand('This Week');
    const overdue = async () => (await inTree.childrenOf('This Week')).filter((r) => r.description.startsWith('overdue')).map((r) => r.label);
    assert.deepStrictEqual(await overdue(), week1.map((t) => t.title));

    await vscode.commands.executeCommand('mlRoadmaps.markDone', week1[0], week1);
    await statusBarMatches(/ · on track$/);
    await eventually(async () => (await overdue()).length === 0, 'nothing overdue');
    await vscode.commands.executeCommand('mlRoadmaps.markDone', week2[0], week2);
    await statusBarMatches(/ · 7 days ahead$/);
    assert.deepStrictEqual((await (await api()).planOf(weeks.id))?.deltaDays, 7);
    await vscode.commands.executeCommand('mlRoadmaps.markNotStarted', week2[0], week2);
    await statusBarMatches(/ · on track$/);

    // Re-planning from today keeps what is done: week 1 is history, week 2 is due in seven days.
    const replanned = await vscode.commands.executeCommand<StudyPlan>('mlRoadmaps.replan', weeks);
    assert.strictEqual(replanned.start, localDateOf(Date.now(), systemUtcOffset));
    await statusBarMatches(/ · on track$/);
    await eventually(async () => new RegExp(` · due ${localDateOf(Date.now() + 6 * DAY_MS, systemUtcOffset)}$`).test((await inTree.row(weeks.phases[1].title)).description), 'week 2 due in seven days');
    assert.strictEqual((await inTree.row(weeks.phases[0].title)).description, '6/6 · 100%', 'a finished phase has no due date');
  });

  test('The dashboard of a planned roadmap draws the burn-up chart with its data, projected finish and pace', async () => {
    const weeks = await roadmap('master-24-week');
    await plan(weeks, localDateOf(Date.now() - 14 * DAY_MS, systemUtcOffset), 7);
    await vscode.commands.executeCommand('mlRoadmaps.openDashboard', weeks);
    assert.match((await inPage.read('dashboard', 'svg.chart.burnup')).label ?? '', /^Burn-up chart: 0 of 168 hours done by \d{4}-\d\d-\d\d, where the plan had 14; projected finish \d{4}-\d\d-\d\d\.$/);
    assert.strictEqual((await inPage.read('dashboard', '.plan-status strong')).text, '14 days behind');
    // The plan was made today: what is done and the pace count from today, and say so.
    const today = localDateOf(Date.now(), systemUtcOffset);
    assert.strictEqual((await inPage.read('dashboard', '.plan-status')).text, `14 days behind · 0 of 168 planned hours done since the plan was made on ${today}`);
    assert.strictEqual((await inPage.read('dashboard', '#pace')).text, `0 hours a week since ${today} (planned: 7)`);
    assert.strictEqual((await inPage.read('dashboard', 'details.chart-data summary')).text, 'Chart data');
    assert.strictEqual(await inPage.count('dashboard', 'details.chart-data table'), 1);
    await vscode.commands.executeCommand('mlRoadmaps.markDone', weeks.phases[0].modules[0].tasks[0], weeks.phases[0].modules[0].tasks);
    await eventually(async () => (await inPage.read('dashboard', '.plan-status strong')).text === '7 days behind', 'drawn again when a task is ticked');
    await vscode.commands.executeCommand('mlRoadmaps.clearPlan', weeks, { confirmed: true });
    await eventually(async () => (await inPage.count('dashboard', '#plan')) === 0, 'and when the plan is cleared');
  });

  test('Export Plan to Calendar writes an .ics that an independent parser reads back, and never replaces a file it is handed', async () => {
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

  test('Exporting the calendar again to the same file: the save dialog asks, the learner says yes, the file is replaced', async () => {
    const weeks = await roadmap('master-24-week');
    await plan(weeks, '2026-01-05', 10);
    // Where the save dialog proposes the file, already there from an earlier export.
    const file = vscode.Uri.joinPath(workspaceFolder(), 'master-24-week-study-plan.ics');
    await writeFile(file, 'an earlier export');
    try {
      const exported = vscode.commands.executeCommand<vscode.Uri | undefined>('mlRoadmaps.exportCalendar', weeks);
      // The workbench's own save dialog, answered as a person would: accept the proposed file…
      const ok = '.quick-input-widget .quick-input-action a.monaco-button:visible';
      await eventually(async () => /master-24-week-study-plan\.ics$/.test((await inWorkbench.read('.quick-input-widget .quick-input-box input')).value ?? ''), 'the save dialog proposing the file', 20_000);
      await inWorkbench.click(ok);
      // …and yes to its question whether to overwrite it.
      await eventually(async () => /already exists/.test((await inWorkbench.read('.quick-input-widget .quick-input-title')).text), 'the dialog asking to overwrite', 20_000);
      await inWorkbench.click(ok);
      assert.strictEqual((await exported)?.toString(), file.toString(), 'the export went where the dialog said');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      assert.strictEqual(ICAL.Component.fromString(text).getAllSubcomponents('vevent').length, 24);
      const left = (await vscode.workspace.fs.readDirectory(workspaceFolder())).map(([name]) => name).filter((name) => name.includes('study-plan'));
      assert.deepStrictEqual(left, ['master-24-week-study-plan.ics'], 'no temporary file left beside it');
    } finally {
      await vscode.workspace.fs.delete(file);
    }
  });

  test('Planned on a day off after the week\'s last study day, This Week opens on the coming week, and opens again after a re-plan', async () => {
    const weeks = await roadmap('master-24-week');
    const todayDay = localDayOf(Date.now(), systemUtcOffset);
    // One study day a week, yesterday's weekday: from Tuesday to Sunday it is behind in this week,
    // as Monday to Friday are on a Sunday. (On a Monday it is the coming Sunday, this week.)
    const studyDays = [weekdayOf(todayDay - 1)];
    const nextMonday = dateOfDay(todayDay - weekdayIndexOf(todayDay) + 7);
    await vscode.commands.executeCommand('mlRoadmaps.tree.focus');
    await vscode.commands.executeCommand('workbench.actions.treeView.mlRoadmaps.tree.collapseAll');
    const made = await vscode.commands.executeCommand<StudyPlan>('mlRoadmaps.planStudy', weeks, { start: dateOfDay(todayDay), hoursPerWeek: 10, studyDays });
    assert.ok(made, 'the plan was made');
    const openWeek = async (): Promise<TreeRow> =>
      eventually(async () => (await inTree.rows()).find((r) => r.label === 'This Week' && r.expanded === true), 'This Week shown and open');
    const week = await openWeek();
    // A week a phase at ten hours, all on the one study day: the six tasks of week 1.
    assert.strictEqual(week.description, weekdayIndexOf(todayDay) === 0 ? '6 of 6 left' : `from ${nextMonday} · 6 of 6 left`);
    assert.deepStrictEqual((await inTree.childrenOf('This Week')).map((r) => r.label), weeks.phases[0].modules[0].tasks.map((t) => t.title));

    await inTree.collapse('This Week');
    await vscode.commands.executeCommand('mlRoadmaps.replan', weeks);
    await openWeek();
  });

  test('Plan Study asks its three questions with the roadmap\'s figures proposed, and accepting them makes the plan', async () => {
    // The one bundled roadmap that states its hours per week (10–15).
    const condensed = await roadmap('ml-dl-condensed');
    const title = '.quick-input-widget .quick-input-title';
    /** Waits for the question, checks what it proposes (when asked) and accepts it, as Enter would. */
    const answer = async (step: string, proposed?: string) => {
      await eventually(async () => (await inWorkbench.read(title)).text.includes(step), `the question ${step}`, 20_000);
      if (proposed !== undefined) assert.strictEqual((await inWorkbench.read('.quick-input-widget .quick-input-box input')).value, proposed);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    };
    try {
      const made = vscode.commands.executeCommand<StudyPlan | undefined>('mlRoadmaps.planStudy', condensed);
      await answer('(1/3)', localDateOf(Date.now(), systemUtcOffset));
      await answer('(2/3)', '12.5');
      await answer('(3/3)');
      const plan = await made;
      assert.deepStrictEqual(plan && [plan.roadmapId, plan.start, plan.hoursPerWeek, plan.studyDays], ['ml-dl-condensed', localDateOf(Date.now(), systemUtcOffset), 12.5, ['mon', 'tue', 'wed', 'thu', 'fri']]);
    } finally {
      await vscode.commands.executeCommand('mlRoadmaps.clearPlan', condensed, { confirmed: true });
    }
  });

  test('Export and import carry the plan', async () => {
    const weeks = await roadmap('master-24-week');
    const made = await plan(weeks, '2026-01-05', 10);
    const file = vscode.Uri.joinPath(workspaceFolder(), 'transfer', `${Date.now()}-with-plan.json`);
    await vscode.commands.executeCommand('mlRoadmaps.exportProgress', weeks, file, { markdown: false });
    await vscode.commands.executeCommand('mlRoadmaps.clearPlan', weeks, { confirmed: true });
    const result = await vscode.commands.executeCommand<{ imported: number; plans: number }>('mlRoadmaps.importProgress', file, { confirmed: true });
    assert.deepStrictEqual(result, { imported: 0, plans: 1 });
    assert.deepStrictEqual(await planned('master-24-week'), [made.roadmapId, made.start, made.hoursPerWeek, made.studyDays]);
  });
});
