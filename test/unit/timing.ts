/**
 * Growth of running time with input size, for tests that guard against quadratic algorithms.
 *
 * Absolute times depend on the machine and its load; the ratio between a 10× input and a 1× input
 * measured in the same process moments apart does not. Linear code gives about 10×, quadratic
 * about 100×, so a test asserts the ratio stays well under 100×.
 */
import { performance } from 'perf_hooks';

export interface Growth {
  /** Milliseconds per call at 1× and at 10×, the best of five rounds. */
  readonly small: number;
  readonly large: number;
  readonly ratio: number;
}

/** Keeps results alive, so no call can be optimised away. */
let sink: unknown;

/**
 * Milliseconds per call; repeats the call until the batch takes long enough to measure. Every
 * result of a batch is kept until the batch ends: otherwise the small input's results die young
 * and cost the garbage collector nothing, while the large input's survive and are copied, and
 * linear code measures 30× or more.
 */
function perCall(run: () => unknown, minMs: number): number {
  for (let reps = 1; ; reps *= 2) {
    const kept: unknown[] = [];
    const start = performance.now();
    for (let i = 0; i < reps; i++) kept.push(run());
    const elapsed = performance.now() - start;
    sink = kept;
    if (elapsed >= minMs) return elapsed / reps;
  }
}

/**
 * Times `run` on `make(n)` and on `make(10 * n)` after a warm-up of each, and returns both and
 * their ratio. Inputs are built before timing starts. The two sizes are timed in turns, five
 * rounds, and the best of each counts, so a moment of load on a shared machine spoils one round
 * of one size, not the result.
 */
export function growth<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, minMs = 100): Growth {
  const small = make(n);
  const large = make(10 * n);
  sink = run(small);
  sink = run(large);
  let smallMs = Infinity;
  let largeMs = Infinity;
  for (let round = 0; round < 5; round++) {
    smallMs = Math.min(smallMs, perCall(() => run(small), minMs));
    largeMs = Math.min(largeMs, perCall(() => run(large), minMs));
  }
  void sink;
  return { small: smallMs, large: largeMs, ratio: largeMs / smallMs };
}

/** How a growth reads in an assertion message. */
export function describeGrowth(g: Growth): string {
  return `1×: ${g.small.toFixed(2)} ms, 10×: ${g.large.toFixed(2)} ms, ratio ${g.ratio.toFixed(1)}`;
}
