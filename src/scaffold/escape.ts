/**
 * Where each `{{variable}}` of a template file sits (a Python string, a comment, Markdown text, a
 * TOML string…) and how a value is written there so that it stays text. Pure.
 *
 * Values are free text: a project name the user typed, and a task and roadmap title that any
 * roadmap in the workspace can set. So every value first loses its control characters (a newline
 * would end a comment or a Dockerfile instruction), then is escaped for its context. Where no
 * escaping exists (Python code, shell commands, plain YAML scalars, any file type not known here),
 * only "word" values are accepted — letters, digits and `. _ - / : +` — and anything else is
 * refused as a problem of the template, which should put the variable inside a string.
 */

/** `{{name}}` at a given position, with optional spaces inside the braces (sticky, for scanners). */
const REFERENCE_AT = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/y;
/** Values that are safe anywhere: no spaces, quotes, brackets or shell metacharacters. */
const WORD = /^(?:[A-Za-z0-9_][A-Za-z0-9_.\-/:+]*)?$/;
/** What Python code accepts in place of a name: a dotted identifier or a plain number. */
const PYTHON_CODE = /^(?:[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*|[0-9]+(?:\.[0-9]+)?)$/;
/** Characters that start Markdown or HTML structure inside a line. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|~&!$]/g;
/** Control characters, and the separators some editors and parsers treat as line ends. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

export type Context =
  /** The rest of one line is a comment: any text without line breaks. */
  | { readonly kind: 'comment' }
  /** Only word values; `where` says what the place is, for the error. */
  | { readonly kind: 'word'; readonly where: string; readonly pattern?: RegExp }
  | { readonly kind: 'python-string'; readonly quote: '"' | "'"; readonly raw: boolean; readonly bytes: boolean; readonly format: boolean }
  /** Inside a JSON string, a YAML double-quoted scalar, or a TOML basic string. */
  | { readonly kind: 'json-string' }
  | { readonly kind: 'toml-basic-string' }
  /** TOML literal strings and YAML single-quoted scalars: no escapes. */
  | { readonly kind: 'literal-string'; readonly doubledQuote: boolean }
  | { readonly kind: 'markdown-text'; readonly lineStart: boolean }
  | { readonly kind: 'markdown-code-span' }
  /** Already a JS string in a parsed structure that is serialized afterwards. */
  | { readonly kind: 'plain' };

/** Any value, as one line of text without control characters. */
export function plainValue(value: string): string {
  return value.replace(CONTROL, ' ');
}

/** The value written for `context`, or why it cannot be. */
export function escapeFor(context: Context, raw: string): { text: string } | { problem: string } {
  const value = plainValue(raw);
  switch (context.kind) {
    case 'comment':
    case 'plain':
      return { text: value };
    case 'word':
      return (context.pattern ?? WORD).test(value)
        ? { text: value }
        : { problem: `it sits in ${context.where}, where only a name of letters, digits and . _ - / : + is safe, and "${value.slice(0, 60)}" is not one; put the variable inside a quoted string` };
    case 'python-string': {
      const { quote, raw: isRaw, bytes, format } = context;
      if (bytes && /[^\x20-\x7e]/.test(value)) return { problem: `it sits in a Python bytes literal, which cannot hold "${value.slice(0, 60)}"` };
      if (isRaw) {
        return value.includes('\\') || value.includes(quote) || (format && /[{}]/.test(value))
          ? { problem: `it sits in a raw Python string, which cannot escape "${value.slice(0, 60)}"; use a plain string` }
          : { text: value };
      }
      let text = value.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`);
      if (format) text = text.replace(/\{/g, '{{').replace(/\}/g, '}}');
      return { text };
    }
    case 'json-string':
    case 'toml-basic-string':
      // JSON's escapes (\" \\ \uXXXX) are valid in JSON, YAML double-quoted scalars and TOML basic strings.
      return { text: JSON.stringify(value).slice(1, -1) };
    case 'literal-string':
      if (context.doubledQuote) return { text: value.replace(/'/g, "''") };
      return value.includes("'") ? { problem: `it sits in a TOML literal string ('…'), which cannot hold the quote in "${value.slice(0, 60)}"; use "…"` } : { text: value };
    case 'markdown-text': {
      let text = value.replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`);
      // At the start of a line, "- ", "+ ", "1. " or "=" would make a list item or a heading.
      if (context.lineStart) text = text.replace(/^(\s*)([-+=]|[0-9]+(?=[.)]))/, (_m, space: string, mark: string) => `${space}${/^[0-9]/.test(mark) ? `${mark}\\` : `\\${mark}`}`);
      return { text };
    }
    case 'markdown-code-span':
      // A code span shows its text literally and cannot escape a backtick, which would close it.
      return { text: value.replace(/`/g, "'") };
  }
}

/** The kind of text a file holds, from its name. */
export type FileKind = 'python' | 'notebook' | 'json' | 'markdown' | 'toml' | 'yaml' | 'hash-comments' | 'other';

export function fileKindOf(path: string): FileKind {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (/\.pyi?$/.test(name)) return 'python';
  if (name.endsWith('.ipynb')) return 'notebook';
  if (name.endsWith('.json')) return 'json';
  if (/\.(md|markdown)$/.test(name)) return 'markdown';
  if (name.endsWith('.toml')) return 'toml';
  if (/\.ya?ml$/.test(name)) return 'yaml';
  // Files where "#" starts a comment and everything else is read as words or commands.
  if (/^(dockerfile|containerfile|makefile)/.test(name) || /\.(dockerfile|sh|bash|txt|in|cfg|ini|conf|env|gitignore|dockerignore|gitattributes)$/.test(name) || /^\.(env|gitignore|dockerignore|gitattributes)/.test(name)) {
    return 'hash-comments';
  }
  return 'other';
}

/** Where each reference starts → its context. */
export type Contexts = Map<number, Context>;

/**
 * The context of every `{{reference}}` in `text` by its offset, for a file of `kind` (not
 * 'notebook'). A reference the scan did not see (say after a backslash) has no entry; the caller
 * then treats it as the strictest context.
 */
export function contextsOf(text: string, kind: Exclude<FileKind, 'notebook'>): Contexts {
  switch (kind) {
    case 'python':
      return pythonContexts(text);
    case 'json':
      return jsonContexts(text);
    case 'markdown':
      return markdownContexts(text);
    case 'toml':
      return tomlContexts(text);
    case 'yaml':
      return yamlContexts(text);
    case 'hash-comments':
      return hashCommentContexts(text);
    case 'other':
      return everyReference(text, () => ({ kind: 'word', where: 'a file whose format is not known to the renderer' }));
  }
}

/** Length of the reference starting at `i`, or 0. */
function referenceAt(text: string, i: number): number {
  if (text[i] !== '{') return 0;
  REFERENCE_AT.lastIndex = i;
  return REFERENCE_AT.exec(text)?.[0].length ?? 0;
}

function everyReference(text: string, context: () => Context, contexts: Contexts = new Map(), base = 0): Contexts {
  for (let i = 0; i < text.length; i++) {
    const length = referenceAt(text, i);
    if (length > 0) {
      contexts.set(base + i, context());
      i += length - 1;
    }
  }
  return contexts;
}

function pythonContexts(text: string): Contexts {
  const contexts: Contexts = new Map();
  type State = { in: 'code' } | { in: 'comment' } | { in: 'string'; quote: '"' | "'"; triple: boolean; raw: boolean; bytes: boolean; format: boolean };
  let state: State = { in: 'code' };
  for (let i = 0; i < text.length; i++) {
    const length = referenceAt(text, i);
    if (length > 0) {
      if (state.in === 'string') contexts.set(i, { kind: 'python-string', quote: state.quote, raw: state.raw, bytes: state.bytes, format: state.format });
      else if (state.in === 'comment') contexts.set(i, { kind: 'comment' });
      else contexts.set(i, { kind: 'word', where: 'Python code', pattern: PYTHON_CODE });
      i += length - 1;
      continue;
    }
    const ch = text[i];
    if (state.in === 'comment') {
      if (ch === '\n') state = { in: 'code' };
    } else if (state.in === 'string') {
      // Even in a raw string a backslash keeps the next quote from closing it.
      if (ch === '\\') i++;
      else if (state.triple ? text.startsWith(state.quote.repeat(3), i) : ch === state.quote) {
        if (state.triple) i += 2;
        state = { in: 'code' };
      } else if (ch === '\n' && !state.triple) state = { in: 'code' };
    } else if (ch === '#') {
      state = { in: 'comment' };
    } else if (ch === '"' || ch === "'") {
      // The letters right before the quote are a prefix only when they form one (`rb"`, not `return"`).
      let start = i;
      while (start > 0 && /[A-Za-z0-9_]/.test(text[start - 1])) start--;
      const word = text.slice(start, i).toLowerCase();
      const prefix = /^(r|u|b|f|br|rb|fr|rf)$/.test(word) ? word : '';
      const triple = text.startsWith(ch.repeat(3), i);
      state = { in: 'string', quote: ch, triple, raw: prefix.includes('r'), bytes: prefix.includes('b'), format: prefix.includes('f') };
      if (triple) i += 2;
    }
  }
  return contexts;
}

function jsonContexts(text: string): Contexts {
  const contexts: Contexts = new Map();
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const length = referenceAt(text, i);
    if (length > 0) {
      contexts.set(i, inString ? { kind: 'json-string' } : { kind: 'word', where: 'JSON outside a string' });
      i += length - 1;
      continue;
    }
    if (inString && text[i] === '\\') i++;
    else if (text[i] === '"') inString = !inString;
  }
  return contexts;
}

function markdownContexts(text: string): Contexts {
  const contexts: Contexts = new Map();
  let fence: string | undefined;
  let next = 0;
  for (const line of text.split('\n')) {
    const offset = next;
    next += line.length + 1;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      everyReference(line, () => ({ kind: 'word', where: 'a fenced code block' }), contexts, offset);
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      everyReference(line, () => ({ kind: 'word', where: 'the info string of a code fence' }), contexts, offset);
      continue;
    }
    let span: number | undefined;
    for (let i = 0; i < line.length; i++) {
      const length = referenceAt(line, i);
      if (length > 0) {
        contexts.set(offset + i, span !== undefined ? { kind: 'markdown-code-span' } : { kind: 'markdown-text', lineStart: line.slice(0, i).trim() === '' });
        i += length - 1;
        continue;
      }
      if (line[i] === '\\' && span === undefined) {
        i++;
      } else if (line[i] === '`') {
        let run = 1;
        while (line[i + run] === '`') run++;
        // A run opens a code span only when a run of the same length closes it; otherwise it is text.
        if (span === undefined) span = closingRunAfter(line, i + run, run) ? run : undefined;
        else if (span === run) span = undefined;
        i += run - 1;
      }
    }
  }
  return contexts;
}

function closingRunAfter(line: string, from: number, run: number): boolean {
  for (const match of line.slice(from).matchAll(/`+/g)) if (match[0].length === run) return true;
  return false;
}

function tomlContexts(text: string): Contexts {
  const contexts: Contexts = new Map();
  let state: 'code' | 'comment' | '"' | "'" | '"""' | "'''" = 'code';
  for (let i = 0; i < text.length; i++) {
    const length = referenceAt(text, i);
    if (length > 0) {
      if (state === 'comment') contexts.set(i, { kind: 'comment' });
      else if (state === '"' || state === '"""') contexts.set(i, { kind: 'toml-basic-string' });
      else if (state === "'" || state === "'''") contexts.set(i, { kind: 'literal-string', doubledQuote: false });
      else contexts.set(i, { kind: 'word', where: 'TOML outside a string' });
      i += length - 1;
      continue;
    }
    const ch = text[i];
    if (state === 'comment') {
      if (ch === '\n') state = 'code';
    } else if (state === 'code') {
      if (ch === '#') state = 'comment';
      else if (ch === '"' || ch === "'") {
        state = text.startsWith(ch.repeat(3), i) ? (ch === '"' ? '"""' : "'''") : ch;
        i += state.length - 1;
      }
    } else if ((state === '"' || state === '"""') && ch === '\\') {
      i++;
    } else if (text.startsWith(state, i)) {
      i += state.length - 1;
      state = 'code';
    } else if (ch === '\n' && state.length === 1) {
      state = 'code';
    }
  }
  return contexts;
}

function yamlContexts(text: string): Contexts {
  const contexts: Contexts = new Map();
  let state: 'plain' | 'comment' | '"' | "'" = 'plain';
  /** The last character that was not a space, to tell where a scalar may start. */
  let previous = '\n';
  for (let i = 0; i < text.length; i++) {
    const length = referenceAt(text, i);
    if (length > 0) {
      if (state === 'comment') contexts.set(i, { kind: 'comment' });
      else if (state === '"') contexts.set(i, { kind: 'json-string' });
      else if (state === "'") contexts.set(i, { kind: 'literal-string', doubledQuote: true });
      else contexts.set(i, { kind: 'word', where: 'a plain YAML value' });
      i += length - 1;
      previous = 'x';
      continue;
    }
    const ch = text[i];
    if (state === 'comment') {
      if (ch === '\n') state = 'plain';
    } else if (state === '"') {
      if (ch === '\\') i++;
      else if (ch === '"') state = 'plain';
    } else if (state === "'") {
      if (ch === "'" && text[i + 1] === "'") i++;
      else if (ch === "'") state = 'plain';
    } else if (ch === '#' && /\s/.test(text[i - 1] ?? '\n')) {
      state = 'comment';
    } else if ((ch === '"' || ch === "'") && /[\n:\-[{,?]/.test(previous)) {
      state = ch;
    }
    if (ch !== ' ' && ch !== '\t') previous = ch;
  }
  return contexts;
}

function hashCommentContexts(text: string): Contexts {
  const contexts: Contexts = new Map();
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const length = referenceAt(text, i);
    if (length > 0) {
      contexts.set(i, comment ? { kind: 'comment' } : { kind: 'word', where: 'a command or value line' });
      i += length - 1;
      continue;
    }
    if (text[i] === '\n') comment = false;
    else if (text[i] === '#' && /\s/.test(text[i - 1] ?? '\n')) comment = true;
  }
  return contexts;
}
