/**
 * `npm run prove:checks`: proves every scaffold's checks. For each scaffold under
 * roadmaps/scaffolds/, rendered as Create Starter Project renders it into a temporary folder:
 *
 *   1. the shipped tests (plain `pytest`, the project's pytest.ini) pass on the starter;
 *   2. every declared check fails on the starter, with a hint (not a bare exception or assert);
 *   3. with the reference solution (test/fixtures/solutions/<id>/, rendered with the same
 *      variables) written over it, every check passes;
 *   4. and the shipped tests still pass;
 *   5. each variant under test/fixtures/variants/<id>/ (see variants.ts), written over a fresh render
 *      of the starter and the solution, is judged right: a wrong one fails exactly the checks its
 *      variant.yaml names, each with the check's hint from the starter plus a line saying what
 *      happened; an alternative passes every check and the shipped tests. A scaffold with checks
 *      is meant to have at least two wrong variants and one alternative; one with fewer is said
 *      to be proven only on its starter and reference, in its line and in the summary.
 *
 * One line per scaffold (proven / FAILED what / not run: why, and its seconds), then as the last
 * line `checks: N scaffolds proven, M not run (why, …)`, with `, K of them not yet against wrong
 * solutions (ids)` after "proven" when any lack variants and `, K FAILED (ids)` added when any
 * failed; exits 1 when any failed. Scaffolds run one after another (the machines are small).
 *
 *   node out/test/prove/checks.js [scaffold-id …] [--scaffolds <dir>] [--solutions <dir>] [--variants <dir>] [--keep]
 *
 * The interpreter: MLR_PROVE_PYTHON first when set, then every python3 and python on PATH, as the
 * extension looks; for each scaffold the first with pytest that has the most of the scaffold's
 * requirements.txt modules.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hintOf, TestResult } from '../../src/checks/junit';
import { describeTried, probePython, ProbeResult, pythonCandidates, requirementModules } from '../../src/checks/python';
import { chooseInterpreter as rankInterpreters } from '../../src/checks/ranking';
import { RunResult, runPytest } from '../../src/checks/run';
import { loadScaffold, readSolution, render, scaffoldIds, SCAFFOLDS_DIR, SOLUTIONS_DIR, VARIANTS_DIR } from './project';
import { readVariants, Variant } from './variants';

/** Each pytest run; a scaffold's checks are meant to take well under a minute. */
const RUN_TIMEOUT_MS = 180_000;
/** The exception classes a hint may come from: an assert with a message, or pytest.fail. */
const HINT_EXCEPTIONS = new Set(['AssertionError', 'Failed']);

type Outcome = { kind: 'proven'; detail: string; lacking?: string } | { kind: 'failed'; detail: string } | { kind: 'not-run'; reason: string; detail?: string };

interface Args {
  scaffoldsDir: string;
  solutionsDir: string;
  variantsDir: string;
  only: string[];
  keep: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { scaffoldsDir: SCAFFOLDS_DIR, solutionsDir: SOLUTIONS_DIR, variantsDir: VARIANTS_DIR, only: [], keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--scaffolds' || arg === '--solutions' || arg === '--variants') {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a folder`);
      if (arg === '--scaffolds') args.scaffoldsDir = path.resolve(value);
      else if (arg === '--solutions') args.solutionsDir = path.resolve(value);
      else args.variantsDir = path.resolve(value);
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

/** The least a scaffold with checks must have under test/fixtures/variants/<id>/. */
const MIN_WRONG_VARIANTS = 2;
const MIN_ALTERNATIVE_VARIANTS = 1;

/**
 * The lines of a failure's message: the hint first (as `message` holds it, without the exception
 * class), then the rest, trimmed and non-empty. An assert's message is read from the traceback's
 * `E` lines; `pytest.fail(..., pytrace=False)` reports the message alone.
 */
function messageLines(result: TestResult): string[] {
  const errorLines = result.details.split('\n').filter((line) => /^E(\s|$)/.test(line));
  const source = errorLines.length > 0 ? errorLines.map((line) => line.replace(/^E\s*/, '')) : result.details.split('\n');
  const lines = source.map((line) => line.trim()).filter((line) => line !== '');
  return [hintOf(result.message).message, ...lines.slice(1)];
}

/**
 * Why a wrong variant's failure of a check does not explain itself, or undefined when it does: its
 * first line must be the check's hint on the starter, and a further line must say what happened
 * (a line the starter's failure does not have).
 */
function notHintAndWhat(result: TestResult, starter: TestResult | undefined): string | undefined {
  const raw = notAHint(result);
  if (raw) return raw;
  const lines = messageLines(result);
  const starterLines = starter ? messageLines(starter) : [];
  if (starter && lines[0] !== starterLines[0]) return `its first line is not the hint it gives on the starter: ${short(lines[0])}`;
  const seen = new Set(starterLines);
  if (!lines.slice(1).some((line) => !seen.has(line))) return 'only its hint';
  return undefined;
}

async function proveScaffold(id: string, args: Args, interpreters: () => Promise<Interpreters>): Promise<Outcome> {
  const { scaffold, problem } = loadScaffold(id, args.scaffoldsDir);
  if (!scaffold) return { kind: 'failed', detail: problem ?? 'cannot read the scaffold' };
  const { manifest, templates, variables, modules } = scaffold;
  if (manifest.checks.length === 0) return { kind: 'not-run', reason: 'no checks declared' };
  const read = readSolution(id, args.solutionsDir);
  if (!read.solution) return read.missing ? { kind: 'not-run', reason: read.problem ?? 'no reference solution' } : { kind: 'failed', detail: read.problem ?? 'no reference solution' };
  const solution = read.solution;
  const checkIds = manifest.checks.map((c) => c.id);
  const { variants, errors: variantErrors } = readVariants(args.variantsDir, id, checkIds);
  // Structural problems of the fixtures fail the scaffold whatever the interpreter lacks.
  const structural = [...variantErrors];
  const wrongCount = variants.filter((v) => v.spec.kind === 'wrong').length;
  const alternativeCount = variants.length - wrongCount;
  // Said in the scaffold's line and counted apart in the summary: proven on the starter and the
  // reference, but not yet against the mistakes learners make.
  const lacking =
    wrongCount < MIN_WRONG_VARIANTS || alternativeCount < MIN_ALTERNATIVE_VARIANTS
      ? `has ${wrongCount} wrong and ${alternativeCount} alternative solution(s) under test/fixtures/variants/${id}/, needs ${MIN_WRONG_VARIANTS} and ${MIN_ALTERNATIVE_VARIANTS}`
      : undefined;
  const { probe, missing } = chooseInterpreter(await interpreters(), modules);
  // Loud, not "not run": without pytest nothing is proven, and CI must not pass quietly.
  if (!probe) return { kind: 'failed', detail: `no Python with pytest (scripts/deps.sh installs python3-pytest); tried: ${describeTried((await interpreters()).probes).replace(/\n/g, '; ')}` };
  const python = probe.command;
  const nodeids = manifest.checks.map((c) => c.test);
  const checkOf = new Map(manifest.checks.map((c) => [c.test, c] as const));
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1', MPLBACKEND: 'Agg' };
  const run = (cwd: string, ids: readonly string[]) => runPytest({ python, cwd, nodeids: ids, env, timeoutMs: RUN_TIMEOUT_MS });

  const targets: string[] = [];
  const newTarget = () => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), `prove-${id}-`));
    targets.push(target);
    return target;
  };
  const problems: string[] = [];
  const skipped: string[] = [];
  /** Each check's failure on the untouched starter, by node id: the hint a wrong variant's failure starts with. */
  const onStarter = new Map<string, TestResult>();
  try {
    const target = newTarget();
    const renderErrors = render(templates, variables, target);
    if (renderErrors.length > 0) return { kind: 'failed', detail: `the starter does not render: ${renderErrors.join('; ')}` };

    const shippedBefore = shippedProblem(await run(target, []));
    if (shippedBefore) problems.push(`shipped tests on the starter: ${shippedBefore}`);

    const before = await run(target, nodeids);
    for (const result of before.results) {
      const check = checkOf.get(result.nodeid)?.id ?? result.nodeid;
      onStarter.set(result.nodeid, result);
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

    // Variants only mean something once the starter fails and the reference passes.
    if (problems.length === 0 && skipped.length === 0) {
      for (const variant of variants) {
        // A fresh project each time: a variant's run may leave files behind.
        const variantTarget = newTarget();
        const errors = [...render(templates, variables, variantTarget), ...render(solution, variables, variantTarget), ...render(variant.files, variables, variantTarget)];
        if (errors.length > 0) {
          structural.push(`variant ${variant.name} does not render: ${errors.join('; ')}`);
          continue;
        }
        problems.push(...(await proveVariant(variant, variantTarget, nodeids, checkOf, onStarter, run)));
        if (!args.keep) fs.rmSync(variantTarget, { recursive: true, force: true });
      }
    }
  } finally {
    for (const target of targets) {
      if (args.keep) console.log(`  (kept ${target})`);
      else fs.rmSync(target, { recursive: true, force: true });
    }
  }

  const using = `${python}${probe.version ? `, Python ${probe.version.split(' ')[0]}` : ''}${probe.pytestVersion ? `, pytest ${probe.pytestVersion}` : ''}`;
  if (structural.length > 0) return { kind: 'failed', detail: [...structural, ...problems].join('; ') };
  if (missing.length > 0 && problems.length > 0) {
    // The interpreter lacks some of the scaffold's packages: the failures may come from that alone.
    return { kind: 'not-run', reason: `missing Python package ${missing.join(', ')}`, detail: `with ${using}: ${problems.join('; ')}` };
  }
  if (problems.length > 0) return { kind: 'failed', detail: `${problems.join('; ')} [${using}]` };
  if (skipped.length > 0) return { kind: 'not-run', reason: `checks skipped: ${skipped.join(', ')}` };
  const without = missing.length > 0 ? `, without ${missing.join(', ')}` : '';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return { kind: 'proven', detail: `${plural(manifest.checks.length, 'check')}, ${plural(variants.length, 'variant')}${without} [${using}]`, ...(lacking ? { lacking } : {}) };
}

/** What is wrong with how the checks judge one variant, rendered in `target`; empty when they judge it right. */
async function proveVariant(
  variant: Variant,
  target: string,
  nodeids: readonly string[],
  checkOf: ReadonlyMap<string, { id: string }>,
  onStarter: ReadonlyMap<string, TestResult>,
  run: (cwd: string, ids: readonly string[]) => Promise<RunResult>,
): Promise<string[]> {
  const problems: string[] = [];
  const results = (await run(target, nodeids)).results;
  const fails = variant.spec.kind === 'wrong' ? new Set(variant.spec.fails) : new Set<string>();
  for (const result of results) {
    const check = checkOf.get(result.nodeid)?.id ?? result.nodeid;
    const failed = result.outcome === 'failed' || result.outcome === 'error';
    if (!fails.has(check)) {
      if (result.outcome !== 'passed') problems.push(`check ${check} ${failed ? 'fails' : result.outcome === 'skipped' ? 'is skipped with' : 'does not pass'} variant ${variant.name}${result.message ? `: ${short(result.message)}` : ''}`);
    } else if (!failed) {
      problems.push(`check ${check} ${result.outcome === 'passed' ? 'passes' : 'is skipped with'} variant ${variant.name}, which it must reject`);
    } else {
      const why = result.outcome === 'error' ? `an error: ${short(result.message)}` : notHintAndWhat(result, onStarter.get(result.nodeid));
      if (why) problems.push(`check ${check} fails variant ${variant.name} with ${why}`);
    }
  }
  if (variant.spec.kind === 'alternative') {
    const shipped = shippedProblem(await run(target, []));
    if (shipped) problems.push(`shipped tests with variant ${variant.name}: ${shipped}`);
  }
  return problems;
}

/** `no checks declared: 19 scaffolds, rl-game-agent: missing Python package gymnasium`. */
function summarizeReasons(notRun: readonly { id: string; reason: string }[]): string {
  const byReason = new Map<string, string[]>();
  for (const { id, reason } of notRun) byReason.set(reason, [...(byReason.get(reason) ?? []), id]);
  return [...byReason].map(([reason, ids]) => (ids.length === 1 ? `${ids[0]}: ${reason}` : `${reason}: ${ids.length} scaffolds`)).join(', ');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const ids = scaffoldIds(args.scaffoldsDir, args.only);

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
  const lacking: string[] = [];
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
      if (outcome.lacking) lacking.push(id);
      console.log(`${name}  proven: ${outcome.detail}${outcome.lacking ? `; NOT against mistakes: ${outcome.lacking}` : ''} (${seconds})`);
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
  const unproven = lacking.length > 0 ? `, ${lacking.length} of them not yet against wrong solutions (${lacking.join(', ')})` : '';
  console.log(`checks: ${proven.length} scaffolds proven${unproven}, ${notRun.length} not run${reasons}${failures}`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

// The mutation proof imports the interpreter choice from here; only a run as a script proves.
export { chooseInterpreter };
export type { Interpreters };

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    console.log('checks: 0 scaffolds proven, 0 not run, the proof could not start');
    process.exitCode = 1;
  });
}
