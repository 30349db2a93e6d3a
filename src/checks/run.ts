/**
 * Runs pytest on some node ids in a project folder and reads the results from its JUnit report.
 * Spawned without a shell, with a timeout, a cancel signal and a cap on the output kept. Pure node:
 * nothing here imports `vscode`.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Outcome, parseJunit, TestResult } from './junit';

export interface RunOptions {
  /** The interpreter, as `findPython` found it. */
  readonly python: string;
  /** The project folder: pytest's root, where its pytest.ini is. */
  readonly cwd: string;
  /** Node ids relative to `cwd`; empty runs pytest's default selection (`testpaths`). */
  readonly nodeids: readonly string[];
  /** The whole environment of the process (the caller decides: the terminal's, say). */
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Bytes of output kept (half from the start, half from the end); default 1 MB. */
  readonly maxOutputBytes?: number;
}

export type RunStatus = 'completed' | 'timeout' | 'cancelled' | 'not-started';

export interface RunResult {
  readonly status: RunStatus;
  /** pytest's exit code: 0 all passed, 1 some failed, 2 interrupted, 4 usage error, 5 nothing collected. */
  readonly exitCode: number | null;
  /**
   * With node ids: one result per node id asked for, in that order (a parametrized test's cases
   * folded into one, the worst outcome first). Without: every test pytest reported.
   */
  readonly results: readonly TestResult[];
  /** stdout and stderr interleaved, capped. */
  readonly output: string;
  readonly truncated: boolean;
  readonly durationMs: number;
  /** Why the run gave no usable report (not started, timed out, cancelled, unreadable report). */
  readonly error?: string;
}

const DEFAULT_MAX_OUTPUT = 1024 * 1024;
/** How long to wait for the pipes to close after a kill. */
const KILL_GRACE_MS = 3000;

/** The arguments after the interpreter. xunit1 makes pytest write each test's file and line. */
export function pytestArgs(nodeids: readonly string[], junitPath: string): string[] {
  return ['-m', 'pytest', '-p', 'no:cacheprovider', '-o', 'junit_family=xunit1', `--junitxml=${junitPath}`, '-q', ...nodeids];
}

export async function runPytest(options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const bad = options.nodeids.find((id) => id.startsWith('-') || id.trim() === '');
  if (bad !== undefined) return notStarted(options, started, `"${bad}" is not a node id`);
  if (options.signal?.aborted) return { ...notStarted(options, started, 'cancelled before it started'), status: 'cancelled' };

  let tmp: string;
  try {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-roadmaps-checks-'));
  } catch (error) {
    return notStarted(options, started, `could not make a temporary folder: ${(error as Error).message}`);
  }
  const junitPath = path.join(tmp, 'junit.xml');
  try {
    const run = await spawnCapped(options, pytestArgs(options.nodeids, junitPath));
    const durationMs = Date.now() - started;
    const common = { exitCode: run.exitCode, output: run.output, truncated: run.truncated, durationMs };
    if (run.status !== 'completed') {
      return { ...common, status: run.status, results: missingResults(options.nodeids, run.error ?? run.status), ...(run.error ? { error: run.error } : {}) };
    }
    let xml: string | undefined;
    try {
      xml = fs.readFileSync(junitPath, 'utf8');
    } catch {
      xml = undefined;
    }
    if (xml === undefined) {
      const error = `pytest wrote no report (exit code ${run.exitCode ?? 'none'})${lastMeaningfulLine(run.output)}`;
      return { ...common, status: 'completed', results: missingResults(options.nodeids, error), error };
    }
    const parsed = parseJunit(xml, { nodeids: options.nodeids });
    if (parsed.error) return { ...common, status: 'completed', results: missingResults(options.nodeids, parsed.error), error: parsed.error };
    if (options.nodeids.length === 0) return { ...common, status: 'completed', results: parsed.results };
    const results = options.nodeids.map((id) => resultFor(id, parsed.results, run.exitCode, run.output));
    // pytest refuses the whole run (exit code 4) when one node id is missing or its file cannot be
    // imported. Run the others once more, so one broken check does not hide the rest.
    const unrunnable = run.exitCode === 4 ? unrunnableIds(options.nodeids, parsed.results, run.output) : new Set<string>();
    const others = options.nodeids.filter((id) => !unrunnable.has(id));
    if (unrunnable.size === 0 || others.length === 0) return { ...common, status: 'completed', results };
    const elapsed = Date.now() - started;
    const again = await runPytest({ ...options, nodeids: others, timeoutMs: Math.max(1, options.timeoutMs - elapsed) });
    const byId = new Map(again.results.map((r) => [r.nodeid, r] as const));
    return {
      ...again,
      results: results.map((r) => byId.get(r.nodeid) ?? r),
      output: `${run.output}\n${again.output}`,
      truncated: run.truncated || again.truncated,
      durationMs: Date.now() - started,
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The node ids pytest could not run: their file failed to import, or pytest said it found no such test. */
function unrunnableIds(nodeids: readonly string[], results: readonly TestResult[], output: string): Set<string> {
  const broken = new Set(results.filter((r) => r.outcome === 'error' && !r.nodeid.includes('::')).map((r) => r.nodeid));
  // "ERROR: not found: /abs/project/checks/test_x.py::test_y" and "ERROR: found no collectors for …".
  const named = output.split('\n').filter((l) => /^ERROR: (not found|found no collectors for)/.test(l.trim())).map((l) => l.trim().replace(/\\/g, '/'));
  return new Set(nodeids.filter((id) => broken.has(id.split('::')[0]) || named.some((l) => l.endsWith(`/${id}`) || l.endsWith(` ${id}`))));
}

function notStarted(options: RunOptions, started: number, error: string): RunResult {
  return { status: 'not-started', exitCode: null, results: missingResults(options.nodeids, error), output: '', truncated: false, durationMs: Date.now() - started, error };
}

function missingResults(nodeids: readonly string[], why: string): TestResult[] {
  return nodeids.map((nodeid) => ({ nodeid, outcome: 'error', message: why, details: why, duration: 0 }));
}

const SEVERITY: Record<Outcome, number> = { passed: 0, skipped: 1, error: 2, failed: 3 };

/**
 * The result for one node id asked for: its own, or its cases folded (a parametrized test, a class,
 * a file), or the collection error of its file, or an error that says pytest reported nothing.
 */
function resultFor(nodeid: string, results: readonly TestResult[], exitCode: number | null, output: string): TestResult {
  const exact = results.find((r) => r.nodeid === nodeid);
  if (exact) return exact;
  const inside = results.filter((r) => r.nodeid.startsWith(`${nodeid}[`) || r.nodeid.startsWith(`${nodeid}::`));
  if (inside.length > 0) {
    const worst = inside.reduce((a, b) => (SEVERITY[b.outcome] > SEVERITY[a.outcome] ? b : a));
    return { ...worst, nodeid, duration: inside.reduce((sum, r) => sum + r.duration, 0) };
  }
  const file = nodeid.split('::')[0];
  const collection = results.find((r) => r.nodeid === file && r.outcome === 'error');
  if (collection) return { ...collection, nodeid };
  const notFound = output.split('\n').some((l) => /^ERROR: (not found|found no collectors for)/.test(l.trim()) && l.trim().replace(/\\/g, '/').endsWith(`/${nodeid}`));
  const why = notFound
    ? `pytest found no test ${nodeid}: the file or the test is missing or renamed`
    : exitCode === 5
      ? 'pytest collected no test'
      : `pytest reported no result for it (exit code ${exitCode ?? 'none'})${lastMeaningfulLine(output)}`;
  return { nodeid, outcome: 'error', message: why, details: output.slice(-4000), ...(file.endsWith('.py') ? { file } : {}), duration: 0 };
}

/** `: <the last ERROR line or last non-empty line of the output>`, or nothing. */
function lastMeaningfulLine(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = [...lines].reverse().find((l) => l.startsWith('ERROR')) ?? lines[lines.length - 1];
  return line ? `: ${line.slice(0, 300)}` : '';
}

interface SpawnResult {
  status: 'completed' | 'timeout' | 'cancelled' | 'not-started';
  exitCode: number | null;
  output: string;
  truncated: boolean;
  error?: string;
}

function spawnCapped(options: RunOptions, args: readonly string[]): Promise<SpawnResult> {
  const output = new CappedOutput(options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT);
  return new Promise((resolve) => {
    let settled = false;
    let status: SpawnResult['status'] = 'completed';
    let error: string | undefined;
    // Its own process group on POSIX, so a timeout or cancel also ends what pytest started (workers).
    const detached = process.platform !== 'win32';
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(options.python, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached, windowsHide: true });
    } catch (e) {
      resolve({ status: 'not-started', exitCode: null, output: '', truncated: false, error: `could not start ${options.python}: ${(e as Error).message}` });
      return;
    }
    const stop = (why: 'timeout' | 'cancelled', message: string) => {
      if (status !== 'completed') return;
      status = why;
      error = message;
      try {
        if (detached && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
      // Something that escaped the kill may hold the pipes open: do not wait for it forever.
      setTimeout(() => finish({ status, exitCode: null, output: output.text(), truncated: output.truncated, ...(error ? { error } : {}) }), KILL_GRACE_MS).unref();
    };
    const timer = setTimeout(() => stop('timeout', `the run took longer than ${Math.round(options.timeoutMs / 1000)} s and was stopped`), options.timeoutMs);
    const onAbort = () => stop('cancelled', 'the run was cancelled');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout?.on('data', (chunk: Buffer) => output.add(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.add(chunk));
    const finish = (result: SpawnResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      finish({ status: 'not-started', exitCode: null, output: output.text(), truncated: output.truncated, error: `could not start ${options.python}: ${e.code === 'ENOENT' ? 'not found' : e.message}` });
    });
    child.on('close', (code) => {
      finish({ status, exitCode: code, output: output.text(), truncated: output.truncated, ...(error ? { error } : {}) });
    });
  });
}

/** Keeps the first and the last half of `limit` bytes of a stream. */
export class CappedOutput {
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private dropped = 0;

  constructor(private readonly limit: number) {}

  get truncated(): boolean {
    return this.dropped > 0;
  }

  add(chunk: Buffer): void {
    const half = Math.floor(this.limit / 2);
    if (this.headBytes < half) {
      const take = Math.min(half - this.headBytes, chunk.length);
      this.head.push(chunk.subarray(0, take));
      this.headBytes += take;
      chunk = chunk.subarray(take);
    }
    if (chunk.length === 0) return;
    const tailLimit = this.limit - half;
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    // Drop whole chunks from the front, then cut the first one: amortised linear.
    while (this.tail.length > 1 && this.tailBytes - this.tail[0].length >= tailLimit) {
      const first = this.tail.shift() as Buffer;
      this.tailBytes -= first.length;
      this.dropped += first.length;
    }
    if (this.tailBytes > tailLimit) {
      const cut = this.tailBytes - tailLimit;
      this.tail[0] = this.tail[0].subarray(cut);
      this.tailBytes -= cut;
      this.dropped += cut;
    }
  }

  text(): string {
    const head = Buffer.concat(this.head).toString('utf8');
    const tail = Buffer.concat(this.tail).toString('utf8');
    return this.dropped > 0 ? `${head}\n… ${this.dropped} bytes of output left out …\n${tail}` : head + tail;
  }
}
