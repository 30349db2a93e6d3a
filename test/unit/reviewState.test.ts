import * as assert from 'assert';
import { ankiCardOf, ankiExport, ankiField, ankiTags } from '../../src/model/review/anki';
import { parseCards } from '../../src/model/review/cards';
import { identifyCards } from '../../src/model/review/identity';
import { DEFAULT_SECONDS_PER_CARD, dueForecast, MAX_SECONDS_PER_CARD, retentionRate, reviewsPerDay, secondsPerCard, weeklyReviewMinutes } from '../../src/model/review/forecast';
import { dayOf } from '../../src/model/review/queue';
import { newCardState } from '../../src/model/review/schedule';
import { emptyReviewState, MAX_LOG_ENTRIES, mergeReviewStates, parseReviewState, recordRating, undoRating } from '../../src/model/review/state';
import { Rating, ReviewLogEntry, ReviewState, StoredCard } from '../../src/model/review/types';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = new Date(2026, 2, 10, 10, 0, 0).getTime();
const ID_A = '0123456789abcdef';
const ID_B = 'fedcba9876543210';

function card(extra: Partial<StoredCard> = {}, schedule: Partial<StoredCard['schedule']> = {}): StoredCard {
  return { taskKey: 'r/t', answerHash: 'abc', createdAt: NOW - 10 * DAY, ...extra, schedule: { ...newCardState(NOW), ...schedule } };
}

const entry = (cardId: string, rating: Rating, at: number, elapsedMs = 8_000): ReviewLogEntry => ({ cardId, rating, at, elapsedMs });

suite('Review state: reading and merging', () => {
  test('A stored state reads back as it was, through JSON', () => {
    const state: ReviewState = { version: 1, cards: { [ID_A]: card({ introducedAt: NOW - DAY }, { phase: 2, reps: 3, lastReview: NOW - DAY, stability: 4.2 }), [ID_B]: card({ orphanedAt: NOW }) }, log: [entry(ID_A, 3, NOW - DAY)] };
    assert.deepStrictEqual(parseReviewState(JSON.parse(JSON.stringify(state))), { state, problems: [], readable: true });
    assert.deepStrictEqual(parseReviewState(undefined), { state: emptyReviewState(), problems: [], readable: true });
  });

  test('Invalid cards and log entries are reported, one line each, and every valid one is kept', () => {
    const raw = {
      version: 1,
      cards: { [ID_A]: card(), [ID_B]: { ...card(), schedule: { ...card().schedule, due: 'soon' } }, 'not-an-id': card(), '1111111111111111': { ...card(), schedule: { ...card().schedule, phase: 7 } } },
      log: [entry(ID_A, 3, NOW), { ...entry(ID_A, 3, NOW), rating: 5 }, 'x'],
    };
    const { state, problems, readable } = parseReviewState(raw);
    assert.strictEqual(readable, true);
    assert.deepStrictEqual(Object.keys(state.cards), [ID_A]);
    assert.deepStrictEqual(state.log, [entry(ID_A, 3, NOW)]);
    assert.deepStrictEqual(problems, [
      `cards.${ID_B}: schedule.due is not a time`,
      'cards.not-an-id: the id is not 16 hex digits',
      'cards.1111111111111111: schedule.phase is not 0, 1, 2 or 3',
      'log[1]: rating is not 1, 2, 3 or 4',
      'log[2]: not an object',
    ]);
  });

  test('A value of another version, or no object, is not read, and says why', () => {
    const future = parseReviewState({ version: 2, cards: { [ID_A]: card() } });
    assert.deepStrictEqual([future.readable, Object.keys(future.state.cards)], [false, []]);
    assert.match(future.problems[0], /version is 2; .* reads version 1/);
    assert.deepStrictEqual(parseReviewState([]).readable, false);
  });

  test('Merging keeps every card, the one reviewed last winning, whichever side it is on', () => {
    const older = card({}, { phase: 2, lastReview: NOW - 2 * DAY, due: NOW + DAY });
    const newer = card({}, { phase: 2, lastReview: NOW - DAY, due: NOW + 5 * DAY });
    const a: ReviewState = { version: 1, cards: { [ID_A]: older, '1111111111111111': card() }, log: [] };
    const b: ReviewState = { version: 1, cards: { [ID_A]: newer, '2222222222222222': card() }, log: [] };
    for (const merged of [mergeReviewStates(a, b), mergeReviewStates(b, a)]) {
      assert.strictEqual(merged.cards[ID_A], newer);
      assert.deepStrictEqual(Object.keys(merged.cards).sort(), [ID_A, '1111111111111111', '2222222222222222'].sort());
    }
  });

  test('On a tie, the card still in a note wins over its orphaned copy', () => {
    const present = card();
    const orphan = card({ orphanedAt: NOW });
    const a: ReviewState = { version: 1, cards: { [ID_A]: orphan }, log: [] };
    const b: ReviewState = { version: 1, cards: { [ID_A]: present }, log: [] };
    assert.strictEqual(mergeReviewStates(a, b).cards[ID_A], present);
    assert.strictEqual(mergeReviewStates(b, a).cards[ID_A], present);
  });

  test('Merged logs hold each rating once, oldest first, capped to the newest', () => {
    const shared = entry(ID_A, 3, NOW - 2 * HOUR);
    const merged = mergeReviewStates({ version: 1, cards: {}, log: [shared, entry(ID_A, 1, NOW)] }, { version: 1, cards: {}, log: [{ ...shared }, entry(ID_B, 4, NOW - HOUR)] });
    assert.deepStrictEqual(merged.log, [shared, entry(ID_B, 4, NOW - HOUR), entry(ID_A, 1, NOW)]);
    const long = Array.from({ length: MAX_LOG_ENTRIES }, (_, i) => entry(ID_A, 3, i));
    const capped = mergeReviewStates({ version: 1, cards: {}, log: long }, { version: 1, cards: {}, log: [entry(ID_B, 3, MAX_LOG_ENTRIES)] });
    assert.strictEqual(capped.log.length, MAX_LOG_ENTRIES);
    assert.deepStrictEqual([capped.log[0].at, capped.log[capped.log.length - 1].cardId], [1, ID_B]);
  });

  test('Rating a card records it in the card and the log; undo restores both', () => {
    const state: ReviewState = { version: 1, cards: { [ID_A]: card() }, log: [entry(ID_B, 3, NOW - DAY)] };
    const rated = recordRating(state, ID_A, 3, NOW, 7_400.6)!;
    assert.deepStrictEqual([rated.state.cards[ID_A].introducedAt, rated.state.cards[ID_A].schedule.reps], [NOW, 1]);
    assert.deepStrictEqual(rated.state.log[rated.state.log.length - 1], entry(ID_A, 3, NOW, 7_401));
    assert.deepStrictEqual(undoRating(rated.state, rated.undo), state);
    assert.strictEqual(recordRating(state, ID_B, 3, NOW, 0), undefined);
  });
});

suite('Review forecast', () => {
  test('Due cards per day: overdue ones today, new and orphaned ones not, none past the last day', () => {
    const today = dayOf(NOW);
    const cards = {
      overdue: card({}, { phase: 2, due: NOW - 5 * DAY }),
      later: card({}, { phase: 2, due: today.end - 1 }),
      tomorrow: card({}, { phase: 2, due: today.end }),
      inTen: card({}, { phase: 2, due: NOW + 10 * DAY }),
      beyond: card({}, { phase: 2, due: NOW + 40 * DAY }),
      fresh: card(),
      orphan: card({ orphanedAt: NOW }, { phase: 2, due: NOW }),
    };
    const forecast = dueForecast(cards, NOW);
    assert.strictEqual(forecast.length, 30);
    assert.deepStrictEqual([forecast[0], forecast[1], forecast[10]], [2, 1, 1]);
    assert.strictEqual(forecast.reduce((a, b) => a + b, 0), 4);
  });

  test('Retention: the share of the last 30 days’ reviews rated Hard, Good or Easy', () => {
    assert.strictEqual(retentionRate([], NOW), undefined);
    const log = [entry(ID_A, 1, NOW - HOUR), entry(ID_A, 2, NOW - DAY), entry(ID_A, 3, NOW - 2 * DAY), entry(ID_A, 4, NOW - 3 * DAY), entry(ID_A, 1, NOW - 31 * DAY)];
    assert.strictEqual(retentionRate(log, NOW), 0.75);
  });

  test('Reviews per day: the last 30 local days, today last', () => {
    const log = [entry(ID_A, 3, NOW), entry(ID_A, 3, dayOf(NOW).start), entry(ID_A, 3, dayOf(NOW).start - 1), entry(ID_A, 3, NOW - 29 * DAY), entry(ID_A, 3, NOW - 30 * DAY)];
    const perDay = reviewsPerDay(log, NOW);
    assert.strictEqual(perDay.length, 30);
    assert.deepStrictEqual([perDay[29], perDay[28], perDay[0]], [2, 1, 1]);
    assert.strictEqual(perDay.reduce((a, b) => a + b, 0), 4);
  });

  test('Seconds per card: the median of the log, clamped; 20 s without history', () => {
    assert.strictEqual(secondsPerCard([]), DEFAULT_SECONDS_PER_CARD);
    assert.strictEqual(secondsPerCard([4_000, 6_000, 100_000, 8_000].map((ms) => entry(ID_A, 3, NOW, ms))), 7);
    assert.strictEqual(secondsPerCard([entry(ID_A, 3, NOW, 3_600_000)]), MAX_SECONDS_PER_CARD);
  });

  test('Weekly review minutes: the forecast and the new cards let in, at the learner’s pace', () => {
    // 30 cards due over the 30 days and 15 new cards: 45 cards a month, 10.5 a week, at 20 s: 3.5 → 4 minutes.
    const cards: Record<string, StoredCard> = {};
    for (let i = 0; i < 30; i++) cards[`d${i}`] = card({}, { phase: 2, due: NOW + i * DAY });
    for (let i = 0; i < 15; i++) cards[`n${i}`] = card();
    assert.strictEqual(weeklyReviewMinutes(cards, [], NOW), 4);
    // At 40 s a card: 7 minutes.
    assert.strictEqual(weeklyReviewMinutes(cards, [entry(ID_A, 3, NOW, 40_000)], NOW), 7);
    assert.strictEqual(weeklyReviewMinutes({}, [], NOW), 0);
  });
});

suite('Review export for Anki', () => {
  test('The header, then front, back and tags separated by tabs', () => {
    const text = ankiExport([
      { front: 'Tensor', back: 'An n-dimensional array', tags: ['ml-roadmaps', 'python basics'] },
      { front: 'Q', back: 'A', tags: [] },
    ]);
    assert.strictEqual(text, '#separator:tab\n#html:false\n#tags column:3\nTensor\tAn n-dimensional array\tml-roadmaps python_basics\nQ\tA\t\n');
  });

  test('Fields with tabs, line breaks or quotes are quoted, quotes doubled; a leading # is quoted', () => {
    assert.strictEqual(ankiField('plain text'), 'plain text');
    assert.strictEqual(ankiField('a\tb'), '"a\tb"');
    assert.strictEqual(ankiField('line 1\nline 2'), '"line 1\nline 2"');
    assert.strictEqual(ankiField('say "hi"'), '"say ""hi"""');
    assert.strictEqual(ankiField('#not a header'), '"#not a header"');
    assert.strictEqual(ankiTags([' a b ', '', 'c\td']), 'a_b c_d');
  });

  test('A found card is exported with its roadmap and task as a tag', () => {
    const [card] = identifyCards('python-basics/numpy', parseCards('Broadcasting::Stretching\tshapes'));
    assert.deepStrictEqual(ankiCardOf(card), { front: 'Broadcasting', back: 'Stretching\tshapes', tags: ['ml-roadmaps::python-basics::numpy'] });
    assert.strictEqual(ankiExport([ankiCardOf(card)]).split('\n')[3], 'Broadcasting\t"Stretching\tshapes"\tml-roadmaps::python-basics::numpy');
  });
});
