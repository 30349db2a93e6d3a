/**
 * Starts the roadmap parser's worker thread in a Node extension host (see parser.ts). Node only;
 * the web entry never imports it.
 */
import type { Worker } from 'worker_threads';
import type { StartParseWorker } from './parser';

export function nodeParseWorker(script: string): StartParseWorker {
  return () => {
    // Required on first use, not at start-up: the extension host has not loaded Node's
    // worker_threads (nor what it builds on), and the first workspace roadmap file comes after
    // the tree's first rows, if ever.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const threads = require('worker_threads') as { Worker: typeof Worker };
    return new threads.Worker(script);
  };
}
