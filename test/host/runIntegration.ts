import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { firstRunFile, type IntegrationResults } from '../integration/index';
import { CODE_SERVER_VERSION } from './codeServer';
import { startPageDriver } from './pageDriver';
import { cleanUpOnExit, defaultExtensionPath, delay, PROJECT_ROOT, startWorkbench, Workbench } from './workbench';

export type TestHost = 'desktop' | 'server' | 'auto';

export interface IntegrationOptions {
  /** Default: `$MLR_EXTENSION_PATH`, else the project root. */
  extensionDevelopmentPath?: string;
  /** Default: `$MLR_TESTS_PATH`, else `<extension>/out/test/integration/index.js`. */
  extensionTestsPath?: string;
  /** Default: `$MLR_TEST_HOST`, else auto. */
  host?: TestHost;
  /** How long to wait for the results file; default `$MLR_TEST_TIMEOUT_MS`, else 10 minutes. */
  timeoutMs?: number;
  /** More environment for the extension host. */
  env?: Record<string, string>;
  /** Run the `*.restricted.test.js` suites, in a workspace that is not trusted. */
  restricted?: boolean;
  log?: (line: string) => void;
}

export interface IntegrationOutcome {
  passed: number;
  failed: number;
  skipped: number;
  report: string;
  /** One line per failure (`title: first line of the error`), for the summary at the end of a run. */
  failures: string[];
}

// After the tests the extension host exits; results written just before must show up by then.
const RESULTS_GRACE_MS = 3_000;
// While the window reloads, the next extension host starts within seconds; a busy machine gets more.
const RELOAD_GRACE_MS = 60_000;

export async function runIntegrationTests(options: IntegrationOptions = {}): Promise<IntegrationOutcome> {
  const log = options.log ?? ((line: string) => console.log(line));
  const extensionDevelopmentPath = path.resolve(options.extensionDevelopmentPath ?? defaultExtensionPath());
  const extensionTestsPath = path.resolve(
    options.extensionTestsPath ??
      process.env.MLR_TESTS_PATH ??
      path.join(extensionDevelopmentPath, 'out', 'test', 'integration', 'index.js'),
  );
  if (!fs.existsSync(extensionTestsPath)) {
    throw new Error(`No test entry at ${extensionTestsPath}: compile first (npx tsc -p .).`);
  }
  const host = options.host ?? parseHost(process.env.MLR_TEST_HOST);
  const timeoutMs = options.timeoutMs ?? (Number(process.env.MLR_TEST_TIMEOUT_MS) || 10 * 60_000);

  // Tests write into the workspace; the results file stays outside it.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-integration-'));
  const release = cleanUpOnExit({ dir: scratch });
  const workspaceFolder = path.join(scratch, 'workspace');
  fs.mkdirSync(workspaceFolder);
  const resultsFile = path.join(scratch, 'results.json');
  const env = { ...options.env, MLR_TEST_RESULTS: resultsFile, MLR_TEST_WORKSPACE: workspaceFolder, ...(options.restricted ? { MLR_RESTRICTED_MODE: '1' } : {}) };
  const paths = { extensionDevelopmentPath, extensionTestsPath, workspaceFolder, resultsFile, env, workspaceTrust: options.restricted === true };

  try {
    const desktop = host === 'server' ? { reason: 'MLR_TEST_HOST=server' } : await findDesktopVSCode(host === 'desktop');
    if ('executable' in desktop) {
      log(`integration host: desktop VS Code (${desktop.executable})`);
      return await runOnDesktop(desktop.executable, paths);
    }
    log(`integration host: VS Code Server (code-server ${CODE_SERVER_VERSION}) in headless Chromium; no desktop VS Code: ${desktop.reason}`);
    return await runOnServer(paths, timeoutMs);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
    release();
  }
}

interface RunPaths {
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  workspaceFolder: string;
  resultsFile: string;
  env: Record<string, string>;
  /** Workspace Trust on, so the fresh workspace folder opens in Restricted Mode. */
  workspaceTrust: boolean;
}

function parseHost(value: string | undefined): TestHost {
  if (!value || value === 'auto') {
    return 'auto';
  }
  if (value === 'desktop' || value === 'server') {
    return value;
  }
  throw new Error(`MLR_TEST_HOST must be desktop, server or auto, not "${value}".`);
}

/** A desktop VS Code build (cached in .vscode-test or downloaded), or why there is none. */
async function findDesktopVSCode(required: boolean): Promise<{ executable: string } | { reason: string }> {
  if (!required && process.platform === 'linux' && !process.env.DISPLAY) {
    return { reason: 'no $DISPLAY (run under xvfb-run or set MLR_TEST_HOST=desktop)' };
  }
  const { downloadAndUnzipVSCode, SilentReporter } = await import('@vscode/test-electron');
  try {
    const executable = await downloadAndUnzipVSCode({
      version: process.env.MLR_VSCODE_VERSION || 'stable',
      cachePath: path.join(PROJECT_ROOT, '.vscode-test'),
      // An idle timeout: offline it fails fast, a slow but live download goes on.
      timeout: 15_000,
      ...(required ? {} : { reporter: new SilentReporter() }),
    });
    return { executable };
  } catch (error) {
    if (required) {
      throw new Error(`MLR_TEST_HOST=desktop, but no desktop VS Code could be had: ${firstLine(error)}`, { cause: error });
    }
    return { reason: firstLine(error) };
  }
}

async function runOnDesktop(executable: string, paths: RunPaths): Promise<IntegrationOutcome> {
  const { runTests } = await import('@vscode/test-electron');
  let problem: string | undefined;
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: paths.extensionDevelopmentPath,
      extensionTestsPath: paths.extensionTestsPath,
      extensionTestsEnv: paths.env,
      launchArgs: [paths.workspaceFolder, '--disable-extensions'],
    });
  } catch (error) {
    // A failing test makes VS Code exit non-zero too; that alone is not a problem of the host.
    problem = fs.existsSync(paths.resultsFile) ? undefined : firstLine(error);
  }
  return outcome(paths.resultsFile, problem, '');
}

async function runOnServer(paths: RunPaths, timeoutMs: number): Promise<IntegrationOutcome> {
  const driver = await startPageDriver();
  const workbench = await startWorkbench({
    extensionDevelopmentPath: paths.extensionDevelopmentPath,
    extensionTestsPath: paths.extensionTestsPath,
    workspaceFolder: paths.workspaceFolder,
    env: { ...paths.env, MLR_PAGE_DRIVER: driver.url },
    workspaceTrust: paths.workspaceTrust,
    browser: true,
  });
  if (workbench.page) driver.attach(workbench.page);
  try {
    const problem = await waitForResults(paths.resultsFile, workbench, timeoutMs);
    const diagnostics = workbench.diagnostics({ serverOutput: problem !== undefined, ignore: OWN_REJECTION });
    return outcome(paths.resultsFile, problem, diagnostics);
  } finally {
    await workbench.stop();
    await driver.close();
  }
}

/** Undefined once the results file exists, else what went wrong first. */
async function waitForResults(file: string, workbench: Workbench, timeoutMs: number): Promise<string | undefined> {
  let serverExit: number | null | undefined;
  void workbench.exited.then((code) => (serverExit = code));
  let pageGone = false;
  workbench.page?.on('close', () => (pageGone = true));
  workbench.page?.on('crash', () => (pageGone = true));

  const deadline = Date.now() + timeoutMs;
  let hostExitedAt: number | undefined;
  while (!fs.existsSync(file)) {
    if (serverExit !== undefined) {
      return `code-server exited (code ${serverExit}) before the tests wrote their results`;
    }
    if (pageGone) {
      return 'the workbench page closed or crashed before the tests wrote their results';
    }
    // A window reload (see test/integration/index.ts) ends one extension host and launches the next.
    const output = workbench.serverOutput();
    const running = count(output, /Launched Extension Host Process/g) > count(output, /Extension Host Process exited/g);
    if (running) hostExitedAt = undefined;
    else if (hostExitedAt === undefined && /Extension Host Process exited/.test(output)) hostExitedAt = Date.now();
    const grace = fs.existsSync(firstRunFile(file)) ? RELOAD_GRACE_MS : RESULTS_GRACE_MS;
    if (hostExitedAt !== undefined && Date.now() - hostExitedAt > grace) {
      return 'the extension host exited without writing results (did the test entry load?)';
    }
    if (Date.now() > deadline) {
      return `no results after ${Math.round(timeoutMs / 1000)} s`;
    }
    await delay(200);
  }
  return undefined;
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

// Our own entry rejects after failures so that desktop runs exit non-zero; that is no news here.
const OWN_REJECTION = /integration test\(s\) failed/;

function outcome(resultsFile: string, problem: string | undefined, diagnostics: string): IntegrationOutcome {
  if (problem !== undefined || !fs.existsSync(resultsFile)) {
    const reason = problem ?? 'the tests wrote no results';
    return { passed: 0, failed: 1, skipped: 0, report: `integration run failed: ${reason}\n${diagnostics}`, failures: [`integration run: ${firstLine(reason)}`] };
  }
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as IntegrationResults;
  let report = formatResults(results);
  if (results.failed > 0 && diagnostics) {
    report += `\n${diagnostics}`;
  }
  return { passed: results.passed, failed: results.failed, skipped: results.pending, report, failures: failureLines(results) };
}

export function formatResults(results: IntegrationResults): string {
  const mark = { passed: '✓', failed: '✗', pending: '-' } as const;
  const lines = results.tests.map(
    (test) => `  ${mark[test.state]} ${test.title}${test.state === 'passed' ? ` (${test.durationMs} ms)` : ''}`,
  );
  if (results.tests.length === 0) {
    lines.push('  (no integration tests found)');
  }
  results.failures.forEach((failure, index) => {
    const stack = failure.stack.includes(failure.message) ? failure.stack : `${failure.message}\n${failure.stack}`;
    lines.push('', `${index + 1}) ${failure.title}`, indent(stack.trim() || failure.message, '   '));
  });
  return lines.join('\n');
}

/** Each failure as one line: where the summary of a long run can name it. */
export function failureLines(results: IntegrationResults): string[] {
  return results.failures.map((failure) => `${failure.title}: ${firstLine(failure.message)}`);
}

// Frames of node's module loader and of VS Code's extension host say nothing about a test.
const HOST_FRAME = /^\s*at .*(node:internal\/|extensionHostProcess\.js)/;

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .filter((line) => !HOST_FRAME.test(line))
    .map((line) => prefix + line.replace(/^\t/, '  '))
    .join('\n');
}

/** The first line of an error's message, for one-line reports. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

if (require.main === module) {
  runIntegrationTests().then(
    (result) => {
      console.log(result.report);
      const skipped = result.skipped > 0 ? `, ${result.skipped} skipped` : '';
      console.log(`integration: ${result.passed} passed, ${result.failed} failed${skipped}`);
      process.exit(result.failed > 0 ? 1 : 0);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.stack ?? error.message : String(error));
      process.exit(1);
    },
  );
}
