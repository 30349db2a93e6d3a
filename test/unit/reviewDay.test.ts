import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { dayOf, msUntilNextDay } from '../../src/model/review/queue';
import { DayTurnTimer, MAX_DAY_WAIT_MS, Timers } from '../../src/review/dayTimer';

const MIN = 60 * 1000;
const HOUR = 60 * MIN;

/**
 * Runs `script` in a child Node whose local time zone is `zone`: the time zone of a process is
 * fixed when it starts, so days of another zone (and its clock changes) can only be seen in
 * another process. The script gets `dayOf` and `msUntilNextDay` and prints JSON.
 */
function inZone(zone: string, script: string): unknown {
  const queue = require.resolve('../../src/model/review/queue');
  const code = `const { dayOf, msUntilNextDay } = require(${JSON.stringify(queue)}); process.stdout.write(JSON.stringify((() => { ${script} })()));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', code], { env: { ...process.env, TZ: zone }, encoding: 'utf8' }));
}

/** A clock the test moves, and timers that run when it says. */
class FakeTime implements Timers {
  now: number;
  private pending: { run: () => void; at: number; handle: number } | undefined;
  private next = 1;
  readonly waits: number[] = [];

  constructor(start: number) {
    this.now = start;
  }

  set(run: () => void, ms: number): unknown {
    this.waits.push(ms);
    this.pending = { run, at: this.now + ms, handle: this.next++ };
    return this.pending.handle;
  }

  clear(handle: unknown): void {
    if (this.pending?.handle === handle) this.pending = undefined;
  }

  /** Runs the pending timer, the clock then reading `now` (its own time unless given). */
  fire(now?: number): void {
    const pending = this.pending;
    assert.ok(pending, 'a timer is set');
    this.pending = undefined;
    this.now = now ?? pending.at;
    pending.run();
  }

  get armed(): boolean {
    return this.pending !== undefined;
  }
}

suite('Review: the next local day', () => {
  test('From mid-morning, the next day begins at the coming midnight', () => {
    const now = new Date(2026, 2, 10, 10, 30).getTime();
    assert.strictEqual(msUntilNextDay(now), new Date(2026, 2, 11).getTime() - now);
    assert.strictEqual(msUntilNextDay(dayOf(now).end - 1), 1);
    assert.strictEqual(msUntilNextDay(dayOf(now).start), dayOf(now).end - dayOf(now).start);
  });

  test('On the days the clocks change in Berlin, the wait is an hour shorter or longer', function () {
    this.timeout(20_000);
    // 2026: 29 March 02:00 becomes 03:00 (a 23-hour day); 25 October 03:00 becomes 02:00 (25 hours).
    const waits = inZone(
      'Europe/Berlin',
      `return [new Date(2026, 2, 29, 0, 0), new Date(2026, 2, 29, 1, 0), new Date(2026, 2, 29, 12, 0), new Date(2026, 9, 25, 0, 0), new Date(2026, 9, 25, 1, 0), new Date(2026, 9, 25, 12, 0)].map((d) => msUntilNextDay(d.getTime()));`,
    );
    assert.deepStrictEqual(waits, [23 * HOUR, 22 * HOUR, 12 * HOUR, 25 * HOUR, 24 * HOUR, 12 * HOUR]);
  });

  test('Where midnight does not exist (Santiago, 6 September 2026), that day begins at its first moment, 01:00, and ends at the next midnight', function () {
    this.timeout(20_000);
    const found = inZone(
      'America/Santiago',
      `return [new Date(2026, 8, 5, 12, 0), new Date(2026, 8, 6, 12, 0)].map((d) => {
        const now = d.getTime();
        const next = now + msUntilNextDay(now);
        return { hours: (next - now) / 3600000, nextHour: new Date(next).getHours(), nextIsDayStart: dayOf(next).start === next };
      });`,
    );
    assert.deepStrictEqual(found, [
      { hours: 12, nextHour: 1, nextIsDayStart: true },
      { hours: 12, nextHour: 0, nextIsDayStart: true },
    ]);
  });

  test('Every hour of a year in zones with and without clock changes: the wait ends where a day starts, and not before', function () {
    this.timeout(60_000);
    for (const zone of ['Europe/Berlin', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC']) {
      const wrong = inZone(
        zone,
        `const wrong = [];
        for (let now = Date.UTC(2026, 0, 1); now < Date.UTC(2027, 0, 1); now += 3600000 + 61000) {
          const wait = msUntilNextDay(now);
          const next = now + wait;
          if (!(wait > 0 && wait <= 25 * 3600000 && dayOf(next).start === next && dayOf(next - 1).start === dayOf(now).start)) wrong.push(new Date(now).toISOString());
        }
        return wrong.slice(0, 5);`,
      );
      assert.deepStrictEqual(wrong, [], zone);
    }
  });
});

suite('Review: the timer of the day turning', () => {
  const EVENING = new Date(2026, 2, 10, 23, 30).getTime();

  test('Waits until midnight, calls back once the day turned, then waits for the next midnight', () => {
    const time = new FakeTime(EVENING);
    let turns = 0;
    const timer = new DayTurnTimer(() => time.now, () => turns++, time);
    assert.deepStrictEqual(time.waits, [30 * MIN]);
    time.fire();
    assert.strictEqual(turns, 1);
    assert.strictEqual(time.waits[1], MAX_DAY_WAIT_MS);
    // Through the next day, an hour at a time: no call back until the next midnight.
    for (let hour = 0; hour < 23; hour++) time.fire();
    assert.strictEqual(turns, 1);
    time.fire();
    assert.strictEqual(dayOf(time.now).start, new Date(2026, 2, 12).getTime());
    assert.strictEqual(turns, 2);
    timer.dispose();
    assert.strictEqual(time.armed, false);
  });

  test('A timer that ends early calls nothing back and waits the rest; one that ends late (the machine slept) calls back and waits from the clock', () => {
    const time = new FakeTime(EVENING);
    let turns = 0;
    const timer = new DayTurnTimer(() => time.now, () => turns++, time);
    time.fire(EVENING + 30 * MIN - 5);
    assert.strictEqual(turns, 0);
    assert.strictEqual(time.waits[1], 5);
    // Asleep until three days later, 23:50.
    const woke = new Date(2026, 2, 13, 23, 50).getTime();
    time.fire(woke);
    assert.strictEqual(turns, 1);
    assert.strictEqual(time.waits[2], 10 * MIN);
    timer.dispose();
  });

  test('A clock set back a day calls back (the day changed) and waits no more than the longest wait', () => {
    const time = new FakeTime(EVENING);
    let turns = 0;
    const timer = new DayTurnTimer(() => time.now, () => turns++, time);
    time.fire(EVENING - 24 * HOUR + 1);
    assert.strictEqual(turns, 1);
    assert.ok(time.waits.every((ms) => ms > 0 && ms <= MAX_DAY_WAIT_MS), String(time.waits));
    timer.dispose();
  });

  test('A call back that throws still leaves the next wait set; disposed inside its call back, nothing is set again', () => {
    const time = new FakeTime(EVENING);
    const throwing = new DayTurnTimer(
      () => time.now,
      () => {
        throw new Error('refresh failed');
      },
      time,
    );
    assert.throws(() => time.fire(), /refresh failed/);
    assert.strictEqual(time.armed, true);
    throwing.dispose();
    assert.strictEqual(time.armed, false);

    const other = new FakeTime(EVENING);
    const disposing: DayTurnTimer = new DayTurnTimer(() => other.now, () => disposing.dispose(), other);
    other.fire();
    assert.strictEqual(other.armed, false);
  });
});
