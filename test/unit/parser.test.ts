/**
 * Workspace roadmaps are parsed in a worker thread, so a large file never holds the extension host.
 * Uses the built worker (`dist/parseWorker.js`): `npm test` builds it first.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { monitorEventLoopDelay, performance } from 'perf_hooks';
import { RoadmapParser } from '../../src/core/parser';
import { nodeParseWorker } from '../../src/core/parseWorkerNode';
import { roadmapYaml } from '../bench/shapes';

const WORKER = path.join(__dirname, '..', '..', '..', 'dist', 'parseWorker.js');
const quiet = { warn: (message: string) => assert.fail(message) };

suite('Parsing roadmaps off the extension host', function () {
  this.timeout(120_000);
  // About 400 KB of roadmap: large enough that parsing it here is felt.
  const text = roadmapYaml({ id: 'big', label: 'big', phases: 10, modulesPerPhase: 10, tasksPerModule: 10, rich: true });

  test('The worker gives the same document and errors as parsing here', async () => {
    assert.ok(fs.existsSync(WORKER), `the worker is built at ${WORKER} (node esbuild.js)`);
    const worker = new RoadmapParser(nodeParseWorker(WORKER), quiet);
    try {
      const broken = 'id: x\ntitle: T\nphases:\n  - id: Bad Id\n    title: P\n';
      for (const [input, label] of [[text, 'big.yaml'], [broken, 'broken.yaml']]) {
        const there = await worker.validate(input, label);
        const here = await new RoadmapParser(undefined, quiet).validate(input, label);
        assert.deepStrictEqual(there, here, label);
      }
    } finally {
      worker.dispose();
    }
  });

  test('While the worker parses, the thread stays free: its longest stall is a small part of parsing here', async () => {
    const here = new RoadmapParser(undefined, quiet);
    await here.validate('id: warm', 'warm.yaml');
    const startedHere = performance.now();
    await here.validate(text, 'big.yaml');
    const parseHereMs = performance.now() - startedHere;

    const worker = new RoadmapParser(nodeParseWorker(WORKER), quiet);
    try {
      await worker.validate('id: warm', 'warm.yaml');
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      await worker.validate(text, 'big.yaml');
      delay.disable();
      const stallMs = delay.max / 1e6;
      assert.ok(stallMs < parseHereMs / 3, `longest stall ${stallMs.toFixed(1)} ms while the worker parsed; parsing here took ${parseHereMs.toFixed(0)} ms`);
    } finally {
      worker.dispose();
    }
  });

  test('A worker that cannot start is replaced by parsing here, and the file is still read', async () => {
    const warnings: string[] = [];
    const parser = new RoadmapParser(nodeParseWorker(path.join(__dirname, 'no-such-worker.js')), { warn: (m) => warnings.push(m) });
    const keepAlive = setInterval(() => undefined, 1000);
    try {
      const result = await parser.validate('id: x\ntitle: T\nphases:\n  - id: p\n    title: P\n    tasks:\n      - id: t\n        title: T\n', 'small.yaml');
      assert.deepStrictEqual(result.errors, []);
      assert.strictEqual(result.document?.id, 'x');
      assert.strictEqual(warnings.length, 1);
    } finally {
      clearInterval(keepAlive);
      parser.dispose();
    }
  });
});
