import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseVariant, readVariants } from '../prove/variants';

const CHECKS = ['fill-missing-age', 'family-features'];

suite('Variant fixtures', () => {
  test('Reads a wrong variant and an alternative', () => {
    assert.deepStrictEqual(parseVariant('kind: wrong\nmistake: Fills every missing age with 0.\nfails: [fill-missing-age]\n', 'v.yaml', CHECKS), {
      spec: { kind: 'wrong', mistake: 'Fills every missing age with 0.', fails: ['fill-missing-age'] },
      errors: [],
    });
    assert.deepStrictEqual(parseVariant('kind: alternative\nnote: Uses apply instead of transform.\n', 'v.yaml', CHECKS), {
      spec: { kind: 'alternative', note: 'Uses apply instead of transform.' },
      errors: [],
    });
  });

  test('Refuses an unknown kind, a missing mistake, an unknown check and keys of the other kind, with file:line:col', () => {
    const cases: [string, RegExp][] = [
      ['kind: bad\nnote: x\n', /^v\.yaml:1:7: unknown kind "bad"/],
      ['mistake: x\nfails: [family-features]\n', /^v\.yaml:1:1: missing required `kind`/],
      ['kind: wrong\nfails: [family-features]\n', /^v\.yaml:1:1: missing required `mistake`/],
      ['kind: wrong\nmistake: x\nfails: [family-features, nope]\n', /^v\.yaml:3:26: unknown check "nope"; the scaffold's checks are: fill-missing-age, family-features$/],
      ['kind: wrong\nmistake: x\nfails: []\n', /^v\.yaml:3:8: `fails` must be a non-empty list/],
      ['kind: wrong\nmistake: x\n', /^v\.yaml:1:1: missing required `fails`/],
      ['kind: wrong\nmistake: x\nfails: [family-features, family-features]\n', /^v\.yaml:3:26: check "family-features" is listed twice/],
      ['kind: alternative\nnote: x\nfails: [family-features]\n', /^v\.yaml:3:1: unknown key `fails` in an alternative variant/],
      ['kind: alternative\n', /^v\.yaml:1:1: missing required `note`/],
      ['kind: wrong\nmistake: ""\nfails: [family-features]\n', /^v\.yaml:2:10: `mistake` must be a non-empty sentence/],
      ['kind: wrong\nkind: wrong\nmistake: x\nfails: [family-features]\n', /^v\.yaml:2:1: .*kind/],
      ['- kind: wrong\n', /^v\.yaml:1:1: a variant is a mapping/],
    ];
    for (const [text, expected] of cases) {
      const { spec, errors } = parseVariant(text, 'v.yaml', CHECKS);
      assert.strictEqual(spec, undefined, text);
      assert.ok(errors.some((e) => expected.test(e)), `${JSON.stringify(text)} gave ${JSON.stringify(errors)}`);
    }
  });

  test('Reads the variant folders of a scaffold sorted by name, without variant.yaml among the files, and reports stray entries', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'variants-'));
    try {
      const write = (relative: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
        fs.writeFileSync(path.join(dir, relative), text);
      };
      write('demo/b-alt/variant.yaml', 'kind: alternative\nnote: Other names.\n');
      write('demo/b-alt/src/a.py', 'x = 1\n');
      write('demo/a-wrong/variant.yaml', 'kind: wrong\nmistake: Zero.\nfails: [family-features]\n');
      write('demo/a-wrong/src/a.py', 'x = 0  # mistake: zero\n');
      write('demo/no-yaml/src/a.py', 'x = 2\n');
      write('demo/only-yaml/variant.yaml', 'kind: alternative\nnote: Nothing.\n');
      write('demo/README.txt', 'stray');
      const { variants, errors } = readVariants(dir, 'demo', CHECKS);
      assert.deepStrictEqual(
        variants.map((v) => [v.name, v.spec.kind, v.files.map((f) => f.path)]),
        [
          ['a-wrong', 'wrong', ['src/a.py']],
          ['b-alt', 'alternative', ['src/a.py']],
        ],
      );
      assert.strictEqual(errors.length, 3, errors.join('\n'));
      assert.match(errors[0], /README\.txt: not a variant folder/);
      assert.match(errors[1], /no-yaml: has no variant\.yaml/);
      assert.match(errors[2], /only-yaml: has no files besides variant\.yaml/);
      assert.deepStrictEqual(readVariants(dir, 'absent', CHECKS), { variants: [], errors: [] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
