/**
 * Lets the integration tests, which run inside the extension host, act on our webview pages as a
 * person would: click a checkbox or a button in the real page inside the workbench, and read what
 * the page shows. The launcher serves it on loopback and drives the browser with Playwright; the
 * tests find it through `MLR_PAGE_DRIVER` (see test/integration/page.ts).
 */
import * as http from 'http';
import type { Frame, Page } from 'playwright-core';

/** What a test asks: one action on one element of the page whose `<body data-view>` is `view`. */
export interface PageRequest {
  readonly view: string;
  readonly action: 'click' | 'select' | 'read';
  readonly selector: string;
  /** For `select`: the option's value. */
  readonly value?: string;
}

/** What the element shows: its text, and for form fields their state. */
export interface PageElement {
  readonly text: string;
  readonly checked?: boolean;
  readonly value?: string;
}

export interface PageDriver {
  readonly url: string;
  attach(page: Page): void;
  close(): Promise<void>;
}

const FIND_TIMEOUT_MS = 10_000;

export async function startPageDriver(): Promise<PageDriver> {
  let page: Page | undefined;
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      void (async () => {
        try {
          const result = await act(await workbenchPage(), JSON.parse(body) as PageRequest);
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
        } catch (error) {
          response.writeHead(500, { 'content-type': 'text/plain' }).end((error as Error).message);
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
  const frame = await findFrame(page, request.view, request.selector);
  const element = frame.locator(request.selector).first();
  if (request.action === 'select') await element.selectOption(request.value ?? '', { timeout: FIND_TIMEOUT_MS });
  // Read before a click: a click may close the page (Continue opens another editor in its place).
  // Runs in the page; typed loosely because this file is compiled without the DOM's types.
  const shown = await element.evaluate((node: { textContent: string | null; checked?: boolean; value?: string }) => ({
    text: node.textContent ?? '',
    checked: typeof node.checked === 'boolean' ? node.checked : undefined,
    value: typeof node.value === 'string' ? node.value : undefined,
  }));
  if (request.action === 'click') await element.click({ timeout: FIND_TIMEOUT_MS });
  return shown;
}

/** The webview frame showing the page, once it has the element: pages load a moment after opening. */
async function findFrame(page: Page, view: string, selector: string): Promise<Frame> {
  const deadline = Date.now() + FIND_TIMEOUT_MS;
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
