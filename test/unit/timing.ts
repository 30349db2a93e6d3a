/**
 * Growth of running time with input size, for tests that guard against quadratic algorithms.
 *
 * Absolute times depend on the machine and its load; the ratio between a 10× input and a 1× input
 * measured in the same process moments apart does not. Linear code gives about 10×, quadratic
 * about 100×, so a test asserts the ratio stays well under 100×.
 */
import { performance } from 'perf_hooks';

export interface Growth {
  /** Milliseconds per call at 1× and at 10×, the best of three. */
  readonly small: number;
  readonly large: number;
  readonly ratio: number;
}

/** Keeps results alive, so no call can be optimised away. */
let sink: unknown;

/** Milliseconds per call; repeats the call until the batch takes long enough to measure. */
function perCall(run: () => unknown, minMs: number): number {
  for (let reps = 1; ; reps *= 2) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) sink = run();
    const elapsed = performance.now() - start;
    if (elapsed >= minMs) return elapsed / reps;
  }
}

/**
 * Times `run` on `make(n)` and on `make(10 * n)` after a warm-up of each, best of three, and
 * returns both and their ratio. Inputs are built before timing starts.
 */
export function growth<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, minMs = 30): Growth {
  const small = make(n);
  const large = make(10 * n);
  sink = run(small);
  sink = run(large);
  const best = (input: T) => Math.min(perCall(() => run(input), minMs), perCall(() => run(input), minMs), perCall(() => run(input), minMs));
  const smallMs = best(small);
  const largeMs = best(large);
  void sink;
  return { small: smallMs, large: largeMs, ratio: largeMs / smallMs };
}

/** How a growth reads in an assertion message. */
export function describeGrowth(g: Growth): string {
  return `1×: ${g.small.toFixed(2)} ms, 10×: ${g.large.toFixed(2)} ms, ratio ${g.ratio.toFixed(1)}`;
}
