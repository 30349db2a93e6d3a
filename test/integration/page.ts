/**
 * Acting on the workbench from a test, as a person would: the launcher clicks in the real
 * workbench (test/host/pageDriver.ts) and answers what it shows. `inPage` acts on our webview
 * pages, `inTree` on the rows of the ML Roadmaps view, `inWorkbench` on the rest (the status
 * bar, a dialog). The Node host finds the driver in `MLR_PAGE_DRIVER`; the web worker, which has
 * no environment, in the configuration the web launcher prepends (test/web/protocol.ts).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PageAnswer, PageElement, PageRequest, TreeRow } from '../host/pageDriver';
import { webTestConfig } from '../web/protocol';

export type { TreeRow };

function driverUrl(): string | undefined {
  const web = webTestConfig();
  if (web) return web.pageDriverUrl;
  return typeof process === 'undefined' ? undefined : process.env.MLR_PAGE_DRIVER;
}

async function send<T extends PageAnswer>(request: PageRequest): Promise<T> {
  const url = driverUrl();
  assert.ok(url, 'the launcher drives the workbench (MLR_PAGE_DRIVER)');
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(request) });
  const text = await response.text();
  assert.ok(response.ok, `page driver: ${text}`);
  return JSON.parse(text) as T;
}

export const inPage = {
  click: (view: string, selector: string) => send<PageElement>({ view, action: 'click', selector }),
  select: (view: string, selector: string, value: string) => send<PageElement>({ view, action: 'select', selector, value }),
  read: (view: string, selector: string) => send<PageElement>({ view, action: 'read', selector }),
  /** How many elements of the page match `selector` (none is an answer too). */
  count: async (view: string, selector: string) => (await send<PageElement>({ view, action: 'read', selector: 'body', countOf: selector })).count,
  /** The computed values of CSS properties of the element, e.g. its colours in the current theme. */
  style: async (view: string, selector: string, properties: readonly string[]) => (await send<PageElement>({ view, action: 'read', selector, properties })).style ?? {},
  /** Focuses the element and presses a key there (`Space`, `3`, `Control+z`). */
  press: (view: string, selector: string, key: string) => send<PageElement>({ view, action: 'press', selector, value: key }),
  /** Marks the page's document; a later `read` says whether it is still the same (the page was not drawn again). */
  mark: (view: string, selector: string) => send<PageElement>({ view, action: 'mark', selector }),
};

export const inWorkbench = {
  click: (selector: string) => send<PageElement>({ view: 'workbench', action: 'click', selector }),
  read: (selector: string) => send<PageElement>({ view: 'workbench', action: 'read', selector }),
  /** How many elements of the workbench match `selector`. */
  count: async (selector: string) => (await send<PageElement>({ view: 'workbench', action: 'read', selector: 'body', countOf: selector })).count,
  /** The text of our progress item in the status bar (its icon is not text). */
  statusBar: async () => (await send<PageElement>({ view: 'workbench', action: 'read', selector: '[id$="mlRoadmaps.progress"]' })).text.trim(),
};

let unpinned: Thenable<void> | undefined;

/**
 * Shows the ML Roadmaps view, so that its rows are in the workbench. Sticky scroll is turned off
 * first: its pinned copies of parent rows would lie over the rows a test clicks.
 */
async function showTree(): Promise<void> {
  unpinned ??= vscode.workspace.getConfiguration('workbench').update('tree.enableStickyScroll', false, vscode.ConfigurationTarget.Global);
  await unpinned;
  await vscode.commands.executeCommand('mlRoadmaps.tree.focus');
}

export const inTree = {
  /** The rows the view shows, top to bottom (only those scrolled into view: a list draws no others). */
  rows: async (): Promise<readonly TreeRow[]> => {
    await showTree();
    return send<TreeRow[]>({ view: 'tree', action: 'rows' });
  },
  /** The row labelled `label` (the `index`th of that label); fails when it is not shown. */
  row: async (label: string, index = 0): Promise<TreeRow> => {
    const found = (await inTree.rows()).filter((r) => r.label === label)[index];
    assert.ok(found, `a row "${label}" in the tree`);
    return found;
  },
  /** Expands the row by clicking its twistie; answers the rows after. */
  expand: async (label: string, index = 0): Promise<readonly TreeRow[]> => {
    await showTree();
    return send<TreeRow[]>({ view: 'tree', action: 'expand', row: label, index });
  },
  /** Collapses the row by clicking its twistie; answers the rows after. */
  collapse: async (label: string, index = 0): Promise<readonly TreeRow[]> => {
    await showTree();
    return send<TreeRow[]>({ view: 'tree', action: 'collapse', row: label, index });
  },
  click: async (label: string, index = 0): Promise<readonly TreeRow[]> => {
    await showTree();
    return send<TreeRow[]>({ view: 'tree', action: 'click', row: label, index });
  },
  /** The row's tooltip, as the pointer resting on it shows it. */
  tooltip: async (label: string, index = 0): Promise<string> => {
    await showTree();
    return (await send<string[]>({ view: 'tree', action: 'hover', row: label, index }))[0];
  },
  /** The row's tooltip as the workbench draws it: its HTML. */
  tooltipHtml: async (label: string, index = 0): Promise<string> => {
    await showTree();
    return (await send<string[]>({ view: 'tree', action: 'hover', row: label, index }))[1];
  },
  /** Drops the workspace's files on the row, as a drag from the Explorer brings them; answers the rows after. */
  drop: async (label: string, uris: readonly vscode.Uri[], index = 0): Promise<readonly TreeRow[]> => {
    await showTree();
    return send<TreeRow[]>({ view: 'tree', action: 'drop', row: label, index, value: uris.map((u) => u.toString()).join('\r\n') });
  },
  /** The actions of the row's context menu. */
  menu: async (label: string, index = 0): Promise<readonly string[]> => {
    await showTree();
    return send<string[]>({ view: 'tree', action: 'menu', row: label, index });
  },
  /** The rows of the children of the (expanded) row labelled `label`. */
  childrenOf: async (label: string, index = 0): Promise<readonly TreeRow[]> => {
    const rows = await inTree.rows();
    const at = rows.indexOf(rows.filter((r) => r.label === label)[index]);
    assert.ok(at >= 0, `a row "${label}" in the tree`);
    const children: TreeRow[] = [];
    for (const row of rows.slice(at + 1)) {
      if (row.level <= rows[at].level) break;
      if (row.level === rows[at].level + 1) children.push(row);
    }
    return children;
  },
  /** The selected rows' labels. */
  selection: async (): Promise<readonly string[]> => (await inTree.rows()).filter((r) => r.selected).map((r) => r.label),
};
