import * as assert from 'assert';
import { ClassAggregate, shapeOf } from '../../src/model/classroom/aggregate';
import { buildClassFile, CLASS_FILE_FORMAT, handleProblem, MAX_CLASS_FILE_BYTES, parseClassFile } from '../../src/model/classroom/classFile';
import { classCsv, csvField, isClassColumn, viewRows } from '../../src/model/classroom/table';
import { escapeXml, progressCardSvg } from '../../src/model/classroom/card';
import { learnerFile, learnerText } from '../classFixtures';
import { loadBundled, loadText, miniRoadmap } from './helpers';
import { describeGrowth, growth } from './timing';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const mini = shapeOf(loadText(miniRoadmap()).roadmap!);
const HEADINGS = { learner: 'Learner', file: 'File', done: 'Done %', verified: 'Verified', aheadBehind: 'Ahead/behind (days)', pace: 'Pace (h/week)', activity: 'Last activity' };

function classFile(handle: string, tasks: Record<string, { state: string; changedAt: number }>, more: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: CLASS_FILE_FORMAT, version: 1, handle, exportedAt: new Date(NOW).toISOString(), roadmaps: [{ id: 'mini', tasks, verified: [], ...more }] });
}

function parsed(text: string) {
  const result = parseClassFile(text, 'class/x.json', NOW);
  assert.ok(result.file, result.reason);
  return result.file;
}

suite('Class files', () => {
  test('What is built is read back the same, and holds nothing but the listed fields', () => {
    const file = buildClassFile(
      'ada',
      [{ id: 'mini', tasks: new Map([['numpy', { state: 'done', changedAt: NOW - DAY }]]), verified: new Map([['numpy', new Date(NOW).toISOString()]]), failing: new Map([['numpy', 2], ['pandas', 1]]), plan: { pace: 6, finishBy: '2027-03-01', aheadBehindDays: -2 } }],
      new Date(NOW),
    );
    assert.deepStrictEqual(parsed(JSON.stringify(file)), file);
    assert.deepStrictEqual(Object.keys(file), ['format', 'version', 'handle', 'exportedAt', 'roadmaps']);
    assert.deepStrictEqual(file.roadmaps[0].failing, { pandas: 1 }, 'a verified task has no failing checks to report');
  });

  test('Handles: short, plain characters, safe as a file name', () => {
    assert.strictEqual(handleProblem('ada-lovelace_1.x'), undefined);
    for (const bad of ['', 'a'.repeat(40), '../etc', 'a b', '<b>x</b>', '.hidden', 'ends.', 'con', 'é']) assert.ok(handleProblem(bad), bad);
  });

  test('Foreign, newer, oversized and malformed files are refused with where and why', () => {
    const cases: [string, RegExp][] = [
      ['{"format":"ml-roadmaps-progress","version":1}', /class\/x\.json: format: expected "ml-roadmaps-class"/],
      ['[1,2]', /expected a JSON object/],
      [classFile('ada', {}).replace('"version":1', '"version":2'), /version: version 2 is newer than this extension reads/],
      [classFile('ada', {}).replace('"version":1', '"version":"1"'), /version: expected 1/],
      ['{\n  "format": "ml-roadmaps-class",\n  oops\n}', /not valid JSON at line 3, column 3/],
      [' '.repeat(MAX_CLASS_FILE_BYTES + 1), /larger than 256 KB/],
      [classFile('<img src=x onerror=alert(1)>', {}), /handle: letters, digits/],
      [classFile('ada', { numpy: { state: 'finished', changedAt: 1 } }), /roadmaps\[0\]\.tasks\.numpy\.state: expected notStarted/],
      [classFile('ada', { numpy: { state: 'done', changedAt: NOW + 3 * DAY } }), /numpy\.changedAt: in the future/],
      [classFile('ada', {}, { notes: 'my notes' }), /roadmaps\[0\]\.notes: not part of a class file/],
      [classFile('ada', {}, { plan: { pace: 0 } }), /plan\.pace: expected hours per week/],
      [classFile('ada', {}, { verified: [{ taskId: 'numpy', at: 'yesterday' }] }), /verified\[0\]\.at: expected an ISO 8601 time/],
    ];
    for (const [text, reason] of cases) {
      const result = parseClassFile(text, 'class/x.json', NOW);
      assert.strictEqual(result.file, undefined, text.slice(0, 60));
      assert.match(result.reason, reason);
    }
  });
});

suite('Class aggregation', () => {
  test('A row a learner: done % per phase, verified, plan, last activity; tasks the roadmap does not have left out', () => {
    const aggregate = new ClassAggregate([mini]);
    aggregate.set(
      'class/ada.json',
      parsed(
        classFile(
          'ada',
          { 'linear-algebra': { state: 'done', changedAt: NOW - 5 * DAY }, calculus: { state: 'skipped', changedAt: NOW - 4 * DAY }, numpy: { state: 'inProgress', changedAt: NOW - 3 * DAY }, 'not-in-roadmap': { state: 'done', changedAt: NOW } },
          { verified: [{ taskId: 'linear-algebra', at: new Date(NOW - DAY).toISOString() }], failing: { numpy: 2 }, plan: { pace: 8, aheadBehindDays: -3 } },
        ),
      ),
    );
    const [row] = aggregate.rows('mini');
    assert.deepStrictEqual(row, { file: 'class/ada.json', handle: 'ada', phaseFinished: [2, 0], finished: 2, percent: 40, verified: 1, pace: 8, aheadBehindDays: -3, lastActivity: NOW - DAY });
    assert.deepStrictEqual(aggregate.stuck('mini', NOW), [{ taskId: 'numpy', title: 'NumPy', failingLearners: 1, failingChecks: 2, inProgress: 1, meanDaysInProgress: 3 }]);
  });

  test('Changing one file changes only its contribution; the result equals aggregating from scratch', () => {
    const incremental = new ClassAggregate([mini]);
    for (let n = 0; n < 20; n++) incremental.set(`class/${n}.json`, learnerFile(mini, n, NOW));
    incremental.set('class/3.json', learnerFile(mini, 4, NOW, 'learner-0003'));
    incremental.setBad('class/5.json', 'class/5.json: not valid JSON');
    incremental.delete('class/7.json');
    const fresh = new ClassAggregate([mini]);
    for (let n = 0; n < 20; n++) {
      if (n === 5 || n === 7) continue;
      fresh.set(`class/${n}.json`, n === 3 ? learnerFile(mini, 4, NOW, 'learner-0003') : learnerFile(mini, n, NOW));
    }
    const sorted = (a: ClassAggregate) => a.rows('mini').sort((x, y) => (x.file < y.file ? -1 : 1));
    assert.deepStrictEqual(sorted(incremental), sorted(fresh));
    assert.deepStrictEqual(incremental.stuck('mini', NOW), fresh.stuck('mini', NOW));
    assert.deepStrictEqual(incremental.badFiles(), [{ file: 'class/5.json', reason: 'class/5.json: not valid JSON' }]);
    assert.strictEqual(incremental.rows('mini').length, 18);
  });

  test('Sorting by any column, learners without a value last; filtering by handle', () => {
    const aggregate = new ClassAggregate([mini]);
    for (const n of [1, 2, 3, 6]) aggregate.set(`class/${n}.json`, learnerFile(mini, n, NOW, ['Zoe', 'ada', 'Bob', 'bea'][[1, 2, 3, 6].indexOf(n)]));
    const handles = (view: Parameters<typeof viewRows>[1]) => viewRows(aggregate.rows('mini'), view, mini).map((r) => r.handle);
    assert.deepStrictEqual(handles({ sort: 'learner', descending: false, filter: '' }), ['ada', 'bea', 'Bob', 'Zoe']);
    assert.deepStrictEqual(handles({ sort: 'learner', descending: true, filter: 'B' }), ['Bob', 'bea']);
    const byDone = viewRows(aggregate.rows('mini'), { sort: 'done', descending: true, filter: '' }, mini).map((r) => r.finished);
    assert.deepStrictEqual(byDone, [...byDone].sort((a, b) => b - a));
    // Learners 3 and 6 have no plan: last, whichever way.
    assert.deepStrictEqual(handles({ sort: 'plan', descending: false, filter: '' }).slice(2).sort(), ['Bob', 'bea']);
    assert.deepStrictEqual(handles({ sort: 'plan', descending: true, filter: '' }).slice(2).sort(), ['Bob', 'bea']);
    assert.ok(isClassColumn('phase-1') && isClassColumn('activity'));
    assert.ok(!isClassColumn('phase-01') && !isClassColumn('phase-1000') && !isClassColumn('__proto__') && !isClassColumn(1));
  });
});

suite('Class CSV and progress card', () => {
  test('CSV fields: RFC 4180 quoting, formulas made plain text', () => {
    assert.strictEqual(csvField('plain'), 'plain');
    assert.strictEqual(csvField('a,b'), '"a,b"');
    assert.strictEqual(csvField('say "hi"'), '"say ""hi"""');
    assert.strictEqual(csvField('two\nlines'), '"two\nlines"');
    assert.strictEqual(csvField('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    for (const lead of ['+', '-', '@', '\t']) assert.strictEqual(csvField(`${lead}1`), `'${lead}1`);
    assert.strictEqual(csvField(-3), '-3');
    assert.strictEqual(csvField(undefined), '');
  });

  test('CSV of the rows in the order given, a phase column each, CRLF line ends', () => {
    const aggregate = new ClassAggregate([mini]);
    aggregate.set('class/ada.json', parsed(classFile('ada', { 'linear-algebra': { state: 'done', changedAt: NOW } }, { plan: { pace: 5, aheadBehindDays: 2 } })));
    const csv = classCsv(aggregate.rows('mini'), mini, HEADINGS);
    assert.strictEqual(csv, `Learner,File,Done %,Basics %,Week 2 %,Verified,Ahead/behind (days),Pace (h/week),Last activity\r\nada,class/ada.json,20,33,0,0,2,5,${new Date(NOW).toISOString()}\r\n`);
  });

  test('The card escapes every text for XML and drops what XML cannot hold', () => {
    assert.strictEqual(escapeXml(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    assert.strictEqual(escapeXml('bell\u0007 lone\ud800 pair😀 \ufffe'), 'bell lone pair😀 ');
    const words = { finished: (d: number, t: number) => `${d} of ${t} tasks`, verified: (n: number) => `${n} verified`, pace: (h: number) => `${h} h/week`, noPlan: 'no plan', asOf: (d: string) => `as of ${d}` };
    const svg = progressCardSvg({ roadmapTitle: '</text><script>alert(1)</script>', finished: 3, total: 12, verified: 1, pace: 6, date: '2026-12-06' }, words);
    assert.ok(!svg.includes('<script'), svg);
    assert.match(svg, /&lt;\/text&gt;&lt;script&gt;/);
    assert.match(svg, />25%</);
    assert.match(svg, /3 of 12 tasks · 1 verified · 6 h\/week/);
  });

  test('Generated class files read back', () => {
    assert.ok(parseClassFile(learnerText(mini, 5, NOW), 'class/5.json', NOW).file);
  });
});

suite('Reading a class grows linearly', () => {
  const master = shapeOf(loadBundled('master-24-week.yaml'));
  const MAX_RATIO = 30;

  test('Reading and aggregating ten times the files', function () {
    this.timeout(120_000);
    const make = (n: number) => Array.from({ length: n }, (_, i) => learnerText(master, i, NOW));
    const g = growth(make, (texts) => {
      const aggregate = new ClassAggregate([master]);
      texts.forEach((text, i) => aggregate.set(`class/${i}.json`, parseClassFile(text, `class/${i}.json`, NOW).file!));
      return viewRows(aggregate.rows(master.id), { sort: 'done', descending: true, filter: '' }, master).length + aggregate.stuck(master.id, NOW).length;
    }, 20);
    assert.ok(g.ratio < MAX_RATIO, describeGrowth(g));
  });

  test('Reading a file ten times the size, and exporting ten times the rows as CSV', function () {
    this.timeout(120_000);
    // More roadmaps of 30 tasks each: one object of thousands of keys would measure the engine's
    // change of object representation, not this code.
    const roadmap = (r: number) => ({ id: `r-${r}`, tasks: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`task-${i}`, { state: 'done', changedAt: NOW - i }])), verified: [] });
    const make = (n: number) => JSON.stringify({ format: CLASS_FILE_FORMAT, version: 1, handle: 'ada', exportedAt: new Date(NOW).toISOString(), roadmaps: Array.from({ length: n }, (_, r) => roadmap(r)) });
    assert.ok(parseClassFile(make(100), 'class/ada.json', NOW).file, 'the 10× file is read, not refused');
    const g = growth(make, (text) => parseClassFile(text, 'class/ada.json', NOW).file?.handle, 10);
    assert.ok(g.ratio < MAX_RATIO, describeGrowth(g));
    const aggregate = new ClassAggregate([master]);
    for (let i = 0; i < 1000; i++) aggregate.set(`class/${i}.json`, learnerFile(master, i, NOW));
    const rows = aggregate.rows(master.id);
    const csv = growth((n: number) => rows.slice(0, n), (some) => classCsv(some, master, HEADINGS).length, 50);
    assert.ok(csv.ratio < MAX_RATIO, `CSV: ${describeGrowth(csv)}`);
  });
});
