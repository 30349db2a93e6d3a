/**
 * What review does to the study plan (its minutes come out of the weekly hours, never more than
 * three quarters of them) and the dashboard's Review section (forecast as SVG and as a table).
 */
import * as assert from 'assert';
import { StudyPlans } from '../../src/core/studyPlans';
import { reviewFigures, reviewSection } from '../../src/dashboard/reviewSection';
import { finishTimes } from '../../src/model/plan/status';
import { newCardState, rate } from '../../src/model/review/schedule';
import { REVIEW_STATE_VERSION, type ReviewState } from '../../src/model/review/types';
import { PlanStore } from '../../src/storage/planStore';
import { ProgressStore } from '../../src/storage/progressStore';
import { ProgressTracker } from '../../src/core/tracker';
import { InMemoryMemento } from './helpers';
import { at, plan, roadmapOf, tasks, utc } from './plan.test';

const DAY = 24 * 3600 * 1000;

suite('Review in the study plan', () => {
  test('The review minutes come out of the weekly hours: the plan ends later, and says how many minutes', async () => {
    const now = at('2025-03-03');
    const r = roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 20, 7) }]);
    const progress = new ProgressStore(new InMemoryMemento(), () => assert.fail('no warning'), () => now);
    const tracker = new ProgressTracker(progress);
    const plans = new StudyPlans(new PlanStore(new InMemoryMemento(), () => assert.fail('no warning')), tracker, (id) => finishTimes(progress.allEntries().get(id)), () => assert.fail('no warning'), () => now, utc);
    const made = plan({ hoursPerWeek: 6, since: now });
    await plans.set(r, made);
    const before = plans.scheduleOf(r)!.end!;
    const fired: unknown[] = [];
    plans.onDidChange((id) => fired.push(id));
    plans.reserveForReview(120);
    assert.deepStrictEqual(fired, [r.id]);
    assert.strictEqual(plans.reviewMinutesOf(made), 120);
    assert.strictEqual(plans.scheduleOf(r)!.plan.hoursPerWeek, 4);
    assert.ok(plans.scheduleOf(r)!.end! > before, `${plans.scheduleOf(r)!.end} after ${before}`);
    plans.reserveForReview(120.2);
    assert.strictEqual(fired.length, 1, 'the same whole minutes change nothing');
    plans.reserveForReview(6000);
    assert.strictEqual(plans.scheduleOf(r)!.plan.hoursPerWeek, 1.5, 'a quarter of the hours stay for the tasks');
    assert.strictEqual(plans.reviewMinutesOf(made), 270);
  });
});

suite('Review on the dashboard', () => {
  const NOW = Date.UTC(2026, 11, 6, 12);
  const reviewed = rate(newCardState(NOW - 3 * DAY), 3, NOW - 3 * DAY).next;
  const state: ReviewState = {
    version: REVIEW_STATE_VERSION,
    cards: {
      aaaaaaaaaaaaaaaa: { taskKey: 'deep-learning/perceptron', answerHash: '0123456789abcdef', schedule: newCardState(NOW), createdAt: NOW },
      bbbbbbbbbbbbbbbb: { taskKey: 'deep-learning/perceptron', answerHash: '0123456789abcdef', schedule: { ...reviewed, due: NOW + 2 * DAY }, createdAt: NOW - 3 * DAY, introducedAt: NOW - 3 * DAY },
      cccccccccccccccc: { taskKey: 'ml-basics/numpy', answerHash: '0123456789abcdef', schedule: newCardState(NOW), createdAt: NOW },
    },
    log: [
      { cardId: 'bbbbbbbbbbbbbbbb', rating: 3, at: NOW - 3 * DAY, elapsedMs: 5000 },
      { cardId: 'cccccccccccccccc', rating: 1, at: NOW - DAY, elapsedMs: 5000 },
    ],
  };

  test('Only the roadmap’s cards count; a roadmap without cards has no section', () => {
    const figures = reviewFigures(state, 'deep-learning', NOW)!;
    assert.strictEqual(figures.forecast.length, 30);
    assert.strictEqual(figures.forecast[2], 1, 'the reviewed card, due in two days; a new card is no forecast');
    assert.strictEqual(figures.forecast.reduce((a, b) => a + b, 0), 1);
    assert.strictEqual(figures.retention, 1, 'the Again of another roadmap’s card does not count');
    assert.strictEqual(figures.perDay.reduce((a, b) => a + b, 0), 1);
    assert.strictEqual(reviewFigures(state, 'statistics', NOW), undefined);
  });

  test('The forecast is an SVG with a label and the same numbers in a table', () => {
    const figures = reviewFigures(state, 'deep-learning', NOW)!;
    const html = reviewSection(figures);
    assert.match(html, /<svg class="chart forecast" role="img" aria-labelledby="forecast-heading"/);
    const rows = [...html.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>(\d+)<\/td><\/tr>/g)].map((m) => Number(m[2]));
    assert.deepStrictEqual(rows, [...figures.forecast]);
    assert.strictEqual([...html.matchAll(/<rect class="bar-due"/g)].length, 30);
    assert.match(html, /<span class="number">100%<\/span><span class="label">retention, last 30 days/);
  });
});
