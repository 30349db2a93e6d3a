import * as assert from 'assert';
import { describeFailure, failureText, factLines, isLearnerFile, projectPath } from '../../src/checks/failure';
import { parseJunit, TestResult } from '../../src/checks/junit';
import { describeGrowth, growth } from './timing';

/** Linear code grows about 10× from the 1× to the 10× input, quadratic about 100×. */
const MAX_RATIO = 30;

const HINT_AGE = 'Step 2: fill_missing_age (src/titanic_eda/data.py) should give every passenger without an age the median age of passengers of the same pclass and sex.';
const HINT_FAMILY = 'Step 5: add_family_features (src/titanic_eda/data.py) should add family_size and is_alone.';

/**
 * What pytest 7.2 wrote (junit_family=xunit1) for the Titanic starter's checks on a wrong solution,
 * one that raises, a check that lets the exception escape (its long report trimmed), and a module
 * that the learner's package imports but the interpreter lacks.
 */
const REPORT = [
  '<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="1" failures="3" skipped="0" tests="4" time="1.565">',
  `<testcase classname="checks.test_steps" name="test_fill_missing_age" file="checks/test_steps.py" line="76" time="0.016"><failure message="${HINT_AGE}&#10;On a small table the filled ages are [35.0, 35.0, 35.0], not the medians of their groups.">${HINT_AGE}`,
  'On a small table the filled ages are [35.0, 35.0, 35.0], not the medians of their groups.</failure></testcase>',
  `<testcase classname="checks.test_steps" name="test_add_family_features" file="checks/test_steps.py" line="101" time="0.004"><failure message="${HINT_FAMILY}&#10;(it raised KeyError: 'parchx'&#10;  File &quot;src/titanic_eda/data.py&quot;, line 134, in add_family_features)">${HINT_FAMILY}`,
  "(it raised KeyError: 'parchx'",
  '  File "src/titanic_eda/data.py", line 134, in add_family_features)</failure></testcase>',
  '<testcase classname="checks.test_escape" name="test_escape" file="checks/test_escape.py" line="2" time="0.014"><failure message="KeyError: \'parchx\'">self = Index([\'sibsp\'], dtype=\'object\'), key = \'parchx\'',
  '&gt;               raise KeyError(key) from err',
  "E               KeyError: 'parchx'",
  '',
  '/usr/lib/python3/dist-packages/pandas/core/indexes/base.py:3804: KeyError',
  '',
  'The above exception was the direct cause of the following exception:',
  '',
  '    def test_escape():',
  '&gt;       add_family_features(pd.DataFrame({"sibsp":[1]}))',
  '',
  'checks/test_escape.py:4: ',
  '_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ ',
  'src/titanic_eda/data.py:134: in add_family_features',
  '    out["family_size"] = out["sibsp"] + out["parchx"] + 1',
  '.venv/lib/python3.11/site-packages/pandas/core/frame.py:3807: in __getitem__',
  '    indexer = self.columns.get_loc(key)',
  "E               KeyError: 'parchx'",
  '',
  '/usr/lib/python3/dist-packages/pandas/core/indexes/base.py:3804: KeyError</failure></testcase>',
  '<testcase classname="" name="checks.test_other" file="checks/test_other.py" time="0.000"><error message="collection failure">ImportError while importing test module \'/p/checks/test_other.py\'.',
  'Traceback:',
  '/root/.pyenv/versions/3.11.7/lib/python3.11/importlib/__init__.py:126: in import_module',
  '    return _bootstrap._gcd_import(name[level:], package, level)',
  'checks/test_other.py:1: in &lt;module&gt;',
  '    from titanic_eda.data import add_family_features',
  'src/titanic_eda/__init__.py:3: in &lt;module&gt;',
  '    from titanic_eda.data import (',
  'src/titanic_eda/data.py:15: in &lt;module&gt;',
  '    import pandas as pd',
  "E   ModuleNotFoundError: No module named 'pandas'</error></testcase>",
  '</testsuite></testsuites>',
].join('\n');

function results(): TestResult[] {
  const parsed = parseJunit(REPORT);
  assert.strictEqual(parsed.error, undefined);
  return parsed.results;
}

suite('Checks: what a failed check tells the learner', () => {
  test('A wrong answer: the hint, then the check’s own sentence of what it saw; located at the check', () => {
    const failure = describeFailure(results()[0], '/p');
    assert.strictEqual(failure.hint, HINT_AGE);
    assert.deepStrictEqual(failure.facts, { said: 'On a small table the filled ages are [35.0, 35.0, 35.0], not the medians of their groups.' });
    assert.strictEqual(failureText(failure, 'unused'), `${HINT_AGE}\nOn a small table the filled ages are [35.0, 35.0, 35.0], not the medians of their groups.`);
  });

  test('The learner’s code raised: the hint, what was raised, and the learner’s line', () => {
    const failure = describeFailure(results()[1], '/p');
    assert.strictEqual(failure.hint, HINT_FAMILY);
    assert.deepStrictEqual(failure.facts, { raised: "KeyError: 'parchx'", where: { file: 'src/titanic_eda/data.py', line: 134, function: 'add_family_features' } });
    assert.deepStrictEqual(factLines(failure.facts), ["It raised KeyError: 'parchx'", 'src/titanic_eda/data.py, line 134, in add_family_features']);
    assert.strictEqual(failure.missingModule, undefined);
  });

  test('An exception that escaped a check: its type and message, at the deepest line of the learner’s code, not a library’s', () => {
    const failure = describeFailure(results()[2], '/p');
    assert.strictEqual(failure.hint, '', 'the check wrote no hint');
    assert.deepStrictEqual(failure.facts, { raised: "KeyError: 'parchx'", where: { file: 'src/titanic_eda/data.py', line: 134, function: 'add_family_features' } });
    const text = failureText(failure, 'unused');
    assert.ok(text.startsWith("It raised KeyError: 'parchx'"), text);
    assert.ok(!/self = |raise KeyError|site-packages|_ _ _/.test(text), `no raw traceback: ${text}`);
  });

  test('A module the interpreter lacks: which one, at the learner’s import', () => {
    const failure = describeFailure(results()[3], '/p');
    assert.strictEqual(failure.missingModule, 'pandas');
    assert.deepStrictEqual(failure.facts, { raised: "ModuleNotFoundError: No module named 'pandas'", where: { file: 'src/titanic_eda/data.py', line: 15 } });
    assert.strictEqual(describeFailure({ message: "No module named 'sklearn.linear_model'", exception: 'ModuleNotFoundError', details: '' }).missingModule, 'sklearn');
  });

  test('A traceback inside the message counts its deepest frame in the project; an absolute path inside the project is the project’s', () => {
    const message = [
      'Fit the model first.',
      'Traceback (most recent call last):',
      '  File "/p/checks/test_steps.py", line 40, in test_fit',
      '    model.fit(x)',
      '  File "/p/src/pkg/model.py", line 12, in fit',
      '    return self._step(x)',
      '  File "/p/src/pkg/model.py", line 30, in _step',
      '    raise ValueError("shapes")',
      '  File "/usr/lib/python3/dist-packages/numpy/core/x.py", line 5, in f',
      '(it raised ValueError: shapes (3,) and (4,) do not match)',
    ].join('\n');
    const failure = describeFailure({ message: 'Fit the model first.', exception: 'Failed', fullMessage: message, details: message }, '/p');
    assert.deepStrictEqual(failure.facts, { raised: 'ValueError: shapes (3,) and (4,) do not match', where: { file: 'src/pkg/model.py', line: 30, function: '_step' } });
  });

  test('The learner’s own code is the project’s Python files outside checks, tests, hidden folders and installed packages', () => {
    for (const file of ['src/pkg/mod.py', 'pkg/mod.py', 'app.py', 'src/checks/x.py']) assert.ok(isLearnerFile(file), file);
    for (const file of ['checks/test_steps.py', 'tests/test_data.py', 'conftest.py', '.venv/lib/python3.11/site-packages/pandas/x.py', 'venv/lib/site-packages/x.py', 'src/pkg/data.csv', '../other/x.py', 'a//b.py']) {
      assert.ok(!isLearnerFile(file), file);
    }
    assert.strictEqual(projectPath('/p/src/x.py', '/p'), 'src/x.py');
    assert.strictEqual(projectPath('C:\\Users\\me\\p\\src\\x.py', 'c:\\users\\me\\p'), 'src/x.py');
    assert.strictEqual(projectPath('/elsewhere/x.py', '/p'), undefined);
    assert.strictEqual(projectPath('./src/x.py'), 'src/x.py');
  });

  test('Garbled or empty reports still give the hint and never throw', () => {
    assert.deepStrictEqual(describeFailure({ message: 'Do X', details: '' }), { hint: 'Do X', facts: {} });
    assert.deepStrictEqual(describeFailure({ message: 'Do X', fullMessage: 'Do X\n  File "src/a.py", line 99999999999, in f', details: '' }).facts, { said: 'File "src/a.py", line 99999999999, in f' });
    const noisy = describeFailure({ message: 'Do X', fullMessage: `Do X\n${'x'.repeat(5000)}\n${'more\n'.repeat(50)}`, details: '\u0000'.repeat(100) });
    assert.ok((noisy.facts.said ?? '').length <= 600, 'what the check said is cut to a readable length');
    assert.strictEqual(failureText({ hint: '', facts: {} }, 'The check did not pass.'), 'The check did not pass.');
    // An `E` line that names a file is pytest's message, not a frame.
    assert.strictEqual(describeFailure({ message: 'boom', exception: 'RuntimeError', details: 'E   see src/x.py:12: in f' }).facts.where, undefined);
  });

  test('Reading a long report takes time in proportion to its length', function () {
    this.timeout(120_000);
    const make = (n: number) => ({
      message: 'hint',
      exception: 'Failed',
      fullMessage: `hint\n${'(it raised a\n'.repeat(n)}`,
      details: Array.from({ length: n }, (_, i) => `src/pkg/mod${i}.py:${i + 1}: in f\n    code line ${'y'.repeat(40)}\n${'E'.repeat(60)}:${'.py'.repeat(20)}`).join('\n'),
    });
    const g = growth(make, (input) => describeFailure(input, '/p').facts.where?.line, 500);
    assert.ok(g.ratio < MAX_RATIO, describeGrowth(g));
  });
});
