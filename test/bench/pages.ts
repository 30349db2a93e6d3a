/**
 * Rows 9 in the real workbench, watched in the browser:
 * - review: rating a card with the keyboard on the Review page; what the workbench draws again
 *   (tree rows, status bar items, seen by a MutationObserver) and whether the page stays the same
 *   document (updated in place, not drawn again);
 * - class: the class dashboard on 1,000 learners' files; from the aggregate arriving in the page
 *   (its `classData` message, sent once every file is read and aggregated) to the first learner
 *   rows painted, timed inside the page.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { loadRoadmap } from '../../src/model/loader';
import { shapeOf } from '../../src/model/classroom/aggregate';
import { learnerText } from '../classFixtures';
import { findFrame } from '../host/pageDriver';
import { delay, startWorkbench } from '../host/workbench';
import { PageCommand, waitForJson, writeJson } from './handshake';
import { atMost, median, Row } from './report';

const HOST_ENTRY = path.join(__dirname, 'pagesHost.js');
const LEARNERS = 1000;
const CLASS_OPENS = 11;
const BUDGET = { ratingRows: 4, classPaintMs: 300 } as const;
const NOTE = ['---', 'roadmapTask: deep-learning/perceptron', '---', '# Perceptron', '', 'What does a perceptron compute?::A weighted sum through a step function', '', 'Who introduced the perceptron?::Frank Rosenblatt', '', 'Its learning rule changes the ==weights== only on mistakes.', ''].join('\n');
const TREE_ROW = '.part.sidebar .customview-tree .monaco-list-rows > .monaco-list-row';

export interface PagesOptions {
  readonly extension: string;
  readonly scratch: string;
  readonly userSettings: Record<string, unknown>;
  readonly settleMs: number;
  readonly review: boolean;
  readonly classes: boolean;
}

export async function pageRows(options: PagesOptions): Promise<Row[]> {
  const dir = path.join(options.scratch, 'pages');
  const workspaceFolder = path.join(options.scratch, 'pages-workspace');
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(workspaceFolder, 'notes'), { recursive: true });
  const workbench = await startWorkbench({ extensionDevelopmentPath: options.extension, extensionTestsPath: HOST_ENTRY, workspaceFolder, userSettings: options.userSettings, browser: true, viewport: { width: 1280, height: 900 }, env: { MLR_BENCH_DIR: dir } });
  const problem = () => (fs.existsSync(path.join(dir, 'error.json')) ? (JSON.parse(fs.readFileSync(path.join(dir, 'error.json'), 'utf8')) as { message: string }).message : undefined);
  let n = 0;
  const send = async (command: PageCommand) => {
    writeJson(dir, `command-${++n}.json`, command);
    await waitForJson(dir, `answer-${n}.json`, 60_000, problem);
  };
  try {
    const page = workbench.page as Page;
    await page.locator('.part.activitybar').waitFor({ timeout: 60_000 });
    await delay(options.settleMs);
    writeJson(dir, 'go', {});
    const rows: Row[] = [];
    if (options.review) rows.push(...(await reviewRating(page, send)));
    if (options.classes) rows.push(...(await classFirstPaint(page, send, options.extension, options.scratch)));
    writeJson(dir, `command-${++n}.json`, { op: 'end' });
    return rows;
  } finally {
    await workbench.stop();
  }
}

// Runs in the workbench: records the distinct tree rows and status bar items that change from now on.
const WATCH_WORKBENCH = `(treeRow) => {
  const rows = new Set(), items = new Set();
  window.__mlrWatch?.disconnect();
  window.__mlrWatch = new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      const row = node?.closest(treeRow);
      if (row) rows.add(row);
      const item = node?.closest('.statusbar-item');
      if (item) items.add(item);
    }
  });
  for (const part of document.querySelectorAll('.part.sidebar, .part.statusbar')) window.__mlrWatch.observe(part, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'title'] });
  window.__mlrWatched = () => ({ rows: rows.size, items: [...items].map((i) => i.id) });
}`;

// Runs in the Review page: marks the document and records which of its regions change.
const WATCH_PAGE = `() => {
  const regions = new Set();
  window.__mlrMark = true;
  new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      const region = node?.closest('#counts, #card, #empty, #announce, .undo-row');
      if (region) regions.add(region.id || region.className);
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  window.__mlrRegions = () => [...regions];
}`;

async function reviewRating(page: Page, send: (c: PageCommand) => Promise<void>): Promise<Row[]> {
  await send({ op: 'showTree' });
  await send({ op: 'writeNote', text: NOTE });
  await page.locator(TREE_ROW, { hasText: 'Review · 3 due' }).waitFor({ timeout: 30_000 });
  await send({ op: 'openReview' });
  const frame = await findFrame(page, 'review', '#show', 30_000);
  await frame.locator('#counts', { hasText: '3 to review today' }).waitFor({ timeout: 30_000 });
  const ratings: { rows: number; items: string[]; regions: string[]; sameDocument: boolean }[] = [];
  for (let left = 3; left > 0; left--) {
    await page.evaluate(`(${WATCH_WORKBENCH})(${JSON.stringify(TREE_ROW)})`);
    await frame.evaluate(`(${WATCH_PAGE})()`);
    await frame.locator('#show').press('Space');
    await frame.locator('#back').press('3');
    await page.locator(TREE_ROW, { hasText: `Review · ${left - 1} due` }).waitFor({ timeout: 30_000 });
    // Whatever else the rating draws comes within a few frames; a second leaves room for it all.
    await delay(1000);
    const watched = await page.evaluate<{ rows: number; items: string[] }>('window.__mlrWatched()');
    ratings.push({ ...watched, regions: await frame.evaluate<string[]>('window.__mlrRegions()'), sameDocument: await frame.evaluate<boolean>('window.__mlrMark === true') });
  }
  await send({ op: 'closeAll' });
  if (process.env.MLR_BENCH_VERBOSE) console.log(`review ratings: ${JSON.stringify(ratings)}`);
  const most = Math.max(...ratings.map((r) => r.rows + r.items.length));
  const redrawn = ratings.filter((r) => !r.sameDocument).length;
  return [
    { group: '9 review', what: `rating a card in the workbench: tree rows + status bar items drawn again (most of ${ratings.length} ratings; items: ${[...new Set(ratings.flatMap((r) => r.items))].join(', ') || 'none'})`, n: ratings.length, ours: String(most), budget: atMost(most, BUDGET.ratingRows, '') },
    { group: '9 review', what: `… the Review page: regions updated in place (${[...new Set(ratings.flatMap((r) => r.regions))].join(', ')}); times drawn again`, n: ratings.length, ours: String(redrawn), budget: atMost(redrawn, 0, '') },
  ];
}

// Runs in the class page as soon as it exists: from the aggregate's arrival to the first learner
// rows painted (a frame drawn after they are in the DOM). -1 when the page had them already.
const TIME_FIRST_PAINT = `() => new Promise((resolve) => {
  const rows = 'section.class-roadmap tbody tr';
  if (document.querySelector(rows)) return resolve(-1);
  let arrived;
  window.addEventListener('message', (event) => { if (arrived === undefined && event.data?.type === 'classData') arrived = performance.now(); }, true);
  const observer = new MutationObserver(() => {
    if (arrived === undefined || !document.querySelector(rows)) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - arrived), 0));
  });
  observer.observe(document.body, { subtree: true, childList: true });
  setTimeout(() => resolve(-1), 60000);
})`;

async function classFirstPaint(page: Page, send: (c: PageCommand) => Promise<void>, extension: string, scratch: string): Promise<Row[]> {
  const roadmap = loadRoadmap(fs.readFileSync(path.join(extension, 'roadmaps', 'master-24-week.yaml'), 'utf8'), { label: 'master-24-week.yaml', location: 'master-24-week.yaml', bundled: true }).roadmap!;
  const shape = shapeOf(roadmap);
  const folder = path.join(scratch, 'class-repository');
  fs.mkdirSync(path.join(folder, 'class'), { recursive: true });
  const now = Date.now();
  for (let n = 0; n < LEARNERS; n++) fs.writeFileSync(path.join(folder, 'class', `learner-${n}.json`), learnerText(shape, n, now));
  const times: number[] = [];
  for (let run = 0; run < CLASS_OPENS; run++) {
    await send({ op: 'openClass', folder });
    const frame = await findFrame(page, 'class', 'body', 30_000);
    const ms = await frame.evaluate<number>(`(${TIME_FIRST_PAINT})()`);
    if (ms >= 0) times.push(ms);
    await send({ op: 'closeAll' });
    await delay(500);
  }
  if (process.env.MLR_BENCH_VERBOSE) console.log(`class first paint: ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
  if (times.length === 0) throw new Error('the class page never got its data after the bench watched it');
  return [{ group: '9 class', what: `dashboard in the workbench, ${LEARNERS.toLocaleString('en')} learners: aggregate arrives in the page → first rows painted (${CLASS_OPENS - times.length} open(s) too quick to watch)`, n: times.length, ours: median(times), budget: atMost(median(times), BUDGET.classPaintMs, ' ms') }];
}
