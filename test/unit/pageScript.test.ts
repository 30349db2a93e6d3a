/**
 * The pages' scripts (media/page.js, then the page's own) in a DOM: what they post when the learner
 * acts, what they save for the serializer, and what the details page shows when the extension
 * sends new states. The page is the real rendered HTML.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { JSDOM } from 'jsdom';
import * as path from 'path';
import { renderModulePage } from '../../src/details/render';
import { countTasks, formatCounts } from '../../src/model/progress';
import { Module, Phase, Roadmap, TaskState, tasksOf } from '../../src/model/types';
import { renderDashboard } from '../../src/dashboard/render';
import { DASHBOARD_PAGE, DETAILS_PAGE, SHARED_SCRIPT, SHARED_STYLE } from '../../src/webview/pages';
import { createMarkdownRenderer } from '../../src/webview/markdown';
import { ExtensionMessage, PageMessage } from '../../src/webview/protocol';
import { loadBundled } from './helpers';

const media = (file: string) => fs.readFileSync(path.join(__dirname, '..', '..', '..', 'media', file), 'utf8');
const assetsOf = (kind: { script: string; style: string }, saved: unknown) => ({
  cspSource: 'vscode-resource:',
  nonce: 'n',
  scriptUris: [SHARED_SCRIPT, kind.script],
  styleUris: [SHARED_STYLE, kind.style],
  saved: JSON.stringify(saved),
});

interface LoadedPage {
  readonly window: JSDOM['window'];
  readonly posted: PageMessage[];
  readonly saved: unknown[];
  send(message: ExtensionMessage): void;
}

/** A value from the page's realm as a plain value of ours, so deepStrictEqual compares contents. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The page's HTML with its scripts run as the webview runs them: the shared one, then the page's own. */
function loadHtml(html: string): LoadedPage {
  const scripts = [...html.matchAll(/<script nonce="n" src="([^"]+)"><\/script>/g)].map((m) => m[1]);
  const dom = new JSDOM(html.replace(/<script[^>]*><\/script>/g, ''), { runScripts: 'outside-only' });
  const posted: PageMessage[] = [];
  const saved: unknown[] = [];
  const window = dom.window as unknown as JSDOM['window'] & Record<string, unknown>;
  window.acquireVsCodeApi = () => ({ postMessage: (m: PageMessage) => posted.push(plain(m)), setState: (s: unknown) => saved.push(plain(s)), getState: () => undefined });
  // Every browser has CSS.escape; jsdom does not.
  window.CSS = { escape: (value: string) => value.replace(/["\\]/g, '\\$&') };
  // One evaluation: separate <script>s share one global scope, separate evals would not.
  window.eval(scripts.map(media).join('\n'));
  return {
    window,
    posted,
    saved,
    send: (message) => window.dispatchEvent(new window.MessageEvent('message', { data: message })),
  };
}

function loadPage(module: Module): LoadedPage {
  const stateOf = (): TaskState => 'notStarted';
  const input = { module, stateOf, counts: countTasks(module.tasks, stateOf), actionsFor: () => ['reveal', 'openNotes'] as const };
  return loadHtml(renderModulePage(input, assetsOf(DETAILS_PAGE, DETAILS_PAGE.save(module, 'single')), createMarkdownRenderer()));
}

function loadDashboard(roadmap: Roadmap): LoadedPage {
  const input = { roadmap, countsOf: (node: Roadmap | Phase) => countTasks(tasksOf(node), () => 'notStarted'), recent: [], next: tasksOf(roadmap)[0] };
  return loadHtml(renderDashboard(input, assetsOf(DASHBOARD_PAGE, DASHBOARD_PAGE.save(roadmap, 'perKey')), createMarkdownRenderer()));
}

// The first module with a link in it, so the page has something to open.
const firstModule = loadBundled('ml-dl-condensed.yaml').phases.flatMap((p) => p.modules).find((m) => m.tasks.some((t) => t.resources.length > 0))!;
const [first, second] = firstModule.tasks;

suite('Page script', () => {
  test('Says it is ready and saves what the serializer needs', () => {
    const page = loadPage(firstModule);
    assert.deepStrictEqual(page.posted, [{ type: 'ready' }]);
    assert.deepStrictEqual(page.saved, [{ roadmapId: 'ml-dl-condensed', moduleId: firstModule.id, pinned: false }]);
    assert.deepStrictEqual(DETAILS_PAGE.parseSaved(page.saved[0]), page.saved[0], 'what the serializer reads back');
  });

  test('Ticking a checkbox or choosing a state posts setState for that task', () => {
    const page = loadPage(firstModule);
    const { document } = page.window;
    const checkbox = document.querySelector<HTMLInputElement>(`input[type="checkbox"][data-task-id="${first.id}"]`)!;
    checkbox.checked = true;
    checkbox.dispatchEvent(new page.window.Event('change', { bubbles: true }));
    const select = document.querySelector<HTMLSelectElement>(`select.state[data-task-id="${second.id}"]`)!;
    select.value = 'skipped';
    select.dispatchEvent(new page.window.Event('change', { bubbles: true }));
    assert.deepStrictEqual(page.posted.slice(1), [
      { type: 'setState', taskId: first.id, state: 'done' },
      { type: 'setState', taskId: second.id, state: 'skipped' },
    ]);
  });

  test('A task button posts its action; a link asks the extension to open it', () => {
    const page = loadPage(firstModule);
    const { document } = page.window;
    document.querySelector<HTMLButtonElement>(`button[data-action="openNotes"][data-task-id="${first.id}"]`)!.click();
    const link = document.querySelector<HTMLAnchorElement>('a.external-link')!;
    link.click();
    assert.deepStrictEqual(page.posted.slice(1), [
      { type: 'taskAction', action: 'openNotes', taskId: first.id },
      { type: 'openLink', href: link.dataset.href },
    ]);
  });

  test('New states from the extension update the rows and the counts, formatted as the extension formats them', () => {
    const page = loadPage(firstModule);
    const { document } = page.window;
    const states: Record<string, TaskState> = { [first.id]: 'done', [second.id]: 'inProgress' };
    const counts = countTasks(tasksOf(firstModule), (t) => states[t.id] ?? 'notStarted');
    page.send({ type: 'states', states, counts });
    assert.strictEqual(document.querySelector<HTMLInputElement>(`input[type="checkbox"][data-task-id="${first.id}"]`)!.checked, true);
    assert.strictEqual(document.querySelector<HTMLSelectElement>(`select.state[data-task-id="${second.id}"]`)!.value, 'inProgress');
    assert.strictEqual(document.querySelector<HTMLElement>(`li.task[data-task-id="${second.id}"]`)!.dataset.state, 'inProgress');
    assert.strictEqual(document.getElementById('summary')!.textContent, formatCounts(counts));
    const progress = document.getElementById('progress') as HTMLProgressElement;
    assert.deepStrictEqual([progress.value, progress.max], [1, counts.total]);
  });
});

suite('Dashboard script', () => {
  const roadmap = loadBundled('ml-dl-condensed.yaml');

  test('Says it is ready and saves the roadmap for the serializer', () => {
    const page = loadDashboard(roadmap);
    assert.deepStrictEqual(page.posted, [{ type: 'ready' }]);
    assert.deepStrictEqual(page.saved, [{ roadmapId: 'ml-dl-condensed' }]);
    assert.deepStrictEqual(DASHBOARD_PAGE.parseSaved(page.saved[0]), page.saved[0], 'what the serializer reads back');
  });

  test('Continue posts continue; a link asks the extension to open it', () => {
    const page = loadDashboard(roadmap);
    const { document } = page.window;
    document.querySelector<HTMLButtonElement>('button[data-continue]')!.click();
    const link = document.querySelector<HTMLAnchorElement>('a.external-link');
    link?.click();
    assert.deepStrictEqual(page.posted.slice(1), [{ type: 'continue' }, ...(link ? [{ type: 'openLink', href: link.dataset.href }] : [])]);
  });
});
