/**
 * The HTML frame every page shares: a strict Content Security Policy with a per-render nonce, the
 * shared stylesheet and script then the page's own (see `pages.ts`), and the data the scripts and
 * the serializer read from `<body>`. Pure.
 */
import { escapeHtml } from './markdown';

export interface PageAssets {
  readonly cspSource: string;
  readonly nonce: string;
  /** The shared script, then the page's own, in the order they run. */
  readonly scriptUris: readonly string[];
  /** The shared stylesheet, then the page's own. */
  readonly styleUris: readonly string[];
  /** What the page saves for the serializer, as JSON (see `PageKind.save`); `page.js` saves it. */
  readonly saved?: string;
}

export function renderPage(assets: PageAssets, title: string, body: string, bodyData: Record<string, string>): string {
  const data = Object.entries(assets.saved === undefined ? bodyData : { ...bodyData, saved: assets.saved })
    .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
    .join('');
  // default-src 'none': the page may load nothing but our own stylesheet and nonce'd script.
  const csp = [
    "default-src 'none'",
    `style-src ${assets.cspSource}`,
    `script-src 'nonce-${assets.nonce}'`,
    `img-src ${assets.cspSource}`,
    `font-src ${assets.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${assets.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeHtml(uri)}">`).join('\n')}
<title>${escapeHtml(title)}</title>
</head>
<body${data}>
${body}
${assets.scriptUris.map((uri) => `<script nonce="${assets.nonce}" src="${escapeHtml(uri)}"></script>`).join('\n')}
</body>
</html>`;
}
