/**
 * What the web test launcher (test/host/webHost.ts, Node) and the test entry inside the web
 * worker extension host (test/web/mochaWorker.ts) agree on. Imports only types: both sides use it,
 * and so do the integration suites.
 *
 * A web worker has no file system and no environment variables, and its console output is
 * forwarded to the page only as long as the worker lives. So the launcher passes what the tests
 * need in a prologue of the test bundle, and the tests POST their results to the launcher's loopback HTTP
 * server (the worker's Content-Security-Policy allows `connect-src http://127.0.0.1:*`).
 */
import type { SuiteResults } from '../host/suiteResults';

/**
 * The launcher prepends `globalThis[CONFIG_GLOBAL] = <WebTestConfig>;` to its copy of the test
 * bundle: the worker has no environment variables, and this needs nothing from the workbench.
 */
export const CONFIG_GLOBAL = 'mlrWebTestConfig';

/** The configuration the launcher prepended, in the web worker; undefined in the Node host. */
export function webTestConfig(): WebTestConfig | undefined {
  return (globalThis as Record<string, unknown>)[CONFIG_GLOBAL] as WebTestConfig | undefined;
}

export interface WebTestConfig {
  /**
   * What the tests POST to: `<resultsUrl>/start` and `<resultsUrl>/results`; across a window
   * reload also `phase`, `first-run`, `hand-over` and `take-over` (see mochaWorker.ts).
   */
  resultsUrl: string;
  /** A mocha grep pattern; empty runs every test. */
  grep: string;
  /** Where the tests act on the workbench as a person would (test/host/pageDriver.ts). */
  pageDriverUrl?: string;
}

export interface WebTestEnvironment {
  /** `importScripts` exists: the code runs in a (web) worker. */
  webWorker: boolean;
  /** A Node `process` with `versions.node` exists: the code runs in Node. */
  nodeProcess: boolean;
  userAgent: string;
}

/** The same shape as the integration results file, plus where the tests ran. */
export interface WebTestResults extends SuiteResults {
  environment: WebTestEnvironment;
}

/**
 * Suites whose title ends so run in the window after a reload, the others before it; the launcher
 * keeps the first window's results and what its suites hand over (test/integration/reload.ts).
 */
export const AFTER_RELOAD_TITLE = 'after a window reload';

/** What `<resultsUrl>/phase` answers: the first window's results once the window has reloaded. */
export interface WebTestPhase {
  firstRun?: WebTestResults;
}

/** A request to the launcher whose answer is JSON: a plain-text POST, "simple", so no CORS preflight. */
export async function ask<T>(resultsUrl: string, what: string, body: unknown): Promise<T> {
  const response = await fetch(`${resultsUrl}/${what}`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`web tests: the launcher answered ${response.status} to ${what}`);
  return (await response.json()) as T;
}
