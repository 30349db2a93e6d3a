import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadRoadmap } from '../../src/model/loader';
import { bundledRoadmapFiles, ROADMAPS_DIR } from './helpers';

/** A small seeded generator (mulberry32), so every run tries the same cases. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (text: string, next: () => number) => string;
const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)];
const lineOp = (text: string, next: () => number, op: (lines: string[], i: number) => void) => {
  const lines = text.split('\n');
  op(lines, Math.floor(next() * lines.length));
  return lines.join('\n');
};

const MUTATIONS: Record<string, Mutation> = {
  deleteLine: (t, n) => lineOp(t, n, (l, i) => l.splice(i, 1 + Math.floor(n() * 3))),
  duplicateLine: (t, n) => lineOp(t, n, (l, i) => l.splice(i, 0, l[i])),
  indentMore: (t, n) => lineOp(t, n, (l, i) => (l[i] = `  ${l[i]}`)),
  indentLess: (t, n) => lineOp(t, n, (l, i) => (l[i] = l[i].replace(/^ {1,2}/, ''))),
  swapIndentation: (t, n) =>
    lineOp(t, n, (l, i) => {
      const j = Math.floor(n() * l.length);
      const indent = (s: string) => /^ */.exec(s)![0];
      [l[i], l[j]] = [indent(l[j]) + l[i].trimStart(), indent(l[i]) + l[j].trimStart()];
    }),
  truncate: (t, n) => t.slice(0, Math.floor(n() * t.length)),
  randomBytes: (t, n) => {
    const at = Math.floor(n() * t.length);
    const junk = Array.from({ length: 1 + Math.floor(n() * 20) }, () => String.fromCharCode(Math.floor(n() * 0xffff))).join('');
    return t.slice(0, at) + junk + t.slice(at);
  },
  yamlSyntax: (t, n) => {
    const at = Math.floor(n() * t.length);
    return t.slice(0, at) + pick([':', '- ', '[', '{', '&a ', '*a', '!tag ', '|', '>', '#', '%', '@', '`', '"', "'", '\t', '<<: '], n) + t.slice(at + 1);
  },
  hugeString: (t, n) => lineOp(t, n, (l, i) => (l[i] = `${l[i].replace(/:.*$/, ':')} ${'x'.repeat(20_001 + Math.floor(n() * 20_000))}`)),
  aliasBomb: (t) => {
    const bomb = ['tips: &a0 ["lol", "lol", "lol"]'];
    for (let i = 1; i < 12; i++) bomb.push(`x${i}: &a${i} [${Array(8).fill(`*a${i - 1}`).join(', ')}]`);
    return `${bomb.join('\n')}\n${t}`;
  },
  wrongType: (t, n) => lineOp(t, n, (l, i) => (l[i] = l[i].replace(/: .*$/, `: ${pick(['[1, 2]', '{a: 1}', 'true', '12', 'null', '~', '""'], n)}`))),
};

suite('Loader under fuzzing', function () {
  // Linear and about 25 s on a quiet 2-core machine; generous for a loaded one.
  this.timeout(300_000);

  test('Never throws, and every rejection carries a message with a line number (5,000 seeded cases)', () => {
    const sources = bundledRoadmapFiles().map((f) => ({ file: f, text: fs.readFileSync(path.join(ROADMAPS_DIR, f), 'utf8') }));
    const names = Object.keys(MUTATIONS);
    const next = random(20261121);
    const tally: Record<string, { cases: number; rejected: number }> = {};
    for (let i = 0; i < 5000; i++) {
      const source = sources[i % sources.length];
      const name = names[i % names.length];
      let text = MUTATIONS[name](source.text, next);
      if (next() < 0.3) text = MUTATIONS[pick(names, next)](text, next);
      let result;
      try {
        result = loadRoadmap(text, { label: source.file, location: source.file, bundled: false });
      } catch (error) {
        assert.fail(`case ${i} (${name} on ${source.file}) threw: ${(error as Error).stack}`);
      }
      tally[name] ??= { cases: 0, rejected: 0 };
      tally[name].cases++;
      if (result.roadmap) continue;
      tally[name].rejected++;
      assert.ok(result.errors.length > 0, `case ${i}: rejected without an error`);
      const lineCount = text.split('\n').length;
      for (const error of result.errors) {
        assert.ok(error.message.trim().length > 0, `case ${i}: empty message`);
        assert.ok(error.start.line >= 1 && error.start.line <= lineCount + 1, `case ${i}: line ${error.start.line} outside 1..${lineCount + 1}`);
        assert.ok(error.start.column >= 1, `case ${i}: column ${error.start.column}`);
      }
    }
    // The mutations must actually break files, or this test proves nothing.
    for (const name of ['truncate', 'aliasBomb', 'hugeString', 'wrongType']) assert.ok(tally[name].rejected > tally[name].cases / 3, `${name} rejected ${tally[name].rejected}/${tally[name].cases}`);
  });
});
