/**
 * Row 8, cold open as a user feels it: in a fresh window (a fresh code-server and Chromium every
 * time) the user clicks the activity-bar icon of the view's container; the figure is the ms from
 * that click until the first row of the view's tree is visible. Ours, the floor (our view's rows
 * with no code behind them, rowsAlone.ts) and the reference extension take turns, each alone in its
 * window as the extension under development, so all load the same way.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { delay, startWorkbench } from '../host/workbench';
import { keepCodeCache, seedCodeCache } from './codeCache';

export interface ColdOpenTarget {
  /** The extension's folder (its package.json and what it ships). */
  readonly extension: string;
  /** The id of the view container whose activity-bar icon is clicked. */
  readonly container: string;
  /** Where the extension's code cache is kept from one window to the next (see codeCache.ts). */
  readonly codeCache?: string;
}

export interface ColdOpenOptions {
  readonly userSettings: Record<string, unknown>;
  /** How long the fresh window is left to finish starting up before the click. */
  readonly settleMs: number;
  /** Called before each sample, for progress lines. */
  readonly log: (line: string) => void;
}

/** Each window's figure, and what its first row said (its accessible label), in order. */
export interface ColdOpens {
  readonly ms: number[];
  readonly firstRows: string[];
}

/**
 * `rounds` rounds of one fresh window per target; the order turns by one each round, so that no
 * target always goes first.
 */
export async function measureColdOpens<K extends string>(rounds: number, targets: Record<K, ColdOpenTarget>, options: ColdOpenOptions): Promise<Record<K, ColdOpens>> {
  const names = Object.keys(targets) as K[];
  // A window that makes the code cache the counted ones start with; not counted itself.
  for (const name of names.filter((n) => targets[n].codeCache)) {
    options.log(`cold open: ${name} once, for its code cache…`);
    await coldOpen(targets[name], options);
  }
  const results = Object.fromEntries(names.map((name) => [name, { ms: [], firstRows: [] }])) as unknown as Record<K, ColdOpens>;
  for (let round = 0; round < rounds; round++) {
    for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
      options.log(`cold open ${round + 1}/${rounds}: ${name}…`);
      const { ms, firstRow } = await coldOpen(targets[name], options);
      results[name].ms.push(ms);
      results[name].firstRows.push(firstRow);
    }
  }
  return results;
}

// Runs in the page. Resolves with the ms from the next click (seen in the capture phase, before
// the activity bar's own listener) until a row of the view container's tree has a size on screen,
// and that row's accessible label.
const ARM = `(selector) => {
  window.__mlrColdOpen = new Promise((resolve, reject) => {
    let clickedAt;
    const check = () => {
      if (clickedAt === undefined) return;
      const row = document.querySelector(selector);
      if (!row || row.getBoundingClientRect().height === 0) return;
      const ms = performance.now() - clickedAt;
      observer.disconnect();
      document.removeEventListener('click', onClick, true);
      clearTimeout(timer);
      resolve({ ms, firstRow: row.getAttribute('aria-label') ?? '' });
    };
    const onClick = () => { clickedAt ??= performance.now(); check(); };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['style', 'class'] });
    document.addEventListener('click', onClick, true);
    const timer = setTimeout(() => reject(new Error('no row ' + selector + ' within 30 s of the click')), 30000);
  });
}`;

async function coldOpen(target: ColdOpenTarget, options: ColdOpenOptions): Promise<{ ms: number; firstRow: string }> {
  const title = containerTitle(target);
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-cold-open-'));
  if (target.codeCache) seedCodeCache(target.extension, target.codeCache, userData);
  const workbench = await startWorkbench({
    userDataDir: userData,
    extensionDevelopmentPath: target.extension,
    browser: true,
    userSettings: options.userSettings,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = workbench.page as Page;
    // The icon appears once the window knows the extension's contributions.
    const icon = page.locator(`.part.activitybar .action-item:has(.action-label[aria-label^=${JSON.stringify(title)}])`);
    await icon.waitFor({ timeout: 60_000 });
    await delay(options.settleMs);
    // The pane composite's element carries the container's id.
    const rows = `.part.sidebar [id=${JSON.stringify(`workbench.view.extension.${target.container}`)}] .monaco-list-row`;
    if ((await page.locator(rows).count()) > 0) throw new Error(`the ${title} view is showing before its icon was clicked`);
    await page.evaluate(`(${ARM})(${JSON.stringify(rows)})`);
    const profile = await startRendererProfile(page, target.container);
    await icon.locator('.action-label').click();
    const opened = await page.evaluate<{ ms: number; firstRow: string }>('window.__mlrColdOpen');
    await profile?.stop();
    if (target.codeCache && !(await keepCodeCache(target.extension, userData, target.codeCache))) throw new Error('no code cache was written');
    return opened;
  } catch (error) {
    throw new Error(`cold open of ${title}: ${error instanceof Error ? error.message : String(error)}\n${workbench.diagnostics()}`, { cause: error });
  } finally {
    await workbench.stop();
    fs.rmSync(userData, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * With MLR_BENCH_PROFILE=<folder>, a CPU profile of the window from the click to the first row, for
 * whoever works on the cold open: where the window waits (idle: on the extension host) and where
 * it works. Sampling slows it, so the figures of such a run are not the bench's.
 */
async function startRendererProfile(page: Page, container: string): Promise<{ stop(): Promise<void> } | undefined> {
  const folder = process.env.MLR_BENCH_PROFILE;
  if (!folder) return undefined;
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.send('Profiler.stop');
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, `coldopen-${container}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
      await session.detach();
    },
  };
}

/** The container's title as the activity bar shows it (resolving a `%key%` from package.nls.json). */
function containerTitle(target: ColdOpenTarget): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(target.extension, 'package.json'), 'utf8')) as {
    contributes: { viewsContainers: { activitybar: { id: string; title: string }[] } };
  };
  const container = manifest.contributes.viewsContainers.activitybar.find((c) => c.id === target.container);
  if (!container) throw new Error(`${target.extension}: no activity-bar container ${target.container}`);
  const key = /^%(.+)%$/.exec(container.title)?.[1];
  if (!key) return container.title;
  const nls = JSON.parse(fs.readFileSync(path.join(target.extension, 'package.nls.json'), 'utf8')) as Record<string, string>;
  return nls[key] ?? container.title;
}
