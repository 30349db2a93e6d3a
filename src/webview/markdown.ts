/**
 * The one place markdown-it is configured. Roadmap text is Markdown written by anyone who shares a
 * roadmap file, so it is rendered inert: raw HTML stays text, and only http(s) and mailto links
 * survive. Links become buttons of a kind the page script hands to the extension, which checks the
 * scheme again before opening anything.
 */
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:)/i;

/**
 * Characters of roadmap Markdown one page renders as Markdown; text past them is shown plain. The
 * largest bundled module page has under 1,000. A module of 1 MB of unmatched `![` took 14 s to
 * render; with this budget a 2 MB one takes a few tenths of a second.
 */
export const MAX_MARKDOWN_PER_PAGE = 50_000;

/**
 * How deep markdown-it nests, in blocks (lists in quotes) and inline (links in emphasis): the
 * CommonMark preset's 20, not the default 100. Each unmatched `[` looks ahead as deep as this, so
 * text of brackets cost a hundred times prose.
 */
const MAX_NESTING = 20;

export interface MarkdownRenderer {
  /** Block Markdown: paragraphs, lists, tables. */
  block(text: string | undefined): string;
  /** One line of Markdown without a paragraph around it: titles in lists, summaries. */
  inline(text: string | undefined): string;
}

export function createMarkdownRenderer(): MarkdownRenderer {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false, maxNesting: MAX_NESTING });
  const defaultValidate = md.validateLink.bind(md);
  md.validateLink = (url) => defaultValidate(url) && SAFE_LINK.test(url.trim());

  const renderToken = md.renderer.renderToken.bind(md.renderer);
  md.renderer.rules.link_open = (tokens, idx, options) => {
    const token = tokens[idx];
    const href = token.attrGet('href') ?? '';
    // The page script opens links through the extension; `data-href` keeps the target out of
    // the webview's own navigation, and `title` shows it on hover.
    token.attrs = [
      ['href', '#'],
      ['data-href', href],
      ['title', href],
      ['class', 'external-link'],
    ];
    return renderToken(tokens, idx, options);
  };
  // Images would load from anywhere; show their alt text instead.
  md.renderer.rules.image = (tokens, idx) => md.utils.escapeHtml(tokens[idx].content || '');

  return {
    block: (text) => (text ? md.render(text) : ''),
    inline: (text) => (text ? md.renderInline(text) : ''),
  };
}

/**
 * The renderer for one page: Markdown while `budget` characters of it last, then each text that no
 * longer fits as plain text, escaped, its line breaks kept. markdown-it is linear, but some text
 * (unmatched brackets) costs it a hundred times prose: the budget bounds a page whatever the roadmap.
 */
export function withinBudget(md: MarkdownRenderer, budget = MAX_MARKDOWN_PER_PAGE): MarkdownRenderer {
  let left = budget;
  const fits = (text: string) => {
    if (text.length > left) return false;
    left -= text.length;
    return true;
  };
  return {
    block: (text) => (!text ? '' : fits(text) ? md.block(text) : `<p>${plainText(text)}</p>`),
    inline: (text) => (!text ? '' : fits(text) ? md.inline(text) : plainText(text)),
  };
}

function plainText(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
