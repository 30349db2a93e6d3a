import * as assert from 'assert';
import { MAX_ALIASES, MAX_FILE_BYTES } from '../../src/model/loader';
import { formatError, RoadmapError, tasksOf } from '../../src/model/types';
import { starterRoadmap } from '../../src/ownRoadmaps/starter';
import { loadText, miniRoadmap } from './helpers';

/** Loads text that must fail and returns its errors. */
function errorsOf(text: string): readonly RoadmapError[] {
  const result = loadText(text);
  assert.strictEqual(result.roadmap, undefined, 'the file should be rejected');
  assert.ok(result.errors.length > 0);
  return result.errors;
}

function replaceLine(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture has ${from}`);
  return text.replace(from, to);
}

suite('Roadmap loader', () => {
  test('Normalises phases with modules and phases with tasks to one shape', () => {
    const { roadmap, errors } = loadText(miniRoadmap());
    assert.deepStrictEqual(errors, []);
    assert.ok(roadmap);
    assert.deepStrictEqual(roadmap.phases.map((p) => p.modules.map((m) => [m.id, m.implicit])), [[['maths', false]], [['week-2', true]]]);
    assert.deepStrictEqual(tasksOf(roadmap).map((t) => `${t.kind}:${t.id}`), ['topic:linear-algebra', 'topic:calculus', 'project:gradient-descent', 'topic:numpy', 'topic:pandas']);
  });

  test('Links every task back to its module, phase and roadmap', () => {
    const roadmap = loadText(miniRoadmap()).roadmap!;
    const task = roadmap.taskIndex.get('numpy')!;
    assert.strictEqual(task.module.phase.roadmap, roadmap);
    assert.strictEqual(task.module.phase.id, 'week-2');
  });

  test('Reports a duplicate id with its path, line and the first use', () => {
    const text = replaceLine(miniRoadmap(), '- id: pandas', '- id: calculus');
    const [error] = errorsOf(text);
    assert.strictEqual(error.path, 'phases[1].tasks[1].id');
    assert.strictEqual(error.start.line, 23);
    assert.match(error.message, /duplicate id "calculus" \(first used at phases\[0\]\.modules\[0\]\.tasks\[1\]\.id, line 13\)/);
  });

  test('Formats an error as file:line:column: path: message', () => {
    const [error] = errorsOf(replaceLine(miniRoadmap(), '- id: pandas', '- id: calculus'));
    assert.strictEqual(formatError(error).split(': ')[0], 'test.yaml:23:13');
    assert.ok(formatError(error).includes('phases[1].tasks[1].id: duplicate id'));
  });

  test('Reports a missing title at the object that lacks it', () => {
    const text = replaceLine(miniRoadmap(), '            title: Calculus\n', '');
    const [error] = errorsOf(text);
    assert.strictEqual(error.path, 'phases[0].modules[0].tasks[1].title');
    assert.strictEqual(error.message, 'missing required `title`');
    assert.strictEqual(error.start.line, 13);
  });

  test('Reports a wrong type with what was found', () => {
    const [error] = errorsOf(replaceLine(miniRoadmap(), '        goal: Learn the maths.', '        goal: [a, b]'));
    assert.strictEqual(error.path, 'phases[0].modules[0].goal');
    assert.strictEqual(error.message, 'expected text, found a list');
    assert.deepStrictEqual(error.start, { line: 9, column: 15 });
  });

  test('Suggests the closest property name for a typo', () => {
    const [error] = errorsOf(replaceLine(miniRoadmap(), '            title: Calculus', '            title: Calculus\n            sumary: oops'));
    assert.match(error.message, /unknown property `sumary` for a task\. Did you mean `summary`\?/);
    assert.strictEqual(error.start.line, 15);
  });

  test('Rejects ids that are not kebab-case and proposes one', () => {
    const [error] = errorsOf(replaceLine(miniRoadmap(), 'id: numpy', 'id: NumPy Basics'));
    assert.match(error.message, /must be kebab-case.*"numpy-basics"/);
  });

  test('Rejects a phase that has both modules and tasks', () => {
    const text = replaceLine(miniRoadmap(), '    modules:\n', '    tasks:\n      - id: extra\n        title: Extra\n    modules:\n');
    assert.ok(errorsOf(text).some((e) => e.path === 'phases[0].tasks' && /either `modules` or `tasks`/.test(e.message)));
  });

  test('Reports YAML syntax errors with line and column', () => {
    const text = replaceLine(miniRoadmap(), '            title: Calculus', '            title: "Calculus');
    const [error] = errorsOf(text);
    assert.ok(error.start.line >= 14, `line ${error.start.line}`);
    assert.ok(error.message.length > 0);
  });

  test('Rejects an empty file with a message that says what is needed', () => {
    assert.match(errorsOf('')[0].message, /empty.*`id`, `title` and `phases`/);
    assert.match(errorsOf('# only a comment\n')[0].message, /empty/);
  });

  test('Rejects a document that is not a mapping', () => {
    assert.match(errorsOf('- a\n- b\n')[0].message, /expected a roadmap \(a mapping/);
  });

  test('Requires a non-empty phases list', () => {
    assert.strictEqual(errorsOf('id: x\ntitle: X\n')[0].message, 'missing required list `phases`');
    assert.strictEqual(errorsOf('id: x\ntitle: X\nphases: []\n')[0].message, '`phases` must not be empty');
  });

  test('Refuses files over the size limit before parsing', () => {
    const huge = `${miniRoadmap()}# ${'x'.repeat(MAX_FILE_BYTES)}\n`;
    assert.match(errorsOf(huge)[0].message, /limited to 2\.0 MB/);
  });

  test('Refuses merge keys and custom tags', () => {
    assert.ok(errorsOf(replaceLine(miniRoadmap(), '        goal: Learn the maths.', '        <<: {goal: x}')).some((e) => /merge keys/.test(e.message)));
    assert.ok(errorsOf(replaceLine(miniRoadmap(), 'title: Mini roadmap', 'title: !shout Mini roadmap')).some((e) => /tag/i.test(e.message)));
  });

  test('Resolves a few aliases but stops an alias bomb', () => {
    const withAlias = replaceLine(miniRoadmap(), '        goal: Learn the maths.', '        goal: &g Learn the maths.\n        description: *g');
    assert.deepStrictEqual(loadText(withAlias).errors, []);
    const lines = ['id: bomb', 'title: Bomb', 'tips: &a0 ["lol", "lol"]'];
    for (let i = 1; i <= 20; i++) lines.push(`x${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
    const errors = errorsOf(lines.join('\n'));
    assert.ok(errors.length < 50, 'errors stay few');
    assert.ok(MAX_ALIASES > 0);
  });

  test('A task repeated by aliases is one error, at the first alias, saying that aliases repeat its id', () => {
    const lines = ['id: bomb', 'title: Bomb', 'phases:', '  - id: p', '    title: P', '    tasks:', '      - &t {id: t, title: T}'];
    for (let i = 0; i < 60; i++) lines.push('      - *t');
    const errors = errorsOf(lines.join('\n'));
    assert.strictEqual(errors.length, 1, errors.map((e) => e.message).join('\n'));
    assert.deepStrictEqual([errors[0].start.line, errors[0].start.column], [8, 9], 'the first alias');
    assert.strictEqual(errors[0].path, 'phases[0].tasks[1].id');
    assert.match(errors[0].message, /^alias \*t repeats id "t" \(first used at phases\[0\]\.tasks\[0\]\.id, line 7\), and so do 59 more aliases; .*aliases cannot repeat phases, modules or tasks/);
  });

  test('Past the alias limit, the one error says so at the alias that passed it, ahead of any other', () => {
    // 5,000 valid aliases of a title: nothing else is wrong.
    const titles = ['id: many', 'title: Many', 'phases:', '  - id: p', '    title: &t P', '    tasks:'];
    for (let i = 0; i < 5000; i++) titles.push(`      - {id: t${i}, title: *t}`);
    const [limit, ...rest] = errorsOf(titles.join('\n'));
    assert.deepStrictEqual(rest, []);
    const passing = 6 + MAX_ALIASES + 1;
    assert.deepStrictEqual([limit.start.line, limit.start.column], [passing, titles[passing - 1].indexOf('*t') + 1]);
    assert.match(limit.message, new RegExp(`more than ${MAX_ALIASES} aliases`));

    // A phase repeated 200 times: its ids repeat (one error) until the limit stops the walk (one more).
    const phases = ['id: bomb', 'title: Bomb', 'phases:', '  - &p {id: p, title: P, tasks: [{id: t, title: T}]}'];
    for (let i = 0; i < 200; i++) phases.push('  - *p');
    const errors = errorsOf(phases.join('\n'));
    assert.deepStrictEqual(
      errors.map((e) => [e.start.line, e.message.replace(/ \(.*/, '')]),
      [
        [4 + MAX_ALIASES + 1, `the file uses more than ${MAX_ALIASES} aliases`],
        [5, 'alias *p repeats id "p"'],
      ],
    );
  });

  test('Refuses nesting deeper than any roadmap needs, before the parser can overflow', () => {
    assert.deepStrictEqual(errorsOf(`id: x\ntitle: X\ntips: ${'['.repeat(100_000)}\n`)[0], {
      file: 'test.yaml',
      path: '',
      message: 'brackets are nested more than 64 levels deep',
      // The top-level mapping is the first level, so the 64th bracket is one too many.
      start: { line: 3, column: 70 },
      end: { line: 3, column: 70 },
    });
    const stairs = Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}a${i}:`).join('\n');
    assert.match(errorsOf(stairs)[0].message, /^line 65 is nested more than 64 levels deep/);
  });

  test('Reports at most fifty errors for a badly broken file', () => {
    const lines = ['id: many', 'title: Many', 'phases:', '  - id: p', '    title: P', '    tasks:'];
    for (let i = 0; i < 200; i++) lines.push(`      - id: Bad Id ${i}`, `        title: T${i}`);
    assert.strictEqual(errorsOf(lines.join('\n')).length, 50);
  });

  test('Refuses an estimate too long to be one, saying so at its line', () => {
    const text = replaceLine(miniRoadmap(), '            title: Calculus', `            title: Calculus\n            estimate: "1${' '.repeat(10_000)}x"`);
    const [error] = errorsOf(text);
    assert.strictEqual(error.path, 'phases[0].modules[0].tasks[1].estimate');
    assert.strictEqual(error.start.line, 15);
    assert.match(error.message, /^expected hours like 4, .*; got "1 +…" \(longer than \d+ characters\)$/);
    const hours = errorsOf(replaceLine(miniRoadmap(), 'title: Mini roadmap', `title: Mini roadmap\nhoursPerWeek: "10${' '.repeat(100)}h"`));
    assert.match(hours[0].message, /^expected hours per week like 10 or "10-15"; got "10 +…" \(longer than \d+ characters\)$/);
  });

  test('Accepts only http and https links', () => {
    const text = replaceLine(miniRoadmap(), '            title: Calculus', '            title: Calculus\n            resources:\n              - title: Bad\n                url: javascript:alert(1)');
    assert.match(errorsOf(text)[0].message, /not an http\(s\) address/);
  });

  test('Accepts numbers where text is expected, as people write them', () => {
    const roadmap = loadText(replaceLine(miniRoadmap(), 'title: Week 2', 'title: 2025\n    duration: 4')).roadmap!;
    assert.strictEqual(roadmap.phases[1].title, '2025');
    assert.strictEqual(roadmap.phases[1].duration, '4');
  });

  test('Indexes former ids so renamed tasks keep their progress', () => {
    const roadmap = loadText(replaceLine(miniRoadmap(), '        title: Pandas', '        title: Pandas\n        formerIds: [pandas-basics]')).roadmap!;
    assert.strictEqual(roadmap.taskIndex.get('pandas-basics')?.id, 'pandas');
  });

  test('The New Roadmap starter file loads cleanly, also when its words are translated oddly', () => {
    assert.deepStrictEqual(loadText(starterRoadmap('my-plan', 'My: plan #1')).errors, []);
    const odd = (message: string) => `« ${message}: yes # no, [x] & *y »`;
    const { roadmap, errors } = loadText(starterRoadmap('my-plan', 'Plan', odd));
    assert.deepStrictEqual(errors, []);
    assert.strictEqual(roadmap?.phases[0].title, '« Phase 1: Foundations: yes # no, [x] & *y »');
  });

  test('Keeps loading after the first error and reports them all', () => {
    const text = replaceLine(replaceLine(miniRoadmap(), 'id: numpy', 'id: Bad Id'), '        title: Pandas', '        title: [x]');
    assert.strictEqual(errorsOf(text).length, 2);
  });
});
