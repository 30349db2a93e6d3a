/**
 * The scenes the README shows, set up inside the real extension host through the same API and
 * commands the integration tests use. Each scene writes `<n>.ready` into $MLR_SCREENSHOT_DIR and
 * waits for the launcher to answer `<n>.done` after it captured the browser.
 *
 * `MLR_SCENES=details-light,dashboard-light` takes only the scenes named (default: all of them);
 * the scenes named after a theme switch the workbench to it and back.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { findPython } from '../../src/checks/python';
import { hashText } from '../../src/model/review/identity';
import { newCardState, rate } from '../../src/model/review/schedule';
import type { Module, Roadmap } from '../../src/model/types';
import { createStarter, resetAll, roadmap, task, workspaceFolder, writeFile } from '../integration/helpers';
import { shapeOf } from '../../src/model/classroom/aggregate';
import { learnerText } from '../classFixtures';

const reveal = (target: unknown) => vscode.commands.executeCommand('mlRoadmaps.revealTask', target);

const dir = process.env.MLR_SCREENSHOT_DIR ?? '';
let scene = 0;

/** Asks the launcher for a screenshot; `type` is typed into the browser first (e.g. a quick pick). */
async function shoot(name: string, settleMs = 1500, type?: string): Promise<void> {
  const n = ++scene;
  fs.writeFileSync(path.join(dir, `${n}.ready`), JSON.stringify({ name, settleMs, type }));
  const done = path.join(dir, `${n}.done`);
  const deadline = Date.now() + 60_000;
  while (!fs.existsSync(done)) {
    if (Date.now() > deadline) throw new Error(`no screenshot of ${name}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.commands.executeCommand('notifications.clearAll');
}

async function mark(state: 'done' | 'inProgress' | 'skipped', roadmapId: string, ...ids: string[]): Promise<void> {
  const tasks = await Promise.all(ids.map((id) => task(roadmapId, id)));
  const command = { done: 'mlRoadmaps.markDone', inProgress: 'mlRoadmaps.markInProgress', skipped: 'mlRoadmaps.markSkipped' }[state];
  await vscode.commands.executeCommand(command, tasks[0], tasks);
}

/** The workbench's colour theme while `take` runs; the one the launcher chose afterwards. */
async function inTheme(theme: string, take: () => Promise<void>): Promise<void> {
  const workbench = vscode.workspace.getConfiguration('workbench');
  const before = workbench.inspect<string>('colorTheme')?.globalValue;
  await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
  try {
    await take();
  } finally {
    await workbench.update('colorTheme', before, vscode.ConfigurationTarget.Global);
  }
}

/** Some history, so the views have something to show. */
async function history(): Promise<{ weeks: Roadmap; supervised: Module }> {
  const weeks = await roadmap('master-24-week');
  await mark('done', 'master-24-week', ...weeks.phases[0].modules[0].tasks.map((t) => t.id));
  await mark('done', 'master-24-week', ...weeks.phases[1].modules[0].tasks.slice(0, 3).map((t) => t.id));
  await mark('skipped', 'master-24-week', weeks.phases[1].modules[0].tasks[3].id);
  await mark('inProgress', 'master-24-week', weeks.phases[1].modules[0].tasks[4].id);
  await mark('done', 'master-24-week', ...weeks.phases[2].modules[0].tasks.slice(0, 2).map((t) => t.id));
  const course = await roadmap('machine-learning-course');
  const supervised = course.phases[0].modules[1];
  await mark('done', 'machine-learning-course', supervised.tasks[0].id);
  await mark('inProgress', 'machine-learning-course', supervised.tasks[1].id);
  return { weeks, supervised };
}

interface Scene {
  readonly name: string;
  readonly take: () => Promise<void>;
}

function scenes({ weeks, supervised }: { weeks: Roadmap; supervised: Module }): Scene[] {
  // A module's details page beside the tree.
  const details = async (name: string) => {
    await closeEditors();
    await reveal(supervised.tasks[1]);
    await vscode.commands.executeCommand('mlRoadmaps.openDetails', supervised);
    await shoot(name, 2500);
  };
  // The dashboard.
  const dashboard = async (name: string) => {
    await closeEditors();
    await vscode.commands.executeCommand('mlRoadmaps.openDashboard', weeks);
    await shoot(name, 2500);
  };
  return [
    {
      // The tree: next task revealed in the 24-week roadmap.
      name: 'tree',
      take: async () => {
        await closeEditors();
        await vscode.commands.executeCommand('mlRoadmaps.nextTask', weeks);
        await shoot('tree');
      },
    },
    { name: 'details', take: () => details('details') },
    // The pages in a light and a high-contrast theme (the others are in the default dark one).
    { name: 'details-light', take: () => inTheme('Default Light Modern', () => details('details-light')) },
    { name: 'details-high-contrast', take: () => inTheme('Default High Contrast', () => details('details-high-contrast')) },
    { name: 'dashboard', take: () => dashboard('dashboard') },
    { name: 'dashboard-light', take: () => inTheme('Default Light Modern', () => dashboard('dashboard-light')) },
    { name: 'dashboard-high-contrast', take: () => inTheme('Default High Contrast', () => dashboard('dashboard-high-contrast')) },
    {
      // A starter project created for a practice project, linked under its task.
      name: 'starter-project',
      take: async () => {
        await closeEditors();
        const titanic = await task('master-24-week', 'titanic-eda');
        const location = vscode.Uri.joinPath(workspaceFolder(), 'projects', 'titanic-eda').toString();
        await createStarter({ task: 'master-24-week/titanic-eda', scaffold: 'titanic-eda', name: 'Titanic EDA', location, keepExisting: true });
        await reveal(titanic);
        await vscode.commands.executeCommand('list.expand');
        await shoot('starter-project', 2500);
      },
    },
    {
      // A note, with the CodeLens that leads back to its task.
      name: 'notes',
      take: async () => {
        await closeEditors();
        const note = await vscode.commands.executeCommand<vscode.Uri>('mlRoadmaps.openNotes', supervised.tasks[1]);
        const editor = vscode.window.activeTextEditor;
        if (editor && note) {
          const notesLine = editor.document.getText().split('\n').indexOf('## Notes') + 1;
          await editor.edit((edit) => edit.insert(new vscode.Position(notesLine, 0), '- Logistic regression is a linear model of the log-odds.\n- kNN needs scaled features: fit the scaler on the training split only.\n'));
          await editor.document.save();
        }
        await reveal(supervised.tasks[1]);
        await vscode.window.showTextDocument(editor!.document);
        await shoot('notes', 4000);
      },
    },
    {
      // A broken roadmap of the user's own: an error row in the tree and the Problems panel.
      name: 'broken-roadmap',
      take: async () => {
        await closeEditors();
        const broken = vscode.Uri.joinPath(workspaceFolder(), '.vscode', 'roadmaps', 'team.roadmap.yaml');
        await writeFile(broken, 'id: team-plan\ntitle: Team plan\nphases:\n  - id: basics\n    title: Basics\n    tasks:\n      - id: numpy\n        title: NumPy\n      - id: numpy\n        titel: Pandas\n');
        await vscode.commands.executeCommand('mlRoadmaps.refresh');
        await vscode.commands.executeCommand('workbench.actions.treeView.mlRoadmaps.tree.collapseAll');
        await vscode.window.showTextDocument(broken);
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await shoot('broken-roadmap', 2500);
      },
    },
    {
      // Search Tasks, with a query typed in.
      name: 'search',
      take: async () => {
        await closeEditors();
        void vscode.commands.executeCommand('mlRoadmaps.searchTasks');
        await shoot('search', 1500, 'transfer learning');
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      },
    },
    {
      // Checks: the Titanic starter's checks, run on the untouched starter: each fails with its hint.
      name: 'checks-explorer',
      take: async () => {
        await closeEditors();
        const python = await findPython({}, { modules: ['pandas', 'numpy', 'matplotlib', 'seaborn'] });
        if (!python.found) throw new Error('no Python with pytest and pandas for the checks scene');
        await vscode.workspace.getConfiguration().update('mlRoadmaps.python.interpreterPath', python.found.executable ?? python.found.command, vscode.ConfigurationTarget.Workspace);
        const titanicTask = await task('master-24-week', 'titanic-eda');
        await vscode.commands.executeCommand('mlRoadmaps.runChecks', titanicTask);
        await vscode.commands.executeCommand('mlRoadmaps.openDetails', titanicTask);
        await vscode.commands.executeCommand('workbench.view.testing.focus');
        await vscode.commands.executeCommand('testing.expandAll').then(undefined, () => undefined);
        await shoot('checks-explorer', 3000);
      },
    },
    {
      // A study plan: the 24-week roadmap planned from four weeks ago, and its dashboard's burn-up chart.
      name: 'plan',
      take: async () => {
        await closeEditors();
        const start = new Date(Date.now() - 28 * 86_400_000).toISOString().slice(0, 10);
        await vscode.commands.executeCommand('mlRoadmaps.planStudy', weeks, { start, hoursPerWeek: 10, studyDays: ['mon', 'tue', 'wed', 'thu', 'fri'] });
        await vscode.commands.executeCommand('workbench.view.extension.mlRoadmaps');
        await vscode.commands.executeCommand('workbench.actions.treeView.mlRoadmaps.tree.collapseAll');
        await reveal(weeks.phases[3].modules[0].tasks[0]);
        await vscode.commands.executeCommand('mlRoadmaps.openDashboard', weeks);
        await shoot('plan', 3000);
      },
    },
    {
      // The class dashboard over a folder of a class's files, one of them not a class file.
      name: 'class-dashboard',
      take: async () => {
        await closeEditors();
        const folder = vscode.Uri.joinPath(workspaceFolder(), 'class-demo');
        const shape = shapeOf(weeks);
        const names = ['ada', 'alan', 'barbara', 'claude', 'dennis', 'donald', 'edsger', 'frances', 'grace', 'hedy', 'john', 'katherine', 'ken', 'linus', 'margaret', 'radia'];
        for (let n = 0; n < 40; n++) await writeFile(vscode.Uri.joinPath(folder, 'class', `${names[n % names.length]}-${n}.json`), learnerText(shape, n + 3, Date.now(), `${names[n % names.length]}-${n}`));
        await writeFile(vscode.Uri.joinPath(folder, 'class', 'notes.json'), '{"todo": ["grade week 3"]}');
        await vscode.commands.executeCommand('mlRoadmaps.openClassDashboard', folder);
        await shoot('class-dashboard', 3000);
      },
    },
    {
      // The Review page on a note's cards, the answer shown (Space typed into the page).
      name: 'review',
      take: async () => {
        await closeEditors();
        const note = vscode.Uri.joinPath(workspaceFolder(), 'notes', 'review', `cards-${Date.now()}.md`);
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(note, '..'));
        await writeFile(note, REVIEW_NOTE(`${supervised.phase.roadmap.id}/${supervised.tasks[1].id}`));
        await vscode.commands.executeCommand('workbench.view.extension.mlRoadmaps');
        await vscode.commands.executeCommand('workbench.actions.treeView.mlRoadmaps.tree.collapseAll');
        // The file watcher tells the notes index; the cards follow.
        await new Promise((r) => setTimeout(r, 20000));
        await vscode.commands.executeCommand('mlRoadmaps.reviewDueCards');
        await shoot('review', 3000, ' ');
      },
    },
    {
      // The dashboard's Review section: a month of reviews imported, the next 30 days' forecast.
      name: 'review-forecast',
      take: async () => {
        await closeEditors();
        // A roadmap of three phases, so the Review section is in view below them.
        const course = await roadmap('machine-learning-course');
        const file = vscode.Uri.joinPath(workspaceFolder(), `review-history-${Date.now()}.json`);
        await writeFile(file, JSON.stringify(reviewHistory(course)));
        await vscode.commands.executeCommand('mlRoadmaps.importProgress', file, { confirmed: true });
        await vscode.workspace.fs.delete(file);
        await vscode.commands.executeCommand('notifications.clearAll');
        await vscode.commands.executeCommand('mlRoadmaps.openDashboard', course);
        await shoot('review-forecast', 3000);
      },
    },
  ];
}

const REVIEW_NOTE = (taskKey: string) =>
  [
    '---',
    `roadmapTask: ${taskKey}`,
    '---',
    '# Logistic regression and kNN',
    '',
    'What does logistic regression model as a linear function of the features?::The **log-odds** of the positive class: `log(p / (1 - p)) = w·x + b`',
    '',
    'Why must features be scaled before kNN?::Distances are dominated by the features with the largest ranges.',
    '',
    'Fit the scaler on the ==training split== only, then apply it to the test split.',
    '',
  ].join('\n');

/** A progress file holding a month of review of 60 cards of the roadmap, as an export would. */
function reviewHistory(target: Roadmap): unknown {
  const now = Date.now();
  const day = 86_400_000;
  const tasks = target.phases.flatMap((p) => p.modules.flatMap((m) => m.tasks)).slice(0, 20);
  const cards: Record<string, unknown> = {};
  const log: unknown[] = [];
  for (let i = 0; i < 60; i++) {
    const taskKey = `${target.id}/${tasks[i % tasks.length].id}`;
    const id = hashText(`${taskKey}\nscene card ${i}`);
    let schedule = newCardState(now - 30 * day);
    for (let at = now - 30 * day + (i % 7) * day, reps = 0; at < now - day; reps++) {
      // Some cards forgotten once, the first time; the rest remembered.
      const rating = i % 4 === 0 && reps === 1 ? 1 : 3;
      schedule = rate(schedule, rating, at).next;
      log.push({ cardId: id, rating, at, elapsedMs: 6000 + (i % 5) * 2000 });
      at = Math.max(at + day / 2, schedule.due);
    }
    cards[id] = { taskKey, answerHash: hashText(`answer ${i}`), schedule, createdAt: now - 30 * day, introducedAt: now - 30 * day };
  }
  log.sort((a, b) => (a as { at: number }).at - (b as { at: number }).at);
  return { format: 'ml-roadmaps-progress', version: 1, exportedAt: new Date(now).toISOString(), roadmaps: {}, review: { version: 1, cards, log } };
}

export async function run(): Promise<void> {
  await resetAll();
  await closeEditors();
  const all = scenes(await history());
  const wanted = (process.env.MLR_SCENES ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = wanted.filter((name) => !all.some((scene) => scene.name === name));
  if (unknown.length > 0) throw new Error(`MLR_SCENES names no scene ${unknown.join(', ')}; the scenes are ${all.map((scene) => scene.name).join(', ')}`);
  for (const scene of all) if (wanted.length === 0 || wanted.includes(scene.name)) await scene.take();
  fs.writeFileSync(path.join(dir, 'finished'), '');
}
