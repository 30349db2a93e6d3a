/**
 * The web test entry of the sample extension (test/fixtures/web-sample): proves that the
 * launcher runs an extension's `browser` entry and mocha suites in a web worker extension host.
 */
import { runSuites } from '../mochaWorker';
import './sample.test';

export const run = runSuites;
