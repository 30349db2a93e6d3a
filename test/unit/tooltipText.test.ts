import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { escapeMarkdown, tooltipLine } from '../../src/tree/tooltipText';
import { bundledRoadmapFiles, loadBundled } from './helpers';

/**
 * A CommonMark renderer as permissive as any: raw HTML passes and bare addresses become links, so
 * whatever syntax survives the escaping shows up as a tag here.
 */
const md = new MarkdownIt({ html: true, linkify: true });

/** The tags a tooltip line may render to: emphasis and code, nothing that loads or links. */
function foreignTags(markdown: string): string[] {
  return (md.renderInline(markdown).match(/<\/?[a-z][^>]*>/gi) ?? []).filter((tag) => !/^<\/?(strong|em|code)>$/.test(tag));
}

/** What a reader sees of rendered Markdown: its text, entities decoded. */
function shownText(markdown: string): string {
  const html = md.renderInline(markdown).replace(/<[^>]*>/g, '');
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** Lines joined as a tooltip shows them, blank ones dropped. */
function oneLine(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
}

const HOSTILE = [
  '![pixel](https://tracker.example/pixel.png)',
  '[passwd](file:///etc/passwd)',
  '[ref][r]\n\n[r]: file:///etc/passwd',
  '<img src="https://tracker.example/pixel.png">',
  '<file:///etc/hosts> <https://tracker.example/a> <me@tracker.example>',
  'https://tracker.example/bare www.tracker.example me@tracker.example',
  '&#91;x&#93;(file:///etc/group) &lt;b&gt;',
  '<b>bold</b> <script>alert(1)</script> <!-- c -->',
  '# heading\n> quote\n1. list\n- item\n| a | b |\n|---|---|',
  '\\![escaped](https://tracker.example/e.png) \\\\[backslash](file:///x)',
  '$(alert) ~~struck~~ [x]: file:///y',
  '`unclosed ![i](https://tracker.example/i.png) ``` also [l](file:///z)',
];

suite('Tooltip text', () => {
  test('Roadmap Markdown shows as its words: no link, image, autolink or HTML survives', () => {
    for (const text of HOSTILE) {
      const line = tooltipLine(text);
      assert.deepStrictEqual(foreignTags(line), [], `${JSON.stringify(text)} → ${line}`);
      // Without emphasis or code spans in it, every character is shown as written.
      if (!/[*_`\\]/.test(text)) assert.strictEqual(shownText(line), oneLine(text), JSON.stringify(text));
    }
  });

  test('Emphasis and code spans stay, and what is inside code spans is shown as written', () => {
    assert.strictEqual(md.renderInline(tooltipLine('Tensor basics in **PyTorch & TensorFlow**')), 'Tensor basics in <strong>PyTorch &amp; TensorFlow</strong>');
    assert.strictEqual(md.renderInline(tooltipLine('`sklearn.pipeline` & `ColumnTransformer`')), '<code>sklearn.pipeline</code> &amp; <code>ColumnTransformer</code>');
    assert.strictEqual(md.renderInline(tooltipLine('_a_ ``x ` [l](file:///y)``')), '<em>a</em> <code>x ` [l](file:///y)</code>');
    assert.strictEqual(md.renderInline(tooltipLine('one\n  two  \n\nthree')), 'one two three');
  });

  test('The bundled roadmaps’ tooltips keep every bit of emphasis and code they had', () => {
    for (const file of bundledRoadmapFiles()) {
      const roadmap = loadBundled(file);
      const fields = roadmap.phases.flatMap((p) => [p.goal, ...p.modules.flatMap((m) => [m.goal, ...m.tasks.flatMap((t) => [t.summary, ...t.topics])])]);
      for (const field of fields) {
        if (!field) continue;
        const tags = (html: string) => (html.match(/<(strong|em|code)>/g) ?? []).join();
        assert.strictEqual(tags(md.renderInline(tooltipLine(field))), tags(md.renderInline(oneLine(field))), `${file}: ${field}`);
      }
    }
  });

  test('Plain text (titles, states) is escaped whole', () => {
    for (const text of [...HOSTILE, 'Week 1: **Python** & `pandas`_', 'A title — with 2.0 * 3 = 6!']) {
      assert.strictEqual(shownText(escapeMarkdown(text.replace(/\n/g, ' '))), text.replace(/\n/g, ' '), text);
    }
  });
});
