/**
 * `npm run prove:mutants`: how many small mistakes in the learner's code the checks catch. For each
 * scaffold with checks and a reference solution, the code the learner writes (the solution's lines
 * that differ from the starter, inside functions) is mutated one change at a time (mutate.py says
 * how), and each mutant is run against the checks that call the changed function; a mutant is
 * killed when a check fails or it runs too long. mutants_worker.py runs one scaffold in one Python.
 *
 *   node out/test/prove/mutants.js [scaffold-id …] [--verbose] [--no-cache] [--jobs <n>] [--scaffolds <dir>] [--solutions <dir>]
 *
 * `--jobs` (default: 2, or 1 on one core) mutants run at once; `--verbose` shows the worker's
 * progress and the killed mutants too.
 *
 * One line per scaffold, `<id>: K of N killed (P %) in S s` (`, E equivalent` when the manifest's
 * `equivalentMutants` leaves some out, `(cached)` when nothing changed since the last run), then
 * `  survived <mutant id>: <description>` for each survivor; the last line is
 * `mutants: K of N killed (P %)`. Exits 1 when a scaffold kills under 90 %, all together under
 * 95 %, a listed equivalent mutant no longer exists, or a scaffold could not be run.
 *
 * Results are cached under the test host's cache folder, keyed by the scaffold's files, its
 * reference solution, the mutation tool and the interpreter.
 */
import { spawn } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeTried, probePython, ProbeResult, pythonCandidates } from '../../src/checks/python';
import { CappedOutput } from '../../src/checks/run';
import { renderTemplate, TemplateFile } from '../../src/scaffold/plan';
import { cacheRoot } from '../host/codeServer';
import { chooseInterpreter, Interpreters } from './checks';
import { LoadedScaffold, loadScaffold, readSolution, readTemplates, renderTemplates, scaffoldIds, SCAFFOLDS_DIR, SOLUTIONS_DIR, writeFiles } from './project';

/** Where mutate.py and the worker are: next to this file's source. */
const TOOL_DIR = path.resolve(__dirname, '../../../test/prove');
const WORKER = path.join(TOOL_DIR, 'mutants_worker.py');
const TOOL_FILES = [path.join(TOOL_DIR, 'mutate.py'), WORKER];
/** A mutant's checks may run this many times their unmutated time, and at least MIN_TIMEOUT_S. */
const TIMEOUT_FACTOR = 5;
const MIN_TIMEOUT_S = 5;
/** One scaffold's whole run; the slowest take a few minutes. */
const WORKER_TIMEOUT_MS = 40 * 60_000;
const SCAFFOLD_THRESHOLD = 0.9;
const OVERALL_THRESHOLD = 0.95;
/**
 * One thread per library: the children share a small machine. joblib in-process: a mutant lives
 * in one process's memory, and a worker process (n_jobs=-1) would import the unmutated code.
 */
const WORKER_ENV = { OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', JOBLIB_MULTIPROCESSING: '0', PYTHONDONTWRITEBYTECODE: '1', MPLBACKEND: 'Agg' };
/** Bumped when what is cached changes shape. */
const CACHE_VERSION = 1;

interface Args {
  scaffoldsDir: string;
  solutionsDir: string;
  only: string[];
  verbose: boolean;
  cache: boolean;
  /** Mutants run at once. */
  jobs: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { scaffoldsDir: SCAFFOLDS_DIR, solutionsDir: SOLUTIONS_DIR, only: [], verbose: false, cache: true, jobs: Math.max(1, Math.min(2, os.cpus().length)) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--scaffolds' || arg === '--solutions') {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a folder`);
      if (arg === '--scaffolds') args.scaffoldsDir = path.resolve(value);
      else args.solutionsDir = path.resolve(value);
    } else if (arg === '--jobs') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error('--jobs needs a whole number from 1');
      args.jobs = value;
    } else if (arg === '--verbose') {
      args.verbose = true;
    } else if (arg === '--no-cache') {
      args.cache = false;
    } else if (arg.startsWith('-')) {
      throw new Error(`unknown option ${arg}`);
    } else {
      args.only.push(arg);
    }
  }
  return args;
}

/** What the worker found and did, as it reported it (cached as is). */
interface WorkerReport {
  mutants: { id: string; description: string }[];
  results: { id: string; status: 'killed' | 'survived' | 'error'; how: string; seconds: number }[];
  fatal?: string;
}

type Outcome =
  | { kind: 'measured'; report: WorkerReport; seconds: number; cached: boolean }
  | { kind: 'not-run'; reason: string }
  | { kind: 'failed'; detail: string };

/** The files the learner writes: the solution's Python files, not its tests. */
function isLearnerCode(templatePath: string): boolean {
  const name = templatePath.split('/').pop() ?? '';
  return templatePath.endsWith('.py') && !/^(tests|checks)\//.test(templatePath) && !/^test_|_test\.py$|^conftest\.py$/.test(name);
}

function hashOf(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** Runs the worker on a rendered project; its report, or why it gave none. */
async function runWorker(python: string, spec: object, work: string, verbose: boolean): Promise<WorkerReport> {
  const specPath = path.join(work, 'spec.json');
  const outPath = path.join(work, 'results.jsonl');
  fs.writeFileSync(specPath, JSON.stringify(spec));
  const env = { ...process.env, ...WORKER_ENV };
  const child = spawn(python, [WORKER, specPath, outPath], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = new CappedOutput(64 * 1024);
  child.stdout.on('data', (chunk: Buffer) => output.add(chunk));
  child.stderr.on('data', (chunk: Buffer) => {
    output.add(chunk);
    if (verbose) process.stderr.write(chunk);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), WORKER_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  const report: WorkerReport = { mutants: [], results: [] };
  const text = fs.existsSync(outPath) ? fs.readFileSync(outPath, 'utf8') : '';
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { kind: string } & Record<string, unknown>;
    if (record.kind === 'mutants') report.mutants = record.mutants as WorkerReport['mutants'];
    else if (record.kind === 'result') report.results.push(record as unknown as WorkerReport['results'][number]);
    else if (record.kind === 'fatal') report.fatal = String(record.message);
  }
  // The worker reports as mutants finish; the listing's order is the file's.
  const order = new Map(report.mutants.map((m, index) => [m.id, index] as const));
  report.results.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  if (code !== 0 && !report.fatal) {
    const tail = output.text().trim().split('\n').slice(-12).join('\n    ');
    report.fatal = `the worker ${code === null ? 'was killed' : `exited with code ${code}`}${tail ? `:\n    ${tail}` : ''}`;
  }
  return report;
}

async function measureScaffold(scaffold: LoadedScaffold, args: Args, interpreters: () => Promise<Interpreters>): Promise<Outcome> {
  const { id, manifest, templates, variables } = scaffold;
  if (manifest.checks.length === 0) return { kind: 'not-run', reason: 'no checks declared' };
  const read = readSolution(id, args.solutionsDir);
  if (!read.solution) return read.missing ? { kind: 'not-run', reason: read.problem ?? 'no reference solution' } : { kind: 'failed', detail: read.problem ?? 'no reference solution' };
  const solution = read.solution;
  const { probe, missing } = chooseInterpreter(await interpreters(), scaffold.modules);
  if (!probe) return { kind: 'failed', detail: `no Python with pytest; tried: ${describeTried((await interpreters()).probes).replace(/\n/g, '; ')}` };

  const starter = renderTemplates(templates, variables);
  const rendered = renderTemplates(solution, variables);
  const errors = [...starter.errors, ...rendered.errors];
  if (errors.length > 0) return { kind: 'failed', detail: `does not render: ${errors.join('; ')}` };
  const starterText = new Map(starter.files.map((f) => [f.path, new TextDecoder().decode(f.content)] as const));
  const files = solution
    .filter((t) => isLearnerCode(t.path))
    .map((t) => {
      const renderedPath = renderTemplate(t.path, variables, { json: false }).text;
      return { path: renderedPath, idPath: t.path, starter: starterText.get(renderedPath) ?? '' };
    });
  if (files.length === 0) return { kind: 'failed', detail: 'the reference solution has no Python file of the learner to mutate' };

  const key = hashOf([
    String(CACHE_VERSION),
    `${probe.command} ${probe.version ?? ''} ${probe.pytestVersion ?? ''}`,
    `${TIMEOUT_FACTOR} ${MIN_TIMEOUT_S} ${JSON.stringify(WORKER_ENV)}`,
    ...TOOL_FILES.map((f) => fs.readFileSync(f)),
    ...readTemplates(scaffold.folder).flatMap((f: TemplateFile) => [f.path, f.content]),
    ...solution.flatMap((f) => [f.path, f.content]),
  ]);
  const cacheFile = path.join(cacheRoot(), 'mutants', `${id}.json`);
  if (args.cache) {
    try {
      const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { key: string; report: WorkerReport; seconds: number };
      if (cached.key === key) return { kind: 'measured', report: cached.report, seconds: cached.seconds, cached: true };
    } catch {
      // No cache yet, or an unreadable one: measure.
    }
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), `mutants-${id}-`));
  const started = Date.now();
  let report: WorkerReport;
  try {
    const project = path.join(work, 'project');
    writeFiles(starter.files, project);
    writeFiles(rendered.files, project);
    const spec = {
      project,
      files,
      checks: manifest.checks.map((c) => ({ id: c.id, nodeid: c.test })),
      skip: manifest.equivalentMutants.map((e) => e.id),
      minTimeout: MIN_TIMEOUT_S,
      timeoutFactor: TIMEOUT_FACTOR,
      jobs: args.jobs,
      verbose: args.verbose,
    };
    report = await runWorker(probe.command, spec, work, args.verbose);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const seconds = (Date.now() - started) / 1000;
  if (report.fatal) {
    if (missing.length > 0) return { kind: 'not-run', reason: `missing Python package ${missing.join(', ')}: ${report.fatal}` };
    return { kind: 'failed', detail: report.fatal };
  }
  if (args.cache) {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(cacheFile, JSON.stringify({ key, report, seconds }));
  }
  return { kind: 'measured', report, seconds, cached: false };
}

const percent = (killed: number, total: number) => (total === 0 ? '100.0' : ((100 * killed) / total).toFixed(1));

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const ids = scaffoldIds(args.scaffoldsDir, args.only);

  let probing: Promise<Interpreters> | undefined;
  const interpreters = () => {
    probing ??= (async () => {
      const modules = new Set<string>();
      for (const id of ids) for (const m of loadScaffold(id, args.scaffoldsDir).scaffold?.modules ?? []) modules.add(m);
      modules.delete('pytest');
      const probes: ProbeResult[] = [];
      for (const command of pythonCandidates({ explicit: [process.env.MLR_PROVE_PYTHON] })) probes.push(await probePython(command, { modules: [...modules] }));
      if (args.verbose) console.log(`python: ${describeTried(probes).replace(/\n/g, '\n        ')}`);
      return { probes };
    })();
    return probing;
  };

  let killedAll = 0;
  let totalAll = 0;
  const failing: string[] = [];
  for (const id of ids) {
    const started = Date.now();
    let outcome: Outcome;
    try {
      const { scaffold, problem } = loadScaffold(id, args.scaffoldsDir);
      outcome = scaffold ? await measureScaffold(scaffold, args, interpreters) : { kind: 'failed', detail: problem ?? 'cannot read the scaffold' };
    } catch (error) {
      outcome = { kind: 'failed', detail: `the proof itself broke: ${(error as Error).stack ?? String(error)}` };
    }
    if (outcome.kind === 'not-run') {
      console.log(`${id}: not run (${outcome.reason})`);
      continue;
    }
    if (outcome.kind === 'failed') {
      failing.push(id);
      console.log(`${id}: FAILED (${outcome.detail}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      continue;
    }
    const { report } = outcome;
    const { manifest } = loadScaffold(id, args.scaffoldsDir).scaffold as LoadedScaffold;
    const all = new Set(report.mutants.map((m) => m.id));
    const equivalents = manifest.equivalentMutants.filter((e) => all.has(e.id));
    const stale = manifest.equivalentMutants.filter((e) => !all.has(e.id));
    const total = report.results.length;
    const killed = report.results.filter((r) => r.status === 'killed').length;
    const broken = report.results.filter((r) => r.status === 'error');
    killedAll += killed;
    totalAll += total;
    const extra = `${equivalents.length > 0 ? `, ${equivalents.length} equivalent` : ''}${outcome.cached ? ' (cached)' : ''}`;
    console.log(`${id}: ${killed} of ${total} killed (${percent(killed, total)} %) in ${outcome.seconds.toFixed(1)} s${extra}`);
    const description = new Map(report.mutants.map((m) => [m.id, m.description] as const));
    for (const result of report.results) {
      if (result.status === 'survived') console.log(`  survived ${result.id}: ${description.get(result.id) ?? ''}${result.how === 'no check runs this code' ? ` (${result.how})` : ''}`);
      else if (result.status === 'error') console.log(`  ERROR ${result.id}: ${description.get(result.id) ?? ''} (${result.how})`);
      else if (args.verbose) console.log(`  killed ${result.id}: ${description.get(result.id) ?? ''} (${result.how}, ${result.seconds.toFixed(2)} s)`);
    }
    for (const e of stale) console.log(`  STALE equivalent ${e.id}: no such mutant (scaffolds/${id}/scaffold.yaml lists it)`);
    if (total === 0 && equivalents.length === 0) console.log('  no mutants: the reference solution changes no function of the starter');
    if (stale.length > 0 || broken.length > 0 || total === 0 || killed < SCAFFOLD_THRESHOLD * total) failing.push(id);
  }
  const below = totalAll > 0 && killedAll < OVERALL_THRESHOLD * totalAll;
  const problems = failing.length > 0 ? `, FAILED: ${failing.join(', ')}` : '';
  console.log(`mutants: ${killedAll} of ${totalAll} killed (${percent(killedAll, totalAll)} %)${problems}`);
  process.exitCode = failing.length > 0 || below ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  console.log('mutants: 0 of 0 killed (0.0 %), the proof could not start');
  process.exitCode = 1;
});
