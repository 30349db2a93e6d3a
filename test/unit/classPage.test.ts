/**
 * The class dashboard's script (media/page.js, then media/class.js) in a DOM, on the real rendered
 * frame: what it builds from the class the extension sends (text only, never HTML), and what it
 * asks for when the teacher sorts, filters, shows more and exports.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { JSDOM } from 'jsdom';
import * as path from 'path';
import { renderClassPage } from '../../src/classroom/render';
import { CLASS_PAGE, SHARED_SCRIPT, SHARED_STYLE } from '../../src/webview/pages';
import { ClassRowView, ExtensionMessage, PageMessage, parsePageMessage } from '../../src/webview/protocol';

const media = (file: string) => fs.readFileSync(path.join(__dirname, '..', '..', '..', 'media', file), 'utf8');

function loadClassPage() {
  const assets = { cspSource: 'vscode-resource:', nonce: 'n', scriptUris: [SHARED_SCRIPT, CLASS_PAGE.script], styleUris: [SHARED_STYLE, CLASS_PAGE.style], saved: JSON.stringify(CLASS_PAGE.save({ folder: 'file:///class' }, 'perKey')) };
  const html = renderClassPage('class-repo', assets);
  const dom = new JSDOM(html.replace(/<script[^>]*><\/script>/g, ''), { runScripts: 'outside-only' });
  const posted: PageMessage[] = [];
  const window = dom.window as unknown as JSDOM['window'] & Record<string, unknown>;
  window.acquireVsCodeApi = () => ({ postMessage: (m: PageMessage) => posted.push(JSON.parse(JSON.stringify(m)) as PageMessage), setState: () => undefined, getState: () => undefined });
  window.eval([SHARED_SCRIPT, CLASS_PAGE.script].map(media).join('\n'));
  const send = (message: ExtensionMessage) => window.dispatchEvent(new window.MessageEvent('message', { data: message }));
  const click = (selector: string) => (window.document.querySelector(selector) as HTMLElement).click();
  return { window, document: window.document, posted, send, click };
}

const HOSTILE = '<img src=x onerror="window.pwned=1">';
const row = (handle: string, percent: number): ClassRowView => ({ handle, file: `class/${handle}.json`, percent, phases: [percent, 0], verified: 1, aheadBehindDays: -2, pace: 5, lastActivity: '2026-12-01T10:00:00.000Z' });

function classData(stuckTitle = 'NumPy'): ExtensionMessage {
  return {
    type: 'classData',
    roadmaps: [{ id: 'mini', title: 'Mini roadmap', phases: ['Basics', HOSTILE], learners: 120, stuck: [{ taskId: 'numpy', title: stuckTitle, failingLearners: 3, failingChecks: 5, inProgress: 4, meanDaysInProgress: 6 }] }],
    bad: [{ file: 'class/evil.json', reason: `class/evil.json: handle: ${HOSTILE}` }],
  };
}

suite('Class page script', () => {
  test('Says it is ready, then asks for the first rows of each roadmap the class has; every message passes the protocol', () => {
    const page = loadClassPage();
    assert.deepStrictEqual(page.posted, [{ type: 'ready' }]);
    page.send(classData());
    assert.deepStrictEqual(page.posted[1], { type: 'classView', roadmapId: 'mini', sort: 'learner', descending: false, filter: '', limit: 50 });
    for (const message of page.posted) assert.ok(parsePageMessage(message), JSON.stringify(message));
  });

  test('Text from class files is shown as text: no element, no script', () => {
    const page = loadClassPage();
    page.send(classData(HOSTILE));
    page.send({ type: 'classRows', roadmapId: 'mini', sort: 'learner', descending: false, rows: [row(HOSTILE, 40)], matching: 1 });
    assert.strictEqual(page.document.querySelectorAll('img').length, 0);
    assert.strictEqual(page.window.pwned, undefined);
    assert.strictEqual(page.document.querySelector('tbody th')?.textContent, HOSTILE);
    assert.strictEqual(page.document.querySelector('.stuck li')?.textContent, `${HOSTILE}: 3 failing its checks, 4 in progress for 6 days on average`);
    assert.match(page.document.querySelector('#bad-list li')?.textContent ?? '', /class\/evil\.json/);
    assert.strictEqual((page.document.getElementById('bad') as HTMLElement).hidden, false);
  });

  test('Rows as sent; sorting by a column asks for that order, a second click turns it round; show more asks for more', () => {
    const page = loadClassPage();
    page.send(classData());
    page.send({ type: 'classRows', roadmapId: 'mini', sort: 'learner', descending: false, rows: Array.from({ length: 50 }, (_, i) => row(`l${i}`, i)), matching: 120 });
    assert.strictEqual(page.document.querySelectorAll('tbody tr').length, 50);
    assert.deepStrictEqual([...page.document.querySelectorAll('tbody tr')][3].textContent, 'l33%1-22026-12-013%0%');
    assert.strictEqual(page.document.querySelector('.showing')?.textContent, 'Showing 50 of 120 learners');
    page.click('button[data-sort="phase-0"]');
    assert.deepStrictEqual(page.posted.at(-1), { type: 'classView', roadmapId: 'mini', sort: 'phase-0', descending: true, filter: '', limit: 50 });
    page.click('button[data-sort="phase-0"]');
    assert.deepStrictEqual(page.posted.at(-1), { type: 'classView', roadmapId: 'mini', sort: 'phase-0', descending: false, filter: '', limit: 50 });
    page.click('button.show-more');
    assert.deepStrictEqual(page.posted.at(-1), { type: 'classView', roadmapId: 'mini', sort: 'phase-0', descending: false, filter: '', limit: 100 });
    page.send({ type: 'classRows', roadmapId: 'mini', sort: 'phase-0', descending: false, rows: [row('a', 1)], matching: 1 });
    assert.strictEqual(page.document.querySelector('th[aria-sort] button')?.getAttribute('aria-label'), 'Basics');
    assert.strictEqual((page.document.querySelector('button.show-more') as HTMLElement).hidden, true);
  });

  test('The filter and Export CSV ask for the view as it is', async () => {
    const page = loadClassPage();
    page.send(classData());
    const filter = page.document.querySelector('input.filter') as HTMLInputElement;
    filter.value = 'ada';
    filter.dispatchEvent(new page.window.Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 250));
    assert.deepStrictEqual(page.posted.at(-1), { type: 'classView', roadmapId: 'mini', sort: 'learner', descending: false, filter: 'ada', limit: 50 });
    page.click('button.export-csv');
    assert.deepStrictEqual(page.posted.at(-1), { type: 'classCsv', roadmapId: 'mini', sort: 'learner', descending: false, filter: 'ada' });
    // The class sent again (a file changed): the view is kept.
    page.send(classData());
    assert.deepStrictEqual(page.posted.at(-1), { type: 'classView', roadmapId: 'mini', sort: 'learner', descending: false, filter: 'ada', limit: 50 });
    assert.strictEqual((page.document.querySelector('input.filter') as HTMLInputElement).value, 'ada');
  });
});
