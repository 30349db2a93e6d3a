/**
 * Review in one window (src/review/session.ts, src/review/cardIndex.ts), without an editor: cards
 * found per note, today's queue, a rating and its undo, what Restricted Mode refuses, and what the
 * store keeps across a reconcile.
 */
import * as assert from 'assert';
import { dayOf } from '../../src/model/review/queue';
import type { StoredCard } from '../../src/model/review/types';
import { CardIndex } from '../../src/review/cardIndex';
import { ReviewSession, type SessionDeps } from '../../src/review/session';
import { ReviewStore } from '../../src/storage/reviewStore';
import { InMemoryMemento } from './helpers';

const NOW = Date.UTC(2026, 11, 6, 12);
const NOTE_A = 'file:///ws/notes/ml-basics/numpy.md';
const NOTE_B = 'file:///ws/notes/ml-basics/pandas.md';
const THREE_CARDS = ['# NumPy', '', 'What does `np.arange(3)` return?::An array [0, 1, 2]', 'Broadcasting::Stretching arrays of different shapes', 'A ==tensor== generalises matrices.', ''].join('\n');

function setUp(options: { mayWrite?: boolean } = {}) {
  let now = NOW;
  const memento = new InMemoryMemento();
  const store = new ReviewStore(memento, () => assert.fail('no warning'), () => now);
  const index = new CardIndex();
  const deps: SessionDeps = { store, index, now: () => now, settings: () => ({ retention: 0.9, newPerDay: 20 }), mayWrite: () => options.mayWrite ?? true };
  const session = new ReviewSession(deps);
  return { session, index, store, memento, tick: (ms: number) => (now += ms) };
}

suite('Review session', () => {
  test('A note with three cards queues three new cards; rating one takes it off today’s queue and logs it; undo puts it back', async () => {
    const { session, index, store, tick } = setUp();
    assert.ok(index.setNote(NOTE_A, ['ml-basics/numpy'], THREE_CARDS));
    await session.reconcile();
    assert.deepStrictEqual(session.queue().counts, { due: 0, new: 3, total: 3 });
    const first = session.card(session.queue().cardIds[0])!;
    session.showing(first.found.id);
    tick(5000);
    const rated = await session.rate(first.found.id, 3);
    assert.ok(rated && rated.due > NOW, 'due later');
    assert.strictEqual(session.queue().cardIds.includes(first.found.id) && rated.due > NOW + 24 * 3600 * 1000, false);
    assert.strictEqual(session.queue().counts.new, 2);
    assert.deepStrictEqual(store.state().log.map((e) => [e.cardId, e.rating, e.elapsedMs]), [[first.found.id, 3, 5000]]);
    assert.ok(session.canUndo);
    assert.strictEqual(await session.undo(), first.found.id);
    assert.deepStrictEqual(session.queue().counts, { due: 0, new: 3, total: 3 });
    assert.deepStrictEqual(store.state().log, []);
    assert.strictEqual(store.state().cards[first.found.id].schedule.phase, 0, 'new again');
  });

  test('Rated Again, a card comes back today as due; rated Easy it is due days later', async () => {
    const { session, index, store } = setUp();
    index.setNote(NOTE_A, ['ml-basics/numpy'], THREE_CARDS);
    await session.reconcile();
    const [again, easy] = session.queue().cardIds;
    await session.rate(again, 1);
    await session.rate(easy, 4);
    const day = 24 * 3600 * 1000;
    assert.ok(store.state().cards[again].schedule.due < NOW + day);
    assert.ok(store.state().cards[easy].schedule.due >= NOW + day);
  });

  test('When the day turns, the session tells its listeners, and the queue holds the cards due on the new day', async () => {
    const { session, index, store, tick } = setUp();
    index.setNote(NOTE_A, ['ml-basics/numpy'], THREE_CARDS);
    await session.reconcile();
    const [easy] = session.queue().cardIds;
    await session.rate(easy, 4);
    const due = store.state().cards[easy].schedule.due;
    tick(dayOf(due).start - 60_000 - NOW);
    assert.strictEqual(session.queue().cardIds.includes(easy), false, 'not due the evening before');
    let told = 0;
    const listening = session.onDidChange(() => {
      told++;
      assert.strictEqual(session.queue().cardIds[0], easy);
    });
    tick(60_000);
    session.dayTurned();
    listening.dispose();
    assert.strictEqual(told, 1);
  });

  test('The forecast’s state and the plan’s review time count the cards of this window’s notes, not another workspace’s synced ones', async () => {
    const { session, index, store } = setUp();
    index.setNote(NOTE_A, ['ml-basics/numpy'], THREE_CARDS);
    await session.reconcile();
    for (const id of session.queue().cardIds) await session.rate(id, 4);
    const here = session.weeklyReviewMinutes();
    const state = store.state();
    // Another workspace's notes gave cards of the same task, reviewed there and synced here.
    const elsewhere: Record<string, StoredCard> = {};
    const [reviewed] = Object.keys(state.cards);
    for (let i = 0; i < 500; i++) elsewhere[`e${String(i).padStart(15, '0')}`] = { ...state.cards[reviewed], answerHash: `h${i}` };
    await store.set({ ...state, cards: { ...state.cards, ...elsewhere } });
    assert.deepStrictEqual(Object.keys(session.state().cards).sort(), Object.keys(state.cards).sort());
    assert.deepStrictEqual(session.state().log, state.log);
    assert.strictEqual(session.weeklyReviewMinutes(), here);
  });

  test('In Restricted Mode a workspace roadmap’s card is not rated: nothing is stored', async () => {
    const { session, index, memento } = setUp({ mayWrite: false });
    index.setNote(NOTE_A, ['ml-basics/numpy'], THREE_CARDS);
    const writes = memento.writes;
    assert.strictEqual(await session.rate(session.card(session.queue().cardIds[0])!.found.id, 3), undefined);
    assert.strictEqual(memento.writes, writes);
  });

  test('A card deleted from its note is kept, orphaned, and takes its schedule back when it returns', async () => {
    const { session, index, store } = setUp();
    index.setNote(NOTE_A, ['ml-basics/numpy'], THREE_CARDS);
    await session.reconcile();
    const id = session.card(session.queue().cardIds[0])!.found.id;
    await session.rate(id, 3);
    const schedule = store.state().cards[id].schedule;
    index.setNote(NOTE_A, ['ml-basics/numpy'], '# NumPy\n');
    await session.reconcile();
    assert.ok(store.state().cards[id].orphanedAt !== undefined, 'orphaned, not dropped');
    assert.strictEqual(session.hasCards(), false);
    index.setNote(NOTE_A, ['ml-basics/numpy'], THREE_CARDS);
    await session.reconcile();
    assert.strictEqual(store.state().cards[id].orphanedAt, undefined);
    assert.deepStrictEqual(store.state().cards[id].schedule, schedule);
  });

  test('Cards of tasks no note here names (another workspace’s) are left as they are', async () => {
    const { session, index, store } = setUp();
    index.setNote(NOTE_A, ['ml-basics/numpy'], THREE_CARDS);
    await session.reconcile();
    const stored = store.state();
    const elsewhere = { ...stored.cards[Object.keys(stored.cards)[0]], taskKey: 'deep-learning/cnn' };
    await store.set({ ...stored, cards: { ...stored.cards, ffffffffffffffff: elsewhere } });
    index.setNote(NOTE_B, ['ml-basics/pandas'], 'Series::A labelled column');
    await session.reconcile();
    assert.deepStrictEqual(store.state().cards.ffffffffffffffff, elsewhere);
    assert.strictEqual(session.queue().counts.total, 4);
  });

  test('An edit re-reads only that note: the other notes’ cards are the same objects', () => {
    const { index } = setUp();
    index.setNote(NOTE_A, ['ml-basics/numpy'], THREE_CARDS);
    index.setNote(NOTE_B, ['ml-basics/pandas'], 'Series::A labelled column');
    const before = index.all().filter((c) => c.note === NOTE_A).map((c) => c.found.card);
    assert.ok(index.setNote(NOTE_B, ['ml-basics/pandas'], 'Series::A labelled column\nDataFrame::A table'));
    const after = index.all().filter((c) => c.note === NOTE_A).map((c) => c.found.card);
    assert.strictEqual(after.length, 3);
    after.forEach((card, i) => assert.strictEqual(card, before[i]));
    assert.strictEqual(index.setNote(NOTE_B, ['ml-basics/pandas'], 'Series::A labelled column\nDataFrame::A table\n\nprose'), false, 'no card changed');
  });

  test('A note that names no task has no cards; its cards go when it stops naming one', () => {
    const { index } = setUp();
    assert.strictEqual(index.setNote(NOTE_A, [], THREE_CARDS), false);
    assert.strictEqual(index.all().length, 0);
    index.setNote(NOTE_A, ['ml-basics/numpy'], THREE_CARDS);
    assert.strictEqual(index.all().length, 3);
    assert.ok(index.setNote(NOTE_A, [], THREE_CARDS));
    assert.strictEqual(index.all().length, 0);
  });
});
