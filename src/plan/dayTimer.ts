/**
 * "Today" moves at midnight: This Week, ahead/behind and the dashboard with it. The timer is pure
 * (no `vscode`), so when it fires is unit-tested without an editor.
 */

/** The clock is looked at least this often, so a sleeping machine or a DST change cannot leave "today" stale for long. */
export const MAX_DAY_CHECK_MS = 6 * 3_600_000;

/** How long to wait, from `now`, before looking at the day again: five seconds past the next local midnight, or less. */
export function msUntilDayCheck(now: Date): number {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
  return Math.min(MAX_DAY_CHECK_MS, midnight.getTime() - now.getTime());
}

/** Calls `checkDay` just after every local midnight (and at least every six hours) until disposed. */
export function startDayTimer(checkDay: () => void): { dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    timer = setTimeout(() => {
      checkDay();
      arm();
    }, msUntilDayCheck(new Date()));
  };
  arm();
  return { dispose: () => clearTimeout(timer) };
}
