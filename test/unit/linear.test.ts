import * as assert from 'assert';
import { renderModulePage } from '../../src/details/render';
import { countTasks } from '../../src/model/progress';
import { findTaskReferences } from '../../src/notes/discovery';
import { parseEstimate, parseHoursPerWeek } from '../../src/model/estimate';
import { parseScaffoldManifest } from '../../src/scaffold/manifest';
import { tooltipLine } from '../../src/tree/tooltipText';
import { jsonPreview } from '../../src/util/jsonPreview';
import { createMarkdownRenderer } from '../../src/webview/markdown';
import { ImportChange, summarizeImport } from '../../src/transfer/exportFile';
import { loadText } from './helpers';
import { describeGrowth, growth } from './timing';

/** Linear code grows about 10× from the 1× to the 10× input, quadratic about 100×. */
const MAX_RATIO = 30;

suite('Inputs that grow tenfold take about ten times as long', () => {
  test('Loading a roadmap with many keys in one mapping', function () {
    this.timeout(120_000);
    // The keys sit in a mapping where text is expected: one type error, the rest is parsing.
    const make = (n: number) =>
      ['id: big', 'title: Big', 'description:', ...Array.from({ length: n }, (_, i) => `  key${i}: ${i}`), 'phases:', '  - id: p', '    title: P', '    tasks: [{ id: t, title: T }]', ''].join('\n');
    const g = growth(make, (text) => loadText(text).errors.length, 2_000);
    assert.ok(g.ratio < MAX_RATIO, describeGrowth(g));
  });

  test('Reading a scaffold manifest with many keys in one mapping', function () {
    this.timeout(120_000);
    const make = (n: number) => ['id: big', 'title: Big', 'description: D', 'serves: [a/b]', 'variables:', '  - name: x', '    description: X', '    default:', ...Array.from({ length: n }, (_, i) => `      key${i}: ${i}`), ''].join('\n');
    const g = growth(make, (text) => parseScaffoldManifest(text, 'scaffold.yaml').errors.length, 2_000);
    assert.ok(g.ratio < MAX_RATIO, describeGrowth(g));
  });

  test('Summarising an import of many changes to one roadmap', function () {
    this.timeout(120_000);
    const make = (n: number): ImportChange[] =>
      Array.from({ length: n }, (_, i) => ({ roadmapId: 'big', taskId: `t${i}`, from: 'notStarted', to: i % 2 ? 'done' : 'skipped', entry: { state: i % 2 ? 'done' : 'skipped', changedAt: i }, known: i % 3 !== 0 }));
    const g = growth(make, summarizeImport, 500);
    assert.ok(g.ratio < MAX_RATIO, describeGrowth(g));
  });

  test('Finding the task references of a note with many distinct links', function () {
    this.timeout(120_000);
    // Lines of prose with one link each, as notes have; 10× stays under the size limit for notes,
    // which would otherwise skip the scan.
    const make = (n: number) => Array.from({ length: n }, (_, i) => `Some words about the topic, see roadmap-task:r/t${i} and a few more words to pad.`).join('\n');
    const g = growth(make, (text) => findTaskReferences(text).length, 600);
    assert.ok(g.ratio < MAX_RATIO, describeGrowth(g));
  });

  test('Reading an estimate and hours per week padded with spaces', function () {
    this.timeout(120_000);
    // Spaces between the number and a character no pattern accepts: where a pattern with two
    // adjacent runs of spaces tries every split of them.
    const make = (n: number) => `1${' '.repeat(n)}x`;
    const g = growth(make, (text) => [parseEstimate(text, 'task').error, parseHoursPerWeek(text).error], 2_000);
    assert.ok(g.ratio < MAX_RATIO, describeGrowth(g));
  });

  test('Cutting a page message for the log costs the same at any size', function () {
    this.timeout(120_000);
    // What a page may send: one long text, or a long list. The log shows 200 characters of it.
    const make = (n: number) => [{ type: 'setState', taskId: 'x'.repeat(100 * n) }, { type: 'setState', taskIds: Array.from({ length: n }, (_, i) => `t${i}`) }];
    const g = growth(make, (messages) => messages.map((m) => jsonPreview(m)), 20_000);
    assert.ok(g.ratio < 3, describeGrowth(g));
  });

  test('Rendering a module page of unmatched image brackets costs no more past the page’s Markdown budget than at it', function () {
    this.timeout(300_000);
    // markdown-it reads `![` two hundred times slower than prose (each looks ahead for its `]`,
    // as deep as its nesting limit): a page renders a budget of Markdown, the rest as plain text.
    // 1× is that budget: five summaries of 10,000 characters.
    const make = (n: number) => {
      const lines = ['id: big', 'title: Big', 'phases:', '  - id: p', '    title: P', '    tasks:'];
      for (let i = 0; i < n; i++) lines.push(`      - id: t${i}`, `        title: T${i}`, `        summary: "${'!['.repeat(5_000)}"`);
      const module = loadText(lines.join('\n')).roadmap!.phases[0].modules[0];
      return { module, stateOf: () => 'notStarted' as const, counts: countTasks(module.tasks, () => 'notStarted') };
    };
    const md = createMarkdownRenderer();
    const assets = { cspSource: 'vscode-resource:', nonce: 'NONCE', scriptUris: ['details.js'], styleUris: ['details.css'] };
    const g = growth(make, (input) => renderModulePage(input, assets, md), 5);
    assert.ok(g.ratio < 3, describeGrowth(g));
  });

  test('Making a tooltip line of text with long runs of spaces and of backticks', function () {
    this.timeout(120_000);
    // A run of spaces within a line (joining the lines once matched spaces around line breaks with
    // a pattern that tried every start in the run), and runs of backticks of many lengths, each
    // looking for the run that closes it.
    const make = (n: number) => `x${' '.repeat(10 * n)}y ${Array.from({ length: n }, (_, i) => `${'`'.repeat((i % 40) + 1)} z\n`).join('')}`;
    const g = growth(make, tooltipLine, 200);
    assert.ok(g.ratio < MAX_RATIO, describeGrowth(g));
  });
});
