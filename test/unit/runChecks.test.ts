/**
 * The `run-checks` script every starter with checks carries (roadmaps/starter-ci/), run for real
 * on titanic-eda (a light scaffold) rendered as Create Starter Project renders it: it fails on the
 * starter, passes on the reference solution with the interpreter the editor would choose, and
 * refuses to call a run verified when a check file differs from the lock.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pythonCandidates, probePython, requirementModules } from '../../src/checks/python';
import { chooseInterpreter, InterpreterCandidate, SOURCE_ORDER } from '../../src/checks/ranking';
import { pytestArgs } from '../../src/checks/run';
import { LOCK_PATH, parseCheckLock, starterTemplates } from '../../src/scaffold/checkLock';
import { parse as parseYaml } from 'yaml';
import { loadScaffold, LoadedScaffold, readSolution, readTemplates, renderTemplates, ROOT, SCAFFOLDS_DIR, SOLUTIONS_DIR, writeFiles } from '../prove/project';

const SCAFFOLD = 'titanic-eda';
const RESULTS = '.ml-roadmaps/ci-results.json';

interface Results {
  format: number;
  scaffold: string;
  commit: string;
  time: string;
  verified: boolean;
  ci: boolean;
  refused?: string;
  interpreter: { source: string; executable: string };
  checks: { id: string; outcome: string }[];
  files: { path: string; sha256: string }[];
}

/** The interpreter the editor would choose for the project on this machine's PATH, as ranking.ts decides. */
async function editorsChoice(modules: readonly string[]): Promise<string> {
  const candidates: InterpreterCandidate[] = [];
  for (const command of pythonCandidates({ pathEnv: process.env.PATH ?? '' })) candidates.push({ source: 'path', probe: await probePython(command, { modules }) });
  const { chosen } = chooseInterpreter(candidates, modules);
  assert.ok(chosen?.probe.executable, 'the editor finds an interpreter with pytest on PATH');
  return fs.realpathSync(chosen.probe.executable);
}

function runChecks(project: string, python: string, args: string[] = []): { status: number | null; output: string; results?: Results } {
  const resultsFile = path.join(project, ...RESULTS.split('/'));
  fs.rmSync(resultsFile, { force: true });
  const env = { ...process.env };
  delete env.GITHUB_SHA;
  delete env.GITHUB_ACTIONS;
  delete env.CI;
  delete env.ML_ROADMAPS_PYTHON;
  const run = spawnSync(python, ['run-checks', ...args], { cwd: project, env, encoding: 'utf8', timeout: 240_000 });
  const results = fs.existsSync(resultsFile) ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Results) : undefined;
  return { status: run.status, output: `${run.stdout}${run.stderr}`, ...(results ? { results } : {}) };
}

suite('Checks in CI: the run-checks script of a rendered starter', function () {
  this.timeout(600_000);
  let scaffold: LoadedScaffold;
  let project: string;
  let python: string;

  suiteSetup(async () => {
    const loaded = loadScaffold(SCAFFOLD, SCAFFOLDS_DIR);
    assert.ok(loaded.scaffold, loaded.problem);
    scaffold = loaded.scaffold;
    const common = readTemplates(path.join(ROOT, 'roadmaps', 'starter-ci'));
    const starter = await starterTemplates(scaffold.manifest, scaffold.templates, common, scaffold.variables);
    assert.deepStrictEqual(starter.errors, []);
    const rendered = renderTemplates(starter.files, scaffold.variables);
    assert.deepStrictEqual(rendered.errors, []);
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-run-checks-'));
    writeFiles(rendered.files, project);
    python = await editorsChoice(scaffold.modules.filter((m) => m !== 'pytest'));
  });

  suiteTeardown(() => {
    if (project) fs.rmSync(project, { recursive: true, force: true });
  });

  test('The workflow runs run-checks after installing the requirements, keeps the results, and commits them back only from the default branch', () => {
    const workflow = parseYaml(fs.readFileSync(path.join(project, '.github', 'workflows', 'checks.yml'), 'utf8')) as { permissions: Record<string, string>; jobs: { checks: { steps: { run?: string; if?: string; uses?: string }[] } } };
    const steps = workflow.jobs.checks.steps;
    const at = (text: string) => steps.findIndex((step) => step.run?.includes(text));
    assert.ok(at('pip install -r requirements.txt') >= 0 && at('pip install -r requirements.txt') < at('python run-checks'), 'requirements first, then run-checks');
    const commit = steps[at('git add -f .ml-roadmaps/ci-results.json')];
    assert.ok(commit, 'a step commits the results file');
    assert.ok(commit.if?.includes("github.event_name == 'push'") && commit.if.includes('default_branch'), `only pushes to the default branch commit back: ${commit.if}`);
    assert.ok(commit.run?.includes('[skip ci]'), 'the commit starts no run of its own');
    assert.strictEqual(workflow.permissions.contents, 'write');
  });

  test('The starter carries the workflow, run-checks and a lock of its check files', () => {
    for (const file of ['.github/workflows/checks.yml', 'run-checks', LOCK_PATH]) assert.ok(fs.existsSync(path.join(project, ...file.split('/'))), `${file} is written`);
    const parsed = parseCheckLock(fs.readFileSync(path.join(project, ...LOCK_PATH.split('/')), 'utf8'));
    assert.ok('lock' in parsed, 'problem' in parsed ? parsed.problem : '');
    assert.strictEqual(parsed.lock.scaffold, SCAFFOLD);
    assert.deepStrictEqual(
      parsed.lock.checks.map((c) => c.id),
      scaffold.manifest.checks.map((c) => c.id),
    );
    assert.deepStrictEqual(
      parsed.lock.files.map((f) => f.path),
      ['checks/test_steps.py'],
    );
  });

  test('It runs pytest as the editor does: the same interpreter order, arguments and modules', () => {
    const run = spawnSync(python, ['run-checks', '--explain'], { cwd: project, encoding: 'utf8' });
    assert.strictEqual(run.status, 0, run.stderr);
    const explained = JSON.parse(run.stdout) as { interpreterOrder: string[]; pytestArgs: string[]; modules: string[] };
    assert.deepStrictEqual(explained.interpreterOrder, SOURCE_ORDER);
    assert.deepStrictEqual(explained.pytestArgs, pytestArgs([], '{junit}'));
    const requirements = fs.readFileSync(path.join(project, 'requirements.txt'), 'utf8');
    assert.deepStrictEqual(
      explained.modules,
      requirementModules(requirements).filter((m) => m !== 'pytest'),
    );
  });

  test('On the starter it fails, exits non-zero, and the results file says which checks failed', () => {
    const run = runChecks(project, python);
    assert.strictEqual(run.status, 1, run.output);
    assert.ok(run.results, `a results file is written\n${run.output}`);
    assert.strictEqual(run.results.format, 1);
    assert.strictEqual(run.results.scaffold, SCAFFOLD);
    assert.strictEqual(run.results.verified, false);
    assert.deepStrictEqual(
      run.results.checks.map((c) => [c.id, c.outcome]),
      scaffold.manifest.checks.map((c) => [c.id, 'failed']),
    );
    assert.strictEqual(fs.realpathSync(run.results.interpreter.executable), python, 'the interpreter the editor would choose');
    assert.ok(fs.existsSync(path.join(project, '.ml-roadmaps', 'junit.xml')), 'a JUnit report is written');
  });

  test('On the reference solution every check passes and the run is verified', () => {
    const solution = readSolution(SCAFFOLD, SOLUTIONS_DIR);
    assert.ok(solution.solution, solution.problem);
    writeFiles(renderTemplates(solution.solution, scaffold.variables).files, project);
    const run = runChecks(project, python);
    assert.strictEqual(run.status, 0, run.output);
    assert.ok(run.results);
    assert.strictEqual(run.results.verified, true);
    assert.strictEqual(run.results.ci, false, 'a run outside CI says so');
    assert.ok(run.results.checks.every((c) => c.outcome === 'passed'), JSON.stringify(run.results.checks));
    assert.strictEqual(run.results.refused, undefined);
    assert.strictEqual(fs.realpathSync(run.results.interpreter.executable), python);
  });

  test('A check file changed after the starter was created is named, and the run is not verified', () => {
    const checkFile = path.join(project, 'checks', 'test_steps.py');
    const original = fs.readFileSync(checkFile);
    try {
      fs.appendFileSync(checkFile, '\n# an edit\n');
      const run = runChecks(project, python);
      assert.strictEqual(run.status, 3, run.output);
      assert.ok(run.results);
      assert.strictEqual(run.results.verified, false);
      assert.match(run.results.refused ?? '', /checks\/test_steps\.py differs from its lock/);
      assert.match(run.output, /not verified: checks\/test_steps\.py differs from its lock/);
    } finally {
      fs.writeFileSync(checkFile, original);
    }
  });

  test('A Python file added beside the checks (a conftest.py, say) is named too', () => {
    const added = path.join(project, 'checks', 'conftest.py');
    try {
      fs.writeFileSync(added, '');
      const run = runChecks(project, python);
      assert.strictEqual(run.status, 3, run.output);
      assert.match(run.results?.refused ?? '', /checks\/conftest\.py is not in the lock/);
    } finally {
      fs.rmSync(added, { force: true });
    }
  });
});
