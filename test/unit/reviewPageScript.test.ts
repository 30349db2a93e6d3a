/**
 * The Review page's script (media/page.js, then media/review.js) in a DOM, on the real rendered
 * frame: Space shows the answer, 1–4 rate the card shown (once), U and Ctrl+Z undo, the buttons do
 * the same, and a view from the extension changes the card, the counts and the live region.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { JSDOM } from 'jsdom';
import * as path from 'path';
import { renderReviewPage } from '../../src/review/render';
import { REVIEW_PAGE, REVIEW_PAGE_TARGET, SHARED_SCRIPT, SHARED_STYLE } from '../../src/webview/pages';
import type { ExtensionMessage, PageMessage, ReviewView } from '../../src/webview/protocol';

const media = (file: string) => fs.readFileSync(path.join(__dirname, '..', '..', '..', 'media', file), 'utf8');

function loadReviewPage() {
  const html = renderReviewPage({ cspSource: 'vscode-resource:', nonce: 'n', scriptUris: [SHARED_SCRIPT, REVIEW_PAGE.script], styleUris: [SHARED_STYLE, REVIEW_PAGE.style], saved: JSON.stringify(REVIEW_PAGE.save(REVIEW_PAGE_TARGET, 'single')) });
  const scripts = [...html.matchAll(/<script nonce="n" src="([^"]+)"><\/script>/g)].map((m) => m[1]);
  const dom = new JSDOM(html.replace(/<script[^>]*><\/script>/g, ''), { runScripts: 'outside-only' });
  const posted: PageMessage[] = [];
  const window = dom.window as unknown as JSDOM['window'] & Record<string, unknown>;
  window.acquireVsCodeApi = () => ({ postMessage: (m: PageMessage) => posted.push(JSON.parse(JSON.stringify(m)) as PageMessage), setState: () => undefined, getState: () => undefined });
  window.eval(scripts.map(media).join('\n'));
  const { document } = window;
  return {
    window,
    document,
    posted,
    send: (message: ExtensionMessage) => window.dispatchEvent(new window.MessageEvent('message', { data: message })),
    key: (key: string, init: KeyboardEventInit = {}) => document.body.dispatchEvent(new window.KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })),
    shown: (id: string) => !document.getElementById(id)!.hidden,
  };
}

const VIEW: ReviewView = {
  card: { id: 'abcdef0123456789', frontHtml: '<p>What is <code>np.arange(3)</code>?</p>', backHtml: '<p>[0, 1, 2]</p>', where: 'ML Basics › NumPy', intervals: ['1m', '6m', '10m', '3d'], hasNote: true },
  countsText: '3 to review today: 0 due, 3 new',
  canUndo: false,
  announce: 'Question: What is np.arange(3)?',
};

suite('Review page script', () => {
  test('Says it is ready; shows the card sent, its intervals, counts and announcement, with the answer hidden', () => {
    const page = loadReviewPage();
    assert.deepStrictEqual(page.posted, [{ type: 'ready' }]);
    page.send({ type: 'review', view: VIEW });
    const { document } = page;
    assert.strictEqual(document.getElementById('front')!.querySelector('code')!.textContent, 'np.arange(3)');
    assert.strictEqual(document.getElementById('where')!.textContent, 'ML Basics › NumPy');
    assert.strictEqual(document.getElementById('counts')!.textContent, VIEW.countsText);
    assert.strictEqual(document.getElementById('announce')!.textContent, VIEW.announce);
    assert.strictEqual(document.getElementById('announce')!.getAttribute('aria-live'), 'polite');
    assert.deepStrictEqual([...document.querySelectorAll('[data-interval]')].map((e) => e.textContent), ['1m', '6m', '10m', '3d']);
    assert.ok(page.shown('card') && !page.shown('answer') && !page.shown('ratings') && page.shown('show-row'));
    assert.ok((document.getElementById('undo') as HTMLButtonElement).disabled);
  });

  test('A rating key does nothing before the answer is shown; Space shows it, then 3 rates the card once', () => {
    const page = loadReviewPage();
    page.send({ type: 'review', view: VIEW });
    page.key('3');
    assert.deepStrictEqual(page.posted.slice(1), [], 'no rating before the answer');
    page.key(' ');
    assert.ok(page.shown('answer') && page.shown('ratings') && !page.shown('show-row'));
    assert.strictEqual(page.document.activeElement, page.document.getElementById('back'), 'focus on the answer, so it is read');
    page.key('3');
    page.key('4');
    assert.deepStrictEqual(page.posted.slice(1), [{ type: 'rateCard', cardId: VIEW.card!.id, rating: 3 }], 'one rating until the next card comes');
  });

  test('The next card arrives with its answer hidden and can be rated; U and Ctrl+Z undo when there is something to undo', () => {
    const page = loadReviewPage();
    page.send({ type: 'review', view: VIEW });
    page.key('u');
    assert.deepStrictEqual(page.posted.slice(1), [], 'nothing to undo yet');
    const next: ReviewView = { ...VIEW, card: { ...VIEW.card!, id: '0123456789abcdef', frontHtml: '<p>Broadcasting</p>' }, canUndo: true, announce: 'Rated Good: next review in 10m. Question: Broadcasting' };
    page.send({ type: 'review', view: next });
    assert.ok(!page.shown('answer'));
    assert.strictEqual(page.document.getElementById('announce')!.textContent, next.announce);
    page.key(' ');
    page.key('1');
    page.send({ type: 'review', view: next });
    page.key('z', { ctrlKey: true });
    page.send({ type: 'review', view: next });
    page.key('U');
    assert.deepStrictEqual(page.posted.slice(1), [{ type: 'rateCard', cardId: '0123456789abcdef', rating: 1 }, { type: 'undoRating' }, { type: 'undoRating' }]);
  });

  test('The buttons do what the keys do, and the card’s links ask for its module and its note', () => {
    const page = loadReviewPage();
    page.send({ type: 'review', view: { ...VIEW, canUndo: true } });
    const click = (selector: string) => page.document.querySelector<HTMLButtonElement>(selector)!.click();
    click('#open-module');
    click('#open-note');
    click('#show');
    click('button[data-rating="2"]');
    page.send({ type: 'review', view: { ...VIEW, canUndo: true } });
    click('#undo');
    assert.deepStrictEqual(page.posted.slice(1), [
      { type: 'openCardModule', cardId: VIEW.card!.id },
      { type: 'openCardNote', cardId: VIEW.card!.id },
      { type: 'rateCard', cardId: VIEW.card!.id, rating: 2 },
      { type: 'undoRating' },
    ]);
  });

  test('With nothing left the card is hidden and the page says so; a topic card has no note to open', () => {
    const page = loadReviewPage();
    page.send({ type: 'review', view: { ...VIEW, card: { ...VIEW.card!, hasNote: false } } });
    assert.ok(!page.shown('open-note') && page.shown('open-module'));
    page.send({ type: 'review', view: { countsText: 'Nothing to review today', canUndo: true, announce: 'Rated Easy. Nothing to review today.' } });
    assert.ok(!page.shown('card') && page.shown('empty'));
    page.key(' ');
    page.key('3');
    assert.deepStrictEqual(page.posted.slice(1), [], 'no card, nothing to rate');
  });
});
