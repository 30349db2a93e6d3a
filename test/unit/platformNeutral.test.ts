import * as assert from 'assert';
import * as path from 'path';
import { basename, dirname, isAbsolutePath, relative } from '../../src/util/uriPath';
import { utf8ByteLength } from '../../src/util/utf8';

// The web worker extension host has no Node `path` or `Buffer`; these helpers stand in for them
// and must answer what Node answers.
suite('URI path helpers (platform-neutral)', () => {
  const paths = ['/a/b.md', '/a/b/', '/a', '/', 'a', 'a/b', '/w/notes/x.y.md', '/a/b c/ü.md'];

  test('basename and dirname agree with path.posix', () => {
    for (const p of paths) {
      assert.strictEqual(basename(p), path.posix.basename(p), `basename(${p})`);
      assert.strictEqual(dirname(p), path.posix.dirname(p), `dirname(${p})`);
    }
  });

  test('relative agrees with path.posix.relative for absolute paths', () => {
    const pairs: [string, string][] = [
      ['/w', '/w/a/b'],
      ['/w', '/w'],
      ['/w/a', '/w/b'],
      ['/w/a/b', '/w'],
      ['/w/', '/w/a/'],
      ['/', '/x'],
      ['/w/x/../a', '/w/a/c'],
      ['/a b/ü', '/a b/ü/ç'],
    ];
    for (const [from, to] of pairs) assert.strictEqual(relative(from, to), path.posix.relative(from, to), `relative(${from}, ${to})`);
  });

  test('isAbsolutePath knows both the POSIX and the Windows forms', () => {
    for (const p of ['/notes', '\\notes', 'C:\\notes', 'c:/notes', 'D:', '\\\\server\\share']) assert.ok(isAbsolutePath(p), p);
    for (const p of ['notes', 'my notes/2024', './notes', '..\\x', 'C', 'notes:C:/x']) assert.ok(!isAbsolutePath(p), p);
  });
});

suite('UTF-8 byte length (platform-neutral)', () => {
  test('agrees with Buffer.byteLength on ASCII, accents, CJK, emoji and lone surrogates', () => {
    const samples = ['', 'abc', 'é', 'ü€', '日本語', '😀', 'a😀b', '\ud83d', '\ude00x', 'x\ud83d', '\ud83d\ud83d\ude00', 'ﬀ\u07ff\u0800\uffff'];
    for (const s of samples) assert.strictEqual(utf8ByteLength(s), Buffer.byteLength(s, 'utf8'), JSON.stringify(s));
  });

  test('agrees with TextEncoder on a long mixed text', () => {
    const text = 'phase: ü — 日本 😀\n'.repeat(10_000);
    assert.strictEqual(utf8ByteLength(text), new TextEncoder().encode(text).length);
  });
});
