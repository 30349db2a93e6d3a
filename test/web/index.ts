/**
 * The web test entry: runs in the web worker extension host against the extension's `browser`
 * entry (see test/host/webHost.ts; `node out/test/run.js web`). The web subset is the web suite
 * plus the integration suites that need no Node (no fs, path, os, process.env); the others
 * (details page driving, manifest, links' terminal, Restricted Mode) stay Node-only.
 */
import { runSuites } from './mochaWorker';
import './extension.test';
import '../integration/tree.test';
import '../integration/search.test';
import '../integration/transfer.test';
import '../integration/roadmapFiles.test';
import '../integration/scaffold.test';
import '../integration/notes.test';
import '../integration/tooltips.test';
import '../integration/classroom.test';
import '../integration/review.test';
// Runs in the window after a reload (mochaWorker.ts), with what the review suite handed over.
import '../integration/review.afterReload.test';

export const run = runSuites;
