/**
 * The HTML frame every page shares: a strict Content Security Policy with a per-render nonce, our
 * one stylesheet and script, and the data the script and the serializer read from `<body>`. Pure.
 */
import { escapeHtml } from './markdown';

export interface PageAssets {
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
}

export function renderPage(assets: PageAssets, title: string, body: string, bodyData: Record<string, string>): string {
  const data = Object.entries(bodyData)
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
<link rel="stylesheet" href="${escapeHtml(assets.styleUri)}">
<title>${escapeHtml(title)}</title>
</head>
<body${data}>
${body}
<script nonce="${assets.nonce}" src="${escapeHtml(assets.scriptUri)}"></script>
</body>
</html>`;
}
