import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** code-server 4.100.3 = VS Code 1.100.3; later releases need node 22 or newer. */
export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM_PATH = '/usr/bin/chromium';

// Where code-server's nested @vscode/ripgrep postinstall looks before it tries to download.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const MARKER = '.installed';

/** `$MLR_CACHE_DIR`, else `${XDG_CACHE_HOME:-~/.cache}/ml-roadmaps`; never inside the project. */
export function cacheRoot(): string {
  if (process.env.MLR_CACHE_DIR) {
    return path.resolve(process.env.MLR_CACHE_DIR);
  }
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'ml-roadmaps');
}

export function codeServerDir(): string {
  return path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

function entryScript(dir: string): string {
  return path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** The absolute path of an executable on PATH, or undefined. */
function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

export function findChromium(): string {
  const exe = process.env.MLR_CHROMIUM || CHROMIUM_PATH;
  if (!fs.existsSync(exe)) {
    throw new Error(`Chromium not found at ${exe}: install it with \`apt-get install -y chromium\` (or set MLR_CHROMIUM).`);
  }
  return exe;
}

/**
 * Installs code-server on first use and returns the script to run with node
 * (`node <script> --auth none ...`). Later calls only check the marker file.
 */
export async function ensureCodeServer(): Promise<string> {
  const dir = codeServerDir();
  const script = entryScript(dir);
  const installed = (): boolean => fs.existsSync(path.join(dir, MARKER)) && fs.existsSync(script);
  if (installed()) {
    return script;
  }
  const lock = `${dir}.lock`;
  for (let waited = 0; !takeLock(lock); waited++) {
    if (waited === 0) {
      console.log(`code-server ${CODE_SERVER_VERSION}: another process is installing it; waiting...`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  try {
    return installed() ? script : await install(dir, script);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** mkdir is atomic: whoever creates the folder installs. A lock whose process is gone is stale. */
function takeLock(lock: string): boolean {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  try {
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
    return true;
  } catch {
    if (!lockHolderAlive(lock)) {
      fs.rmSync(lock, { recursive: true, force: true });
    }
    return false;
  }
}

function lockHolderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    // No pid yet: the holder is between mkdir and writing it, unless that was long ago.
    try {
      return Date.now() - fs.statSync(lock).mtimeMs < 60_000;
    } catch {
      return true; // the lock is gone; the next try takes it
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function install(dir: string, script: string): Promise<string> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} installs only under node 20 (this is node ${process.versions.node}).`);
  }
  const tmp = os.tmpdir();
  placeRipgrepArchive(tmp);

  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, name: 'mlr-code-server' }, null, 2));
  const log = path.join(dir, 'install.log');
  const started = Date.now();
  console.log(`code-server ${CODE_SERVER_VERSION}: installing into ${dir} (first run only, about a minute)...`);

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=warn', `code-server@${CODE_SERVER_VERSION}`];
  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true', // its postinstall refuses to run as root otherwise
    npm_config_yes: 'true', // a nested `npx node-gyp` would wait at a prompt
  };
  const code = await new Promise<number>((resolve, reject) => {
    const out = fs.openSync(log, 'w');
    const child = spawn(npm, args, { cwd: dir, env, stdio: ['ignore', out, out] });
    child.on('error', reject);
    child.on('exit', (exitCode, signal) => {
      fs.closeSync(out);
      resolve(exitCode ?? (signal ? 128 : 1));
    });
  });
  if (code !== 0 || !fs.existsSync(script)) {
    const tail = fs.readFileSync(log, 'utf8').split('\n').slice(-40).join('\n');
    const hint = /krb5|gssapi/i.test(tail) ? '\nHint: the kerberos module needs `apt-get install -y libkrb5-dev`.' : '';
    throw new Error(`Installing code-server ${CODE_SERVER_VERSION} failed (npm exit ${code}); full log: ${log}\n${tail}${hint}`);
  }
  fs.writeFileSync(path.join(dir, MARKER), `${CODE_SERVER_VERSION}\n`);
  console.log(`code-server ${CODE_SERVER_VERSION}: installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return script;
}

/** Puts Debian's `rg` where @vscode/ripgrep's postinstall finds it, so it does not try GitHub. */
function placeRipgrepArchive(tmp: string): void {
  const archive = path.join(tmp, RIPGREP_CACHE, RIPGREP_ARCHIVE);
  if (fs.existsSync(archive)) {
    return;
  }
  const rg = which('rg');
  if (!rg) {
    throw new Error('ripgrep (`rg`) is not on PATH: install it with `apt-get install -y ripgrep`; code-server cannot be installed offline without it.');
  }
  const staging = fs.mkdtempSync(path.join(tmp, 'mlr-rg-'));
  try {
    fs.copyFileSync(fs.realpathSync(rg), path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    fs.mkdirSync(path.dirname(archive), { recursive: true });
    execFileSync('tar', ['-czf', archive, '-C', staging, 'rg']);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
