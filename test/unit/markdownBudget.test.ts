import * as assert from 'assert';
import { createMarkdownRenderer, MAX_MARKDOWN_PER_PAGE, withinBudget } from '../../src/webview/markdown';

suite('A page’s Markdown budget', () => {
  const md = createMarkdownRenderer();

  test('Formats text while the budget lasts, then shows what no longer fits as plain text, whole', () => {
    const page = withinBudget(md, 20);
    assert.strictEqual(page.inline('a **b**'), 'a <strong>b</strong>', '7 of 20');
    // 13 left: this does not fit, and is shown escaped, every character and line of it.
    assert.strictEqual(page.block('**c** <x> ![i](https://e.example/i.png)\nnext'), '<p>**c** &lt;x&gt; ![i](https://e.example/i.png)<br>next</p>');
    assert.strictEqual(page.inline('`d`'), '<code>d</code>', 'what still fits is formatted');
    assert.strictEqual(page.inline(undefined), '');
  });

  test('Is far more than a real page needs', () => {
    // The largest bundled module page has under 1,000 characters of Markdown.
    assert.ok(MAX_MARKDOWN_PER_PAGE >= 50 * 1_000);
  });
});
