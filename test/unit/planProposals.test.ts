import * as assert from 'assert';
import { DEFAULT_HOURS_PER_WEEK } from '../../src/model/plan/effort';
import { PLAN_HOURS_PER_WEEK } from '../../src/model/plan/planner';
import { MAX_DAY_CHECK_MS, msUntilDayCheck, startDayTimer } from '../../src/plan/dayTimer';
import { proposedHoursPerWeek, weekdayNames, WORKDAYS } from '../../src/plan/proposals';

const HOUR_MS = 3_600_000;

suite('Plan Study proposals', () => {
  test('The hours proposed: the existing plan\'s, else the middle of the roadmap\'s range, else the common figure', () => {
    assert.strictEqual(proposedHoursPerWeek({ min: 4, max: 6 }, 12), 12);
    assert.strictEqual(proposedHoursPerWeek({ min: 4, max: 7 }, undefined), 5.5);
    assert.strictEqual(proposedHoursPerWeek(undefined, undefined), DEFAULT_HOURS_PER_WEEK);
  });

  test('The hours proposed stay within what a plan may have, though a roadmap may state a whole week', () => {
    assert.strictEqual(proposedHoursPerWeek({ min: 168, max: 168 }, undefined), PLAN_HOURS_PER_WEEK.max);
    assert.strictEqual(proposedHoursPerWeek({ min: 0, max: 0 }, undefined), PLAN_HOURS_PER_WEEK.min);
  });

  test('The study days are named in the editor\'s language, Monday first, and a first plan proposes the workdays', () => {
    assert.deepStrictEqual(
      weekdayNames('en').map(({ day, name }) => `${day} ${name}`),
      ['mon Monday', 'tue Tuesday', 'wed Wednesday', 'thu Thursday', 'fri Friday', 'sat Saturday', 'sun Sunday'],
    );
    assert.deepStrictEqual(WORKDAYS, ['mon', 'tue', 'wed', 'thu', 'fri']);
  });
});

suite('Day timer', () => {
  test('It fires five seconds past the next local midnight, or after six hours when midnight is further', () => {
    assert.strictEqual(msUntilDayCheck(new Date(2025, 2, 3, 23, 0, 0)), HOUR_MS + 5_000);
    assert.strictEqual(msUntilDayCheck(new Date(2025, 2, 3, 23, 59, 59)), 6_000);
    assert.strictEqual(msUntilDayCheck(new Date(2025, 2, 3, 12, 0, 0)), MAX_DAY_CHECK_MS);
    // Just after it fired at 00:00:05, the next midnight is a day away.
    assert.strictEqual(msUntilDayCheck(new Date(2025, 2, 4, 0, 0, 5)), MAX_DAY_CHECK_MS);
  });

  test('Every hour of a year, across daylight saving changes, it waits a while and lands just past a local midnight', () => {
    const zone = process.env.TZ;
    // Node reads TZ again when it is set; Lord Howe moves its clocks by half an hour.
    for (const timeZone of ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe']) {
      process.env.TZ = timeZone;
      try {
        const start = new Date(2025, 0, 1).getTime();
        for (let now = start; now < start + 366 * 24 * HOUR_MS; now += HOUR_MS) {
          const wait = msUntilDayCheck(new Date(now));
          assert.ok(wait > 0 && wait <= MAX_DAY_CHECK_MS, `${timeZone} ${new Date(now).toString()}: ${wait} ms`);
          const fires = new Date(now + wait);
          if (wait < MAX_DAY_CHECK_MS) assert.deepStrictEqual([fires.getHours(), fires.getMinutes(), fires.getSeconds()], [0, 0, 5], `${timeZone} ${fires.toString()}`);
        }
      } finally {
        if (zone === undefined) delete process.env.TZ;
        else process.env.TZ = zone;
      }
    }
  });

  test('It looks at the day when it fires, arms itself again, and disposing it stops the timer armed last', () => {
    const armed: { callback: () => void; ms: number; handle: number }[] = [];
    const cleared: unknown[] = [];
    const { setTimeout: realSet, clearTimeout: realClear } = globalThis;
    globalThis.setTimeout = ((callback: () => void, ms: number) => armed[armed.push({ callback, ms, handle: armed.length + 1 }) - 1].handle) as unknown as typeof setTimeout;
    globalThis.clearTimeout = (handle: unknown) => cleared.push(handle);
    try {
      let checks = 0;
      const timer = startDayTimer(() => checks++);
      assert.strictEqual(armed.length, 1);
      assert.ok(armed[0].ms > 0 && armed[0].ms <= MAX_DAY_CHECK_MS);
      armed[0].callback();
      assert.strictEqual(checks, 1);
      assert.strictEqual(armed.length, 2);
      timer.dispose();
      assert.deepStrictEqual(cleared, [2]);
    } finally {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
    }
  });
});
