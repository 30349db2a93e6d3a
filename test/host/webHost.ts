/**
 * Runs an extension's `browser` entry and mocha suites in a **web worker extension host**: the
 * host VS Code for the Web (vscode.dev, github.dev) runs web extensions in.
 *
 * Route: the VS Code Server that code-server serves (see workbench.ts) starts a web worker
 * extension host beside its Node one. An extension under development that has only a `browser`
 * entry lands there by itself; one that also has a `main` would run in the Node host, so the
 * user setting `remote.extensionKind: { "<publisher>.<name>": ["web"] }` sends it to the web
 * worker. (The `extensionDevelopmentKind` payload entry does not: VS Code 1.100's browser
 * environment service stores it under another name, and the extension host placement never
 * sees it.) The test entry loads in the same worker, so it is one browser-targeted bundle
 * (bundleWebTests()), and it reports to a loopback HTTP server of this launcher: a worker has
 * no file system to write a results file to.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { CONFIG_GLOBAL, WebTestConfig, WebTestEnvironment, WebTestResults } from '../web/protocol';
import { CODE_SERVER_VERSION } from './codeServer';
import { startPageDriver } from './pageDriver';
import { failureLines, formatResults } from './runIntegration';
import { cleanUpOnExit, delay, PROJECT_ROOT, startWorkbench, Workbench } from './workbench';

export interface WebTestOptions {
  /** The folder with the extension's package.json; it must have a `browser` entry. */
  extensionPath: string;
  /** One CommonJS file built for the browser (bundleWebTests()), exporting `run(): Promise<void>`. */
  testsBundlePath: string;
  /** Folder to open; a fresh temp folder when left out. */
  workspaceFolder?: string;
  /** Only tests whose full title matches; default `$MLR_TEST_GREP`. */
  grep?: string;
  /** More user settings. */
  settings?: Record<string, unknown>;
  /** Print the workbench's console (which includes the extension host's); default `$MLR_WEB_VERBOSE=1`. */
  verbose?: boolean;
  /** The browser window's size; the workbench's default when left out. */
  viewport?: { width: number; height: number };
  /**
   * Called when the tests POST `<resultsUrl>/shot` (test/web/screenshots.ts), with the workbench
   * page: the tests wait until it has returned. For screenshots of the web worker host.
   */
  onShot?: (name: string, page: Page) => Promise<void>;
  /** How long to wait for the results; default `$MLR_TEST_TIMEOUT_MS`, else 10 minutes. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface WebTestOutcome {
  passed: number;
  failed: number;
  skipped: number;
  report: string;
  /** One line per failure (`title: first line of the error`), for the summary at the end of a run. */
  failures: string[];
  /** From starting code-server to the results (or the failure). */
  durationMs: number;
}

export async function runWebTests(options: WebTestOptions): Promise<WebTestOutcome> {
  const started = Date.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const extensionPath = path.resolve(options.extensionPath);
  const testsBundlePath = path.resolve(options.testsBundlePath);
  const extensionId = webExtensionId(extensionPath);
  if (!fs.existsSync(testsBundlePath)) {
    throw new Error(`No web test bundle at ${testsBundlePath}: build it with bundleWebTests().`);
  }
  const timeoutMs = options.timeoutMs ?? (Number(process.env.MLR_TEST_TIMEOUT_MS) || 10 * 60_000);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-web-'));
  const release = cleanUpOnExit({ dir: scratch });
  const workspaceFolder = options.workspaceFolder ?? path.join(scratch, 'workspace');
  fs.mkdirSync(workspaceFolder, { recursive: true });
  let page: Page | undefined;
  const server = await startResultsServer(async (name) => {
    if (!page || !options.onShot) throw new Error(`no screenshot taker for ${name}`);
    await options.onShot(name, page);
  });
  const driver = await startPageDriver();
  const staged = stageBundle(extensionPath, testsBundlePath, { resultsUrl: server.url, grep: options.grep ?? process.env.MLR_TEST_GREP ?? '', pageDriverUrl: driver.url });
  let workbench: Workbench | undefined;
  try {
    log(`web host: web worker extension host of VS Code Server (code-server ${CODE_SERVER_VERSION}) in headless Chromium`);
    workbench = await startWorkbench({
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: staged.path,
      workspaceFolder,
      userSettings: { ...options.settings, 'remote.extensionKind': { [extensionId]: ['web'] } },
      browser: true,
      ...(options.viewport ? { viewport: options.viewport } : {}),
    });
    page = workbench.page;
    if (page) driver.attach(page);
    if (options.verbose ?? process.env.MLR_WEB_VERBOSE === '1') {
      // The extension host's console reaches the page console; the launcher shows it all.
      workbench.page?.on('console', (message) => log(`[page ${message.type()}] ${message.text().replace(/%c\s*|\s*color: #[0-9a-f]{3}\b/gi, '')}`));
    }
    const outcome = await waitForResults(server, workbench, timeoutMs);
    if ('problem' in outcome) {
      const diagnostics = workbench.diagnostics({ serverOutput: true, ignore: OWN_REJECTION });
      return failure(`web run failed: ${outcome.problem}\n${diagnostics}`, started);
    }
    const { results } = outcome;
    const where = results.environment;
    if (!where.webWorker || where.nodeProcess) {
      return failure(`web run failed: the tests ran outside a web worker (webWorker: ${where.webWorker}, Node process: ${where.nodeProcess})`, started);
    }
    let report = formatResults(results);
    if (results.failed > 0) {
      report += `\n${workbench.diagnostics({ ignore: OWN_REJECTION })}`;
    }
    return { passed: results.passed, failed: results.failed, skipped: results.pending, report, failures: failureLines(results), durationMs: Date.now() - started };
  } finally {
    await workbench?.stop();
    await server.close();
    await driver.close();
    fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
    release();
    staged.remove();
  }
}


/**
 * The workbench runs the test entry in the extension host of the extension whose folder holds
 * it, and in the Node host when none does. So the bundle is copied into
 * `<extension>/out/web-tests-*` (out/ is ignored by git) for the run, behind a prologue that
 * hands the tests their configuration.
 */
function stageBundle(extensionPath: string, bundlePath: string, config: WebTestConfig): { path: string; remove(): void } {
  const out = path.join(extensionPath, 'out');
  fs.mkdirSync(out, { recursive: true });
  const dir = fs.mkdtempSync(path.join(out, 'web-tests-'));
  const release = cleanUpOnExit({ dir });
  const staged = path.join(dir, 'tests.js');
  const prologue = `globalThis[${JSON.stringify(CONFIG_GLOBAL)}] = ${JSON.stringify(config)};\n`;
  fs.writeFileSync(staged, prologue + fs.readFileSync(bundlePath, 'utf8'));
  return {
    path: staged,
    remove: () => {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      release();
    },
  };
}

// mochaWorker's run() rejects after failures, and the workbench logs that; it is no news here.
const OWN_REJECTION = /web test\(s\) failed/;

// Errors the workbench logs when the test entry cannot be loaded or run at all.
const ENTRY_FAILED = /Cannot load test runner|Execution of test runner failed|Could not find test runner|\$extensionTestsExecute/;
// The Node extension host exits once a test entry it ran has ended; ours must not run there.
const NODE_HOST_EXITED = /Extension Host Process exited/;
const NODE_HOST_GRACE_MS = 3_000;

function failure(report: string, started: number): WebTestOutcome {
  return { passed: 0, failed: 1, skipped: 0, report, failures: [report.split('\n')[0]], durationMs: Date.now() - started };
}

/** `<publisher>.<name>` of an extension with a `browser` entry; a clear error otherwise. */
export function webExtensionId(extensionPath: string): string {
  const manifestPath = path.join(extensionPath, 'package.json');
  let manifest: { publisher?: unknown; name?: unknown; browser?: unknown };
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as typeof manifest;
  } catch (error) {
    throw new Error(`${manifestPath}: cannot read the extension manifest: ${(error as Error).message}`, { cause: error });
  }
  if (typeof manifest.publisher !== 'string' || typeof manifest.name !== 'string') {
    throw new Error(`${manifestPath}: "publisher" and "name" must be strings.`);
  }
  if (typeof manifest.browser !== 'string') {
    throw new Error(`${manifestPath}: no "browser" entry, so the extension cannot run in a web worker extension host.`);
  }
  const entry = path.resolve(extensionPath, manifest.browser);
  if (!fs.existsSync(entry) && !fs.existsSync(`${entry}.js`)) {
    throw new Error(`${manifestPath}: the "browser" entry ${manifest.browser} does not exist (${entry}): build it first.`);
  }
  return `${manifest.publisher}.${manifest.name}`;
}

interface ResultsServer {
  /**
   * What the tests POST to: `<url>/start`, `<url>/results`, and `<url>/shot` for a screenshot; across
   * a window reload `phase`, `first-run`, `hand-over` and `take-over`, which answer JSON.
   */
  url: string;
  started: Promise<WebTestEnvironment>;
  results: Promise<WebTestResults>;
  close(): Promise<void>;
}

const BODY_LIMIT = 32 * 1024 * 1024;

/**
 * Listens on 127.0.0.1 only, under a random path. The worker's origin is the workbench's (another
 * port), so answers carry CORS headers; the tests send text/plain, which needs no preflight.
 */
async function startResultsServer(shot: (name: string) => Promise<void>): Promise<ResultsServer> {
  const token = crypto.randomUUID();
  let resolveStarted: (environment: WebTestEnvironment) => void = () => undefined;
  let resolveResults: (results: WebTestResults) => void = () => undefined;
  const started = new Promise<WebTestEnvironment>((resolve) => (resolveStarted = resolve));
  const results = new Promise<WebTestResults>((resolve) => (resolveResults = resolve));
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Content-Type' };

  // Across a window reload (mochaWorker.ts): the first window's results, and what its suites hand over.
  let firstRun: WebTestResults | undefined;
  const handedOver = new Map<string, unknown>();
  const acrossReload = (what: string, body: unknown): object | undefined => {
    const { name, data } = body as { name?: unknown; data?: unknown };
    switch (what) {
      case 'phase':
        return { firstRun };
      case 'first-run':
        firstRun = body as WebTestResults;
        return {};
      case 'hand-over':
        handedOver.set(String(name), data);
        return {};
      case 'take-over':
        return { data: handedOver.get(String(name)) };
      default:
        return undefined;
    }
  };

  const server = http.createServer((request, response) => {
    if (process.env.MLR_WEB_VERBOSE === '1') {
      console.log(`[results server] ${request.method} ${request.url} from ${request.headers.origin ?? '(no origin)'}`);
    }
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors).end();
      return;
    }
    const what = request.method === 'POST' ? new RegExp(`^/${token}/(start|results|shot|phase|first-run|hand-over|take-over)$`).exec(request.url ?? '')?.[1] : undefined;
    if (!what) {
      response.writeHead(404, cors).end();
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) {
        chunks.push(chunk);
      }
    });
    request.on('end', () => {
      let body: unknown;
      try {
        body = size <= BODY_LIMIT ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
      } catch {
        body = undefined;
      }
      if (body === undefined) {
        response.writeHead(400, cors).end();
        return;
      }
      if (what === 'shot') {
        // Answered once the picture is taken, so the tests go on only then.
        const name = (body as { name?: unknown }).name;
        void shot(typeof name === 'string' ? name : 'shot').then(
          () => response.writeHead(204, cors).end(),
          (error: unknown) => response.writeHead(500, cors).end(String(error)),
        );
        return;
      }
      const reloading = acrossReload(what, body);
      if (reloading !== undefined) {
        response.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify(reloading));
        return;
      }
      response.writeHead(204, cors).end();
      if (what === 'start') {
        resolveStarted(body as WebTestEnvironment);
      } else {
        resolveResults(body as WebTestResults);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/${token}`,
    started,
    results,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The results, or what went wrong first. */
async function waitForResults(server: ResultsServer, workbench: Workbench, timeoutMs: number): Promise<{ results: WebTestResults } | { problem: string }> {
  let results: WebTestResults | undefined;
  let entryStarted = false;
  void server.results.then((value) => (results = value));
  void server.started.then(() => (entryStarted = true));
  let serverExit: number | null | undefined;
  void workbench.exited.then((code) => (serverExit = code));
  let pageGone = false;
  workbench.page?.on('close', () => (pageGone = true));
  workbench.page?.on('crash', () => (pageGone = true));

  let nodeHostExitedAt: number | undefined;
  const deadline = Date.now() + timeoutMs;
  while (results === undefined) {
    if (serverExit !== undefined) {
      return { problem: `code-server exited (code ${serverExit}) before the tests reported` };
    }
    if (pageGone) {
      return { problem: 'the workbench page closed or crashed before the tests reported' };
    }
    const entryError = entryStarted ? undefined : workbench.consoleErrors.find((text) => ENTRY_FAILED.test(text));
    if (entryError !== undefined) {
      return { problem: `the test entry did not run: ${entryError.split('\n')[0]}` };
    }
    if (nodeHostExitedAt === undefined && NODE_HOST_EXITED.test(workbench.serverOutput())) {
      nodeHostExitedAt = Date.now();
    }
    if (!entryStarted && nodeHostExitedAt !== undefined && Date.now() - nodeHostExitedAt > NODE_HOST_GRACE_MS) {
      return { problem: 'the Node extension host exited and the test entry never reported: did it run there instead of in the web worker?' };
    }
    if (Date.now() > deadline) {
      return { problem: `no results after ${Math.round(timeoutMs / 1000)} s (the test entry ${entryStarted ? 'started' : 'never started'})` };
    }
    await delay(100);
  }
  return { results };
}

export interface BundleOptions {
  /** The test entry (TypeScript or JavaScript) that imports test/web/mochaWorker first, then the suites. */
  entry: string;
  /** Where to write the bundle; a fresh temp file when left out. */
  outfile?: string;
}

/**
 * Bundles a web test entry into one CommonJS file for the worker: `vscode` stays external (the
 * host provides it), `assert` is test/web/assert.ts, and any other Node built-in is an error.
 * Returns the bundle's path.
 */
export async function bundleWebTests(options: BundleOptions): Promise<string> {
  const esbuild = await import('esbuild');
  const outfile = path.resolve(options.outfile ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-web-tests-')), 'tests.js'));
  const assertModule = path.join(PROJECT_ROOT, 'test', 'web', 'assert.ts');
  const result = await esbuild.build({
    entryPoints: [path.resolve(options.entry)],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'silent',
    plugins: [
      {
        name: 'browser-assert',
        setup(build) {
          build.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, () => ({ path: assertModule }));
        },
      },
      {
        // mocha's browser build is a UMD module. Inlined as is, its `module.exports = factory()`
        // would replace the test entry's exports (run) with the mocha instance, whose run() then
        // runs the suites without reporting. Hidden `module`/`exports`/`define` make it take the
        // global branch (`globalThis.mocha`).
        name: 'mocha-global',
        setup(build) {
          build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, async (args) => ({
            contents: `(function (module, exports, define) {\n${await fs.promises.readFile(args.path, 'utf8')}\n}).call(globalThis);\n`,
            loader: 'js',
          }));
        },
      },
    ],
  }).catch((error: unknown) => {
    const errors = (error as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] }).errors ?? [];
    const lines = errors.map(({ text, location }) => (location ? `${location.file}:${location.line}:${location.column}: ${text}` : text));
    throw new Error(`Bundling the web tests (${options.entry}) failed:\n${lines.join('\n') || String(error)}`);
  });
  if (result.errors.length > 0) {
    throw new Error(`Bundling the web tests (${options.entry}) failed: ${result.errors.map((e) => e.text).join('; ')}`);
  }
  return outfile;
}

/**
 * `node out/test/host/webHost.js [<extension folder> <test entry (.ts, or a bundle .js)>]`;
 * without arguments, runs the launcher's own sample (test/fixtures/web-sample).
 */
async function main(): Promise<number> {
  const [extensionArg, entryArg] = process.argv.slice(2);
  const extensionPath = extensionArg ?? path.join(PROJECT_ROOT, 'test', 'fixtures', 'web-sample');
  const entry = entryArg ?? path.join(PROJECT_ROOT, 'test', 'web', 'sample', 'index.ts');
  const bundleStarted = Date.now();
  const bundled = entry.endsWith('.ts');
  const testsBundlePath = bundled ? await bundleWebTests({ entry }) : entry;
  const bundleMs = Date.now() - bundleStarted;
  try {
    const outcome = await runWebTests({ extensionPath, testsBundlePath });
    console.log(outcome.report);
    const skipped = outcome.skipped > 0 ? `, ${outcome.skipped} skipped` : '';
    console.log(`web: ${outcome.passed} passed, ${outcome.failed} failed${skipped} (${bundled ? `bundle ${bundleMs} ms, ` : ''}run ${Math.round(outcome.durationMs / 100) / 10} s)`);
    return outcome.failed > 0 || outcome.passed === 0 ? 1 : 0;
  } finally {
    if (bundled) {
      fs.rmSync(path.dirname(testsBundlePath), { recursive: true, force: true });
    }
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.stack ?? error.message : String(error));
      process.exit(1);
    },
  );
}
