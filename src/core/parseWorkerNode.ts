/**
 * Starts the roadmap parser's worker thread in a Node extension host (see parser.ts). Node only;
 * the web entry never imports it.
 */
import { Worker } from 'worker_threads';
import type { StartParseWorker } from './parser';

export function nodeParseWorker(script: string): StartParseWorker {
  return () => new Worker(script);
}
