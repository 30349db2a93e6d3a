/**
 * Loading the first bundle with V8's code cache (src/startup/codeCache.ts): the cache is made, then
 * taken; a broken, stale or unwritable one never stops the file from loading.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { requireWithCodeCache } from '../../src/startup/codeCache';

/**
 * A start in a process of its own: V8 also keeps compiled scripts in memory, and a second load of
 * the same source in one process would take that whatever the cache file holds.
 */
function startInOwnProcess(file: string, cache: string): { fromCache: boolean; answer: number } {
  const script = `const loaded = require(${JSON.stringify(path.join(__dirname, '../../src/startup/codeCache'))}).requireWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cache)});
    loaded.save().then(() => console.log(JSON.stringify({ fromCache: loaded.fromCache, answer: loaded.exports.answer() })));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { fromCache: boolean; answer: number };
}

suite('Code cache', () => {
  let folder: string;
  let file: string;
  let cache: string;
  const caches = () => (fs.existsSync(cache) ? fs.readdirSync(cache).filter((name) => name.endsWith('.codecache')) : []);

  setup(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-code-cache-'));
    file = path.join(folder, 'start.js');
    cache = path.join(folder, 'storage', 'code-cache');
    fs.writeFileSync(file, "exports.answer = function () { return 6 * 7; };\nexports.place = () => [__filename, __dirname, module.exports === exports, require('./beside.js').beside];\n");
    fs.writeFileSync(path.join(folder, 'beside.js'), 'exports.beside = true;\n');
  });

  teardown(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('A first start compiles as usual and makes the cache; the next one takes it', () => {
    assert.deepStrictEqual(startInOwnProcess(file, cache), { fromCache: false, answer: 42 });
    assert.strictEqual(caches().length, 1);
    assert.deepStrictEqual(startInOwnProcess(file, cache), { fromCache: true, answer: 42 });
  });

  test('The loaded file runs as a module: its own name and folder, its exports, and require beside it', () => {
    const loaded = requireWithCodeCache<{ place(): unknown }>(file, cache);
    assert.deepStrictEqual(loaded.exports.place(), [file, folder, true, true]);
  });

  test('A broken cache is refused by V8: the file loads, and the start makes a good one', () => {
    startInOwnProcess(file, cache);
    const [name] = caches();
    fs.writeFileSync(path.join(cache, name), 'not bytecode');
    assert.deepStrictEqual(startInOwnProcess(file, cache), { fromCache: false, answer: 42 });
    assert.deepStrictEqual(startInOwnProcess(file, cache), { fromCache: true, answer: 42 });
  });

  test('A changed file gets a cache of its own, and the old one is removed', () => {
    startInOwnProcess(file, cache);
    const [before] = caches();
    fs.writeFileSync(file, 'exports.answer = function () { return 43; };\n');
    assert.deepStrictEqual(startInOwnProcess(file, cache), { fromCache: false, answer: 43 });
    assert.strictEqual(caches().length, 1);
    assert.notStrictEqual(caches()[0], before);
  });

  test('Without a folder for it there is no cache, and the file loads as usual', async () => {
    const loaded = requireWithCodeCache<{ answer(): number }>(file, undefined);
    await loaded.save();
    assert.strictEqual(loaded.exports.answer(), 42);
    assert.strictEqual(loaded.fromCache, false);
    assert.deepStrictEqual(fs.readdirSync(folder).sort(), ['beside.js', 'start.js']);
  });

  test('A file that throws fails the load with its own error', () => {
    fs.writeFileSync(file, 'throw new Error("broken bundle");\n');
    assert.throws(() => requireWithCodeCache(file, cache), /broken bundle/);
  });

  test('A cache that cannot be written costs nothing but the cache', async () => {
    // The cache folder's parent is a file: mkdir fails.
    fs.writeFileSync(path.join(folder, 'storage'), '');
    const loaded = requireWithCodeCache<{ answer(): number }>(file, cache);
    await loaded.save();
    assert.strictEqual(loaded.exports.answer(), 42);
    assert.deepStrictEqual(caches(), []);
  });
});
