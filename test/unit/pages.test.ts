/**
 * The table of pages (src/webview/pages.ts): which messages each page takes (by inclusion: what
 * it declared, and the two every page sends), what each saves for the serializer and how that is
 * read back, and that each page's script and stylesheet exist.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DASHBOARD_PAGE, DETAILS_PAGE, REVIEW_PAGE, REVIEW_PAGE_TARGET, isCommonMessage, isOwnMessage, PAGES, SHARED_SCRIPT, SHARED_STYLE } from '../../src/webview/pages';
import { PageMessage, PageMessageType, parsePageMessage } from '../../src/webview/protocol';
import { loadText, miniRoadmap, ROOT } from './helpers';

/** One valid message of every type the protocol has: adding a type to the protocol fails to compile here until it is listed. */
const ONE_OF_EACH: Record<PageMessageType, PageMessage> = {
  ready: { type: 'ready' },
  setState: { type: 'setState', taskId: 'numpy', state: 'done' },
  openLink: { type: 'openLink', href: 'https://example.com/' },
  taskAction: { type: 'taskAction', action: 'openNotes', taskId: 'numpy' },
  continue: { type: 'continue' },
  classView: { type: 'classView', roadmapId: 'mini', sort: 'done', descending: true, filter: '', limit: 50 },
  classCsv: { type: 'classCsv', roadmapId: 'mini', sort: 'phase-2', descending: false, filter: 'ada' },
  rateCard: { type: 'rateCard', cardId: 'c0ffee12', rating: 3 },
  undoRating: { type: 'undoRating' },
  openCardModule: { type: 'openCardModule', cardId: 'c0ffee12' },
  openCardNote: { type: 'openCardNote', cardId: 'c0ffee12' },
};

suite('Pages: the messages each page takes', () => {
  test('Each page takes what it declared and what every page sends, and nothing else', () => {
    for (const kind of PAGES) {
      for (const message of Object.values(ONE_OF_EACH)) {
        const declared = (kind.messages as readonly string[]).includes(message.type);
        assert.strictEqual(isOwnMessage(kind, message), declared, `${kind.name} and ${message.type}`);
        assert.strictEqual(isCommonMessage(message), message.type === 'ready' || message.type === 'openLink', message.type);
      }
    }
  });

  test('The details page refuses the dashboard’s Continue; the dashboard refuses task states and actions', () => {
    assert.ok(!isOwnMessage(DETAILS_PAGE, ONE_OF_EACH.continue));
    assert.ok(!isOwnMessage(DASHBOARD_PAGE, ONE_OF_EACH.setState));
    assert.ok(!isOwnMessage(DASHBOARD_PAGE, ONE_OF_EACH.taskAction));
    assert.ok(isOwnMessage(DETAILS_PAGE, ONE_OF_EACH.setState) && isOwnMessage(DETAILS_PAGE, ONE_OF_EACH.taskAction));
    assert.ok(isOwnMessage(DASHBOARD_PAGE, ONE_OF_EACH.continue));
  });

  test('Only the Review page takes ratings, undo and its card links; it takes no task states', () => {
    for (const type of ['rateCard', 'undoRating', 'openCardModule', 'openCardNote'] as const) {
      assert.ok(isOwnMessage(REVIEW_PAGE, ONE_OF_EACH[type]), type);
      assert.ok(!isOwnMessage(DETAILS_PAGE, ONE_OF_EACH[type]) && !isOwnMessage(DASHBOARD_PAGE, ONE_OF_EACH[type]), type);
    }
    assert.ok(!isOwnMessage(REVIEW_PAGE, ONE_OF_EACH.setState) && !isOwnMessage(REVIEW_PAGE, ONE_OF_EACH.taskAction) && !isOwnMessage(REVIEW_PAGE, ONE_OF_EACH.continue));
  });

  test('A rating is 1 to 4 and a card id is short and plain; anything else is dropped before any page sees it', () => {
    assert.deepStrictEqual(parsePageMessage({ type: 'rateCard', cardId: 'abc-1', rating: 4 }), { type: 'rateCard', cardId: 'abc-1', rating: 4 });
    const bad: unknown[] = [
      { type: 'rateCard', cardId: 'abc', rating: 0 },
      { type: 'rateCard', cardId: 'abc', rating: 5 },
      { type: 'rateCard', cardId: 'abc', rating: '3' },
      { type: 'rateCard', cardId: 'abc', rating: 2.5 },
      { type: 'rateCard', cardId: '../x', rating: 3 },
      { type: 'rateCard', cardId: 'x'.repeat(65), rating: 3 },
      { type: 'rateCard', cardId: 'abc' },
      { type: 'undoRating', cardId: 'abc' },
      { type: 'openCardNote', cardId: 7 },
    ];
    for (const message of bad) assert.strictEqual(parsePageMessage(message), undefined, JSON.stringify(message));
  });
});

suite('Pages: what a panel saves for the serializer', () => {
  const roadmap = loadText(miniRoadmap()).roadmap!;
  const module = roadmap.phases[0].modules[0];

  test('A details panel is restored showing the same module, pinned or following, as it was saved', () => {
    for (const mode of ['perKey', 'single'] as const) {
      const saved = DETAILS_PAGE.parseSaved(JSON.parse(JSON.stringify(DETAILS_PAGE.save(module, mode))));
      assert.deepStrictEqual(saved, { roadmapId: roadmap.id, moduleId: module.id, pinned: mode === 'perKey' });
      assert.strictEqual(DETAILS_PAGE.modeOf(saved), mode);
    }
  });

  test('A dashboard is restored for the same roadmap, kept per roadmap', () => {
    const saved = DASHBOARD_PAGE.parseSaved(JSON.parse(JSON.stringify(DASHBOARD_PAGE.save(roadmap, 'perKey'))));
    assert.deepStrictEqual(saved, { roadmapId: roadmap.id });
    assert.strictEqual(DASHBOARD_PAGE.modeOf(saved), 'perKey');
  });

  test('Reads only the declared fields, so a state saved by an earlier version still restores', () => {
    const earlier = { view: 'module', roadmapId: 'deep-learning', moduleId: 'linear-algebra', pinned: true };
    assert.deepStrictEqual(DETAILS_PAGE.parseSaved(earlier), { roadmapId: 'deep-learning', moduleId: 'linear-algebra', pinned: true });
    assert.deepStrictEqual(DASHBOARD_PAGE.parseSaved({ view: 'dashboard', roadmapId: 'deep-learning', pinned: false }), { roadmapId: 'deep-learning' });
  });

  test('Refuses a saved state whose declared fields are missing or not what they should be', () => {
    const badDetails: unknown[] = [
      undefined, null, 'x', [], { roadmapId: 'a', pinned: false }, { moduleId: 'a', pinned: false }, { roadmapId: '../../etc', moduleId: 'a', pinned: false },
      { roadmapId: 'a', moduleId: 5, pinned: false }, { roadmapId: 'a', moduleId: 'b', pinned: 'true' }, { roadmapId: 'a', moduleId: 'b' },
    ];
    for (const bad of badDetails) assert.strictEqual(DETAILS_PAGE.parseSaved(bad), undefined, JSON.stringify(bad));
    for (const bad of [undefined, null, 'x', {}, { roadmapId: '../x' }, { roadmapId: 3 }]) assert.strictEqual(DASHBOARD_PAGE.parseSaved(bad), undefined, JSON.stringify(bad));
  });

  test('The Review page is one panel, restored as it was; a saved state that is not its own is refused', () => {
    const saved = REVIEW_PAGE.parseSaved(JSON.parse(JSON.stringify(REVIEW_PAGE.save(REVIEW_PAGE_TARGET, 'single'))));
    assert.deepStrictEqual(saved, { review: true });
    assert.strictEqual(REVIEW_PAGE.modeOf(saved), 'single');
    for (const bad of [undefined, null, {}, { review: 'yes' }, { review: false }]) assert.strictEqual(REVIEW_PAGE.parseSaved(bad), undefined, JSON.stringify(bad));
  });

  test('Takes no inherited field for a declared one', () => {
    const inherited = Object.create({ roadmapId: 'deep-learning' }) as unknown;
    assert.strictEqual(DASHBOARD_PAGE.parseSaved(inherited), undefined);
  });
});

suite('Pages: scripts and stylesheets', () => {
  const media = path.join(ROOT, 'media');

  test('Every page has its own script and stylesheet in media/, and view types of its own', () => {
    for (const kind of PAGES) {
      for (const file of [kind.script, kind.style]) assert.ok(fs.existsSync(path.join(media, file)), `${kind.name}: media/${file}`);
      assert.ok(![SHARED_SCRIPT, SHARED_STYLE].includes(kind.script) && ![SHARED_SCRIPT, SHARED_STYLE].includes(kind.style), kind.name);
    }
    assert.strictEqual(new Set(PAGES.map((kind) => kind.viewType)).size, PAGES.length);
    assert.strictEqual(new Set(PAGES.map((kind) => kind.script)).size, PAGES.length);
  });

  test('Every script and stylesheet in media/ is the shared one or a page’s own', () => {
    const used = new Set<string>([SHARED_SCRIPT, SHARED_STYLE, ...PAGES.flatMap((kind) => [kind.script, kind.style])]);
    const present = fs.readdirSync(media).filter((file) => /\.(js|css)$/.test(file));
    assert.deepStrictEqual(present.filter((file) => !used.has(file)), []);
  });
});
