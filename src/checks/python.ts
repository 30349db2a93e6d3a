/**
 * Finds a Python interpreter that can run the checks: one that starts and imports pytest (and, when
 * asked, has some modules). The explicit candidates come first (the extension passes the Python
 * extension's interpreter and the user's setting), then every `python3` and `python` on PATH in PATH
 * order. Pure node: nothing here imports `vscode`.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** Why a candidate was not used. */
export type ProbeFailure = 'not-found' | 'no-pytest' | 'missing-modules' | 'too-old' | 'timeout' | 'failed';

export interface ProbeResult {
  /** The command as given, or the file found on PATH. */
  readonly command: string;
  readonly ok: boolean;
  /** `sys.version`'s first line, when the interpreter ran. */
  readonly version?: string;
  /** `sys.executable`, when the interpreter ran. */
  readonly executable?: string;
  readonly pytestVersion?: string;
  /** Requested modules the interpreter lacks (`pytest` included when it lacks it). */
  readonly missing: readonly string[];
  readonly failure?: ProbeFailure;
  /** A sentence for people: what went wrong with this candidate. */
  readonly reason?: string;
}

export interface FindResult {
  /** The first candidate that works. */
  readonly found?: ProbeResult;
  /** Every candidate probed, in order (the found one last). */
  readonly tried: readonly ProbeResult[];
}

export interface CandidateOptions {
  /** Interpreters to try first, in order: paths or command names. Blank entries are ignored. */
  readonly explicit?: readonly (string | undefined)[];
  /** The PATH to search; defaults to this process's. */
  readonly pathEnv?: string;
  readonly platform?: NodeJS.Platform;
  /** Windows' executable extensions; defaults to this process's PATHEXT. */
  readonly pathExt?: string;
}

export interface ProbeOptions {
  /** Modules that must be importable besides pytest, as import names (`sklearn`, `cv2`). */
  readonly modules?: readonly string[];
  /** Per candidate; the first start of a cold interpreter can take a few seconds. */
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

const DEFAULT_PROBE_TIMEOUT_MS = 15_000;
const MIN_PYTHON = [3, 8];

/**
 * Prints one JSON line. Imports pytest for real (a broken install fails here, not in the run); the
 * other modules are only looked up, so probing for torch costs no import. Python-2-compatible syntax,
 * so an old `python` says it is too old instead of failing to parse.
 */
const PROBE_SCRIPT = [
  'import sys, json',
  'out = {"version": sys.version.split("\\n")[0], "executable": sys.executable, "info": list(sys.version_info[:2]), "missing": []}',
  `if tuple(sys.version_info[:2]) >= (${MIN_PYTHON.join(', ')}):`,
  '    import importlib.util',
  '    try:',
  '        import pytest',
  '        out["pytest"] = pytest.__version__',
  '    except Exception as e:',
  '        out["missing"].append("pytest")',
  '    for name in sys.argv[1:]:',
  '        try:',
  '            found = importlib.util.find_spec(name) is not None',
  '        except Exception:',
  '            found = False',
  '        if not found:',
  '            out["missing"].append(name)',
  'print(json.dumps(out))',
].join('\n');

/**
 * The candidates in order: the explicit ones, then each `python3` and `python` on PATH (python3
 * first within a folder), without two that are the same file.
 */
export function pythonCandidates(options: CandidateOptions = {}): string[] {
  const platform = options.platform ?? process.platform;
  const pathEnv = options.pathEnv ?? process.env.PATH ?? '';
  const windows = platform === 'win32';
  const extensions = windows ? (options.pathExt ?? process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean) : [''];
  const seen = new Set<string>();
  const result: string[] = [];
  const add = (command: string, file: string | undefined) => {
    const key = file === undefined ? `command:${command}` : realPath(file);
    if (seen.has(key)) return;
    seen.add(key);
    result.push(command);
  };
  for (const candidate of options.explicit ?? []) {
    const command = candidate?.trim();
    if (!command) continue;
    // A bare name is looked up on PATH, as spawning it would.
    const file = command.includes('/') || command.includes('\\') ? command : onPath(command, pathEnv, extensions, windows);
    add(command, file !== undefined && isFile(file) ? file : undefined);
  }
  for (const folder of pathEnv.split(windows ? ';' : ':')) {
    if (folder === '') continue;
    for (const name of ['python3', 'python']) {
      for (const extension of extensions) {
        const file = path.join(folder, name + extension);
        if (isFile(file)) add(file, file);
      }
    }
  }
  return result;
}

function onPath(command: string, pathEnv: string, extensions: readonly string[], windows: boolean): string | undefined {
  for (const folder of pathEnv.split(windows ? ';' : ':')) {
    if (folder === '') continue;
    for (const extension of extensions) {
      const file = path.join(folder, command + extension);
      if (isFile(file)) return file;
    }
  }
  return undefined;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** Starts `command` once and reports whether it has pytest and the modules. */
export function probePython(command: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const modules = options.modules ?? [];
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (result: Omit<ProbeResult, 'command'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ command, ...result });
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, ['-c', PROBE_SCRIPT, ...modules], { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    } catch (error) {
      resolve({ command, ok: false, missing: [], failure: 'not-found', reason: `could not be started: ${(error as Error).message}` });
      return;
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ ok: false, missing: [], failure: 'timeout', reason: `did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}` });
    }, timeoutMs);
    // Bounded: the probe prints one short line; anything longer is noise from a wrapper.
    child.stdout?.on('data', (chunk: Buffer) => {
      if (stdout.length < 65_536) stdout += chunk.toString('utf8');
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 65_536) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      const notFound = error.code === 'ENOENT' || error.code === 'EACCES';
      finish({ ok: false, missing: [], failure: notFound ? 'not-found' : 'failed', reason: notFound ? 'was not found' : `could not be started: ${error.message}` });
    });
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.trim().startsWith('{'));
      let parsed: { version?: unknown; executable?: unknown; info?: unknown; pytest?: unknown; missing?: unknown } | undefined;
      try {
        parsed = line ? (JSON.parse(line) as typeof parsed) : undefined;
      } catch {
        parsed = undefined;
      }
      if (code !== 0 || !parsed) {
        const last = stderr.trim().split('\n').pop()?.trim();
        finish({ ok: false, missing: [], failure: 'failed', reason: `exited with code ${code ?? 'none'}${last ? `: ${last}` : ''}` });
        return;
      }
      const version = typeof parsed.version === 'string' ? parsed.version : undefined;
      const executable = typeof parsed.executable === 'string' ? parsed.executable : undefined;
      const info = Array.isArray(parsed.info) ? parsed.info.map(Number) : [];
      const described = { ...(version ? { version } : {}), ...(executable ? { executable } : {}) };
      if (info.length < 2 || info[0] < MIN_PYTHON[0] || (info[0] === MIN_PYTHON[0] && info[1] < MIN_PYTHON[1])) {
        finish({ ...described, ok: false, missing: [], failure: 'too-old', reason: `is Python ${info.join('.') || '?'}; the checks need Python ${MIN_PYTHON.join('.')} or newer` });
        return;
      }
      const missing = Array.isArray(parsed.missing) ? parsed.missing.filter((m): m is string => typeof m === 'string') : [];
      const pytestVersion = typeof parsed.pytest === 'string' ? parsed.pytest : undefined;
      const withPytest = { ...described, ...(pytestVersion ? { pytestVersion } : {}), missing };
      if (missing.includes('pytest')) finish({ ...withPytest, ok: false, failure: 'no-pytest', reason: 'has no pytest' });
      else if (missing.length > 0) finish({ ...withPytest, ok: false, failure: 'missing-modules', reason: `lacks ${missing.join(', ')}` });
      else finish({ ...withPytest, ok: true });
    });
  });
}

/** Probes the candidates in order and returns the first that works, with what was tried. */
export async function findPython(candidates: CandidateOptions = {}, probe: ProbeOptions = {}): Promise<FindResult> {
  const tried: ProbeResult[] = [];
  for (const command of pythonCandidates(candidates)) {
    const result = await probePython(command, probe);
    tried.push(result);
    if (result.ok) return { found: result, tried };
  }
  return { tried };
}

/** One line per candidate tried, for a message or a log: `/usr/bin/python3: has no pytest`. */
export function describeTried(tried: readonly ProbeResult[]): string {
  if (tried.length === 0) return 'no python3 or python was found on PATH';
  return tried.map((t) => `${t.command}${t.version ? ` (Python ${t.version.split(' ')[0]})` : ''}: ${t.ok ? 'works' : t.reason}`).join('\n');
}

/** pip names whose import name differs. */
const IMPORT_NAMES: Record<string, string> = {
  'scikit-learn': 'sklearn',
  'opencv-python': 'cv2',
  'opencv-python-headless': 'cv2',
  'opencv-contrib-python': 'cv2',
  pillow: 'PIL',
  pyyaml: 'yaml',
  beautifulsoup4: 'bs4',
  'python-dateutil': 'dateutil',
  'python-multipart': 'multipart',
};

/**
 * The import names of a requirements.txt's packages (`scikit-learn==1.5.2` → `sklearn`), in order,
 * without duplicates; options (`-r`, `--index-url`), URLs and comments are left out.
 */
export function requirementModules(text: string): string[] {
  const modules: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '' || line.startsWith('-') || line.includes('://')) continue;
    const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(line)?.[0];
    if (!name) continue;
    const key = name.toLowerCase().replace(/[._]/g, '-');
    const module = IMPORT_NAMES[key] ?? key.replace(/-/g, '_');
    if (!modules.includes(module)) modules.push(module);
  }
  return modules;
}
