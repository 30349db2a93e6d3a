/**
 * Calls back when the local day turns, for what counts the cards due today: a timer set for the
 * next midnight, then for the one after. The wait is computed afresh from the clock each time and
 * is never longer than MAX_DAY_WAIT_MS: a timer does not count the time a machine sleeps, and a
 * clock set back would make a wait computed once last days, so a long wait is cut into short ones
 * and a wait that ends before the day turned only sets the next. No `vscode`: the feature owns one
 * and disposes it.
 */
import { dayOf, msUntilNextDay } from '../model/review/queue';

/** Longest wait between two looks at the clock. */
export const MAX_DAY_WAIT_MS = 60 * 60 * 1000;

/** How to wait: the global timers, or a test's. */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const globalTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class DayTurnTimer {
  private handle: unknown;
  /** The start of the day last seen. */
  private day: number;
  private disposed = false;

  constructor(
    private readonly now: () => number,
    private readonly onNewDay: () => void,
    private readonly timers: Timers = globalTimers,
  ) {
    this.day = dayOf(now()).start;
    this.arm();
  }

  private arm(): void {
    this.handle = this.timers.set(() => this.look(), Math.min(msUntilNextDay(this.now()), MAX_DAY_WAIT_MS));
  }

  /** Sets the next wait before calling back, so a callback that throws stops nothing. */
  private look(): void {
    if (this.disposed) return;
    this.arm();
    const day = dayOf(this.now()).start;
    if (day === this.day) return;
    this.day = day;
    this.onNewDay();
  }

  dispose(): void {
    this.disposed = true;
    this.timers.clear(this.handle);
  }
}
