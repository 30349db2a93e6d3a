/**
 * A value as JSON for a log line, cut at `max` characters and marked `…` where cut. Pure.
 *
 * Built only as far as it is shown: `JSON.stringify(value).slice(0, max)` copied a 50 MB message
 * whole before keeping 200 characters of it, and threw on one nested deeper than the stack.
 */
export function jsonPreview(value: unknown, max = 200): string {
  if (value === undefined) return 'undefined';
  let out = '';
  const full = () => out.length > max;
  const visit = (item: unknown, depth: number): void => {
    if (typeof item === 'string') {
      // One character more than there is room for, so that a cut string is seen to be cut.
      out += JSON.stringify(item.length > max - out.length ? item.slice(0, max - out.length + 1) : item);
    } else if (Array.isArray(item)) {
      out += '[';
      for (let i = 0; i < item.length && !full(); i++) {
        if (i > 0) out += ',';
        // Like JSON.stringify: what JSON has no word for is null in a list.
        if (depth >= MAX_DEPTH) out += '…';
        else if (isSkipped(item[i])) out += 'null';
        else visit(item[i], depth + 1);
      }
      out += ']';
    } else if (typeof item === 'object' && item !== null) {
      out += '{';
      let first = true;
      for (const key in item) {
        if (full()) break;
        const member = (item as Record<string, unknown>)[key];
        if (!Object.prototype.hasOwnProperty.call(item, key) || isSkipped(member)) continue;
        out += `${first ? '' : ','}${JSON.stringify(key)}:`;
        first = false;
        if (depth >= MAX_DEPTH) out += '…';
        else visit(member, depth + 1);
      }
      out += '}';
    } else {
      out += typeof item === 'bigint' ? String(item) : (JSON.stringify(item) ?? 'null');
    }
  };
  visit(value, 0);
  return full() ? `${out.slice(0, max)}…` : out;
}

/** Deep enough for any message a page sends; a deeper (or cyclic) value is cut here. */
const MAX_DEPTH = 20;

/** Members JSON leaves out of an object. */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
