import * as assert from 'assert';
import { DEFAULT_NEW_CARDS_PER_DAY, buildQueue, dayOf } from '../../src/model/review/queue';
import { intervalLabel, newCardState, previewIntervals, rate } from '../../src/model/review/schedule';
import { ScheduleState, StoredCard } from '../../src/model/review/types';

const MIN = 60 * 1000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Mid-morning, local time: days of the queue are local days. */
const NOW = new Date(2026, 2, 10, 10, 0, 0).getTime();

suite('Review schedule', () => {
  test('A new card is due now, in phase new, as plain JSON', () => {
    const state = newCardState(NOW);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(state)), state);
    assert.deepStrictEqual([state.due, state.phase, state.reps], [NOW, 0, 0]);
  });

  test('Rating a new card follows FSRS: Again in a minute, Good in ten, Easy in days; the previous state comes back for undo', () => {
    const state = newCardState(NOW);
    const again = rate(state, 1, NOW);
    const good = rate(state, 3, NOW);
    const easy = rate(state, 4, NOW);
    assert.strictEqual(again.next.due - NOW, 1 * MIN);
    assert.strictEqual(good.next.due - NOW, 10 * MIN);
    assert.ok(easy.next.due - NOW >= DAY, `${easy.next.due - NOW}`);
    assert.deepStrictEqual([good.next.phase, good.next.reps, good.next.lastReview], [1, 1, NOW]);
    assert.strictEqual(good.previous, state);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(good.next)), good.next);
  });

  test('Good after Good graduates to days, and intervals grow', () => {
    let state = rate(newCardState(NOW), 3, NOW).next;
    state = rate(state, 3, state.due).next;
    assert.strictEqual(state.phase, 2);
    const first = state.due - state.lastReview!;
    state = rate(state, 3, state.due).next;
    assert.ok(state.due - state.lastReview! > first);
  });

  test('The preview gives the four ratings, their intervals growing, matching what rating does', () => {
    let state: ScheduleState = rate(newCardState(NOW), 3, NOW).next;
    state = rate(state, 3, state.due).next;
    const at = state.due;
    const preview = previewIntervals(state, at);
    assert.deepStrictEqual(preview.map((p) => p.rating), [1, 2, 3, 4]);
    for (let i = 1; i < 4; i++) assert.ok(preview[i].intervalMs >= preview[i - 1].intervalMs);
    for (const p of preview) assert.strictEqual(p.due, rate(state, p.rating, at).next.due);
    assert.ok(preview.every((p) => p.label === intervalLabel(p.intervalMs)));
  });

  test('A higher desired retention brings reviews sooner', () => {
    let state = rate(newCardState(NOW), 3, NOW).next;
    state = rate(state, 3, state.due).next;
    const relaxed = previewIntervals(state, state.due, 0.8)[2].intervalMs;
    const strict = previewIntervals(state, state.due, 0.97)[2].intervalMs;
    assert.ok(strict < relaxed, `${strict} < ${relaxed}`);
  });

  test('Intervals read as Anki shows them', () => {
    assert.deepStrictEqual([30_000, 10 * MIN, 3 * HOUR, DAY, 3 * DAY, 63 * DAY, 90 * DAY, 548 * DAY].map(intervalLabel), ['30s', '10m', '3h', '1d', '3d', '2.1mo', '3mo', '1.5y']);
  });
});

/** A stored card due at `due` in `phase`, created at `createdAt`. */
function card(phase: 0 | 1 | 2 | 3, due: number, extra: Partial<StoredCard> = {}): StoredCard {
  return { taskKey: 'r/t', answerHash: 'h', createdAt: NOW - DAY, schedule: { ...newCardState(due), phase, reps: phase === 0 ? 0 : 1 }, ...extra };
}

suite('Review queue', () => {
  test('Due cards, most overdue first, then new cards in the order found; orphans never', () => {
    const today = dayOf(NOW);
    const cards: Record<string, StoredCard> = {
      late: card(2, NOW - 3 * DAY),
      tonight: card(2, today.end - 1),
      tomorrow: card(2, today.end),
      learningLater: card(1, NOW + 5 * MIN),
      learningNow: card(1, NOW - MIN),
      newSecond: card(0, NOW, { createdAt: NOW - HOUR }),
      newFirst: card(0, NOW, { createdAt: NOW - 2 * HOUR }),
      orphan: card(2, NOW - DAY, { orphanedAt: NOW - HOUR }),
      orphanNew: card(0, NOW, { orphanedAt: NOW - HOUR }),
    };
    const queue = buildQueue(cards, NOW);
    assert.deepStrictEqual(queue.cardIds, ['late', 'learningNow', 'tonight', 'newFirst', 'newSecond']);
    assert.deepStrictEqual(queue.counts, { due: 3, new: 2, total: 5 });
  });

  test('New cards stop at the daily limit, less those introduced today', () => {
    const cards: Record<string, StoredCard> = {};
    for (let i = 0; i < 30; i++) cards[`n${String(i).padStart(2, '0')}`] = card(0, NOW, { createdAt: NOW - DAY + i });
    assert.strictEqual(buildQueue(cards, NOW).counts.new, DEFAULT_NEW_CARDS_PER_DAY);
    cards.seenToday = card(1, NOW + HOUR, { introducedAt: dayOf(NOW).start + 1 });
    cards.seenToo = card(2, NOW + 3 * DAY, { introducedAt: NOW - MIN });
    cards.seenYesterday = card(2, NOW + 3 * DAY, { introducedAt: dayOf(NOW).start - 1 });
    const queue = buildQueue(cards, NOW, 5);
    assert.deepStrictEqual(queue.cardIds, ['n00', 'n01', 'n02']);
    assert.deepStrictEqual(queue.counts, { due: 0, new: 3, total: 3 });
    assert.strictEqual(buildQueue(cards, NOW, 1).counts.new, 0);
  });
});
