import * as assert from 'assert';
import { buildQueue, dayOf } from '../../src/model/review/queue';
import { newCardState, rate } from '../../src/model/review/schedule';
import { StoredCard } from '../../src/model/review/types';

const DAY = 24 * 60 * 60 * 1000;
/** Mid-morning, local time: days of the queue are local days. */
const NOW = new Date(2026, 2, 10, 10, 0, 0).getTime();

/** A state of `n` cards as a learner's would be after weeks: most reviewed on one of 40 days, a tenth new. */
function reviewedState(n: number): Record<string, StoredCard> {
  const cards: Record<string, StoredCard> = {};
  for (let i = 0; i < n; i++) {
    const id = ((i * 2_654_435_761) % 4_294_967_296).toString(16).padStart(16, 'a');
    const created: StoredCard = { taskKey: `r/t${i % 100}`, answerHash: 'h', schedule: newCardState(NOW - 60 * DAY), createdAt: NOW - 60 * DAY + (i % 7) };
    const reviewedAt = NOW - (i % 40) * DAY;
    // Spread and given a field, as any caller may make a card.
    cards[id] = i % 10 === 0 ? created : { ...created, schedule: rate(created.schedule, 3, reviewedAt).next, introducedAt: reviewedAt };
  }
  return cards;
}

/** The queue as its rule reads: due cards by due time then id, then new cards by creation then id, up to the limit less those introduced today. */
function queueByTheRule(cards: Readonly<Record<string, StoredCard>>, now: number, newPerDay: number): string[] {
  const today = dayOf(now);
  const live = Object.entries(cards).filter(([, c]) => c.orphanedAt === undefined);
  const order = (a: [string, number], b: [string, number]) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const due = live
    .filter(([, c]) => c.schedule.phase !== 0 && (c.schedule.due <= now || (c.schedule.phase === 2 && c.schedule.due < today.end)))
    .map(([id, c]): [string, number] => [id, c.schedule.due])
    .sort(order);
  const introduced = Object.values(cards).filter((c) => c.introducedAt !== undefined && c.introducedAt >= today.start && c.introducedAt < today.end).length;
  const fresh = live
    .filter(([, c]) => c.schedule.phase === 0)
    .map(([id, c]): [string, number] => [id, c.createdAt])
    .sort(order)
    .slice(0, Math.max(0, newPerDay - introduced));
  return [...due, ...fresh].map(([id]) => id);
}

suite('Review queue at scale', () => {
  test('Thousands of cards sharing their due times come in the order of the rule: time, then id', () => {
    const cards = reviewedState(3_000);
    // Some orphaned, some introduced today (the limit of new cards shrinks), some created at the same time.
    for (const id of Object.keys(cards).slice(0, 300)) cards[id] = { ...cards[id], orphanedAt: NOW - DAY };
    for (const id of Object.keys(cards).slice(300, 305)) cards[id] = { ...cards[id], introducedAt: NOW - 60_000 };
    for (const newPerDay of [0, 8, 20, 1_000]) {
      const queue = buildQueue(cards, NOW, newPerDay);
      const expected = queueByTheRule(cards, NOW, newPerDay);
      assert.deepStrictEqual(queue.cardIds, expected);
      assert.strictEqual(queue.counts.total, expected.length);
    }
  });

});
