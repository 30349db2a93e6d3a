import * as assert from 'assert';
import { jsonPreview } from '../../src/util/jsonPreview';

suite('A value as JSON for a log line', () => {
  test('Is the value’s JSON when it fits', () => {
    const values: unknown[] = [{ type: 'setState', taskId: 'numpy', state: 'done' }, [1, 'two', null, true, { a: [] }], 'text with "quotes"\n', 42, null, {}, [], { skipped: undefined, kept: 1 }, [undefined, NaN]];
    for (const value of values) assert.strictEqual(jsonPreview(value), JSON.stringify(value), JSON.stringify(value));
    assert.strictEqual(jsonPreview(undefined), 'undefined');
  });

  test('Is cut at the limit, with a mark, however large or deep the value', () => {
    const huge = { type: 'x', text: 'y'.repeat(1_000_000), list: Array.from({ length: 100_000 }, (_, i) => i) };
    assert.strictEqual(jsonPreview(huge, 50), `${JSON.stringify(huge).slice(0, 50)}…`);
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const shown = jsonPreview(deep);
    assert.ok(shown.length <= 201 && shown.startsWith('[[[['), shown);
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    assert.match(jsonPreview(cycle), /^\{"a":1,"self":\{"a":1,"self":/);
  });
});
