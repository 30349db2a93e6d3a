/**
 * The few path operations the extension does on URI paths, without Node's `path`: URI paths are
 * always `/`-separated, on every platform and in the web worker extension host alike. Pure.
 */

/** The last segment of a `/`-separated path: `basename('/a/b.md')` is `b.md`; a trailing `/` is ignored. */
export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** All but the last segment: `dirname('/a/b.md')` is `/a`; of `/a` it is `/`; of `a` it is `.`. */
export function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return path.startsWith('/') ? '/' : '.';
  return trimmed.slice(0, slash).replace(/\/+$/, '') || '/';
}

/**
 * The path from `from` to `to`, both absolute and `/`-separated, like Node's
 * `path.posix.relative`: `relative('/w', '/w/a/b')` is `a/b`, `relative('/w/a', '/w/b')` is
 * `../b`, and the same path gives `''`.
 */
export function relative(from: string, to: string): string {
  const a = segments(from);
  const b = segments(to);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

/**
 * Whether a path a user typed (a setting) is absolute on any platform: `/x`, `\x`, `C:\x`,
 * `C:/x` or `\\server\share`. A setting may be written on one system and read on another, so
 * both forms count everywhere.
 */
export function isAbsolutePath(path: string): boolean {
  return /^[\\/]/.test(path) || /^[a-zA-Z]:([\\/]|$)/.test(path);
}

/** The segments of a path, without empty ones and `.`, with `..` applied. */
function segments(path: string): string[] {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out;
}
