import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { ensureCodeServer, findChromium } from './codeServer';

// out/test/host/workbench.js -> the project root.
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/** `$MLR_EXTENSION_PATH` (another extension, e.g. a throwaway one), else this project. */
export function defaultExtensionPath(): string {
  return path.resolve(process.env.MLR_EXTENSION_PATH ?? PROJECT_ROOT);
}

export interface WorkbenchOptions {
  /** Absolute path of the extension under development (the folder with its package.json). */
  extensionDevelopmentPath: string;
  /** Absolute path of the compiled test entry; leave out to use the extension as a person would. */
  extensionTestsPath?: string;
  /** Folder to open; a fresh temp folder (removed by stop()) when left out. */
  workspaceFolder?: string;
  /** Written to <user-data-dir>/User/settings.json. */
  userSettings?: Record<string, unknown>;
  /** A folder kept between runs (user state, global storage); a fresh temp one when left out. */
  userDataDir?: string;
  extensionsDir?: string;
  /** Preferred port; a free one is taken when it is busy or left out. */
  port?: number;
  /** Added to code-server's environment, which the extension host inherits. */
  env?: Record<string, string>;
  workspaceTrust?: boolean;
  /** Launch headless Chromium and open the workbench in it. */
  browser?: boolean;
  viewport?: { width: number; height: number };
}

export interface Workbench {
  url: string;
  port: number;
  workspaceFolder: string;
  userDataDir: string;
  page?: Page;
  browser?: Browser;
  /** Resolves with code-server's exit code when it exits for any reason. */
  exited: Promise<number | null>;
  /** code-server's stdout and stderr so far (the last 200 kB). */
  serverOutput(): string;
  /** Errors logged in the browser console so far, network noise left out. */
  consoleErrors: string[];
  /**
   * For a report: `[error]` lines of the server's and extension host's logs, the browser
   * console errors except those matching `ignore`, and code-server's output if asked.
   */
  diagnostics(options?: { serverOutput?: boolean; ignore?: RegExp }): string;
  stop(): Promise<void>;
}

export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// The workbench tries open-vsx.org, the update service and others; offline these fail harmlessly.
const NETWORK_NOISE =
  /ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|CONNECTION_REFUSED|NETWORK_CHANGED|ADDRESS_UNREACHABLE|TIMED_OUT)|Failed to fetch|Failed to load resource|open-vsx|marketplace|gallery|vscode-unpkg|vscode-cdn|update\.code|NetworkError|getaddrinfo|ENOTFOUND|EAI_AGAIN/i;

const OUTPUT_LIMIT = 200_000;

export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const script = await ensureCodeServer();
  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-workbench-'));
  const userDataDir = options.userDataDir ?? path.join(tempRoot, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(tempRoot, 'extensions');
  const workspaceFolder = options.workspaceFolder ?? path.join(tempRoot, 'workspace');
  for (const dir of [userDataDir, extensionsDir, workspaceFolder]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  if (options.userSettings) {
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(options.userSettings, null, 2));
  }

  const port = await pickPort(options.port);
  const args = [
    script,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    // Otherwise it writes ~/.config/code-server/config.yaml.
    '--config', path.join(tempRoot, 'config.yaml'),
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    workspaceFolder,
  ];
  // Its own process group, so that stop() reaches the extension host and file watchers too.
  const child = spawn(process.execPath, args, {
    env: serverEnv(options.env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null)));
    child.on('error', () => resolve(null));
  });

  const consoleErrors: string[] = [];
  // Launched while code-server starts; both take about a second.
  const launching = options.browser ? launchBrowser(path.join(tempRoot, 'chromium')) : undefined;
  launching?.catch(() => undefined); // its error is reported where it is awaited
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await launching?.then((browser) => browser.close()).catch(() => undefined);
      await killGroup(child, exited);
      fs.rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
      release();
    })());
  const release = cleanUpOnExit({ pid: child.pid, dir: tempRoot });

  const diagnostics: Workbench['diagnostics'] = ({ serverOutput = false, ignore } = {}) =>
    [
      section('extension host and server log errors', logErrors(userDataDir)),
      section('browser console errors', consoleErrors.filter((text) => !ignore?.test(text)).join('\n')),
      serverOutput ? section('code-server output', output) : '',
    ].join('');

  try {
    await waitUntilListening(port, exited, () => output);
    const url = workbenchUrl(port, workspaceFolder, options.extensionDevelopmentPath, options.extensionTestsPath);
    const browser = await launching;
    let page: Page | undefined;
    if (browser) {
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
      page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error' && !NETWORK_NOISE.test(message.text())) {
          // The workbench's logger styles its messages with `%c` and a CSS colour.
          consoleErrors.push(message.text().replace(/%c\s*|\s*color: #[0-9a-f]{3}\b/gi, '').trim());
        }
      });
      page.on('pageerror', (error) => {
        if (!NETWORK_NOISE.test(error.message)) {
          consoleErrors.push(error.stack ?? error.message);
        }
      });
      await page.goto(url, { timeout: 60_000 });
    }
    return {
      url,
      port,
      page,
      browser,
      workspaceFolder,
      userDataDir,
      exited,
      serverOutput: () => output,
      consoleErrors,
      diagnostics,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function launchBrowser(home: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  fs.mkdirSync(path.join(home, 'tmp'), { recursive: true });
  return chromium.launch({
    executablePath: findChromium(),
    args: BROWSER_ARGS,
    headless: true,
    // Debian's crash reporter writes under ~/.config/chromium, and a killed browser leaves
    // /tmp/org.chromium.Chromium.* behind: both go to a folder that stop() or exit removes.
    env: { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), TMPDIR: path.join(home, 'tmp') },
    // stop() and cleanUpOnExit() own shutdown; playwright still kills the browser on exit.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/**
 * `?folder=` opens the workspace; `payload` carries the development and test paths as
 * vscode-remote URIs whose authority is this server as the browser addresses it.
 */
export function workbenchUrl(port: number, folder: string, extensionPath: string, testsPath?: string): string {
  const authority = `127.0.0.1:${port}`;
  const remote = (file: string): string => `vscode-remote://${authority}${encodeURIComponent(file).replace(/%2F/g, '/')}`;
  const payload: [string, string][] = [['extensionDevelopmentPath', remote(extensionPath)]];
  if (testsPath) {
    payload.push(['extensionTestsPath', remote(testsPath)]);
  }
  const folderParam = encodeURIComponent(folder).replace(/%2F/g, '/');
  return `http://${authority}/?folder=${folderParam}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function serverEnv(additions: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Inside a VS Code terminal these make code-server act as a CLI for that window instead of serving.
  for (const name of Object.keys(env)) {
    if (name.startsWith('VSCODE_') || name === 'ELECTRON_RUN_AS_NODE') {
      delete env[name];
    }
  }
  return { ...env, ...additions };
}

async function pickPort(preferred?: number): Promise<number> {
  if (preferred && (await canListen(preferred))) {
    return preferred;
  }
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function waitUntilListening(port: number, exited: Promise<number | null>, output: () => string): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`code-server exited (code ${exitCode}) before listening:\n${output()}`);
    }
    if (await healthy(port)) {
      return;
    }
    await delay(150);
  }
  throw new Error(`code-server did not listen on 127.0.0.1:${port} within 60 s:\n${output()}`);
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });
}

async function killGroup(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.pid === undefined) {
    return;
  }
  signalGroup(child.pid, 'SIGTERM');
  await Promise.race([exited, delay(3000)]);
  // The leader may be gone while its children (extension host, watchers) linger in the group.
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone
  }
}

/** What a process that exits without stop() must still kill (a process group) and remove (a folder). */
export interface Leftovers {
  pid?: number;
  dir?: string;
}

const leftoversOnExit = new Set<Leftovers>();
let handlersInstalled = false;

/**
 * On exit, SIGINT, SIGTERM or SIGHUP, kills the given process group and removes the folder,
 * synchronously, so nothing outlives this node process (Playwright kills its browser itself).
 * Returns the function to call once they were cleaned up by hand.
 */
export function cleanUpOnExit(leftovers: Leftovers): () => void {
  leftoversOnExit.add(leftovers);
  installExitHandlers();
  return () => leftoversOnExit.delete(leftovers);
}

function installExitHandlers(): void {
  if (handlersInstalled) {
    return;
  }
  handlersInstalled = true;
  process.on('exit', () => {
    for (const { pid, dir } of leftoversOnExit) {
      if (pid !== undefined) {
        signalGroup(pid, 'SIGKILL');
      }
      if (dir !== undefined) {
        fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      }
    }
  });
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => process.exit(code));
  }
}

function logErrors(userDataDir: string): string {
  const lines: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name.endsWith('.log')) {
        const errors = fs
          .readFileSync(full, 'utf8')
          .split('\n')
          .filter((line) => /\[error\]/.test(line) && !NETWORK_NOISE.test(line));
        if (errors.length > 0) {
          lines.push(`${path.relative(userDataDir, full)}:`, ...errors);
        }
      }
    }
  };
  const logs = path.join(userDataDir, 'logs');
  if (fs.existsSync(logs)) {
    walk(logs);
  }
  return lines.join('\n');
}

function section(title: string, body: string): string {
  return body.trim() ? `--- ${title} ---\n${body.trim()}\n` : '';
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
