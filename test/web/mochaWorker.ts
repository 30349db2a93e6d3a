/// <reference types="mocha" />
/**
 * The mocha side of a web test entry, run inside the web worker extension host.
 *
 * Import this module FIRST in a test entry, then the suite modules, then export
 * `run = runSuites`: importing it puts mocha's browser build in place and defines the tdd
 * globals (`suite`, `test`, `setup`, ...), which the suite modules call while they load.
 *
 *   import { runSuites } from '../mochaWorker';
 *   import './tree.test';
 *   export const run = runSuites;
 *
 * The entry is bundled for the browser by `bundleWebTests()` in test/host/webHost.ts.
 */
import 'mocha/mocha.js';
import * as vscode from 'vscode';
import { emptyResults, recordFailure, reloadAndWait, runRecording, TEST_TIMEOUT_MS } from '../host/suiteResults';
import { AFTER_RELOAD_TITLE, ask, WebTestConfig, webTestConfig, WebTestEnvironment, WebTestPhase, WebTestResults } from './protocol';

// The browser build defines `mocha` on the global object. Its own default reporter writes HTML
// into a document, which a worker has not; `spec` writes to the console instead.
mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: TEST_TIMEOUT_MS, color: false });

/**
 * The test entry's `run()`: runs the loaded suites and reports to the launcher. Rejects when a test
 * failed. With suites titled `… after a window reload`, it runs the others, leaves their results with
 * the launcher and reloads the window; the reloaded window's entry runs those suites alone and
 * reports the results of both.
 */
export async function runSuites(): Promise<void> {
  const config: Partial<WebTestConfig> | undefined = webTestConfig();
  const resultsUrl = config?.resultsUrl ?? '';
  const grep = config?.grep ?? '';
  const phase: WebTestPhase = resultsUrl ? await ask<WebTestPhase>(resultsUrl, 'phase', {}).catch(() => ({})) : {};
  const firstRun = phase.firstRun;
  const results: WebTestResults = firstRun ?? { environment: environment(), ...emptyResults() };

  await post(resultsUrl, 'start', results.environment);
  try {
    if (grep) {
      mocha.grep(grep);
    }
    const root = mocha.suite;
    const afterReload = root.suites.filter((suite) => suite.title.endsWith(AFTER_RELOAD_TITLE));
    root.suites = firstRun ? afterReload : root.suites.filter((suite) => !afterReload.includes(suite));
    await runRecording(mocha, results);
    if (!firstRun && afterReload.length > 0 && resultsUrl) {
      await reloadWindow(resultsUrl, results);
      return;
    }
  } catch (error) {
    recordFailure(results, 'web test entry', error);
  }
  await post(resultsUrl, 'results', results);
  if (results.failed > 0) {
    throw new Error(`${results.failed} web test(s) failed.`);
  }
}

async function reloadWindow(resultsUrl: string, results: WebTestResults): Promise<void> {
  await post(resultsUrl, 'first-run', results);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  throw await reloadAndWait(() => void vscode.commands.executeCommand('workbench.action.reloadWindow').then(undefined, () => undefined));
}

function environment(): WebTestEnvironment {
  const scope = globalThis as { importScripts?: unknown; process?: { versions?: { node?: unknown } }; navigator?: { userAgent?: string } };
  return {
    webWorker: typeof scope.importScripts === 'function',
    nodeProcess: typeof scope.process?.versions?.node === 'string',
    userAgent: scope.navigator?.userAgent ?? '',
  };
}


/**
 * A plain-text body keeps the cross-origin request "simple": no CORS preflight. Without a URL
 * (the entry run by hand) the results go to the console only.
 */
async function post(resultsUrl: string, what: 'start' | 'results' | 'first-run', body: unknown): Promise<void> {
  const text = JSON.stringify(body);
  if (!resultsUrl) {
    console.log(`web tests ${what}: ${text}`);
    return;
  }
  try {
    const response = await fetch(`${resultsUrl}/${what}`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: text });
    if (!response.ok) {
      console.error(`web tests: the launcher answered ${response.status} to ${what}`);
    }
  } catch (error) {
    // The launcher then times out and says that no results came; the console shows why.
    console.error(`web tests: could not reach the launcher at ${resultsUrl}: ${String(error)}`);
  }
}
