import * as assert from 'assert';
import { parseDocument } from 'yaml';
import { findDuplicateKeys } from '../../src/model/duplicateKeys';
import { parseScaffoldManifest } from '../../src/scaffold/manifest';
import { loadText, miniRoadmap } from './helpers';

const duplicatesIn = (text: string) => findDuplicateKeys(parseDocument(text, { uniqueKeys: false }).contents).map(({ key }) => String((key as { value?: unknown }).value));

suite('Duplicate keys', () => {
  test('A roadmap with a key twice is refused at the second one, naming the first', () => {
    const text = miniRoadmap().replace('title: Mini roadmap\n', 'title: Mini roadmap\ntitle: Again\n');
    const { roadmap, errors } = loadText(text);
    assert.strictEqual(roadmap, undefined);
    assert.strictEqual(errors.length, 1);
    assert.match(errors[0].message, /^duplicate key "title" \(first on line 2\)/);
    assert.deepStrictEqual(errors[0].start, { line: 3, column: 1 });
  });

  test('Finds a repeated key in a flow mapping, with its column', () => {
    const text = miniRoadmap().replace('      - id: numpy\n        title: NumPy', '      - { id: numpy, title: NumPy, id: numpy2 }');
    const { errors } = loadText(text);
    assert.strictEqual(errors.length, 1, JSON.stringify(errors));
    assert.match(errors[0].message, /^duplicate key "id"/);
    assert.strictEqual(errors[0].start.column, 36);
  });

  test('The same key in different mappings is no duplicate', () => {
    assert.deepStrictEqual(loadText(miniRoadmap()).errors, []);
    assert.deepStrictEqual(duplicatesIn('a: {x: 1}\nb: {x: 2}\nc: [{x: 1}, {x: 2}]\n'), []);
  });

  test('Compares keys by value and type, as the parser did', () => {
    assert.deepStrictEqual(duplicatesIn('1: a\n"1": b\ntrue: c\n"true": d\n'), []);
    assert.deepStrictEqual(duplicatesIn('1: a\n0x1: b\n'), ['1']);
    assert.deepStrictEqual(duplicatesIn('~: a\nnull: b\n'), ['null']);
    assert.deepStrictEqual(duplicatesIn('outer:\n  - [k: 1]\n  - {k: 1, k: 2}\n'), ['k']);
    assert.deepStrictEqual(duplicatesIn('{a: 1}: x\n{a: 1}: y\n'), []);
  });

  test('Reports several duplicates in file order', () => {
    assert.deepStrictEqual(duplicatesIn('z:\n  b: 1\n  b: 2\na: 1\na: 2\n'), ['b', 'a']);
  });

  test('A scaffold manifest with a key twice says where', () => {
    const { manifest, errors } = parseScaffoldManifest('id: x\ntitle: X\ntitle: Y\ndescription: D\nserves: [a/b]\n', 'scaffold.yaml');
    assert.strictEqual(manifest, undefined);
    assert.deepStrictEqual(errors, ['scaffold.yaml:3:1: duplicate key "title" (first on line 2); a key may appear only once in a mapping']);
  });
});
