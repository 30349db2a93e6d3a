import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { tasksOf } from '../../src/model/types';
import { bundledRoadmapFiles, loadBundled, ROOT } from './helpers';

const SEEDS_DIR = path.join(ROOT, 'test', 'fixtures', 'seeds');

/** Words that only label a section of a seed (headings, table columns, markup) and carry no content. */
const SECTION_LABELS: Record<string, string[]> = {
  'ml-dl-deployment-2025': ['check', 'mark', 'status', 'stream', 'streams', 'white'],
  'ml-dl-condensed': ['details', 'long', 'will'],
  'deep-learning': ['platforms', 'recommended'],
  'machine-learning-course': [],
  'master-24-week': ['general'],
};

/** Seed 000 was saved as UTF-8 and read back as Mac Roman; undo that to compare words. */
function readSeed(id: string): string {
  const raw = fs.readFileSync(path.join(SEEDS_DIR, `${id}.md`), 'utf8');
  if (id !== 'ml-dl-deployment-2025') return raw;
  return Buffer.from(
    [...raw].map((ch) => MAC_ROMAN_HIGH.indexOf(ch) >= 0 ? 0x80 + MAC_ROMAN_HIGH.indexOf(ch) : ch.charCodeAt(0)),
  ).toString('utf8');
}
/** Mac Roman's characters for bytes 0x80–0xFF, in order. */
const MAC_ROMAN_HIGH =
  "\u00c4\u00c5\u00c7\u00c9\u00d1\u00d6\u00dc\u00e1\u00e0\u00e2\u00e4\u00e3\u00e5\u00e7\u00e9\u00e8\u00ea\u00eb\u00ed\u00ec\u00ee\u00ef\u00f1\u00f3\u00f2\u00f4\u00f6\u00f5\u00fa\u00f9\u00fb\u00fc\u2020\u00b0\u00a2\u00a3\u00a7\u2022\u00b6\u00df\u00ae\u00a9\u2122\u00b4\u00a8\u2260\u00c6\u00d8\u221e\u00b1\u2264\u2265\u00a5\u00b5\u2202\u2211\u220f\u03c0\u222b\u00aa\u00ba\u03a9\u00e6\u00f8\u00bf\u00a1\u00ac\u221a\u0192\u2248\u2206\u00ab\u00bb\u2026\u00a0\u00c0\u00c3\u00d5\u0152\u0153\u2013\u2014\u201c\u201d\u2018\u2019\u00f7\u25ca\u00ff\u0178\u2044\u20ac\u2039\u203a\ufb01\ufb02\u2021\u00b7\u201a\u201e\u2030\u00c2\u00ca\u00c1\u00cb\u00c8\u00cd\u00ce\u00cf\u00cc\u00d3\u00d4\uf8ff\u00d2\u00da\u00db\u00d9\u0131\u02c6\u02dc\u00af\u02d8\u02d9\u02da\u00b8\u02dd\u02db\u02c7";

suite('Bundled roadmaps', () => {
  test('There is one bundled roadmap per seed document', () => {
    const seeds = fs.readdirSync(SEEDS_DIR).map((f) => f.replace(/\.md$/, '')).sort();
    assert.deepStrictEqual(bundledRoadmapFiles().map((f) => f.replace(/\.yaml$/, '')), seeds);
  });

  for (const file of bundledRoadmapFiles()) {
    const id = file.replace(/\.yaml$/, '');

    test(`${file} loads without errors and its id matches its file name`, () => {
      const roadmap = loadBundled(file);
      assert.strictEqual(roadmap.id, id);
      assert.ok(tasksOf(roadmap).length > 20, 'a bundled roadmap has real content');
    });

    test(`${file} keeps every word of its seed document`, () => {
      const yamlText = fs.readFileSync(path.join(ROOT, 'roadmaps', file), 'utf8').toLowerCase();
      const words = new Set(readSeed(id).match(/[A-Za-z][A-Za-z0-9'’+#.-]{2,}/g)!.map((w) => w.toLowerCase().replace(/^[.-]+|[.-]+$/g, '')));
      const missing = [...words].filter((w) => !yamlText.includes(w) && !SECTION_LABELS[id].includes(w));
      assert.deepStrictEqual(missing, []);
    });

    test(`${file} has clean text: no mis-encoded characters and no personal status marks`, () => {
      const text = fs.readFileSync(path.join(ROOT, 'roadmaps', file), 'utf8');
      for (const bad of ['üö', 'üì', '‚Äô', 'Ã', 'â€', ':white_check_mark:', ':x:', '<details>', '<summary>']) {
        assert.ok(!text.includes(bad), `${file} contains ${bad}`);
      }
    });
  }

  test('Seed 000 becomes five phases of streams, with its tasks and no status column', () => {
    const roadmap = loadBundled('ml-dl-deployment-2025.yaml');
    assert.strictEqual(roadmap.phases.length, 5);
    assert.deepStrictEqual(roadmap.phases[0].modules.map((m) => m.title), ['Mathematics', 'Python Basics', 'Web Frameworks']);
    const probability = tasksOf(roadmap).find((t) => t.title === 'Probability');
    assert.strictEqual(probability?.summary, 'Bayes’ Theorem, Distributions, Expected Values');
  });

  test('The 24-week roadmap has a phase per week with tasks directly under it', () => {
    const roadmap = loadBundled('master-24-week.yaml');
    assert.strictEqual(roadmap.phases.length, 24);
    assert.ok(roadmap.phases.every((p) => p.modules.length === 1 && p.modules[0].implicit));
    assert.ok(roadmap.advice.length >= 7, 'the General Advice bullets are kept');
  });

  test('The course roadmap has fifteen modules across three levels', () => {
    const roadmap = loadBundled('machine-learning-course.yaml');
    assert.deepStrictEqual(roadmap.phases.map((p) => p.modules.length), [4, 4, 7]);
    assert.deepStrictEqual(roadmap.phases.map((p) => p.level), ['Beginner', 'Intermediate', 'Expert']);
  });

  test('Task ids are unique across all of a roadmap, as progress keys require', () => {
    for (const file of bundledRoadmapFiles()) {
      const ids = tasksOf(loadBundled(file)).map((t) => t.id);
      assert.strictEqual(new Set(ids).size, ids.length, file);
    }
  });
});
