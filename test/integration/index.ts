import * as fs from 'fs';
import * as path from 'path';
import type Mocha from 'mocha';

import { emptyResults, recordFailure, reloadAndWait, runRecording, TEST_TIMEOUT_MS, type SuiteResults } from '../host/suiteResults';

/** What the launcher reads from `MLR_TEST_RESULTS`. */
export type IntegrationResults = SuiteResults;

/**
 * The test entry, called inside the extension host (server or desktop): runs every
 * `*.test.js` beside this file and writes the results file; rejects when a test failed.
 *
 * A suite can also check what survives a window reload. A file `<name>.afterReload.test.js` is left
 * out of the first run, and its twin `<name>.test.js` runs last in it (so what it leaves behind
 * meets no other suite). Then the entry reloads the window. The reloaded window runs this entry
 * again, which sees its mark, runs the `.afterReload` files alone, and writes the results of both.
 */
export async function run(): Promise<void> {
  const resultsFile = process.env.MLR_TEST_RESULTS;
  const reloaded = resultsFile !== undefined && fs.existsSync(firstRunFile(resultsFile));
  const results: IntegrationResults = reloaded ? takeFirstRun(resultsFile) : emptyResults();
  try {
    const MochaClass = (await import('mocha')).default;
    const mocha = new MochaClass({ ui: 'tdd', timeout: TEST_TIMEOUT_MS, color: false, grep: process.env.MLR_TEST_GREP || undefined });
    // Restricted Mode suites need a workspace that is not trusted: the launcher runs them apart.
    const restricted = process.env.MLR_RESTRICTED_MODE === '1';
    const files = findTestFiles(__dirname).filter((f) => f.endsWith('.restricted.test.js') === restricted);
    const afterReload = files.filter((f) => f.endsWith(AFTER_RELOAD));
    const reloadsNext = !reloaded && afterReload.length > 0 && resultsFile !== undefined;
    for (const file of reloaded ? afterReload : inFirstRunOrder(files, afterReload)) {
      loadFile(mocha, MochaClass, file);
    }
    await runRecording(mocha, results);
    // Returns only when the window stayed, the failure recorded; a reloaded window goes on above.
    if (reloadsNext) await reloadWindow(resultsFile, results);
  } catch (error) {
    recordFailure(results, 'integration test entry', error);
  }
  writeResults(results);
  if (results.failed > 0) {
    throw new Error(`${results.failed} integration test(s) failed.`);
  }
}

const AFTER_RELOAD = '.afterReload.test.js';
/** The first run's results while the window reloads; the launcher waits longer while it exists. */
export const firstRunFile = (resultsFile: string) => `${resultsFile}.before-reload`;

/** Every file but the `.afterReload` ones, the twins of those last. */
function inFirstRunOrder(files: readonly string[], afterReload: readonly string[]): string[] {
  const twins = new Set(afterReload.map((f) => f.slice(0, -AFTER_RELOAD.length) + '.test.js'));
  const first = files.filter((f) => !f.endsWith(AFTER_RELOAD));
  return [...first.filter((f) => !twins.has(f)), ...first.filter((f) => twins.has(f))];
}

/** Keeps the first run's results for the reloaded window and reloads; when the window stays, records that. */
async function reloadWindow(resultsFile: string, results: IntegrationResults): Promise<void> {
  fs.writeFileSync(firstRunFile(resultsFile), JSON.stringify(results));
  const vscode = await import('vscode');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const stayed = await reloadAndWait(() => void vscode.commands.executeCommand('workbench.action.reloadWindow').then(undefined, () => undefined));
  fs.rmSync(firstRunFile(resultsFile), { force: true });
  recordFailure(results, 'integration test entry', stayed);
}

function takeFirstRun(resultsFile: string): IntegrationResults {
  const results = JSON.parse(fs.readFileSync(firstRunFile(resultsFile), 'utf8')) as IntegrationResults;
  fs.rmSync(firstRunFile(resultsFile));
  return results;
}

/**
 * Does what mocha's own loadFiles() does for one file, except that a file that throws
 * while loading becomes a failing test instead of aborting the whole run.
 */
function loadFile(mocha: Mocha, MochaClass: typeof Mocha, file: string): void {
  const suite = mocha.suite;
  suite.emit('pre-require', globalThis, file, mocha);
  try {
    // Mocha loads suites synchronously, as its own runner does: a dynamic require, not an import.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    suite.emit('require', require(file), file, mocha);
  } catch (error) {
    const title = `loading ${path.basename(file)}`;
    suite.addTest(
      new MochaClass.Test(title, () => {
        throw error;
      }),
    );
  }
  suite.emit('post-require', globalThis, file, mocha);
}

function findTestFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      files.push(...findTestFiles(full));
    } else if (entry.name.endsWith('.test.js')) {
      files.push(full);
    }
  }
  return files.sort();
}


function writeResults(results: IntegrationResults): void {
  const file = process.env.MLR_TEST_RESULTS;
  if (!file) {
    return;
  }
  // Written whole and then renamed: the launcher polls for this file.
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, JSON.stringify(results, null, 2));
  fs.renameSync(partial, file);
}
