/**
 * Acting on our webview pages from a test, as a person would: the launcher clicks in the real page
 * in the workbench (test/host/pageDriver.ts) and answers what the element shows.
 */
import * as assert from 'assert';
import type { PageElement, PageRequest } from '../host/pageDriver';

async function send(request: PageRequest): Promise<PageElement> {
  const url = process.env.MLR_PAGE_DRIVER;
  assert.ok(url, 'the launcher drives the pages (MLR_PAGE_DRIVER)');
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(request) });
  const text = await response.text();
  assert.ok(response.ok, `page driver: ${text}`);
  return JSON.parse(text) as PageElement;
}

export const inPage = {
  click: (view: string, selector: string) => send({ view, action: 'click', selector }),
  select: (view: string, selector: string, value: string) => send({ view, action: 'select', selector, value }),
  read: (view: string, selector: string) => send({ view, action: 'read', selector }),
};
