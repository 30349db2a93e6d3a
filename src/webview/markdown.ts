/**
 * The one place markdown-it is configured. Roadmap text is Markdown written by anyone who shares a
 * roadmap file, so it is rendered inert: raw HTML stays text, and only http(s) and mailto links
 * survive. Links become buttons of a kind the page script hands to the extension, which checks the
 * scheme again before opening anything.
 */
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:)/i;

export interface MarkdownRenderer {
  /** Block Markdown: paragraphs, lists, tables. */
  block(text: string | undefined): string;
  /** One line of Markdown without a paragraph around it: titles in lists, summaries. */
  inline(text: string | undefined): string;
}

export function createMarkdownRenderer(): MarkdownRenderer {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
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

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
