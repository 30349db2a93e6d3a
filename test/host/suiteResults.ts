/**
 * What a mocha run inside an editor host reports to its launcher, and how it is recorded: shared
 * by the Node extension host's entry (test/integration/index.ts) and the web worker's
 * (test/web/mochaWorker.ts). Neither Node nor the DOM: it runs in both.
 */
import type Mocha from 'mocha';

/**
 * A test's time limit in an editor host. Generous: a busy CI runner can be several times slower
 * than a desk, and the waits inside the tests have deadlines of their own that say what was missing.
 */
export const TEST_TIMEOUT_MS = 60_000;

export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; message: string; stack: string }[];
  tests: { title: string; state: 'passed' | 'failed' | 'pending'; durationMs: number }[];
}

export function emptyResults(): SuiteResults {
  return { passed: 0, failed: 0, pending: 0, failures: [], tests: [] };
}

/** Runs the suites, recording every test and every failure (hooks included) into `results`. */
export function runRecording(mocha: Pick<Mocha, 'run'>, results: SuiteResults): Promise<void> {
  return new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => {
      results.passed++;
      results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
    });
    runner.on('pending', (test) => {
      results.pending++;
      results.tests.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 });
    });
    // Also emitted for failing hooks, which are not tests but count as failures.
    runner.on('fail', (runnable, error: unknown) => {
      recordFailure(results, runnable.fullTitle(), error);
      if (runnable.type === 'test') {
        results.tests.push({ title: runnable.fullTitle(), state: 'failed', durationMs: runnable.duration ?? 0 });
      }
    });
  });
}

export function recordFailure(results: SuiteResults, title: string, error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  results.failed++;
  results.failures.push({ title, message: err.message, stack: err.stack ?? '' });
}

/** How long a window asked to reload waits to go; past that, the reload failed. */
export const RELOAD_TIMEOUT_MS = 60_000;

/**
 * Asks for a window reload (`reload` runs the workbench's command without awaiting it: its promise
 * is cancelled when the host goes with the window) and waits. Asked twice, a third of the time
 * apart, so that a request the workbench drops while busy is asked again. Returns only when the
 * window stayed, with why that is a failure.
 */
export async function reloadAndWait(reload: () => void): Promise<Error> {
  for (const wait of [RELOAD_TIMEOUT_MS / 3, (RELOAD_TIMEOUT_MS * 2) / 3]) {
    reload();
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return new Error(`the window did not reload within ${RELOAD_TIMEOUT_MS / 1000} s, asked twice`);
}
