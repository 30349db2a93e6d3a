/**
 * `npm run prove:checks`: proves every scaffold's checks. For each scaffold under
 * roadmaps/scaffolds/, rendered as Create Starter Project renders it into a temporary folder:
 *
 *   1. the shipped tests (plain `pytest`, the project's pytest.ini) pass on the starter;
 *   2. every declared check fails on the starter, with a hint (not a bare exception or assert);
 *   3. with the reference solution (test/fixtures/solutions/<id>/, rendered with the same
 *      variables) written over it, every check passes;
 *   4. and the shipped tests still pass.
 *
 * One line per scaffold (proven / FAILED what / not run: why, and its seconds), then as the last
 * line `checks: N scaffolds proven, M not run (why, …)`, with `, K FAILED (ids)` added when any
 * failed; exits 1 when any failed. Scaffolds run one after another (the machines are small).
 *
 *   node out/test/prove/checks.js [scaffold-id …] [--scaffolds <dir>] [--solutions <dir>] [--keep]
 *
 * The interpreter: MLR_PROVE_PYTHON first when set, then every python3 and python on PATH, as the
 * extension looks; for each scaffold the first with pytest that has the most of the scaffold's
 * requirements.txt modules.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestResult } from '../../src/checks/junit';
import { describeTried, probePython, ProbeResult, pythonCandidates, requirementModules } from '../../src/checks/python';
import { chooseInterpreter as rankInterpreters } from '../../src/checks/ranking';
import { RunResult, runPytest } from '../../src/checks/run';
import { parseScaffoldManifest, ScaffoldManifest } from '../../src/scaffold/manifest';
import { builtinVariables, planScaffold, TemplateFile } from '../../src/scaffold/plan';

/** The project root, from out/test/prove at run time. */
const ROOT = path.resolve(__dirname, '../../..');
/** Each pytest run; a scaffold's checks are meant to take well under a minute. */
const RUN_TIMEOUT_MS = 180_000;
/** Fixed so the rendered projects are the same on every run. */
const PROJECT_NAME = 'Proof Project';
const RENDER_DATE = new Date(2026, 0, 15);
/** The exception classes a hint may come from: an assert with a message, or pytest.fail. */
const HINT_EXCEPTIONS = new Set(['AssertionError', 'Failed']);

type Outcome = { kind: 'proven'; detail: string } | { kind: 'failed'; detail: string } | { kind: 'not-run'; reason: string; detail?: string };

interface Args {
  scaffoldsDir: string;
  solutionsDir: string;
  only: string[];
  keep: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { scaffoldsDir: path.join(ROOT, 'roadmaps', 'scaffolds'), solutionsDir: path.join(ROOT, 'test', 'fixtures', 'solutions'), only: [], keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--scaffolds' || arg === '--solutions') {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a folder`);
      if (arg === '--scaffolds') args.scaffoldsDir = path.resolve(value);
      else args.solutionsDir = path.resolve(value);
    } else if (arg === '--keep') {
      args.keep = true;
    } else if (arg.startsWith('-')) {
      throw new Error(`unknown option ${arg}`);
    } else {
      args.only.push(arg);
    }
  }
  return args;
}

/** The template files under `dir`, POSIX paths relative to it, sorted; symbolic links are skipped as the extension does. */
function readTemplates(dir: string, prefix = ''): TemplateFile[] {
  const files: TemplateFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) files.push(...readTemplates(full, `${prefix}${entry.name}/`));
    else if (entry.isFile()) files.push({ path: `${prefix}${entry.name}`, content: new Uint8Array(fs.readFileSync(full)) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The variables Create Starter Project would use for this scaffold, with a fixed name and date. */
function variablesFor(manifest: ScaffoldManifest): Record<string, string> {
  return {
    ...Object.fromEntries(manifest.variables.map((v) => [v.name, v.default])),
    ...builtinVariables({ projectName: PROJECT_NAME, taskTitle: manifest.title, taskId: '', roadmapTitle: manifest.title, roadmapId: '', now: RENDER_DATE }),
  };
}

/** Renders `templates` and writes them under `target`, replacing what is there; returns the plan's errors. */
function render(templates: readonly TemplateFile[], variables: Record<string, string>, target: string): string[] {
  const plan = planScaffold({ files: templates, variables, existing: new Set() });
  if (plan.errors.length > 0) return [...plan.errors];
  for (const file of plan.create) {
    const full = path.join(target, ...file.path.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, file.content);
  }
  return [];
}

/** Why a failure message is not a hint, or undefined when it is one. */
function notAHint(result: TestResult): string | undefined {
  const message = result.message.trim();
  if (result.exception && !HINT_EXCEPTIONS.has(result.exception)) return `a raw ${result.exception}${message ? `: ${message}` : ''}`;
  if (message === '') return `no message${result.exception ? ` (a bare ${result.exception})` : ''}`;
  if (/^[A-Za-z_][\w.]*(Error|Exception)$/.test(message)) return `a bare exception name: ${message}`;
  if (/^assert\b/.test(message)) return `a bare assert without a message: ${message}`;
  return undefined;
}

const short = (text: string, max = 160) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};
const testName = (result: TestResult) => result.nodeid.split('::').slice(1).join('::') || result.nodeid;

/** What went wrong in a run of the shipped tests, or undefined when they passed. */
function shippedProblem(run: RunResult): string | undefined {
  if (run.status !== 'completed') return run.error ?? run.status;
  if (run.exitCode === 0 && run.results.length > 0) return undefined;
  if (run.results.length === 0) return run.error ?? `pytest ran no test (exit code ${run.exitCode ?? 'none'})`;
  const bad = run.results.filter((r) => r.outcome === 'failed' || r.outcome === 'error');
  if (bad.length === 0) return `pytest exited with code ${run.exitCode ?? 'none'}`;
  return `${bad.length} failed, first ${testName(bad[0])}: ${short(bad[0].message || bad[0].details)}`;
}

interface Interpreters {
  probes: ProbeResult[];
}

/**
 * The interpreter for a scaffold, ranked as the extension ranks the Pythons on PATH (every
 * candidate here is one): with pytest, the most of `modules`, earliest in order.
 */
function chooseInterpreter(interpreters: Interpreters, modules: readonly string[]): { probe?: ProbeResult; missing: readonly string[] } {
  const { chosen } = rankInterpreters(interpreters.probes.map((probe) => ({ source: 'path', probe })), modules);
  return chosen ? { probe: chosen.probe, missing: chosen.missing } : { missing: [] };
}

async function proveScaffold(id: string, args: Args, interpreters: () => Promise<Interpreters>): Promise<Outcome> {
  const folder = path.join(args.scaffoldsDir, id);
  const label = `scaffolds/${id}/scaffold.yaml`;
  let text: string;
  try {
    text = fs.readFileSync(path.join(folder, 'scaffold.yaml'), 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    return { kind: 'failed', detail: `cannot read ${label}: ${(error as Error).message}` };
  }
  const { manifest, errors } = parseScaffoldManifest(text, label);
  if (!manifest || errors.length > 0) return { kind: 'failed', detail: `invalid manifest: ${errors.join('; ')}` };
  if (manifest.id !== id) return { kind: 'failed', detail: `${label}: id "${manifest.id}" is not the folder name` };
  if (manifest.checks.length === 0) return { kind: 'not-run', reason: 'no checks declared' };
  const solutionDir = path.join(args.solutionsDir, id);
  if (!fs.existsSync(solutionDir)) return { kind: 'not-run', reason: 'no reference solution' };

  const templates = readTemplates(path.join(folder, 'files'));
  const solution = readTemplates(solutionDir);
  if (solution.length === 0) return { kind: 'failed', detail: 'the reference solution folder is empty' };
  const requirements = templates.find((t) => t.path === 'requirements.txt');
  const modules = requirements ? requirementModules(new TextDecoder().decode(requirements.content)) : ['pytest'];
  const { probe, missing } = chooseInterpreter(await interpreters(), modules);
  // Loud, not "not run": without pytest nothing is proven, and CI must not pass quietly.
  if (!probe) return { kind: 'failed', detail: `no Python with pytest (scripts/deps.sh installs python3-pytest); tried: ${describeTried((await interpreters()).probes).replace(/\n/g, '; ')}` };
  const python = probe.command;
  const variables = variablesFor(manifest);
  const nodeids = manifest.checks.map((c) => c.test);
  const checkOf = new Map(manifest.checks.map((c) => [c.test, c] as const));
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1', MPLBACKEND: 'Agg' };
  const run = (cwd: string, ids: readonly string[]) => runPytest({ python, cwd, nodeids: ids, env, timeoutMs: RUN_TIMEOUT_MS });

  const target = fs.mkdtempSync(path.join(os.tmpdir(), `prove-${id}-`));
  const problems: string[] = [];
  const skipped: string[] = [];
  try {
    const renderErrors = render(templates, variables, target);
    if (renderErrors.length > 0) return { kind: 'failed', detail: `the starter does not render: ${renderErrors.join('; ')}` };

    const shippedBefore = shippedProblem(await run(target, []));
    if (shippedBefore) problems.push(`shipped tests on the starter: ${shippedBefore}`);

    const before = await run(target, nodeids);
    for (const result of before.results) {
      const check = checkOf.get(result.nodeid)?.id ?? result.nodeid;
      if (result.outcome === 'skipped') skipped.push(`${check} (${short(result.message, 80)})`);
      else if (result.outcome === 'passed') problems.push(`check ${check} passes on the starter`);
      else if (result.outcome === 'error') problems.push(`check ${check} errors on the starter: ${short(result.message)}`);
      else {
        const why = notAHint(result);
        if (why) problems.push(`check ${check} fails on the starter without a hint: ${short(why)}`);
      }
    }

    const solutionErrors = render(solution, variables, target);
    if (solutionErrors.length > 0) return { kind: 'failed', detail: `the reference solution does not render: ${solutionErrors.join('; ')}` };

    const after = await run(target, nodeids);
    for (const result of after.results) {
      const check = checkOf.get(result.nodeid)?.id ?? result.nodeid;
      if (result.outcome === 'skipped') skipped.push(`${check} with the solution (${short(result.message, 80)})`);
      else if (result.outcome !== 'passed') problems.push(`check ${check} ${result.outcome === 'error' ? 'errors' : 'fails'} with the solution: ${short(result.message || result.details)}`);
    }

    const shippedAfter = shippedProblem(await run(target, []));
    if (shippedAfter) problems.push(`shipped tests with the solution: ${shippedAfter}`);
  } finally {
    if (args.keep) console.log(`  (kept ${target})`);
    else fs.rmSync(target, { recursive: true, force: true });
  }

  const using = `${python}${probe.version ? `, Python ${probe.version.split(' ')[0]}` : ''}${probe.pytestVersion ? `, pytest ${probe.pytestVersion}` : ''}`;
  if (missing.length > 0 && problems.length > 0) {
    // The interpreter lacks some of the scaffold's packages: the failures may come from that alone.
    return { kind: 'not-run', reason: `missing Python package ${missing.join(', ')}`, detail: `with ${using}: ${problems.join('; ')}` };
  }
  if (problems.length > 0) return { kind: 'failed', detail: `${problems.join('; ')} [${using}]` };
  if (skipped.length > 0) return { kind: 'not-run', reason: `checks skipped: ${skipped.join(', ')}` };
  const without = missing.length > 0 ? `, without ${missing.join(', ')}` : '';
  return { kind: 'proven', detail: `${manifest.checks.length} check${manifest.checks.length === 1 ? '' : 's'}${without} [${using}]` };
}

/** `no checks declared: 19 scaffolds, rl-game-agent: missing Python package gymnasium`. */
function summarizeReasons(notRun: readonly { id: string; reason: string }[]): string {
  const byReason = new Map<string, string[]>();
  for (const { id, reason } of notRun) byReason.set(reason, [...(byReason.get(reason) ?? []), id]);
  return [...byReason].map(([reason, ids]) => (ids.length === 1 ? `${ids[0]}: ${reason}` : `${reason}: ${ids.length} scaffolds`)).join(', ');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const all = fs
    .readdirSync(args.scaffoldsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const unknown = args.only.filter((id) => !all.includes(id));
  if (unknown.length > 0) throw new Error(`no such scaffold: ${unknown.join(', ')}`);
  const ids = args.only.length > 0 ? args.only : all;

  // Probed once, on first need: every candidate, for every module any scaffold asks for.
  let probing: Promise<Interpreters> | undefined;
  const interpreters = () => {
    probing ??= (async () => {
      const modules = new Set<string>();
      for (const id of ids) {
        try {
          for (const m of requirementModules(fs.readFileSync(path.join(args.scaffoldsDir, id, 'files', 'requirements.txt'), 'utf8'))) modules.add(m);
        } catch {
          // No requirements.txt: the scaffold's own line says what is wrong.
        }
      }
      modules.delete('pytest');
      const candidates = pythonCandidates({ explicit: [process.env.MLR_PROVE_PYTHON] });
      const probes: ProbeResult[] = [];
      for (const command of candidates) probes.push(await probePython(command, { modules: [...modules] }));
      console.log(`python: ${describeTried(probes).replace(/\n/g, '\n        ')}`);
      return { probes };
    })();
    return probing;
  };

  const proven: string[] = [];
  const failed: string[] = [];
  const notRun: { id: string; reason: string }[] = [];
  const width = Math.max(...ids.map((id) => id.length));
  for (const id of ids) {
    const started = Date.now();
    let outcome: Outcome;
    try {
      outcome = await proveScaffold(id, args, interpreters);
    } catch (error) {
      outcome = { kind: 'failed', detail: `the proof itself broke: ${(error as Error).stack ?? String(error)}` };
    }
    const seconds = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    const name = id.padEnd(width);
    if (outcome.kind === 'proven') {
      proven.push(id);
      console.log(`${name}  proven: ${outcome.detail} (${seconds})`);
    } else if (outcome.kind === 'failed') {
      failed.push(id);
      console.log(`${name}  FAILED: ${outcome.detail} (${seconds})`);
    } else {
      notRun.push({ id, reason: outcome.reason });
      console.log(`${name}  not run: ${outcome.reason}${outcome.detail ? ` — ${outcome.detail}` : ''} (${seconds})`);
    }
  }

  const reasons = notRun.length > 0 ? ` (${summarizeReasons(notRun)})` : '';
  const failures = failed.length > 0 ? `, ${failed.length} FAILED (${failed.join(', ')})` : '';
  console.log(`checks: ${proven.length} scaffolds proven, ${notRun.length} not run${reasons}${failures}`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  console.log('checks: 0 scaffolds proven, 0 not run, the proof could not start');
  process.exitCode = 1;
});
