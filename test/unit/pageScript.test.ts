/**
 * The pages' script (media/details.js) in a DOM: what it posts when the learner acts, and what it
 * shows when the extension sends new states. The page is the real rendered HTML.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { JSDOM } from 'jsdom';
import * as path from 'path';
import { renderModulePage } from '../../src/details/render';
import { countTasks, formatCounts } from '../../src/model/progress';
import { Module, TaskState, tasksOf } from '../../src/model/types';
import { createMarkdownRenderer } from '../../src/webview/markdown';
import { ExtensionMessage, PageMessage } from '../../src/webview/protocol';
import { loadBundled } from './helpers';

const script = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'media', 'details.js'), 'utf8');
const assets = { cspSource: 'vscode-resource:', nonce: 'n', scriptUri: 'details.js', styleUri: 'details.css' };

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

function loadPage(module: Module): LoadedPage {
  const stateOf = (): TaskState => 'notStarted';
  const html = renderModulePage({ module, stateOf, counts: countTasks(module.tasks, stateOf), actionsFor: () => ['reveal', 'openNotes'] }, assets, createMarkdownRenderer());
  const dom = new JSDOM(html.replace(/<script[^>]*><\/script>/, ''), { runScripts: 'outside-only' });
  const posted: PageMessage[] = [];
  const saved: unknown[] = [];
  const window = dom.window as unknown as JSDOM['window'] & Record<string, unknown>;
  window.acquireVsCodeApi = () => ({ postMessage: (m: PageMessage) => posted.push(plain(m)), setState: (s: unknown) => saved.push(plain(s)), getState: () => undefined });
  // Every browser has CSS.escape; jsdom does not.
  window.CSS = { escape: (value: string) => value.replace(/["\\]/g, '\\$&') };
  window.eval(script);
  return {
    window,
    posted,
    saved,
    send: (message) => window.dispatchEvent(new window.MessageEvent('message', { data: message })),
  };
}

// The first module with a link in it, so the page has something to open.
const firstModule = loadBundled('ml-dl-condensed.yaml').phases.flatMap((p) => p.modules).find((m) => m.tasks.some((t) => t.resources.length > 0))!;
const [first, second] = firstModule.tasks;

suite('Page script', () => {
  test('Says it is ready and saves what the serializer needs', () => {
    const page = loadPage(firstModule);
    assert.deepStrictEqual(page.posted, [{ type: 'ready' }]);
    assert.deepStrictEqual(page.saved, [{ view: 'module', roadmapId: 'ml-dl-condensed', moduleId: firstModule.id, pinned: false }]);
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
