/**
 * Lets the integration tests, which run inside the extension host, act on our webview pages as a
 * person would: click a checkbox or a button in the real page inside the workbench, and read what
 * the page shows. The launcher serves it on loopback and drives the browser with Playwright; the
 * tests find it through `MLR_PAGE_DRIVER` (see test/integration/page.ts).
 */
import * as http from 'http';
import type { Frame, Page } from 'playwright-core';

/**
 * What a test asks. On one of our webview pages (`view` is its `<body data-view>`): click, select
 * or read an element. On the workbench itself (`view: 'workbench'`): click or read an element of
 * the main page (the status bar, a dialog). On the ML Roadmaps tree (`view: 'tree'`): the rows
 * it shows, or an action on the row labelled `row` (the `index`th of that label, 0 first).
 */
export interface PageRequest {
  readonly view: string;
  readonly action: 'click' | 'select' | 'read' | 'mark' | 'rows' | 'expand' | 'collapse' | 'hover' | 'menu' | 'press' | 'drop';
  readonly selector?: string;
  /**
   * For `select`: the option's value; for `press`: the key, as Playwright names it (`Space`, `3`,
   * `Control+z`); for `drop` on a tree row: the extension host's file URIs to drop, one a line.
   */
  readonly value?: string;
  /** For `read`: count the elements matching this instead of `selector` (which may be absent). */
  readonly countOf?: string;
  /** For `read`: CSS properties whose computed values to answer in `style` (colours come as `rgb(…)`). */
  readonly properties?: readonly string[];
  /** For the tree's row actions: the row's label as shown. */
  readonly row?: string;
  readonly index?: number;
}

/** What the element shows: its text, and for form fields their state. */
export interface PageElement {
  readonly text: string;
  readonly checked?: boolean;
  readonly value?: string;
  /** Its `aria-label`. */
  readonly label?: string;
  /** How many elements match the selector (or `countOf`). */
  readonly count: number;
  /** Whether the document is still the one a `mark` was put on: a page drawn again is a new document. */
  readonly marked: boolean;
  /** The computed values of the `properties` asked for, as the page's theme resolves them. */
  readonly style?: Readonly<Record<string, string>>;
}

/** A row of the tree as the workbench shows it. */
export interface TreeRow {
  readonly label: string;
  readonly description: string;
  /** What a screen reader says. */
  readonly ariaLabel: string;
  /** 1 for a root. */
  readonly level: number;
  /** How many rows its parent has (the list shows only those in view). */
  readonly setSize: number;
  /** Undefined for a row that cannot expand. */
  readonly expanded?: boolean;
  /** Undefined for a row without a checkbox. */
  readonly checked?: boolean;
  /** The codicon, e.g. `pass-filled`; undefined for a file icon or none. */
  readonly icon?: string;
  readonly selected: boolean;
}

/** What one request answers: an element, the rows, a hover's text and HTML, or a menu's entries. */
export type PageAnswer = PageElement | readonly TreeRow[] | readonly string[];

export interface PageDriver {
  readonly url: string;
  attach(page: Page): void;
  close(): Promise<void>;
}

const FIND_TIMEOUT_MS = 15_000;
// The web suites ask from a web worker of the workbench's origin (another port).
const CORS = { 'access-control-allow-origin': '*' };

export async function startPageDriver(): Promise<PageDriver> {
  let page: Page | undefined;
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      void (async () => {
        try {
          const request = JSON.parse(body) as PageRequest;
          const page = await workbenchPage();
          const result = request.view === 'tree' ? await actInTree(page, request) : request.view === 'workbench' ? await actOn(page.mainFrame(), request) : await act(page, request);
          response.writeHead(200, { 'content-type': 'application/json', ...CORS }).end(JSON.stringify(result));
        } catch (error) {
          response.writeHead(500, { 'content-type': 'text/plain', ...CORS }).end((error as Error).message);
        }
      })();
    });
  });
  // The tests can start before the launcher has its page in hand: wait for it a little.
  const workbenchPage = async (): Promise<Page> => {
    const deadline = Date.now() + FIND_TIMEOUT_MS;
    while (!page && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    if (!page) throw new Error('the launcher has no workbench page');
    return page;
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    attach: (p) => (page = p),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function act(page: Page, request: PageRequest): Promise<PageElement> {
  return actOn(await findFrame(page, request.view, selectorOf(request)), request);
}

function selectorOf(request: PageRequest): string {
  if (!request.selector) throw new Error(`${request.action} on ${request.view} needs a selector`);
  return request.selector;
}

async function actOn(frame: Frame, request: PageRequest): Promise<PageElement> {
  const element = frame.locator(selectorOf(request)).first();
  if (request.action === 'select') await element.selectOption(request.value ?? '', { timeout: FIND_TIMEOUT_MS });
  // Read before a click: a click may close the page (Continue opens another editor in its place).
  // Runs in the page; typed loosely because this file is compiled without the DOM's types.
  const count = await frame.locator(request.countOf ?? selectorOf(request)).count();
  if (request.action === 'mark') await frame.evaluate(() => ((globalThis as Record<string, unknown>).mlrDriverMark = true));
  const marked = await frame.evaluate(() => (globalThis as Record<string, unknown>).mlrDriverMark === true);
  type Node = { textContent: string | null; checked?: boolean; value?: string; getAttribute(name: string): string | null };
  const shown = await element.evaluate(
    (node: Node, properties: readonly string[]) => {
      const computed = (globalThis as unknown as { getComputedStyle(node: Node): { getPropertyValue(p: string): string } }).getComputedStyle(node);
      return {
        text: node.textContent ?? '',
        label: node.getAttribute('aria-label') ?? undefined,
        checked: typeof node.checked === 'boolean' ? node.checked : undefined,
        value: typeof node.value === 'string' ? node.value : undefined,
        style: properties.length > 0 ? Object.fromEntries(properties.map((p) => [p, computed.getPropertyValue(p)])) : undefined,
      };
    },
    request.properties ?? [],
  );
  if (request.action === 'click') await element.click({ timeout: FIND_TIMEOUT_MS });
  // Focuses the element, then presses the key there, as a person using the keyboard would.
  if (request.action === 'press') await element.press(request.value ?? '', { timeout: FIND_TIMEOUT_MS });
  return { ...shown, count, marked };
}

/** The webview frame showing the page, once it has the element: pages load a moment after opening. */
export async function findFrame(page: Page, view: string, selector: string, timeoutMs = FIND_TIMEOUT_MS): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame
        .evaluate(
          ([v, s]) => {
            const doc = (globalThis as unknown as { document: { body?: { dataset: Record<string, string> }; querySelector(s: string): unknown } }).document;
            return doc.body?.dataset.view === v && doc.querySelector(s) !== null;
          },
          [view, selector] as const,
        )
        .catch(() => false);
      if (found) return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${view} page with ${selector} in the workbench`);
}

/**
 * The rows of our tree view (the one custom tree in the side bar; tests show it first), not the
 * copies sticky scroll pins above them.
 */
const TREE_ROWS = '.part.sidebar .customview-tree .monaco-list-rows > .monaco-list-row';

async function actInTree(page: Page, request: PageRequest): Promise<PageAnswer> {
  await page.locator(TREE_ROWS).first().waitFor({ timeout: FIND_TIMEOUT_MS });
  if (request.action === 'rows') return readRows(page);
  if (!request.row) throw new Error(`${request.action} in the tree needs a row`);
  const row = page.locator(TREE_ROWS).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(request.row)}$`) }) }).nth(request.index ?? 0);
  await row.waitFor({ timeout: FIND_TIMEOUT_MS });
  switch (request.action) {
    case 'expand':
    case 'collapse': {
      const wanted = request.action === 'expand' ? 'true' : 'false';
      if ((await row.getAttribute('aria-expanded')) !== wanted) await row.locator('.monaco-tl-twistie').click();
      // The row may be drawn anew meanwhile: ask the locator again until it says so.
      const deadline = Date.now() + FIND_TIMEOUT_MS;
      while ((await row.getAttribute('aria-expanded')) !== wanted) {
        if (Date.now() > deadline) throw new Error(`the row "${request.row}" did not ${request.action}`);
        await page.waitForTimeout(50);
      }
      return readRows(page);
    }
    case 'click':
      await row.locator('.label-name').click();
      return readRows(page);
    case 'hover': {
      // A tooltip comes a moment after the pointer rests on the row, resolved by the extension.
      await page.mouse.move(0, 0);
      await row.locator('.label-name').hover();
      const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /\S/ }).last();
      await hover.waitFor({ state: 'visible', timeout: FIND_TIMEOUT_MS });
      // It says "Loading..." until the extension has resolved the tooltip.
      const deadline = Date.now() + FIND_TIMEOUT_MS;
      let text = (await hover.innerText()).trim();
      while (/^Loading/.test(text) && Date.now() < deadline) {
        await page.waitForTimeout(50);
        text = (await hover.innerText()).trim();
      }
      // Its HTML too: what the workbench drew from the tooltip's Markdown (an image, a link).
      const html = await hover.innerHTML();
      await page.mouse.move(0, 0);
      await page.keyboard.press('Escape');
      return [text, html];
    }
    case 'menu': {
      await row.locator('.label-name').click({ button: 'right' });
      const items = page.locator('.context-view .monaco-menu .action-item:not(.disabled) .action-label');
      await items.first().waitFor({ timeout: FIND_TIMEOUT_MS });
      const labels = (await items.allInnerTexts()).map((t) => t.trim()).filter((t) => t.length > 0);
      await page.keyboard.press('Escape');
      return labels;
    }
    case 'drop': {
      // The drag events a drop from outside the window brings, carrying a uri-list: the workbench
      // hands it to the view's drag and drop controller as it would a real one.
      // The Explorer of VS Code Server names the host's files `vscode-remote://<the page's host>/…`;
      // the extension host receives those back as its own `file:` URIs.
      const host = new URL(page.url()).host;
      const uriList = (request.value ?? '').replace(/^file:\/\//gm, `vscode-remote://${host}`);
      const dataTransfer = await page.evaluateHandle((text) => {
        const transfer = new (globalThis as unknown as { DataTransfer: new () => { setData(type: string, value: string): void } }).DataTransfer();
        transfer.setData('text/uri-list', text);
        return transfer;
      }, uriList);
      const label = row.locator('.label-name');
      for (const type of ['dragenter', 'dragover', 'drop']) await label.dispatchEvent(type, { dataTransfer });
      return readRows(page);
    }
    default:
      throw new Error(`no tree action ${request.action}`);
  }
}

async function readRows(page: Page): Promise<TreeRow[]> {
  // Let a render that a change started settle: the rows are read as one picture.
  await page.waitForTimeout(100);
  return page.locator(TREE_ROWS).evaluateAll((nodes) =>
    // Runs in the page; typed loosely because this file is compiled without the DOM's types.
    (nodes as unknown as { getAttribute(n: string): string | null; getBoundingClientRect(): { top: number }; querySelector(s: string): { textContent: string | null; className: string; getAttribute(n: string): string | null } | null }[])
      .map((node) => {
        const expanded = node.getAttribute('aria-expanded');
        const checkbox = node.querySelector('.custom-view-tree-node-item-checkbox, .monaco-custom-toggle');
        const icon = node.querySelector('.custom-view-tree-node-item-icon');
        return {
          label: node.querySelector('.label-name')?.textContent ?? '',
          description: node.querySelector('.label-description')?.textContent ?? '',
          ariaLabel: node.getAttribute('aria-label') ?? '',
          level: Number(node.getAttribute('aria-level')),
          setSize: Number(node.getAttribute('aria-setsize')),
          expanded: expanded === null ? undefined : expanded === 'true',
          checked: checkbox ? checkbox.getAttribute('aria-checked') === 'true' || /\bchecked\b/.test(checkbox.className) : undefined,
          icon: /codicon-([a-z0-9-]+)/.exec(icon?.className ?? '')?.[1],
          selected: node.getAttribute('aria-selected') === 'true',
          top: node.getBoundingClientRect().top,
        };
      })
      // The list recycles rows in any DOM order: the order on screen is by position.
      .sort((a, b) => a.top - b.top)
      .map(({ top: _top, ...row }) => row),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

