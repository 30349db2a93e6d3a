/**
 * Review state in the progress export (src/transfer/exportFile.ts): it goes out with the roadmaps
 * exported, a file with an unreadable card is refused whole with where, and an import merges by
 * card, the newest review winning.
 */
import * as assert from 'assert';
import { buildProgressFile, parseProgressFile, planImportOfReview, withReview } from '../../src/transfer/exportFile';
import { newCardState, rate } from '../../src/model/review/schedule';
import { REVIEW_STATE_VERSION, type ReviewState, type StoredCard } from '../../src/model/review/types';

const NOW = Date.UTC(2026, 11, 6, 12);
const HOUR = 3600 * 1000;

function card(taskKey: string, reviewedAt?: number): StoredCard {
  const schedule = reviewedAt === undefined ? newCardState(NOW - 10 * HOUR) : rate(newCardState(NOW - 10 * HOUR), 3, reviewedAt).next;
  return { taskKey, answerHash: '0123456789abcdef', schedule, createdAt: NOW - 10 * HOUR, ...(reviewedAt === undefined ? {} : { introducedAt: reviewedAt }) };
}

const STATE: ReviewState = {
  version: REVIEW_STATE_VERSION,
  cards: { aaaaaaaaaaaaaaaa: card('deep-learning/perceptron', NOW - 2 * HOUR), bbbbbbbbbbbbbbbb: card('ml-basics/numpy', NOW - HOUR) },
  log: [
    { cardId: 'aaaaaaaaaaaaaaaa', rating: 3, at: NOW - 2 * HOUR, elapsedMs: 4000 },
    { cardId: 'bbbbbbbbbbbbbbbb', rating: 3, at: NOW - HOUR, elapsedMs: 6000 },
  ],
};

const emptyFile = () => buildProgressFile(new Map(), new Map(), new Date(NOW));

suite('Review state in the progress export', () => {
  test('Goes out with the roadmaps exported: their cards and those cards’ log; all of it for all roadmaps', () => {
    const one = withReview(emptyFile(), STATE, new Set(['deep-learning']));
    assert.deepStrictEqual(Object.keys(one.review!.cards), ['aaaaaaaaaaaaaaaa']);
    assert.deepStrictEqual(one.review!.log.map((e) => e.cardId), ['aaaaaaaaaaaaaaaa']);
    assert.deepStrictEqual(withReview(emptyFile(), STATE).review, STATE);
    assert.strictEqual(withReview(emptyFile(), STATE, new Set(['statistics'])).review, undefined, 'no cards, no field');
  });

  test('Read back as written; a file without review state reads as before', () => {
    const text = JSON.stringify(withReview(emptyFile(), STATE));
    assert.deepStrictEqual(parseProgressFile(text, NOW).file?.review, STATE);
    assert.strictEqual(parseProgressFile(JSON.stringify(emptyFile()), NOW).file?.review, undefined);
  });

  test('One card that cannot be read refuses the whole file, saying which', () => {
    const bad = { ...withReview(emptyFile(), STATE), review: { ...STATE, cards: { ...STATE.cards, cccccccccccccccc: { taskKey: 'x/y', schedule: 'soon' } } } };
    const parsed = parseProgressFile(JSON.stringify(bad), NOW);
    assert.strictEqual(parsed.file, undefined);
    assert.match(parsed.error ?? '', /^review: cards\.cccccccccccccccc/);
    assert.match(parseProgressFile(JSON.stringify({ ...emptyFile(), review: { version: 99 } }), NOW).error ?? '', /^review: /);
  });

  test('An import merges by card: a newer review wins, an older one does not, a new card is added', () => {
    const newer = { ...STATE.cards.aaaaaaaaaaaaaaaa, schedule: rate(STATE.cards.aaaaaaaaaaaaaaaa.schedule, 4, NOW).next };
    const older = card('ml-basics/numpy', NOW - 5 * HOUR);
    const file = withReview(emptyFile(), {
      version: REVIEW_STATE_VERSION,
      cards: { aaaaaaaaaaaaaaaa: newer, bbbbbbbbbbbbbbbb: older, dddddddddddddddd: card('ml-basics/pandas') },
      log: [{ cardId: 'aaaaaaaaaaaaaaaa', rating: 4, at: NOW, elapsedMs: 3000 }, STATE.log[1]],
    });
    const { merged, changed } = planImportOfReview(file, STATE);
    assert.strictEqual(changed, 2);
    assert.deepStrictEqual(merged.cards.aaaaaaaaaaaaaaaa, newer);
    assert.deepStrictEqual(merged.cards.bbbbbbbbbbbbbbbb, STATE.cards.bbbbbbbbbbbbbbbb);
    assert.ok(merged.cards.dddddddddddddddd);
    assert.deepStrictEqual(merged.log.map((e) => [e.cardId, e.at]), [['aaaaaaaaaaaaaaaa', NOW - 2 * HOUR], ['bbbbbbbbbbbbbbbb', NOW - HOUR], ['aaaaaaaaaaaaaaaa', NOW]], 'no duplicate');
    assert.strictEqual(planImportOfReview(withReview(emptyFile(), STATE), STATE).changed, 0, 'the same state changes nothing');
  });
});
