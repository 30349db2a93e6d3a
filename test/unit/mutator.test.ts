import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from './helpers';

const TOOL_DIR = path.join(ROOT, 'test', 'prove');

interface Mutant {
  id: string;
  line: number;
  description: string;
}

type Listed = Mutant & { source: string };

/**
 * The mutants of each solution (the file `m.py`) against its starter, each with the mutated module
 * unparsed; every mutated module must compile, and so must its function alone. One Python for all.
 */
function mutantsOf(pairs: readonly { solution: string; starter?: string }[]): Listed[][] {
  const script = [
    'import ast, json, sys',
    `sys.path.insert(0, ${JSON.stringify(TOOL_DIR)})`,
    'import mutate',
    'answers = []',
    'for request in json.load(sys.stdin):',
    '    changed = mutate.changed_lines(request.get("starter", ""), request["solution"])',
    '    out = []',
    '    for m in mutate.list_mutants(request["solution"], "m.py", changed):',
    '        tree, found = mutate.mutated_tree(request["solution"], "m.py", changed, m.id)',
    '        source = ast.unparse(tree)',
    '        compile(source, "m.py", "exec")',
    '        mutate.unit_code(tree, found, "m.py")',
    '        out.append({"id": m.id, "line": m.line, "description": m.description, "source": source})',
    '    answers.append(out)',
    'print(json.dumps(answers))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(pairs), encoding: 'utf8' })) as Listed[][];
}

const mutants = (solution: string, starter = ''): Listed[] => mutantsOf([{ solution, starter }])[0];

const lines = (...text: string[]) => `${text.join('\n')}\n`;

suite('Mutation proof: the mutator', function () {
  this.timeout(60_000);

  test('Each operator makes its mutant, with its id and description', () => {
    // [function body line, mutant id, description, the mutated line as ast.unparse writes it]
    const cases: [string, string, string, string][] = [
      ['return a < b', 'm.py::f::compare-boundary#1', 'line 2: < → <=', 'return a <= b'],
      ['return a >= b', 'm.py::f::compare-boundary#1', 'line 2: >= → >', 'return a > b'],
      ['return a < b', 'm.py::f::compare-direction#1', 'line 2: < → >', 'return a > b'],
      ['return a == b', 'm.py::f::compare-negate#1', 'line 2: == → !=', 'return a != b'],
      ['return a + b', 'm.py::f::arithmetic#1', 'line 2: + → -', 'return a - b'],
      ['return a * b', 'm.py::f::arithmetic#1', 'line 2: * → /', 'return a / b'],
      ['return a / b', 'm.py::f::arithmetic#1', 'line 2: / → *', 'return a * b'],
      ['return a / b', 'm.py::f::arithmetic#2', 'line 2: / → //', 'return a // b'],
      ['return a // b', 'm.py::f::arithmetic#1', 'line 2: // → /', 'return a / b'],
      ['return a ** b', 'm.py::f::arithmetic#1', 'line 2: ** → *', 'return a * b'],
      ['a += b', 'm.py::f::aug-assign#1', 'line 2: += → -=', 'a -= b'],
      ['return a and b', 'm.py::f::bool-op#1', 'line 2: and → or', 'return a or b'],
      ['return not a', 'm.py::f::drop-not#1', 'line 2: not a → a', 'return a'],
      ['return True', 'm.py::f::bool-constant#1', 'line 2: True → False', 'return False'],
      ['return a[3]', 'm.py::f::number#1', 'line 2: 3 → 4', 'return a[4]'],
      ['return a[3]', 'm.py::f::number#2', 'line 2: 3 → 2', 'return a[2]'],
      ['return a * 0.5', 'm.py::f::number#1', 'line 2: 0.5 → 1.0', 'return a * 1.0'],
      ['return a + 0.0', 'm.py::f::number#1', 'line 2: 0.0 → 1.0', 'return a + 1.0'],
      ['return a + b', 'm.py::f::return-none#1', 'line 2: return a + b → return None', 'return None'],
      ['a = b', 'm.py::f::delete-statement#1', 'line 2: a = b → pass', 'pass'],
      ['a.fit(b)', 'm.py::f::delete-statement#1', 'line 2: a.fit(b) → pass', 'pass'],
      ['return a.sum(axis=0)', 'm.py::f::axis#1', 'line 2: axis=0 → axis=1', 'return a.sum(axis=1)'],
      ['return a.sum(axis=0)', 'm.py::f::axis#2', 'line 2: axis=0 removed', 'return a.sum()'],
      ['return a.softmax(dim=-1)', 'm.py::f::axis#1', 'line 2: dim=-1 → dim=0', 'return a.softmax(dim=0)'],
      ['return a.mean()', 'm.py::f::method-swap#1', 'line 2: .mean() → .median()', 'return a.median()'],
      ['return a.mean()', 'm.py::f::method-swap#2', 'line 2: .mean() → .sum()', 'return a.sum()'],
      ['return a.sum()', 'm.py::f::method-swap#1', 'line 2: .sum() → .mean()', 'return a.mean()'],
      ['return a.max()', 'm.py::f::method-swap#1', 'line 2: .max() → .min()', 'return a.min()'],
      ['return a.argmax()', 'm.py::f::method-swap#1', 'line 2: .argmax() → .argmin()', 'return a.argmin()'],
      ['return a.transform("median")', 'm.py::f::method-swap#1', 'line 2: transform("median") → transform("mean")', "return a.transform('mean')"],
      ['return a[:b]', 'm.py::f::slice-bound#1', 'line 2: […:b] → […:b + 1]', 'return a[:b + 1]'],
      ['return a[1:]', 'm.py::f::slice-shift#1', 'line 2: [1:] → [:-1]', 'return a[:-1]'],
      ['return a[:-1]', 'm.py::f::slice-shift#1', 'line 2: [:-1] → [1:]', 'return a[1:]'],
      ['return range(b)', 'm.py::f::range#1', 'line 2: range(b) → range(b - 1)', 'return range(b - 1)'],
      ['return range(b)', 'm.py::f::range#2', 'line 2: range(b) → range(1, b)', 'return range(1, b)'],
    ];
    const listed = mutantsOf(cases.map(([body]) => ({ solution: lines('def f(a, b):', `    ${body}`) })));
    for (const [index, [body, id, description, mutated]] of cases.entries()) {
      const found = listed[index].find((m) => m.id === id);
      assert.ok(found, `${body}: no mutant ${id}`);
      assert.strictEqual(found.description, description, body);
      assert.strictEqual(found.source.split('\n')[1].trim(), mutated, body);
    }
  });

  test('Mutates only the lines the solution changes, inside functions', () => {
    const starter = lines('LIMIT = 3', '', 'def f(a, b):', '    total = a + b', '    # TODO: return the total minus one', '    raise NotImplementedError', '');
    const solution = lines('LIMIT = 3', '', 'def f(a, b):', '    total = a + b', '    return total - 1', '');
    const found = mutants(solution, starter);
    assert.ok(found.length > 0);
    assert.deepStrictEqual([...new Set(found.map((m) => m.line))], [5]);
    // Counted over the whole function, so the changed line's arithmetic is the second.
    assert.deepStrictEqual(
      found.map((m) => m.id),
      ['m.py::f::return-none#1', 'm.py::f::arithmetic#2', 'm.py::f::number#1', 'm.py::f::number#2'],
    );
  });

  test('Leaves docstrings, prints, logging, warnings, messages, annotations, plot dressing, seeds and epsilons alone', () => {
    const found = mutants(
      lines(
        'import logging, warnings',
        'def f(a: int = 1, b: list[int] = []) -> dict[str, int]:',
        '    """Adds 1 + 2 and returns True."""',
        '    print("sum", a + 1, a < 2)',
        '    logging.info("n=%d", a * 2)',
        '    logger = logging.getLogger(__name__)',
        '    logger.warning("x", a - 1)',
        '    warnings.warn(f"{a + 1} is big")',
        '    assert a > 0, f"a must be over {a - 1}"',
        '    if a > 10:',
        '        raise ValueError(f"a is {a + 1}")',
        '    c: int = 1',
        '    fig, ax = plt.subplots(figsize=(8, 4), dpi=100)',
        '    ax.set_title(f"{c + 1} things"); ax.axis("off"); fig.tight_layout()',
        '    torch.manual_seed(0)',
        '    return c / (a + 1e-8)',
      ),
    );
    const described = found.map((m) => `${m.line}: ${m.description}`);
    assert.deepStrictEqual(
      described.filter((d) => /^([2-5]|7|8|11):/.test(d)),
      [],
      'nothing from the signature, the docstring, print, logging, warnings or a raise message',
    );
    // The assert's test is code, its message is not; the annotated assignment's value is code, its type is not.
    assert.ok(described.includes('9: line 9: > → >='));
    assert.deepStrictEqual(found.filter((m) => m.line === 9 && m.id.includes('arithmetic')), []);
    assert.deepStrictEqual(
      found.filter((m) => m.line === 12).map((m) => m.description),
      ['line 12: c: int = 1 → pass', 'line 12: 1 → 2', 'line 12: 1 → 0'],
    );
    assert.deepStrictEqual(
      found.filter((m) => m.line > 12).map((m) => m.description),
      ['line 13: fig, ax = plt.subplots(figsize=(8, 4), … → pass', 'line 16: return c / (a + 1e-08) → return None', 'line 16: / → *', 'line 16: / → //', 'line 16: + → -'],
    );
  });

  test('Ids stay the same when an unrelated function above is edited', () => {
    const g = ['def g(xs):', '    total = 0', '    for x in xs[1:]:', '        if x > 0:', '            total += x * 2', '    return total'];
    const [before, after] = mutantsOf([{ solution: lines('def f(a):', '    return a + 1', '', ...g) }, { solution: lines('import math', '', 'def f(a, b):', '    c = a * b - 1', '    return math.sqrt(c) + a < 3', '', ...g) }]);
    const ofG = (list: Mutant[]) => list.filter((m) => m.id.includes('::g::')).map((m) => `${m.id} ${m.description.replace(/^line \d+: /, '')}`);
    assert.ok(ofG(before).length >= 10);
    assert.deepStrictEqual(ofG(after), ofG(before));
  });

  test('Methods, nested functions and decorated functions give mutants that compile as their unit', () => {
    const found = mutants(
      lines(
        'import functools',
        'class Model:',
        '    def __init__(self, n):',
        '        super().__init__()',
        '        self.n = n',
        '    @property',
        '    def double(self):',
        '        return self.n * 2',
        '    @staticmethod',
        '    def helper(x):',
        '        def inner(y):',
        '            return y - 1',
        '        return [inner(v) for v in range(x) if v > 1]',
        '@functools.lru_cache(maxsize=None)',
        'def cached(a):',
        '    return a // 2',
      ),
    );
    const ids = found.map((m) => m.id);
    for (const id of ['m.py::Model.__init__::delete-statement#1', 'm.py::Model.double::arithmetic#1', 'm.py::Model.helper.inner::arithmetic#1', 'm.py::Model.helper::compare-boundary#1', 'm.py::cached::arithmetic#1']) {
      assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    }
  });
});

suite('Mutation proof: the worker', function () {
  // Seconds on an idle machine; the budget is for a busy one.
  this.timeout(400_000);

  test('Kills a mutant that hangs, runs a wrapped function by rewriting its file, and reports code no check runs', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutator-'));
    try {
      const write = (relative: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, 'project', relative)), { recursive: true });
        fs.writeFileSync(path.join(dir, 'project', relative), text);
      };
      const starter = lines('class Memo:', '    def __init__(self, f):', '        self.f = f', '    def __call__(self, *args):', '        return self.f(*args)', '', 'def countdown(n):', '    pass', '', '@Memo', 'def halve(n):', '    pass', '', 'def unused(n):', '    pass');
      const solution = lines('class Memo:', '    def __init__(self, f):', '        self.f = f', '    def __call__(self, *args):', '        return self.f(*args)', '', 'def countdown(n):', '    while n != 0:', '        n -= 1', '    return n', '', '@Memo', 'def halve(n):', '    return n // 2', '', 'def unused(n):', '    return n * 3');
      write('calc.py', solution);
      write('pytest.ini', '[pytest]\n');
      write('checks/test_steps.py', lines('from calc import countdown, halve', '', 'def test_countdown():', '    assert countdown(3) == 0, "countdown should reach 0"', '', 'def test_halve():', '    assert halve(9) == 4, "halve should floor"'));
      const spec = {
        project: path.join(dir, 'project'),
        files: [{ path: 'calc.py', idPath: 'calc.py', starter }],
        checks: [
          { id: 'countdown', nodeid: 'checks/test_steps.py::test_countdown' },
          { id: 'halve', nodeid: 'checks/test_steps.py::test_halve' },
        ],
        // Fewer to run: one timeout and one rewrite are enough, and each costs seconds.
        skip: ['calc.py::countdown::number#2', 'calc.py::countdown::delete-statement#1', 'calc.py::countdown::number#3', 'calc.py::countdown::number#4', 'calc.py::halve::return-none#1', 'calc.py::halve::number#1', 'calc.py::halve::number#2'],
        minTimeout: 1,
        timeoutFactor: 5,
      };
      fs.writeFileSync(path.join(dir, 'spec.json'), JSON.stringify(spec));
      execFileSync('python3', [path.join(TOOL_DIR, 'mutants_worker.py'), path.join(dir, 'spec.json'), path.join(dir, 'out.jsonl')], { env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }, stdio: 'pipe', timeout: 380_000 });
      const records = fs.readFileSync(path.join(dir, 'out.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      const results = new Map(records.filter((r) => r.kind === 'result').map((r) => [r.id as string, r] as const));
      const listed = (records.find((r) => r.kind === 'mutants')?.mutants as Mutant[]).map((m) => m.id);

      // `n -= 1` → `n += 1` never reaches 0: killed by the timeout, not left running.
      const hang = results.get('calc.py::countdown::aug-assign#1');
      assert.strictEqual(hang?.status, 'killed');
      assert.match(String(hang?.how), /^timed out/);
      const baseline = Number(records.find((r) => r.kind === 'baseline' && r.check === 'countdown')?.seconds);
      const budget = Math.max(spec.minTimeout, spec.timeoutFactor * baseline);
      assert.ok(Number(hang?.seconds) >= budget && Number(hang?.seconds) < budget + 5, `killed after ${String(hang?.seconds)} s, the budget was ${budget} s`);
      // `!= 0` → `== 0` returns 3 at once: a check fails.
      assert.deepStrictEqual([results.get('calc.py::countdown::compare-negate#1')?.status, results.get('calc.py::countdown::compare-negate#1')?.how], ['killed', 'a check fails']);
      // Memo keeps the function where no __wrapped__ leads: the file is rewritten, and put back.
      const halve = results.get('calc.py::halve::arithmetic#1');
      assert.deepStrictEqual([halve?.status, halve?.rewrite], ['killed', true]);
      assert.strictEqual(fs.readFileSync(path.join(dir, 'project', 'calc.py'), 'utf8'), solution);
      // No check calls unused(): its mutants survive, saying so.
      assert.deepStrictEqual([results.get('calc.py::unused::arithmetic#1')?.status, results.get('calc.py::unused::arithmetic#1')?.how], ['survived', 'no check runs this code']);
      // A skipped (equivalent) mutant is listed but not run.
      assert.ok(listed.includes('calc.py::countdown::number#2'));
      assert.ok(!results.has('calc.py::countdown::number#2'));
      assert.strictEqual(results.size, listed.length - spec.skip.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
