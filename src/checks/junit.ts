/**
 * Reads the report pytest writes with `--junitxml` into one result per test, keyed by pytest node
 * id. Pure: nothing here imports `vscode`, so the extension and the proof script share it.
 *
 * pytest's report is plain XML (elements, attributes, text, entities; no namespaces, no DTD), so a
 * small reader here does instead of a dependency. It is linear in the input and never throws: a
 * report it cannot read comes back as an error with its line and column.
 */

export type Outcome = 'passed' | 'failed' | 'error' | 'skipped';

export interface TestResult {
  /** `checks/test_steps.py::test_name`, relative to pytest's root folder (the project). */
  readonly nodeid: string;
  readonly outcome: Outcome;
  /** The hint: the first line of the failure message, without an exception-class prefix. Empty when passed. */
  readonly message: string;
  /** The exception class the message started with (`AssertionError`, `Failed`, `NotImplementedError`…), if any. */
  readonly exception?: string;
  /** The whole failure message, every line of it (a check's hint and what it saw); absent when passed. */
  readonly fullMessage?: string;
  /** The full text pytest reported (traceback, captured reason); empty when passed. */
  readonly details: string;
  /** The test file, relative to the project, when pytest reported it. */
  readonly file?: string;
  /** The 1-based line of the test's definition, when pytest reported it. */
  readonly line?: number;
  /** The 1-based line in `file` where it failed, read from the traceback, when there is one. */
  readonly failureLine?: number;
  /** Seconds. */
  readonly duration: number;
}

export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  /** The element's own text (CDATA included), without its children's. */
  text: string;
}

/**
 * Parses the XML of a JUnit report into its root element. Enough XML for pytest's output and other
 * simple files: a declaration, comments, processing instructions, CDATA and the five named
 * entities plus character references; a DOCTYPE is refused.
 */
export function parseXml(text: string): { root?: XmlElement; error?: string } {
  try {
    return { root: new XmlReader(text).read() };
  } catch (error) {
    if (error instanceof XmlError) return { error: `${lineColumn(text, error.offset)}: ${error.message}` };
    throw error;
  }
}

/** A malformed report, at an offset into its text. */
class XmlError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

/** Where an offset is, as line:col; computed only when an error needs it. */
function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${line}:${offset - lineStart + 1}`;
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ATTRIBUTE = /\s+([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const SPACE = /\s*/y;

/** One pass over the text, left to right: each step consumes text up to a "<", then one piece of markup. */
class XmlReader {
  private readonly stack: XmlElement[] = [];
  private root: XmlElement | undefined;
  private i: number;

  constructor(private readonly text: string) {
    this.i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  read(): XmlElement {
    const { text } = this;
    while (this.i < text.length) {
      const lt = text.indexOf('<', this.i);
      this.characters(lt === -1 ? text.length : lt);
      if (lt === -1) break;
      this.i = lt;
      if (text.startsWith('<!--', lt)) this.i = this.skipPast('-->', lt + 4, 'unclosed comment');
      else if (text.startsWith('<![CDATA[', lt)) this.cdata();
      else if (text.startsWith('<?', lt)) this.i = this.skipPast('?>', lt + 2, 'unclosed processing instruction');
      else if (text.startsWith('<!', lt)) throw new XmlError(lt, 'a DOCTYPE or other declaration is not supported');
      else if (text.startsWith('</', lt)) this.closingTag();
      else this.openingTag();
    }
    const open = this.stack[this.stack.length - 1];
    if (open) throw new XmlError(text.length, `<${open.name}> is never closed`);
    if (!this.root) throw new XmlError(text.length, 'no element');
    return this.root;
  }

  private get parent(): XmlElement | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** The text from the reader's position up to `end`, added to the open element. */
  private characters(end: number): void {
    if (end <= this.i) return;
    const chunk = this.text.slice(this.i, end);
    if (this.parent) {
      const decoded = decodeEntities(chunk);
      if (decoded === undefined) throw new XmlError(this.i, 'unknown entity in text');
      this.parent.text += decoded;
    } else if (chunk.trim() !== '') {
      throw new XmlError(this.i, 'text outside the root element');
    }
  }

  /** The offset just past the next `closer` from `from`. */
  private skipPast(closer: string, from: number, unclosed: string): number {
    const end = this.text.indexOf(closer, from);
    if (end === -1) throw new XmlError(this.i, unclosed);
    return end + closer.length;
  }

  private cdata(): void {
    const start = this.i;
    const end = this.skipPast(']]>', start + 9, 'unclosed CDATA section');
    if (!this.parent) throw new XmlError(start, 'CDATA outside the root element');
    this.parent.text += this.text.slice(start + 9, end - 3);
    this.i = end;
  }

  private closingTag(): void {
    const { text, i } = this;
    NAME.lastIndex = i + 2;
    const name = NAME.exec(text)?.[0];
    if (name === undefined) throw new XmlError(i, 'a closing tag without a name');
    SPACE.lastIndex = i + 2 + name.length;
    SPACE.exec(text);
    if (text[SPACE.lastIndex] !== '>') throw new XmlError(i, `the closing tag </${name}> is not closed with ">"`);
    const open = this.stack.pop();
    if (!open) throw new XmlError(i, `</${name}> closes nothing`);
    if (open.name !== name) throw new XmlError(i, `</${name}> closes <${open.name}>`);
    this.i = SPACE.lastIndex + 1;
  }

  private openingTag(): void {
    const { text, i } = this;
    NAME.lastIndex = i + 1;
    const name = NAME.exec(text)?.[0];
    if (name === undefined) throw new XmlError(i, 'a "<" that starts no tag');
    const attributes = new Map<string, string>();
    let j = this.attributes(i + 1 + name.length, attributes);
    SPACE.lastIndex = j;
    SPACE.exec(text);
    j = SPACE.lastIndex;
    const selfClosing = text.startsWith('/>', j);
    if (!selfClosing && text[j] !== '>') throw new XmlError(j, `the tag <${name}> is malformed`);
    const element: XmlElement = { name, attributes, children: [], text: '' };
    if (this.parent) this.parent.children.push(element);
    else if (this.root) throw new XmlError(i, 'a second root element');
    else this.root = element;
    if (!selfClosing) this.stack.push(element);
    this.i = j + (selfClosing ? 2 : 1);
  }

  /** Reads attributes from `from` into `into`; the offset after the last one. */
  private attributes(from: number, into: Map<string, string>): number {
    let j = from;
    for (;;) {
      ATTRIBUTE.lastIndex = j;
      const match = ATTRIBUTE.exec(this.text);
      if (!match) return j;
      const at = j + match[0].search(/\S/);
      const value = decodeEntities(match[2] ?? match[3]);
      if (value === undefined) throw new XmlError(at, `unknown entity in the attribute ${match[1]}`);
      if (into.has(match[1])) throw new XmlError(at, `the attribute ${match[1]} appears twice`);
      into.set(match[1], value);
      j = ATTRIBUTE.lastIndex;
    }
  }
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces entities and character references; undefined when one is unknown or invalid. */
function decodeEntities(text: string): string | undefined {
  if (!text.includes('&')) return text;
  let bad = false;
  const decoded = text.replace(/&([^;&\s]{0,10});?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) {
      bad = true;
      return whole;
    }
    if (Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, body)) return NAMED_ENTITIES[body];
    const code = /^#x[0-9a-fA-F]{1,6}$/.test(body) ? parseInt(body.slice(2), 16) : /^#[0-9]{1,7}$/.test(body) ? parseInt(body.slice(1), 10) : NaN;
    if (!Number.isInteger(code) || code > 0x10ffff) {
      bad = true;
      return whole;
    }
    return String.fromCodePoint(code);
  });
  return bad ? undefined : decoded;
}

/** A message's leading exception class: `AssertionError: `, `Failed: `, `_pytest.outcomes.Failed: `. */
const EXCEPTION_PREFIX = /^((?:[A-Za-z_][A-Za-z0-9_]*\.)*(?:Failed|[A-Za-z_][A-Za-z0-9_]*(?:Error|Exception|Warning|Failure|Exit|Interrupt)))(?::\s*|$)/;

/** The hint of a failure message: its first non-empty line, without the exception-class prefix. */
export function hintOf(message: string): { message: string; exception?: string } {
  const first = message.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
  const match = EXCEPTION_PREFIX.exec(first);
  if (!match) return { message: first };
  const exception = match[1].split('.').pop() ?? match[1];
  return { message: first.slice(match[0].length).trim(), exception };
}

/**
 * The node id of a `<testcase>`: from its `file` attribute when pytest wrote one (junit_family
 * xunit1), else from the dotted `classname` (`checks.test_steps.TestX`), choosing among the ways to
 * split it the one that is in `known` (the node ids that were asked for), else treating the trailing
 * capitalised parts as classes.
 *
 * Linear in the class name: each way of splitting it is a string as long as the class name, so
 * instead of building them all, each known id is read back into dotted form and compared, and only
 * the split that is returned is built.
 */
export function nodeIdOf(classname: string, name: string, file: string | undefined, known: ReadonlySet<string> = new Set()): string {
  const parts = classname === '' ? [] : classname.split('.');
  if (file !== undefined && file !== '') {
    const moduleParts = file.replace(/\.py$/, '').split('/');
    // A collection error: no class name, the dotted module as the name.
    if (parts.length === 0) return file;
    const classes = startsWith(parts, moduleParts) ? parts.slice(moduleParts.length) : [];
    return [file, ...classes, name].join('::');
  }
  if (parts.length === 0) return name.includes('.') ? `${name.split('.').join('/')}.py` : name;
  // The id whose first `k` parts are the module's path.
  const split = (k: number) => [`${parts.slice(0, k).join('/')}.py`, ...parts.slice(k), name].join('::');
  const bare = (id: string) => id.replace(/\[.*$/s, '');
  const targets = new Set([`${classname}.${name}`, `${classname}.${bare(name)}`]);
  let best = 0;
  for (const id of known) {
    const k = moduleLength(id, targets);
    if (k !== undefined && k > best && k <= parts.length) {
      const candidate = split(k);
      if (known.has(candidate) || known.has(bare(candidate))) best = k;
    }
  }
  if (best > 0) return split(best);
  let k = parts.length;
  while (k > 1 && /^[A-Z]/.test(parts[k - 1])) k--;
  return split(k);
}

/** How many dotted parts the file of a known node id takes, when the id read as dots is one of `targets`. */
function moduleLength(id: string, targets: ReadonlySet<string>): number | undefined {
  const separator = id.indexOf('::');
  if (separator < 0) return undefined;
  const file = id.slice(0, separator);
  if (!file.endsWith('.py')) return undefined;
  const moduleParts = file.slice(0, -3).split('/');
  const dotted = `${moduleParts.join('.')}.${id.slice(separator + 2).split('::').join('.')}`;
  return targets.has(dotted) ? moduleParts.length : undefined;
}

function startsWith(parts: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= parts.length && prefix.every((p, i) => p === parts[i]);
}

/** How bad an outcome is: a test reported twice (a failure, then a teardown error) keeps the worst. */
const SEVERITY: Record<Outcome, number> = { passed: 0, skipped: 1, error: 2, failed: 3 };

/** The results of a pytest JUnit report, in report order, or why it could not be read. */
export function parseJunit(text: string, options: { nodeids?: readonly string[] } = {}): { results: TestResult[]; error?: string } {
  const { root, error } = parseXml(text);
  if (!root) return { results: [], error: `the JUnit report is not valid XML: ${error ?? 'empty'}` };
  if (root.name !== 'testsuites' && root.name !== 'testsuite') return { results: [], error: `the JUnit report starts with <${root.name}>, not <testsuites> or <testsuite>` };
  const known = new Set(options.nodeids ?? []);
  const byId = new Map<string, TestResult>();
  // Iterative walk: a deep document cannot overflow the stack.
  const pending: XmlElement[] = [root];
  const cases: XmlElement[] = [];
  while (pending.length > 0) {
    const element = pending.pop() as XmlElement;
    if (element.name === 'testcase') cases.push(element);
    else for (let c = element.children.length - 1; c >= 0; c--) pending.push(element.children[c]);
  }
  for (const testcase of cases) {
    const result = resultOf(testcase, known);
    const before = byId.get(result.nodeid);
    if (!before) byId.set(result.nodeid, result);
    else if (SEVERITY[result.outcome] > SEVERITY[before.outcome]) byId.set(result.nodeid, { ...result, duration: before.duration + result.duration });
    else byId.set(result.nodeid, { ...before, duration: before.duration + result.duration });
  }
  return { results: [...byId.values()] };
}

function resultOf(testcase: XmlElement, known: ReadonlySet<string>): TestResult {
  const attr = (name: string) => testcase.attributes.get(name);
  const file = attr('file') || undefined;
  const nodeid = nodeIdOf(attr('classname') ?? '', attr('name') ?? '', file, known);
  const lineAttr = Number(attr('line'));
  // pytest writes the 0-based line of the definition.
  const line = attr('line') !== undefined && Number.isInteger(lineAttr) && lineAttr >= 0 ? lineAttr + 1 : undefined;
  const time = Number(attr('time'));
  const duration = Number.isFinite(time) && time >= 0 ? time : 0;
  const base = { nodeid, ...(file ? { file } : {}), ...(line !== undefined ? { line } : {}), duration };

  let outcome: Outcome = 'passed';
  let reported: XmlElement | undefined;
  for (const child of testcase.children) {
    const childOutcome: Outcome | undefined = child.name === 'failure' ? 'failed' : child.name === 'error' ? 'error' : child.name === 'skipped' ? 'skipped' : undefined;
    if (childOutcome && SEVERITY[childOutcome] > SEVERITY[outcome]) {
      outcome = childOutcome;
      reported = child;
    }
  }
  if (!reported) return { ...base, outcome, message: '', details: '' };
  const details = reported.text;
  const rawMessage = reported.attributes.get('message') ?? '';
  // A collection error says only "collection failure"; the traceback's last "E" line says why.
  const messageSource = outcome === 'error' && /^collection failure$/i.test(rawMessage.trim()) ? lastErrorLine(details) ?? rawMessage : rawMessage || details;
  const hint = hintOf(messageSource);
  const failureLine = file ? failureLineOf(details, file) : undefined;
  return {
    ...base,
    outcome,
    message: hint.message,
    ...(hint.exception ? { exception: hint.exception } : {}),
    fullMessage: messageSource,
    details,
    ...(failureLine !== undefined ? { failureLine } : {}),
  };
}

/** The text of the last `E   …` line of a pytest traceback. */
function lastErrorLine(details: string): string | undefined {
  const lines = details.split('\n').filter((l) => /^E\s/.test(l));
  return lines.length > 0 ? lines[lines.length - 1].replace(/^E\s+/, '') : undefined;
}

/** The last `file:N: …` line of a traceback that names the test file: where the test failed. */
function failureLineOf(details: string, file: string): number | undefined {
  let found: number | undefined;
  for (const line of details.split('\n')) {
    if (line.startsWith(`${file}:`)) {
      const match = /^:(\d+):/.exec(line.slice(file.length));
      if (match) found = Number(match[1]);
    }
  }
  return found;
}
