/** Medians, budgets and the one table `npm run bench` prints. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `warmup` times unmeasured (JIT, caches), then `n` times; the durations in ms. */
export async function timeRuns(n: number, warmup: number, fn: (run: number) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let run = -warmup; run < n; run++) {
    const start = performance.now();
    await fn(run);
    if (run >= 0) times.push(performance.now() - start);
  }
  return times;
}

/**
 * Times `a` and `b` run by run, alternating which goes first, so that bursts of noise from the
 * machine hit both alike; the durations in ms of each.
 */
export async function timePairs(n: number, warmup: number, a: () => unknown, b: () => unknown): Promise<[number[], number[]]> {
  const times: [number[], number[]] = [[], []];
  for (let run = -warmup; run < n; run++) {
    const order = run % 2 === 0 ? [0, 1] : [1, 0];
    for (const which of order) {
      const [ms] = await timeRuns(1, 0, which === 0 ? a : b);
      if (run >= 0) times[which].push(ms);
    }
  }
  return times;
}

export interface Budget {
  readonly text: string;
  readonly ok: boolean;
}

export const atMost = (value: number, limit: number, unit = ''): Budget => ({ text: `≤ ${limit}${unit}`, ok: value <= limit });
export const exactly = (value: unknown, expected: unknown): Budget => ({ text: `= ${String(expected)}`, ok: value === expected });

export interface Row {
  /** Which of the brief's measurements, e.g. "2 scale in-process". */
  readonly group: string;
  readonly what: string;
  /** How many runs the median is over; absent for single facts such as a size. */
  readonly n?: number;
  /** A median in ms, or a value shown as is (a size, a count, a list). */
  readonly ours: number | string;
  readonly reference?: number;
  /** Shown for ratio rows; the budget then applies to the ratio. */
  readonly ratio?: boolean;
  readonly budget?: Budget;
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)) + ' ms';

export function formatTable(rows: readonly Row[]): string {
  const header = ['#', 'measurement', 'n', 'ours', 'reference', 'ratio', 'budget', 'result'];
  const cells = rows.map((row) => [
    row.group,
    row.what,
    row.n === undefined ? '' : String(row.n),
    typeof row.ours === 'number' ? ms(row.ours) : row.ours,
    row.reference === undefined ? '' : ms(row.reference),
    row.ratio && typeof row.ours === 'number' && row.reference ? `${(row.ours / row.reference).toFixed(2)}×` : '',
    row.budget?.text ?? '',
    row.budget ? (row.budget.ok ? 'PASS' : 'FAIL') : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((text, i) => text.padEnd(widths[i])).join(' │ ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...cells.map(line)].join('\n');
}
