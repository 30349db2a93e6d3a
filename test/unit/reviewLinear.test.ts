import * as assert from 'assert';
import { parseCards } from '../../src/model/review/cards';
import { identifyCards, reconcile } from '../../src/model/review/identity';
import { newCardState } from '../../src/model/review/schedule';
import { MAX_LOG_ENTRIES, mergeReviewStates, parseReviewState } from '../../src/model/review/state';
import { describeGrowth, growth } from './timing';

/** Linear code grows about 10× from the 1× to the 10× input, quadratic about 100×. */
const MAX_RATIO = 30;

/** Parsing `make(n)` and `make(10 n)` grows about tenfold. */
function assertLinear(make: (n: number) => string, n: number): void {
  const g = growth(make, (text) => parseCards(text).length, n);
  assert.ok(g.ratio < MAX_RATIO, describeGrowth(g));
}

suite('Review cards: a note tenfold as large takes about ten times as long to parse', () => {
  test('Lines of colons, at every run length', function () {
    this.timeout(120_000);
    assertLinear((n) => Array.from({ length: n }, (_, i) => ':'.repeat(1 + (i % 50)) + 'x' + '::::'.repeat(i % 7)).join('\n'), 2_000);
  });

  test('One line of colons and one of == marks, each a tenth of a megabyte at 1×', function () {
    this.timeout(120_000);
    assertLinear((n) => `${'::::'.repeat(n)}\n\n${'= '.repeat(n)}==${'='.repeat(n)}\n\n${'== '.repeat(n)}`, 25_000);
  });

  test('Lines of == marks: deletions, empty ones, unclosed ones', function () {
    this.timeout(120_000);
    const lines = ['==a== ==b== ==c== '.repeat(10), '== == == == == ==', '==', '====x', `${'=='.repeat(30)}open`];
    assertLinear((n) => Array.from({ length: n }, (_, i) => lines[i % lines.length]).join('\n'), 2_000);
  });

  test('One paragraph of ? lines, and questions with ? separators and no blank line', function () {
    this.timeout(120_000);
    // Each paragraph is one card whose answer is the rest of it: a string of hundreds of kilobytes
    // even at 1×, so both sizes are allocated alike (large strings cost more per byte than small).
    assertLinear((n) => `${'?\n??\n'.repeat(n)}\n\n${'question\n?\nanswer\n'.repeat(n)}`, 15_000);
  });

  test('Inline cards by the thousand', function () {
    this.timeout(120_000);
    assertLinear((n) => Array.from({ length: n }, (_, i) => `- Question ${i} about \`code::span\`::Answer ${i}`).join('\n'), 2_000);
  });

  test('Backtick runs of every length on one line, none closed', function () {
    this.timeout(120_000);
    // A run is closed only by the next run of its length: searching the rest of the line from each
    // unclosed run would cost the line's length per run. Runs of lengths 1 to k take k²/2
    // characters, so k grows as √n.
    const make = (n: number) => {
      const k = Math.round(Math.sqrt(2 * n));
      return Array.from({ length: k }, (_, i) => '`'.repeat(k - i) + 'x').join('') + '::y';
    };
    assertLinear(make, 50_000);
  });

  test('Indented lines: code blocks, list items nested deep and closed, tabs, lazy lines', function () {
    this.timeout(120_000);
    // List items nesting up to 60 deep (each a column further in), then a line at the margin
    // closing them all; code indented from the margin and from the items' text, in spaces and tabs.
    const block = (i: number) => `${'  '.repeat(i % 60)}- Item ${i}::a\n${'\t'.repeat(i % 5)}  lazy ==line==\n\n${'  '.repeat(i % 60)}      code::${i}\n\t\tmore ==code==\n${i % 60 === 59 ? '\nMargin::x\n' : ''}`;
    assertLinear((n) => `Prose\n\n${Array.from({ length: n }, (_, i) => block(i)).join('\n')}`, 300);
  });

  test('Fence and heading lines, and front matter never closed', function () {
    this.timeout(120_000);
    assertLinear((n) => `---\n${'```\n~~~\n## Q::A\n###### \n####### x::y\n    ```` \n'.repeat(n)}`, 500);
  });
});

suite('Review state: an imported state tenfold as large takes about ten times as long to read and merge', () => {
  test('Cards and log entries, some invalid, read and merged with a copy of themselves', function () {
    this.timeout(120_000);
    // Below the log's cap at both sizes, so the merge keeps every entry.
    const make = (n: number) => {
      const cards: Record<string, unknown> = {};
      const log: unknown[] = [];
      for (let i = 0; i < n; i++) {
        const id = i.toString(16).padStart(16, '0');
        cards[id] = i % 7 === 0 ? { taskKey: 'r/t' } : { taskKey: 'r/t', answerHash: 'h', createdAt: i, schedule: newCardState(i) };
        log.push({ cardId: id, rating: 1 + (i % 4), at: n - i, elapsedMs: 5_000 });
      }
      return { version: 1, cards, log };
    };
    const g = growth(
      make,
      (raw) => {
        const { state } = parseReviewState(raw);
        return mergeReviewStates(state, state).log.length;
      },
      Math.floor(MAX_LOG_ENTRIES / 10),
    );
    assert.ok(g.ratio < MAX_RATIO, describeGrowth(g));
  });
});

suite('Review identity: a note tenfold as large takes about ten times as long to reconcile', () => {
  test('Every question of a note edited at once, all its cards sharing one answer', function () {
    this.timeout(120_000);
    // The stored cards are the note's before the edit; the found ones its questions after it. Each
    // answer-and-task pair holds every card of the note, the case of a fallback match by answer.
    const make = (n: number) => {
      const before = identifyCards('r/t', parseCards(Array.from({ length: n }, (_, i) => `Question ${i}::Yes`).join('\n')));
      const stored = reconcile({}, before, 0).cards;
      const after = identifyCards('r/t', parseCards(Array.from({ length: n }, (_, i) => `Question ${i}, edited::Yes`).join('\n')));
      return { stored, after };
    };
    const g = growth(make, ({ stored, after }) => reconcile(stored, after, 1).orphaned.length, 2_000);
    assert.ok(g.ratio < MAX_RATIO, describeGrowth(g));
  });
});
