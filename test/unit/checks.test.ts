import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hintOf, nodeIdOf, parseJunit, parseXml } from '../../src/checks/junit';
import { describeTried, findPython, probePython, pythonCandidates, requirementModules } from '../../src/checks/python';
import { CappedOutput, runPytest } from '../../src/checks/run';
import { describeGrowth, growth } from './timing';

/** What pytest 7.2 wrote (junit_family=xunit1) for a few kinds of tests; trimmed tracebacks. */
const REPORT = [
  '<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="1" failures="4" skipped="1" tests="8" time="0.087">',
  '<testcase classname="checks.test_steps" name="test_assert_msg" file="checks/test_steps.py" line="1" time="0.001">',
  '<failure message="AssertionError: Fill the missing ages: use the median&#10;  second line&#10;assert 1 == 2">def test_assert_msg():',
  '&gt;       assert 1 == 2, "Fill the missing ages: use the median\\nsecond line"',
  'E       AssertionError: Fill the missing ages: use the median',
  '',
  'checks/test_steps.py:3: AssertionError</failure></testcase>',
  '<testcase classname="checks.test_steps" name="test_fail_nopytrace" file="checks/test_steps.py" line="5" time="0.000"><failure message="Write the model &lt;b&gt; &amp; &quot;x&quot;">Write the model &lt;b&gt; &amp; "x"</failure></testcase>',
  '<testcase classname="checks.test_steps" name="test_nie" file="checks/test_steps.py" line="9" time="0.000"><failure message="NotImplementedError: TODO step 2">E       NotImplementedError: TODO step 2</failure></testcase>',
  '<testcase classname="checks.test_steps" name="test_pass" file="checks/test_steps.py" line="11" time="0.250" />',
  '<testcase classname="checks.test_steps" name="test_skip" file="checks/test_steps.py" line="13" time="0.000"><skipped type="pytest.skip" message="needs gymnasium">/p/checks/test_steps.py:15: needs gymnasium</skipped></testcase>',
  '<testcase classname="checks.test_steps" name="test_err" file="checks/test_steps.py" line="18" time="0.002"><error message="failed on setup with &quot;RuntimeError: fixture broke&quot;">E       RuntimeError: fixture broke</error></testcase>',
  '<testcase classname="checks.test_steps.TestK" name="test_m" file="checks/test_steps.py" line="24" time="0.000"><failure message="AssertionError: class hint&#10;assert False"><![CDATA[raw <text>]]></failure></testcase>',
  '<testcase classname="" name="checks.test_bad" file="checks/test_bad.py" time="0.000"><error message="collection failure">ImportError while importing test module',
  'E   ModuleNotFoundError: No module named \'xyz\'</error></testcase>',
  '</testsuite></testsuites>',
].join('\n');

suite('Checks: JUnit reports', () => {
  test('Reads every outcome, the hint, the file, the 1-based lines and the duration', () => {
    const { results, error } = parseJunit(REPORT);
    assert.strictEqual(error, undefined);
    const brief = results.map((r) => [r.nodeid, r.outcome, r.message, r.exception ?? '', r.line ?? 0, r.failureLine ?? 0]);
    assert.deepStrictEqual(brief, [
      ['checks/test_steps.py::test_assert_msg', 'failed', 'Fill the missing ages: use the median', 'AssertionError', 2, 3],
      ['checks/test_steps.py::test_fail_nopytrace', 'failed', 'Write the model <b> & "x"', '', 6, 0],
      ['checks/test_steps.py::test_nie', 'failed', 'TODO step 2', 'NotImplementedError', 10, 0],
      ['checks/test_steps.py::test_pass', 'passed', '', '', 12, 0],
      ['checks/test_steps.py::test_skip', 'skipped', 'needs gymnasium', '', 14, 0],
      ['checks/test_steps.py::test_err', 'error', 'failed on setup with "RuntimeError: fixture broke"', '', 19, 0],
      ['checks/test_steps.py::TestK::test_m', 'failed', 'class hint', 'AssertionError', 25, 0],
      ['checks/test_bad.py', 'error', "No module named 'xyz'", 'ModuleNotFoundError', 0, 0],
    ]);
    assert.strictEqual(results[3].duration, 0.25);
    assert.match(results[0].details, /^def test_assert_msg\(\):\n> {7}assert 1 == 2/);
    assert.strictEqual(results[6].details, 'raw <text>');
    assert.strictEqual(results[0].file, 'checks/test_steps.py');
  });

  test('Strips the exception-class prefix of the first line only', () => {
    assert.deepStrictEqual(hintOf('AssertionError: Do X\nassert False'), { message: 'Do X', exception: 'AssertionError' });
    assert.deepStrictEqual(hintOf('Failed: Train the model first'), { message: 'Train the model first', exception: 'Failed' });
    assert.deepStrictEqual(hintOf('_pytest.outcomes.Failed: Train'), { message: 'Train', exception: 'Failed' });
    assert.deepStrictEqual(hintOf('NotImplementedError'), { message: '', exception: 'NotImplementedError' });
    assert.deepStrictEqual(hintOf('\n  Step 2: fill the ages\n'), { message: 'Step 2: fill the ages' });
    assert.deepStrictEqual(hintOf('assert 1 == 2'), { message: 'assert 1 == 2' });
  });

  test('Maps class names back to node ids, with or without the file attribute', () => {
    assert.strictEqual(nodeIdOf('checks.test_steps', 'test_x', 'checks/test_steps.py'), 'checks/test_steps.py::test_x');
    assert.strictEqual(nodeIdOf('checks.test_steps.TestA', 'test_x[1-2]', 'checks/test_steps.py'), 'checks/test_steps.py::TestA::test_x[1-2]');
    assert.strictEqual(nodeIdOf('checks.test_steps', 'test_x', undefined), 'checks/test_steps.py::test_x');
    assert.strictEqual(nodeIdOf('checks.test_steps.TestA', 'test_x', undefined), 'checks/test_steps.py::TestA::test_x');
    // A lower-case class is found when it is among the node ids asked for.
    assert.strictEqual(nodeIdOf('checks.test_steps.lower', 'test_x', undefined, new Set(['checks/test_steps.py::lower::test_x'])), 'checks/test_steps.py::lower::test_x');
    assert.strictEqual(nodeIdOf('checks.test_steps', 'test_p[2]', undefined, new Set(['checks/test_steps.py::test_p'])), 'checks/test_steps.py::test_p[2]');
    assert.strictEqual(nodeIdOf('', 'checks.test_bad', undefined), 'checks/test_bad.py');
  });

  test('Keeps the worst outcome of a test reported twice and adds the durations', () => {
    const xml = '<testsuite><testcase classname="t" name="a" time="1"/><testcase classname="t" name="a" time="2"><error message="teardown broke"/></testcase></testsuite>';
    const { results } = parseJunit(xml);
    assert.deepStrictEqual(results.map((r) => [r.nodeid, r.outcome, r.message, r.duration]), [['t.py::a', 'error', 'teardown broke', 3]]);
  });

  test('Reports unreadable input with a position and never throws', () => {
    const bad: [string, RegExp][] = [
      ['', /no element/],
      ['not xml at all', /^the JUnit report is not valid XML: 1:1: text outside the root element/],
      ['<testsuites><testsuite></testsuites>', /1:24: <\/testsuites> closes <testsuite>/],
      ['<testsuites>\n  <testcase name="a" name="b"/></testsuites>', /2:22: the attribute name appears twice/],
      ['<testsuites><testcase name="&bogus;"/></testsuites>', /unknown entity/],
      ['<!DOCTYPE x [<!ENTITY a "b">]><testsuites/>', /DOCTYPE/],
      ['<testsuites><testcase', /malformed|never closed/],
      ['<html><body/></html>', /starts with <html>/],
      ['<testsuites/><testsuites/>', /a second root element/],
      ['<testsuites><!-- open', /unclosed comment/],
      ['<testsuites>\u0000<x a="1" b=2/></testsuites>', /malformed/],
    ];
    for (const [text, expected] of bad) {
      const { results, error } = parseJunit(text);
      assert.deepStrictEqual(results, [], JSON.stringify(text));
      assert.match(error ?? '', expected, JSON.stringify(text));
    }
  });

  test('Reads a large report and large garbage in linear time', function () {
    this.timeout(120_000);
    const one = '<testcase classname="checks.test_steps" name="test_NAME" file="checks/test_steps.py" line="3" time="0.01"><failure message="AssertionError: hint &amp; more">E   x\nchecks/test_steps.py:9: AssertionError</failure></testcase>';
    const report = (n: number) => `<testsuites><testsuite>${Array.from({ length: n }, (_, i) => one.replace('NAME', String(i))).join('')}</testsuite></testsuites>`;
    const big = parseJunit(report(5_000));
    assert.strictEqual(big.results.length, 5_000);
    assert.strictEqual(big.results[4_999].failureLine, 9);
    // Ten times the input takes far less than a hundred times as long (a quadratic reader would);
    // the best of several rounds, so a moment of load on a shared machine does not decide.
    const g = growth(report, (text) => parseJunit(text).results.length, 500);
    assert.ok(g.ratio < 30, describeGrowth(g));
    for (const garbage of ['<'.repeat(50_000), `<a ${'b="1" '.repeat(25_000)}`, `<a>${'&amp'.repeat(25_000)}</a>`, `<a x="${'&'.repeat(50_000)}`, '<a>'.repeat(25_000)]) {
      const start = Date.now();
      const { error } = parseJunit(garbage);
      assert.ok(error, 'garbage is refused');
      assert.ok(Date.now() - start < 2000, `garbage is refused quickly: ${garbage.slice(0, 10)}`);
    }
  });

  test('A class name of many dotted parts is read in linear time', function () {
    this.timeout(120_000);
    // 16k parts took 51 s when every way of splitting them was built as a string.
    const make = (n: number) => {
      const parts = Array.from({ length: n }, (_, i) => `p${i}`);
      const classname = parts.join('.');
      return { classname, known: new Set([`${parts.slice(0, n - 1).join('/')}.py::${parts[n - 1]}::test_x`, 'checks/test_steps.py::test_y']) };
    };
    const { classname, known } = make(5);
    assert.strictEqual(nodeIdOf(classname, 'test_x', undefined, known), 'p0/p1/p2/p3.py::p4::test_x');
    assert.strictEqual(nodeIdOf(classname, 'test_x[1]', undefined, known), 'p0/p1/p2/p3.py::p4::test_x[1]');
    assert.strictEqual(nodeIdOf(classname, 'test_z', undefined, known), 'p0/p1/p2/p3/p4.py::test_z');
    const g = growth(make, (input) => nodeIdOf(input.classname, 'test_x', undefined, input.known), 1_600);
    assert.ok(g.ratio < 30, describeGrowth(g));
  });

  test('Reads nested elements, comments, processing instructions and character references', () => {
    const { root } = parseXml('\uFEFF<?xml version="1.0"?>\n<!-- c --><a x=\'1&#65;&#x42;\'><b/>t<![CDATA[<&>]]><c>u</c></a>\n');
    assert.strictEqual(root?.name, 'a');
    assert.strictEqual(root.attributes.get('x'), '1AB');
    assert.deepStrictEqual(root.children.map((c) => c.name), ['b', 'c']);
    assert.strictEqual(root.text, 't<&>');
  });
});

suite('Checks: finding Python', () => {
  let dir: string;
  setup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checks-python-'));
  });
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A fake interpreter: a shell script in `folder` named `name` that runs `body`. */
  const fake = (folder: string, name: string, body: string) => {
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
    const file = path.join(dir, folder, name);
    fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return file;
  };
  const json = (value: object) => `echo '${JSON.stringify(value)}'`;

  test('Lists explicit candidates first, then python3 and python of each PATH folder, once per real file', () => {
    const a3 = fake('a', 'python3', 'exit 0');
    fs.symlinkSync(a3, path.join(dir, 'a', 'python'));
    const b = fake('b', 'python', 'exit 0');
    fake('c', 'python2', 'exit 0');
    const explicit = fake('venv/bin', 'python', 'exit 0');
    const pathEnv = ['a', 'b', 'c', 'missing'].map((f) => path.join(dir, f)).join(':');
    const found = pythonCandidates({ explicit: [explicit, undefined, '  ', 'python3', b], pathEnv, platform: 'linux' });
    // The bare "python3" is the same file as a/python3, so a/python3 is not listed twice; b came explicitly.
    assert.deepStrictEqual(found, [explicit, 'python3', b]);
    assert.deepStrictEqual(pythonCandidates({ pathEnv, platform: 'linux' }), [a3, b]);
  });

  test('Says why each candidate was not used', async () => {
    const noPytest = fake('x', 'python3', json({ version: '3.12.1 (main)', executable: '/x/python3', info: [3, 12], missing: ['pytest'] }));
    const old = fake('y', 'python', json({ version: '2.7.18', executable: '/y/python', info: [2, 7], missing: [] }));
    const lacking = fake('z', 'python3', json({ version: '3.11.2', executable: '/z/python3', info: [3, 11], pytest: '7.2.1', missing: ['torch'] }));
    const broken = fake('w', 'python3', 'echo "boom" >&2; exit 3');
    const slow = fake('s', 'python3', 'exec sleep 5');
    const results = await Promise.all([
      probePython(noPytest),
      probePython(old),
      probePython(lacking, { modules: ['torch'] }),
      probePython(broken),
      probePython(slow, { timeoutMs: 300 }),
      probePython(path.join(dir, 'nowhere', 'python3')),
    ]);
    assert.deepStrictEqual(
      results.map((r) => [r.ok, r.failure, r.reason]),
      [
        [false, 'no-pytest', 'has no pytest'],
        [false, 'too-old', 'is Python 2.7; the checks need Python 3.8 or newer'],
        [false, 'missing-modules', 'lacks torch'],
        [false, 'failed', 'exited with code 3: boom'],
        [false, 'timeout', 'did not answer within 300 ms'],
        [false, 'not-found', 'was not found'],
      ],
    );
    assert.strictEqual(results[2].pytestVersion, '7.2.1');
    assert.match(describeTried(results.slice(0, 1)), /^.*x\/python3 \(Python 3\.12\.1\): has no pytest$/);
    assert.strictEqual(describeTried([]), 'no python3 or python was found on PATH');
  });

  test('Finds a real interpreter with pytest here, after one that lacks it on PATH', async function () {
    this.timeout(60_000);
    // The checks need it: fail loudly rather than skip when this machine has none.
    const real = await findPython();
    assert.ok(real.found, `no Python with pytest on PATH; install pytest (scripts/deps.sh does). Tried:\n${describeTried(real.tried)}`);
    const first = fake('first', 'python3', json({ version: '3.12.1', executable: '/first/python3', info: [3, 12], missing: ['pytest'] }));
    const wrapper = fake('second', 'python3', `exec "${real.found.command}" "$@"`);
    const result = await findPython({ pathEnv: [path.join(dir, 'first'), path.join(dir, 'second')].join(':') });
    assert.deepStrictEqual(result.tried.map((t) => [t.command, t.ok]), [
      [first, false],
      [wrapper, true],
    ]);
    assert.strictEqual(result.found?.command, wrapper);
    assert.match(result.found?.pytestVersion ?? '', /^\d+\.\d+/);
    const none = await findPython({ pathEnv: path.join(dir, 'first') }, { timeoutMs: 5000 });
    assert.strictEqual(none.found, undefined);
    assert.strictEqual(none.tried[0].failure, 'no-pytest');
  });

  test('Turns requirements.txt into import names', () => {
    const text = '# pinned\nscikit-learn==1.5.2\nopencv-python-headless==4.10.0.84  # cv\nPillow==10.4.0\nuvicorn[standard]==0.30.6\ntorch==2.4.1 ; python_version >= "3.9"\n-r other.txt\n--index-url https://x\nnumpy==2.1\nnumpy==2.1\npython_dateutil==2.9\n\n';
    assert.deepStrictEqual(requirementModules(text), ['sklearn', 'cv2', 'PIL', 'uvicorn', 'torch', 'numpy', 'dateutil']);
  });
});

suite('Checks: running pytest', () => {
  let project: string;
  let python: string;

  suiteSetup(async function () {
    this.timeout(60_000);
    const found = await findPython();
    // Fail loudly: without pytest these tests would prove nothing.
    assert.ok(found.found, `no Python with pytest on PATH; install pytest (scripts/deps.sh does). Tried:\n${describeTried(found.tried)}`);
    python = found.found.command;
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'checks-run-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
      fs.writeFileSync(path.join(project, file), text);
    };
    write('pytest.ini', '[pytest]\npythonpath = src\ntestpaths = tests\n');
    write('src/demo.py', 'def double(x):\n    raise NotImplementedError("TODO")\n\ndef ok():\n    return 1\n');
    write('tests/test_done.py', 'from demo import ok\n\ndef test_ok():\n    assert ok() == 1\n');
    write(
      'checks/test_steps.py',
      [
        'import time, pytest',
        'from demo import double',
        '',
        'def test_double():',
        '    try:',
        '        result = double(2)',
        '    except NotImplementedError:',
        '        pytest.fail("Write double: return twice the number.", pytrace=False)',
        '    assert result == 4, "double(2) should be 4"',
        '',
        '@pytest.mark.parametrize("x", [1, 2])',
        'def test_param(x):',
        '    assert x == 1, "x must be one"',
        '',
        'def test_loud():',
        '    print("x" * 200000)',
        '    assert False, "loud"',
        '',
        'def test_slow():',
        '    time.sleep(60)',
        '',
      ].join('\n'),
    );
    write('checks/test_broken.py', 'import not_a_module_anywhere\n\ndef test_a():\n    pass\n');
  });
  suiteTeardown(() => {
    if (project) fs.rmSync(project, { recursive: true, force: true });
  });

  const env = () => ({ ...process.env, PYTHONDONTWRITEBYTECODE: '1' });

  test('Runs node ids and returns one result per id asked for, in order, with hints', async function () {
    this.timeout(120_000);
    const run = await runPytest({ python, cwd: project, nodeids: ['checks/test_steps.py::test_param', 'checks/test_steps.py::test_double', 'tests/test_done.py::test_ok', 'checks/test_steps.py::test_loud'], env: env(), timeoutMs: 110_000, maxOutputBytes: 10_000 });
    assert.strictEqual(run.status, 'completed', run.output);
    assert.strictEqual(run.exitCode, 1);
    assert.deepStrictEqual(run.results.map((r) => [r.nodeid, r.outcome, r.message]), [
      ['checks/test_steps.py::test_param', 'failed', 'x must be one'],
      ['checks/test_steps.py::test_double', 'failed', 'Write double: return twice the number.'],
      ['tests/test_done.py::test_ok', 'passed', ''],
      ['checks/test_steps.py::test_loud', 'failed', 'loud'],
    ]);
    assert.strictEqual(run.results[1].file, 'checks/test_steps.py');
    assert.strictEqual(run.results[1].line, 4);
    // The 200 kB printed by test_loud is cut to the cap, keeping the start and the summary at the end.
    assert.ok(run.truncated);
    assert.ok(run.output.length < 11_000, String(run.output.length));
    assert.match(run.output, /bytes of output left out/);
    assert.match(run.output, /failed/);
  });

  test('Without node ids runs the default selection (testpaths)', async function () {
    this.timeout(120_000);
    const run = await runPytest({ python, cwd: project, nodeids: [], env: env(), timeoutMs: 110_000 });
    assert.strictEqual(run.exitCode, 0, run.output);
    assert.deepStrictEqual(run.results.map((r) => [r.nodeid, r.outcome]), [['tests/test_done.py::test_ok', 'passed']]);
  });

  test('A missing test or a file that cannot be imported does not hide the other results', async function () {
    this.timeout(180_000);
    const run = await runPytest({ python, cwd: project, nodeids: ['checks/test_broken.py::test_a', 'checks/test_steps.py::test_gone', 'tests/test_done.py::test_ok'], env: env(), timeoutMs: 170_000 });
    assert.deepStrictEqual(run.results.map((r) => [r.nodeid, r.outcome, r.message]), [
      ['checks/test_broken.py::test_a', 'error', "No module named 'not_a_module_anywhere'"],
      ['checks/test_steps.py::test_gone', 'error', 'pytest found no test checks/test_steps.py::test_gone: the file or the test is missing or renamed'],
      ['tests/test_done.py::test_ok', 'passed', ''],
    ]);
  });

  test('Stops at the timeout and on cancel, reporting every id as an error', async function () {
    this.timeout(60_000);
    const started = Date.now();
    const timedOut = await runPytest({ python, cwd: project, nodeids: ['checks/test_steps.py::test_slow'], env: env(), timeoutMs: 4_000 });
    assert.strictEqual(timedOut.status, 'timeout');
    assert.ok(Date.now() - started < 15_000);
    assert.deepStrictEqual(timedOut.results.map((r) => [r.outcome, r.message]), [['error', 'the run took longer than 4 s and was stopped']]);

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1_000);
    const cancelled = await runPytest({ python, cwd: project, nodeids: ['checks/test_steps.py::test_slow'], env: env(), timeoutMs: 50_000, signal: controller.signal });
    assert.strictEqual(cancelled.status, 'cancelled');
    assert.strictEqual(cancelled.results[0].message, 'the run was cancelled');
  });

  test('Refuses an option in place of a node id and a missing interpreter, without throwing', async () => {
    const option = await runPytest({ python, cwd: project, nodeids: ['--junitxml=/tmp/x'], env: env(), timeoutMs: 5_000 });
    assert.strictEqual(option.status, 'not-started');
    assert.match(option.error ?? '', /is not a node id/);
    const missing = await runPytest({ python: path.join(project, 'no-python'), cwd: project, nodeids: ['a.py::t'], env: env(), timeoutMs: 5_000 });
    assert.strictEqual(missing.status, 'not-started');
    assert.match(missing.results[0].message, /could not start .*no-python: not found/);
  });

  test('Caps output, keeping the start and the end', () => {
    const capped = new CappedOutput(10);
    for (const part of ['abc', 'defgh', 'ijklmnop', 'qrstuvwxyz']) capped.add(Buffer.from(part));
    assert.ok(capped.truncated);
    assert.strictEqual(capped.text(), 'abcde\n… 16 bytes of output left out …\nvwxyz');
    const small = new CappedOutput(100);
    small.add(Buffer.from('all of it'));
    assert.strictEqual(small.text(), 'all of it');
    assert.ok(!small.truncated);
  });
});
