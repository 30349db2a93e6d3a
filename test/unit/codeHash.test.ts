import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CODE_HASH_LIMITS, CodeHash, hashProjectCode } from '../../src/checks/codeHash';

function write(root: string, file: string, text: string): void {
  const full = path.join(root, ...file.split('/'));
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
}

function hashOf(code: CodeHash): string {
  assert.ok('hash' in code, `hashed: ${'tooLarge' in code ? code.tooLarge : ''}`);
  return code.hash;
}

suite('Checks: the hash that binds evidence to the code', () => {
  let root: string;
  setup(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-code-hash-'));
    write(root, 'src/titanic_eda/__init__.py', '');
    write(root, 'src/titanic_eda/data.py', 'def fill_missing_age(df):\n    return df\n');
    write(root, 'app.py', 'print("app")\n');
    write(root, 'checks/test_steps.py', 'def test_x(): pass\n');
    write(root, 'tests/test_data.py', 'def test_y(): pass\n');
    write(root, 'notebooks/eda.ipynb', '{}');
    write(root, 'data/titanic.csv', 'a,b\n1,2\n');
    write(root, 'README.md', '# Titanic\n');
  });
  teardown(() => fs.rmSync(root, { recursive: true, force: true }));

  test('The same code hashes the same; an edit to the source package changes it, and undoing it brings it back', async () => {
    const before = hashOf(await hashProjectCode(root));
    assert.match(before, /^sha256:[0-9a-f]{64}$/);
    assert.strictEqual(hashOf(await hashProjectCode(root)), before);
    write(root, 'src/titanic_eda/data.py', 'def fill_missing_age(df):\n    return df.fillna(35)\n');
    const edited = hashOf(await hashProjectCode(root));
    assert.notStrictEqual(edited, before);
    write(root, 'src/titanic_eda/data.py', 'def fill_missing_age(df):\n    return df\n');
    assert.strictEqual(hashOf(await hashProjectCode(root)), before);
    write(root, 'app.py', 'print("changed")\n');
    assert.notStrictEqual(hashOf(await hashProjectCode(root)), before, 'a top-level module is code too');
  });

  test('A new, removed or renamed source file changes it', async () => {
    const before = hashOf(await hashProjectCode(root));
    write(root, 'src/titanic_eda/extra.py', '');
    assert.notStrictEqual(hashOf(await hashProjectCode(root)), before);
    fs.renameSync(path.join(root, 'src/titanic_eda/extra.py'), path.join(root, 'src/titanic_eda/other.py'));
    const renamed = hashOf(await hashProjectCode(root));
    assert.notStrictEqual(renamed, before);
    fs.rmSync(path.join(root, 'src/titanic_eda/other.py'));
    assert.strictEqual(hashOf(await hashProjectCode(root)), before);
  });

  test('Checks, tests, notebooks, data, outputs, caches and virtual environments are not the code', async () => {
    const before = await hashProjectCode(root);
    write(root, 'checks/test_steps.py', 'def test_x(): assert True\n');
    write(root, 'tests/test_data.py', 'changed');
    write(root, 'notebooks/scratch.py', 'x = 1');
    write(root, 'notebooks/eda.ipynb', '{"cells": []}');
    write(root, 'data/titanic.csv', 'changed');
    write(root, 'outputs/model.pkl', 'binary');
    write(root, 'src/titanic_eda/__pycache__/data.cpython-311.pyc', 'bytecode');
    write(root, '.venv/lib/python3.11/site-packages/pandas/__init__.py', 'x');
    write(root, '.pytest_cache/v/cache/lastfailed', '{}');
    write(root, 'venv/pyvenv.cfg', 'home = /usr/bin');
    write(root, 'venv/lib/python3.11/thing.py', 'x');
    write(root, 'src/titanic_eda/data.csv', 'not python');
    assert.deepStrictEqual(await hashProjectCode(root), before);
    assert.ok('files' in before && before.files === 3, 'the package’s two files and app.py');
  });

  test('A symbolic link is not followed', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-code-outside-'));
    try {
      write(outside, 'lib.py', 'x = 1');
      const before = hashOf(await hashProjectCode(root));
      fs.symlinkSync(outside, path.join(root, 'linked'), 'junction');
      fs.symlinkSync(path.join(outside, 'lib.py'), path.join(root, 'lib.py'));
      assert.strictEqual(hashOf(await hashProjectCode(root)), before);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test('It is bounded: too many files, too many bytes or too deep gives no hash, and says why', async () => {
    assert.deepStrictEqual(await hashProjectCode(root, { ...CODE_HASH_LIMITS, maxFiles: 2 }), { tooLarge: 'more than 2 Python files' });
    assert.deepStrictEqual(await hashProjectCode(root, { ...CODE_HASH_LIMITS, maxBytes: 10 }), { tooLarge: 'more than 10 bytes of Python files' });
    assert.deepStrictEqual(await hashProjectCode(root, { ...CODE_HASH_LIMITS, maxEntries: 5 }), { tooLarge: 'more than 5 files and folders' });
    assert.deepStrictEqual(await hashProjectCode(root, { ...CODE_HASH_LIMITS, maxDepth: 1 }), { tooLarge: 'folders nested deeper than 1' });
    assert.ok('tooLarge' in (await hashProjectCode(path.join(root, 'missing'))), 'a folder that is gone has no hash');
  });

  test('A big project is refused quickly, without reading it all', async function () {
    this.timeout(60_000);
    for (let i = 0; i < CODE_HASH_LIMITS.maxFiles + 10; i++) write(root, `src/many/m${i}.py`, 'x = 1\n');
    const started = Date.now();
    assert.deepStrictEqual(await hashProjectCode(root), { tooLarge: `more than ${CODE_HASH_LIMITS.maxFiles} Python files` });
    assert.ok(Date.now() - started < 5000, `refused in ${Date.now() - started} ms`);
  });
});
