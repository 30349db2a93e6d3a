/**
 * The size of a string in UTF-8 without encoding it (and without Node's `Buffer`, which the web
 * worker extension host does not have): what `Buffer.byteLength(text, 'utf8')` and
 * `new TextEncoder().encode(text).length` answer. Pure.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      // A surrogate pair: one code point beyond the Basic Multilingual Plane, four bytes.
      bytes += 4;
      i++;
    } else {
      // Other code points of the Basic Multilingual Plane, and lone surrogates, which encoders
      // replace with U+FFFD: three bytes.
      bytes += 3;
    }
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
