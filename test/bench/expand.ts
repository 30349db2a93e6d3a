/**
 * Row 3: from clicking a collapsed node to its first child row being in the DOM, timed inside the
 * page (no playwright round trip in the figure), for our tree and the reference tree in turn.
 */
import type { Page } from 'playwright-core';
import { delay } from '../host/workbench';
import type { Command } from './handshake';
import { phaseTitle, roadmapTitle, moduleTitle, SHAPE_100K } from './shapes';

export interface ExpandTimes {
  /** Expanding the root node: 100 children (our roadmap's phases). */
  root: number[];
  /** Expanding one of those: 10 children (a phase's modules). */
  child: number[];
}

/** Row labels by tree: `[node, its first child]`, for the root and for child k (1-based). */
const LABELS = {
  ours: {
    root: [roadmapTitle(SHAPE_100K), phaseTitle(SHAPE_100K, 1)],
    child: (k: number) => [phaseTitle(SHAPE_100K, k), moduleTitle(SHAPE_100K, k, 1)],
  },
  reference: {
    root: ['Reference 1', 'Reference 1.1'],
    child: (k: number) => [`Reference 1.${k}`, `Reference 1.${k}.1`],
  },
} as const;

// Runs in the page. Resolves with the ms from the next click (seen in the capture phase, before
// the tree's own listener) until a row matching `selector` exists. Rows are recycled, so a
// changed aria-label counts as much as an inserted row.
const ARM = `(selector) => {
  window.__mlrBench = new Promise((resolve, reject) => {
    let clickedAt;
    const check = () => {
      if (clickedAt === undefined || !document.querySelector(selector)) return;
      const ms = performance.now() - clickedAt;
      observer.disconnect();
      document.removeEventListener('click', onClick, true);
      clearTimeout(timer);
      resolve(ms);
    };
    const onClick = () => { clickedAt ??= performance.now(); check(); };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
    document.addEventListener('click', onClick, true);
    const timer = setTimeout(() => reject(new Error('no row ' + selector + ' within 30 s')), 30000);
  });
}`;

/** Rows are labelled "<title>, <state>": the comma keeps "Reference 1.1" from matching "Reference 1.10". */
const row = (label: string) => `.monaco-list-row[aria-label^=${JSON.stringify(`${label},`)}]`;

async function timeExpand(page: Page, [node, firstChild]: readonly string[]): Promise<number> {
  if ((await page.locator(row(firstChild)).count()) > 0) throw new Error(`"${firstChild}" is showing before "${node}" was expanded`);
  await page.evaluate(`(${ARM})(${JSON.stringify(row(firstChild))})`);
  await page.locator(row(node)).locator('.monaco-tl-twistie').click();
  return page.evaluate<number>('window.__mlrBench');
}

/**
 * `runs` rounds, each expanding the root then child k of both trees, alternating which tree goes
 * first. Every round expands a different child, and the trees are collapsed and refreshed
 * between rounds, so every expand fetches its children afresh (a first expand, not a cached one).
 */
export async function measureExpands(page: Page, runs: number, send: (command: Command) => Promise<void>): Promise<Record<'ours' | 'reference', ExpandTimes>> {
  const times = { ours: { root: [] as number[], child: [] as number[] }, reference: { root: [] as number[], child: [] as number[] } };
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? (['ours', 'reference'] as const) : (['reference', 'ours'] as const);
    for (const view of order) {
      await send({ op: 'show', view });
      await page.locator(row(LABELS[view].root[0])).waitFor({ timeout: 30_000 });
      await delay(300);
      times[view].root.push(await timeExpand(page, LABELS[view].root));
      await delay(300);
      times[view].child.push(await timeExpand(page, LABELS[view].child(run + 1)));
      await delay(300);
      await send({ op: 'reset', view });
      await delay(500);
    }
  }
  return times;
}
