import * as fs from 'fs';
import * as path from 'path';
import type Mocha from 'mocha';

import { emptyResults, recordFailure, runRecording, type SuiteResults } from '../host/suiteResults';

/** What the launcher reads from `MLR_TEST_RESULTS`. */
export type IntegrationResults = SuiteResults;

/**
 * The test entry, called inside the extension host (server or desktop): runs every
 * `*.test.js` beside this file and writes the results file; rejects when a test failed.
 */
export async function run(): Promise<void> {
  const results: IntegrationResults = emptyResults();
  try {
    const MochaClass = (await import('mocha')).default;
    const mocha = new MochaClass({ ui: 'tdd', timeout: 20_000, color: false, grep: process.env.MLR_TEST_GREP || undefined });
    // Restricted Mode suites need a workspace that is not trusted: the launcher runs them apart.
    const restricted = process.env.MLR_RESTRICTED_MODE === '1';
    for (const file of findTestFiles(__dirname).filter((f) => f.endsWith('.restricted.test.js') === restricted)) {
      loadFile(mocha, MochaClass, file);
    }
    await runRecording(mocha, results);
  } catch (error) {
    recordFailure(results, 'integration test entry', error);
  } finally {
    writeResults(results);
  }
  if (results.failed > 0) {
    throw new Error(`${results.failed} integration test(s) failed.`);
  }
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
