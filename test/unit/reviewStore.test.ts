/**
 * The review store (src/storage/reviewStore.ts): what it reads back, what it reports and keeps
 * aside when the stored value is not all readable, and that it saves the model's state as it is.
 */
import * as assert from 'assert';
import { StorageKeys } from '../../src/storage/memento';
import { ReviewStore } from '../../src/storage/reviewStore';
import { newCardState } from '../../src/model/review/schedule';
import { REVIEW_STATE_VERSION, type ReviewState } from '../../src/model/review/types';
import { InMemoryMemento } from './helpers';

const NOW = Date.UTC(2026, 11, 6, 12);

function stateWith(ids: readonly string[]): ReviewState {
  const cards = Object.fromEntries(ids.map((id) => [id, { taskKey: 'ml-basics/numpy', answerHash: '0123456789abcdef', schedule: newCardState(NOW), createdAt: NOW }]));
  return { version: REVIEW_STATE_VERSION, cards, log: [{ cardId: ids[0], rating: 3, at: NOW, elapsedMs: 4000 }] };
}

suite('Review store', () => {
  test('Saves the state under its key, reads it back in a new session, and tells listeners', async () => {
    const memento = new InMemoryMemento();
    const store = new ReviewStore(memento, () => assert.fail('no warning'), () => NOW);
    const heard: ReviewState[] = [];
    store.onDidChange((state) => heard.push(state));
    const state = stateWith(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']);
    await store.set(state);
    assert.deepStrictEqual(heard, [state]);
    assert.deepStrictEqual(memento.get(StorageKeys.review), state);
    const again = new ReviewStore(memento, () => assert.fail('no warning'), () => NOW);
    assert.deepStrictEqual(again.state(), state);
  });

  test('Nothing stored reads as an empty state, without a warning', () => {
    const store = new ReviewStore(new InMemoryMemento(), () => assert.fail('no warning'), () => NOW);
    assert.deepStrictEqual(store.state(), { version: REVIEW_STATE_VERSION, cards: {}, log: [] });
  });

  test('A stored card that cannot be read is reported and left out; the others are kept, and the original is kept aside before the next save', async () => {
    const memento = new InMemoryMemento();
    const good = stateWith(['aaaaaaaaaaaaaaaa']);
    const stored = { ...good, cards: { ...good.cards, bbbbbbbbbbbbbbbb: { taskKey: 'ml-basics/numpy', schedule: 'soon' } } };
    await memento.update(StorageKeys.review, stored);
    const warnings: string[] = [];
    const store = new ReviewStore(memento, (message) => warnings.push(message), () => NOW);
    assert.deepStrictEqual(Object.keys(store.state().cards), ['aaaaaaaaaaaaaaaa']);
    assert.strictEqual(warnings.length, 1);
    assert.match(warnings[0], /bbbbbbbbbbbbbbbb/);
    assert.strictEqual(memento.get(StorageKeys.reviewBackup), undefined, 'nothing is written before a save');
    await store.set(store.state());
    assert.deepStrictEqual(memento.get(StorageKeys.reviewBackup), [{ savedAt: NOW, value: stored }]);
  });

  test('A stored value of the wrong shape is reported, read as empty and kept aside', async () => {
    const memento = new InMemoryMemento();
    await memento.update(StorageKeys.review, ['not', 'a', 'state']);
    const warnings: string[] = [];
    const store = new ReviewStore(memento, (message) => warnings.push(message), () => NOW);
    assert.deepStrictEqual(store.state().cards, {});
    assert.strictEqual(warnings.length, 1);
    await store.set(stateWith(['aaaaaaaaaaaaaaaa']));
    assert.deepStrictEqual(memento.get(StorageKeys.reviewBackup), [{ savedAt: NOW, value: ['not', 'a', 'state'] }]);
  });
});
