import * as assert from 'assert';
import { parseCards } from '../../src/model/review/cards';
import { dueForecast } from '../../src/model/review/forecast';
import { answerHashOf, cardId, cardsFoundHere, FoundCard, hashText, identifyCards, newStoredCard, ORPHAN_KEEP_MS, reconcile, reconcileTasks } from '../../src/model/review/identity';
import { rate } from '../../src/model/review/schedule';
import { StoredCard } from '../../src/model/review/types';
import { topicCards } from '../../src/model/review/topicCards';

const TASK = 'python-basics/numpy';
const T0 = Date.UTC(2026, 0, 5, 9);
const DAY = 24 * 60 * 60 * 1000;

/** FNV-1a 64 over the text's UTF-16 code units, low byte first, in BigInt: the definition. */
function referenceFnv(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf16le')) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

const found = (note: string, task = TASK): FoundCard[] => identifyCards(task, parseCards(note));

/** The stored cards after a first scan of `note`, each reviewed once (Good) so their state shows. */
function reviewed(note: string): Record<string, StoredCard> {
  const { cards } = reconcile({}, found(note), T0);
  for (const [id, card] of Object.entries(cards)) cards[id] = { ...card, schedule: rate(card.schedule, 3, T0).next, introducedAt: T0 };
  return cards;
}

suite('Review identity', () => {
  test('The hash is 64-bit FNV-1a over UTF-16 code units', () => {
    for (const text of ['', 'a', 'python-basics/numpy\nWhat is a tensor', 'héllo ∑ 😀', '\uffff\u0100\u00ff']) assert.strictEqual(hashText(text), referenceFnv(text), JSON.stringify(text));
    // Stored ids depend on it: it must never change.
    assert.strictEqual(hashText(''), 'cbf29ce484222325');
    assert.strictEqual(hashText('a'), '089be207b544f1e4');
  });

  test('An id depends on the task and the question, not the answer or the note', () => {
    const a = found('Tensor::An n-dimensional array')[0];
    const b = found('Some other note text\n\n- Tensor::A multi-dimensional array (edited)')[0];
    assert.strictEqual(a.id, b.id);
    assert.strictEqual(a.id, cardId(TASK, 'Tensor'));
    assert.notStrictEqual(found('Tensor::x', 'python-basics/pandas')[0].id, a.id);
    assert.notStrictEqual(found('Tensors::x')[0].id, a.id);
  });

  test('Both directions of a card, and a question repeated in a task, get distinct ids', () => {
    const ids = found('A:::B\n\nA::C\n\nA::D').map((f) => f.id);
    assert.strictEqual(ids.length, 4);
    assert.strictEqual(new Set(ids).size, 4);
  });

  test('A first scan adds every card, new and due now', () => {
    const result = reconcile({}, found('Q1::A1\n\nQ2::A2'), T0);
    assert.strictEqual(result.added.length, 2);
    for (const card of Object.values(result.cards)) {
      assert.deepStrictEqual([card.taskKey, card.createdAt, card.schedule.phase, card.schedule.due, card.orphanedAt], [TASK, T0, 0, T0, undefined]);
    }
  });

  test('Editing an answer keeps the card and its schedule', () => {
    const stored = reviewed('Q1::A1\n\nQ2::A2');
    const result = reconcile(stored, found('Q1::A1 edited\n\nQ2::A2'), T0 + DAY);
    assert.deepStrictEqual(result.added, []);
    const id = cardId(TASK, 'Q1');
    assert.deepStrictEqual(result.cards[id].schedule, stored[id].schedule);
    assert.strictEqual(result.cards[id].answerHash, answerHashOf('A1 edited'));
  });

  test('Editing a question keeps the schedule under the new id, found by its answer', () => {
    const stored = reviewed('Q1::A1\n\nQ2::A2');
    const result = reconcile(stored, found('Q1, rephrased::A1\n\nQ2::A2'), T0 + DAY);
    const from = cardId(TASK, 'Q1');
    const to = cardId(TASK, 'Q1, rephrased');
    assert.deepStrictEqual(result.renamed, [{ from, to }]);
    assert.deepStrictEqual(result.added, []);
    assert.deepStrictEqual(result.cards[to].schedule, stored[from].schedule);
    assert.ok(!(from in result.cards), 'the old id is gone, not orphaned');
    assert.deepStrictEqual(result.orphaned, []);
  });

  test('An answer shared by two edited questions is no match: both are new, the old ones orphaned', () => {
    const stored = reviewed('Q1::Yes\n\nQ2::Yes');
    const result = reconcile(stored, found('Q1 edited::Yes\n\nQ2 edited::Yes'), T0 + DAY);
    assert.deepStrictEqual(result.renamed, []);
    assert.strictEqual(result.added.length, 2);
    assert.strictEqual(result.orphaned.length, 2);
  });

  test('A card of another task with the same answer does not take over', () => {
    const stored = reviewed('Q1::A1');
    const result = reconcile(stored, found('Q9::A1', 'other/task'), T0 + DAY);
    assert.deepStrictEqual(result.renamed, []);
    assert.deepStrictEqual(result.added, [cardId('other/task', 'Q9')]);
  });

  test('A card no longer found is orphaned, kept 30 days, then dropped; found again, it is no orphan', () => {
    const stored = reviewed('Q1::A1\n\nQ2::A2');
    const q2 = cardId(TASK, 'Q2');
    const first = reconcile(stored, found('Q1::A1'), T0 + DAY);
    assert.deepStrictEqual(first.orphaned, [q2]);
    assert.strictEqual(first.cards[q2].orphanedAt, T0 + DAY);
    const later = reconcile(first.cards, found('Q1::A1'), T0 + DAY + ORPHAN_KEEP_MS - 1);
    assert.deepStrictEqual([later.orphaned, later.dropped, later.cards[q2].orphanedAt], [[], [], T0 + DAY]);
    const back = reconcile(later.cards, found('Q1::A1\n\nQ2::A2'), T0 + 2 * DAY);
    assert.strictEqual(back.cards[q2].orphanedAt, undefined);
    assert.deepStrictEqual(back.cards[q2].schedule, stored[q2].schedule);
    const gone = reconcile(first.cards, found('Q1::A1'), T0 + DAY + ORPHAN_KEEP_MS);
    assert.deepStrictEqual(gone.dropped, [q2]);
    assert.ok(!(q2 in gone.cards));
  });

  test('Reconciling some tasks leaves the others alone and returns only their cards', () => {
    const stored = { ...reviewed('Q1::A1\n\nQ2::A2'), ...reconcile({}, found('Other::X', 'other/task'), T0).cards };
    const result = reconcileTasks(stored, new Set([TASK]), [...found('Q1::A1'), ...found('Stray::Y', 'third/task')], T0 + DAY);
    assert.deepStrictEqual(Object.keys(result.cards).sort(), [cardId(TASK, 'Q1'), cardId(TASK, 'Q2')].sort());
    assert.deepStrictEqual(result.orphaned, [cardId(TASK, 'Q2')]);
    assert.deepStrictEqual(result.added, []);
    assert.strictEqual(result.cards[cardId(TASK, 'Q1')], stored[cardId(TASK, 'Q1')], 'an unchanged card is the same object');
  });

  test('Topic cards: one per distinct topic, the note and the module as answer, ids stable as the note changes', () => {
    const cards = topicCards(TASK, ['Broadcasting', ' Broadcasting ', '', 'Views vs copies'], 'My note', 'Module text');
    assert.deepStrictEqual(
      cards.map((c) => [c.card.kind, c.card.front, c.card.back]),
      [
        ['topic', 'Explain: Broadcasting', 'My note\n\nModule text'],
        ['topic', 'Explain: Views vs copies', 'My note\n\nModule text'],
      ],
    );
    const again = topicCards(TASK, ['Broadcasting'], 'A longer note now', 'Module text', (t) => `Erkläre: ${t}`);
    assert.strictEqual(again[0].id, cards[0].id);
    assert.strictEqual(again[0].card.front, 'Erkläre: Broadcasting');
    assert.notStrictEqual(cards[0].id, found('Broadcasting::x')[0].id);
  });

  test('Only the cards found here count: another workspace’s cards of the same task are left out, a card not yet stored is new, an orphan found again is not', () => {
    const here = reviewed('Tensor::An array\nScalar::A number');
    const elsewhere = reviewed('Broadcasting::Stretching shapes');
    const orphan = found('Vector::A list of numbers')[0];
    const stored: Record<string, StoredCard> = { ...here, ...elsewhere, [orphan.id]: { ...newStoredCard(orphan, T0 - DAY), orphanedAt: T0 } };
    const fresh = found('Matrix::A grid of numbers')[0];
    const now = T0 + 2 * DAY;
    const cards = cardsFoundHere(stored, [...found('Tensor::An array\nScalar::A number'), orphan, fresh], now);
    assert.deepStrictEqual(Object.keys(cards).sort(), [...Object.keys(here), orphan.id, fresh.id].sort());
    for (const id of Object.keys(here)) assert.strictEqual(cards[id], here[id], 'as stored');
    assert.deepStrictEqual(cards[fresh.id], newStoredCard(fresh, now));
    assert.strictEqual(cards[orphan.id].orphanedAt, undefined);
    // The forecast and the plan's review time count these, not the store.
    assert.strictEqual(dueForecast(cards, now).reduce((a, b) => a + b, 0), Object.keys(here).length);
    assert.strictEqual(dueForecast(stored, now).reduce((a, b) => a + b, 0), Object.keys(here).length + Object.keys(elsewhere).length);
  });
});
