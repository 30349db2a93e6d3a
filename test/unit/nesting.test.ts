import * as assert from 'assert';
import { MAX_DEPTH, nestingProblem } from '../../src/model/loader';
import { loadText } from './helpers';

/** A valid roadmap with `count` tasks, each line of `taskLines` added under every task. */
function roadmapWithTasks(count: number, taskLines: (i: number) => string[]): string {
  const lines = ['id: big', 'title: Big', 'phases:', '  - id: p', '    title: P', '    tasks:'];
  for (let i = 0; i < count; i++) lines.push(`      - id: t${i}`, `        title: Task ${i}`, ...taskLines(i).map((l) => `        ${l}`));
  return `${lines.join('\n')}\n`;
}

suite('Nesting is measured on the parser\'s tokens, not on characters', () => {
  test('Brackets inside text do not count: 65 summaries saying "[0, 1)" load', () => {
    const text = roadmapWithTasks(65, () => ['summary: values in [0, 1) and {a, b']);
    assert.strictEqual(nestingProblem(text), undefined);
    const result = loadText(text);
    assert.deepStrictEqual(result.errors, []);
    assert.strictEqual(result.roadmap?.taskIndex.size, 65);
  });

  test('Quotes and brackets in quoted text and comments do not count either', () => {
    const text = roadmapWithTasks(70, (i) => [`summary: "[[[[ ${i}"`, `# [[[[[[[[ {{{{ a comment`]);
    assert.deepStrictEqual(loadText(text).errors, []);
  });

  test('A quote inside a plain scalar does not hide real nesting that follows', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const text = `id: x\ntitle: A 12" ruler\ntips: ${deep}\n`;
    const problem = nestingProblem(text);
    assert.deepStrictEqual(problem, { message: `brackets are nested more than ${MAX_DEPTH} levels deep`, at: { line: 3, column: 6 + MAX_DEPTH } });
    assert.deepStrictEqual(loadText(text).errors.map((e) => e.message), [problem.message]);
    const apostrophe = `id: x\ntitle: It's "deep\ntips:\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}- `).join('\n')}x\n`;
    assert.match(nestingProblem(apostrophe)?.message ?? '', /nested more than 64 levels/);
  });

  test('Nesting up to the limit is accepted, one more level is not', () => {
    const at = (depth: number) => `tips: ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}\n`;
    assert.strictEqual(nestingProblem(at(MAX_DEPTH)), undefined);
    assert.ok(nestingProblem(at(MAX_DEPTH + 1)));
  });

  test('Two megabytes of brackets are measured without overflowing the stack', () => {
    const text = `tips: ${'['.repeat(2 * 1024 * 1024 - 10)}\n`;
    const started = Date.now();
    assert.match(nestingProblem(text)?.message ?? '', /brackets are nested/);
    assert.ok(Date.now() - started < 10_000);
  });
});
