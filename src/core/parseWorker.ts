/**
 * The worker thread that parses and validates workspace roadmap files, so that a large file never
 * holds the extension host (a 2 MB roadmap takes seconds to parse). It answers with the plain,
 * validated document; the extension host builds the model from it, as it does for the bundled
 * roadmaps. Built to `dist/parseWorker.js` (see esbuild.js).
 */
import { parentPort } from 'worker_threads';
import { validateRoadmap } from '../model/loader';
import type { ParseRequest, ParseResponse } from './parser';

parentPort?.on('message', ({ id, text, label }: ParseRequest) => {
  let response: ParseResponse;
  try {
    response = { id, ...validateRoadmap(text, { label }) };
  } catch (error) {
    // The loader does not throw on any input (the fuzz test holds it to that); if it ever does,
    // the file is reported, not the worker lost.
    response = { id, errors: [{ file: label, path: '', message: `could not be read: ${(error as Error).message}`, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }] };
  }
  parentPort?.postMessage(response);
});
