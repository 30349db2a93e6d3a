/**
 * Parses and validates a roadmap file and normalises it to the model in `types.ts`.
 *
 * Validation walks the YAML syntax tree rather than the parsed JSON so that every error can point
 * at the exact line and column. The rules mirror `roadmaps/schema.json`; a unit test keeps the two
 * in step. Nothing here imports `vscode`.
 *
 * The validation messages are not localized, on purpose: like a compiler's, they are diagnostics
 * about a file (shown in the Problems panel and the output), which users search for and quote in
 * bug reports, and they name the file's English keys. The same holds for `transfer/exportFile.ts`.
 */
import { Alias, Composer, CST, Document, isAlias, isMap, isScalar, isSeq, Lexer, LineCounter, Node, Parser, Scalar, visit, YAMLMap, YAMLParseError } from 'yaml';
import { buildRoadmap, PhaseDocument, RoadmapDocument, SectionDocument, TaskDocument } from './document';
import { duplicateKeyMessage, findDuplicateKeys } from './duplicateKeys';
import { ID_PATTERN, MAX_ID_LENGTH, slugify } from './ids';
import { EstimatedKind, parseEstimate, parseHoursPerWeek } from './estimate';
import { fileTooLargeMessage, MAX_ROADMAP_FILE_BYTES, type Position, type Resource, type Roadmap, type RoadmapError, type RoadmapSource, type TaskKind, type Tool } from './types';
import { utf8ByteLength } from '../util/utf8';

export { MAX_ROADMAP_FILE_BYTES as MAX_FILE_BYTES };
export const MAX_ALIASES = 100;
/** Past this many nodes (aliases can multiply them) the file is refused rather than walked. */
export const MAX_NODES = 500_000;
/** Deeper nesting than this is no roadmap, and would exhaust the parser's stack. */
export const MAX_DEPTH = 64;
/** Past this many errors the rest is noise; the first ones say what is wrong. */
const MAX_ERRORS = 50;
const MAX_TITLE_LENGTH = 300;
const MAX_MARKDOWN_LENGTH = 20_000;
const MAX_SHORT_LENGTH = 100;
const MAX_URL_LENGTH = 2000;

export interface LoadResult {
  /** Present only when the file has no errors. */
  readonly roadmap?: Roadmap;
  readonly errors: readonly RoadmapError[];
}

/** Keys each object accepts, in the order the schema lists them. Exported for the schema test. */
export const KNOWN_KEYS = {
  roadmap: ['$schema', 'id', 'title', 'description', 'duration', 'level', 'phases', 'tips', 'tools', 'resources', 'advice', 'hoursPerWeek'],
  phase: ['id', 'title', 'description', 'duration', 'level', 'goal', 'objectives', 'modules', 'tasks', 'projects', 'tips', 'tools', 'resources', 'advice', 'estimate'],
  module: ['id', 'title', 'description', 'duration', 'level', 'goal', 'objectives', 'tasks', 'projects', 'tips', 'tools', 'resources', 'advice', 'estimate'],
  task: ['id', 'title', 'summary', 'topics', 'resources', 'formerIds', 'estimate'],
  project: ['id', 'title', 'summary', 'topics', 'optional', 'resources', 'formerIds', 'estimate'],
  tool: ['name', 'note', 'url'],
  resource: ['title', 'url', 'note'],
} as const;

type ObjectKind = keyof typeof KNOWN_KEYS;

/** Parses, validates and links a roadmap file. */
export function loadRoadmap(text: string, source: RoadmapSource): LoadResult {
  const { document, errors } = validateRoadmap(text, source);
  return document ? { roadmap: buildRoadmap(document, source), errors } : { errors };
}

/** Parses and validates a roadmap file into its plain document; no model is built. */
export function validateRoadmap(text: string, source: Pick<RoadmapSource, 'label'>): { readonly document?: RoadmapDocument; readonly errors: readonly RoadmapError[] } {
  const lines = new LineCounter();
  const errors: RoadmapError[] = [];
  const byteLength = utf8ByteLength(text);
  if (byteLength > MAX_ROADMAP_FILE_BYTES) return { errors: [wholeFileError(source.label, fileTooLargeMessage(byteLength))] };
  let doc: Document.Parsed;
  try {
    const parsed = parseWithinDepth(text, lines, {
      lineCounter: lines,
      prettyErrors: false,
      // Checked below in one pass; the parser's own check is quadratic in a mapping's size.
      uniqueKeys: false,
      merge: false,
      schema: 'core',
      customTags: [],
      resolveKnownTags: false,
    });
    if ('tooDeep' in parsed) {
      const { message, at } = parsed.tooDeep;
      return { errors: [{ file: source.label, path: '', message, start: at, end: at }] };
    }
    doc = parsed.doc;
  } catch (error) {
    // The parser reports problems as document errors; a throw is a parser bug or exhausted stack.
    return { errors: [wholeFileError(source.label, `could not parse the file: ${(error as Error).message}`)] };
  }
  const position = (offset: number): Position => {
    const { line, col } = lines.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line, column: col };
  };
  for (const problem of [...doc.errors, ...doc.warnings]) {
    errors.push({
      file: source.label,
      path: '',
      // The parser's own words name a library call; say what the author can do instead.
      message:
        problem.code === 'MULTIPLE_DOCS'
          ? `a roadmap file holds one YAML document, but a second one starts at line ${position(problem.pos[0]).line} (after a \`---\` or \`...\` line): remove that line, or put the second roadmap in a file of its own`
          : firstLine(problem.message),
      start: position(problem.pos[0]),
      end: position(problem.pos[1]),
    });
  }
  for (const { key, first } of findDuplicateKeys(doc.contents)) {
    const range = key.range ?? [0, 0, 0];
    errors.push({ file: source.label, path: '', message: duplicateKeyMessage(key, position(first.range?.[0] ?? 0).line), start: position(range[0]), end: position(range[1]) });
  }
  if (errors.length > 0) return { errors: errors.slice(0, MAX_ERRORS) };
  if (!doc.contents || (isScalar(doc.contents) && doc.contents.value === null)) {
    return { errors: [wholeFileError(source.label, 'the file is empty: a roadmap needs at least `id`, `title` and `phases`')] };
  }

  const reader = new Reader(doc, source.label, position, errors);
  let document: RoadmapDocument | undefined;
  try {
    document = reader.readRoadmap(doc.contents);
  } catch (error) {
    if (!(error instanceof TooLarge)) throw error;
    // First, so that the cap on errors never hides it: the errors before it may be its effects.
    errors.unshift({ file: source.label, path: '', message: error.message, start: error.start, end: error.end });
  }
  return errors.length > 0 || !document ? { errors: errors.slice(0, MAX_ERRORS) } : { document, errors };
}

/** Drops the keys whose value is undefined, so documents stay as small as their files. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/** Nesting too deep to compose, with where it starts. */
interface TooDeep {
  readonly message: string;
  readonly at: Position;
}

/**
 * `parseDocument`, with nesting deeper than any roadmap needs refused before the document is
 * composed (composing and validating recurse, so a deep enough file would exhaust the stack). The
 * depth is the parser's own: its stack of open collections (block and flow, the top-level mapping
 * included), watched as the lexer feeds it, so a deep file stops at the first level too many. Lexer
 * and parser keep explicit stacks and do not recurse; brackets or quotes inside text (`[0, 1)`,
 * `12" ruler`) are text to them. One pass: the syntax tree checked is the one composed.
 */
function parseWithinDepth(text: string, lines: LineCounter, options: ConstructorParameters<typeof Composer>[0]): { doc: Document.Parsed } | { tooDeep: TooDeep } {
  lines.addNewLine(0);
  const parser = new Parser(lines.addNewLine);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // Collections are a subset of the open tokens: count them only when there could be too many.
    if (parser.stack.length > MAX_DEPTH) {
      const tooDeep = tooDeepIn(parser.stack, lines);
      if (tooDeep) return { tooDeep };
    }
  }
  for (const token of parser.end()) tokens.push(token);
  let doc: Document.Parsed | undefined;
  for (const composed of new Composer(options).compose(tokens, true, text.length)) {
    if (!doc) {
      doc = composed;
    } else {
      // As parseDocument reports it; validateRoadmap words it for authors.
      doc.errors.push(new YAMLParseError([composed.range[0], composed.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  // compose(…, forceDoc = true) always yields a document, an empty one for empty text.
  return { doc: doc! };
}

function tooDeepIn(stack: readonly CST.Token[], lines: LineCounter): TooDeep | undefined {
  let depth = 0;
  for (const token of stack) {
    if ((token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') || ++depth <= MAX_DEPTH) continue;
    const { line, col } = lines.linePos(token.offset);
    const message = token.type === 'flow-collection' ? `brackets are nested more than ${MAX_DEPTH} levels deep` : `line ${line} is nested more than ${MAX_DEPTH} levels deep; roadmaps nest far less`;
    return { message, at: { line, column: col } };
  }
  return undefined;
}

/** Nesting deeper than MAX_DEPTH in `text`, as validateRoadmap refuses it; undefined when there is none. */
export function nestingProblem(text: string): TooDeep | undefined {
  const parsed = parseWithinDepth(text, new LineCounter(), {});
  return 'tooDeep' in parsed ? parsed.tooDeep : undefined;
}

/** A limit passed while reading, at the node that passed it. */
class TooLarge extends Error {
  constructor(
    message: string,
    readonly start: Position,
    readonly end: Position,
  ) {
    super(message);
  }
}

/** Content that aliases repeat and whose ids therefore repeat: reported once, with how many repeat it. */
interface Repeat {
  /** Where in `errors` its one error is, to count the aliases in its message. */
  readonly index: number;
  readonly alias: Alias;
  readonly id: string;
  readonly first: string;
  count: number;
  /** The index in `followed` of the last alias counted. */
  lastFollowed: number;
}


class Reader {
  private aliasCount = 0;
  private nodeCount = 0;
  /** id → where it was first declared, for duplicate reporting. */
  private readonly ids = new Map<string, { path: string; line: number; node: Node }>();
  /** The aliases followed so far with what each stands for (at most MAX_ALIASES), newest last. */
  private readonly followed: { readonly alias: Alias; readonly target: Node | undefined }[] = [];
  /** By the anchored node that aliases repeat. */
  private readonly repeats = new Map<Node, Repeat>();
  /** Node range and message of each error so far: a node reached again through an alias is reported once. */
  private readonly reported = new Set<string>();
  /** What each alias of the document stands for, found in one pass when the first is followed. */
  private targets: Map<Alias, Node | undefined> | undefined;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly file: string,
    private readonly position: (offset: number) => Position,
    private readonly errors: RoadmapError[],
  ) {}

  readRoadmap(root: Node): RoadmapDocument | undefined {
    const map = this.object(root, '', 'roadmap');
    if (!map) return undefined;
    // `$schema` is for editors and not kept, but the schema says it is text: so does the loader.
    const schemaNode = this.value(map, '$schema');
    if (schemaNode !== undefined) this.scalarString(schemaNode, '$schema');
    return compact({
      id: this.requiredId(map, '', 'roadmap'),
      title: this.requiredTitle(map, ''),
      description: this.markdown(map, 'description', ''),
      duration: this.shortText(map, 'duration', ''),
      level: this.shortText(map, 'level', ''),
      phases: this.list(map, 'phases', '', (node, path) => this.readPhase(node, path), { required: true, nonEmpty: true }),
      tips: this.optionalList(map, 'tips', '', (node, p) => this.text(node, p, MAX_MARKDOWN_LENGTH)),
      tools: this.optionalList(map, 'tools', '', (node, path) => this.readTool(node, path)),
      resources: this.optionalList(map, 'resources', '', (node, path) => this.readResource(node, path)),
      advice: this.optionalList(map, 'advice', '', (node, p) => this.text(node, p, MAX_MARKDOWN_LENGTH)),
      hoursPerWeek: this.estimate(map, 'hoursPerWeek', '', 'roadmap'),
    });
  }

  private readPhase(node: Node, path: string): PhaseDocument | undefined {
    const map = this.object(node, path, 'phase');
    if (!map) return undefined;
    if (map.has('modules') && (map.has('tasks') || map.has('projects'))) {
      const key = map.has('tasks') ? 'tasks' : 'projects';
      this.errorAt(this.keyNode(map, key) ?? map, `${join(path, key)}`, 'a phase holds either `modules` or `tasks`/`projects`, not both');
    }
    return compact({
      ...this.section(map, path, 'phase'),
      modules: map.has('modules') ? this.list(map, 'modules', path, (child, childPath) => this.readModule(child, childPath), { nonEmpty: true }) : undefined,
    });
  }

  private readModule(node: Node, path: string): SectionDocument | undefined {
    const map = this.object(node, path, 'module');
    return map ? compact(this.section(map, path, 'module')) : undefined;
  }

  private section(map: YAMLMap, path: string, kind: 'phase' | 'module'): SectionDocument {
    const markdownList = (key: string) => this.optionalList(map, key, path, (node, p) => this.text(node, p, MAX_MARKDOWN_LENGTH));
    return {
      id: this.requiredId(map, path, kind),
      title: this.requiredTitle(map, path),
      description: this.markdown(map, 'description', path),
      duration: this.shortText(map, 'duration', path),
      level: this.shortText(map, 'level', path),
      goal: this.markdown(map, 'goal', path),
      objectives: markdownList('objectives'),
      tasks: this.optionalList(map, 'tasks', path, (node, p) => this.readTask(node, p, 'topic')),
      projects: this.optionalList(map, 'projects', path, (node, p) => this.readTask(node, p, 'project')),
      tips: markdownList('tips'),
      tools: this.optionalList(map, 'tools', path, (node, p) => this.readTool(node, p)),
      resources: this.optionalList(map, 'resources', path, (node, p) => this.readResource(node, p)),
      advice: markdownList('advice'),
      estimate: this.estimate(map, 'estimate', path, kind),
    };
  }

  private readTask(node: Node, path: string, kind: TaskKind): TaskDocument | undefined {
    const map = this.object(node, path, kind === 'project' ? 'project' : 'task');
    if (!map) return undefined;
    return compact({
      id: this.requiredId(map, path, kind),
      title: this.requiredTitle(map, path),
      summary: this.markdown(map, 'summary', path),
      topics: this.optionalList(map, 'topics', path, (child, p) => this.text(child, p, MAX_MARKDOWN_LENGTH)),
      resources: this.optionalList(map, 'resources', path, (child, p) => this.readResource(child, p)),
      formerIds: this.optionalList(map, 'formerIds', path, (child, p) => this.idValue(child, p)),
      optional: kind === 'project' ? this.boolean(map, 'optional', path) : undefined,
      estimate: this.estimate(map, 'estimate', path, kind === 'project' ? 'project' : 'task'),
    });
  }

  private readTool(node: Node, path: string): Tool | undefined {
    const map = this.object(node, path, 'tool');
    if (!map) return undefined;
    const name = this.requiredString(map, 'name', path, MAX_TITLE_LENGTH);
    return name === undefined ? undefined : compact({ name, note: this.markdown(map, 'note', path), url: this.url(map, 'url', path, false) });
  }

  private readResource(node: Node, path: string): Resource | undefined {
    const map = this.object(node, path, 'resource');
    if (!map) return undefined;
    const title = this.requiredString(map, 'title', path, MAX_TITLE_LENGTH);
    const url = this.url(map, 'url', path, true);
    return title === undefined || url === undefined ? undefined : compact({ title, url, note: this.markdown(map, 'note', path) });
  }

  /** A list that is left out of the document when the file has none. */
  private optionalList<T>(map: YAMLMap, key: string, path: string, readItem: (node: Node, path: string) => T | undefined): T[] | undefined {
    return map.has(key) ? this.list(map, key, path, readItem) : undefined;
  }

  // ---- value readers: each reports its own errors and returns undefined on failure ----

  private object(node: Node, path: string, kind: ObjectKind): YAMLMap | undefined {
    const resolved = this.resolve(node);
    if (!isMap(resolved)) {
      this.errorAt(node, path, `expected ${article(kind)} (a mapping with keys such as ${KNOWN_KEYS[kind].filter((k) => k !== '$schema').slice(0, 3).map((k) => `\`${k}\``).join(', ')}), found ${describe(resolved)}`);
      return undefined;
    }
    const known: readonly string[] = KNOWN_KEYS[kind];
    for (const pair of resolved.items) {
      const keyNode = pair.key as Node;
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
      if (key === '<<') {
        this.errorAt(keyNode, join(path, key), 'merge keys (`<<`) are not supported; write the fields out');
      } else if (key === undefined || !known.includes(key)) {
        const suggestion = key ? closest(key, known) : undefined;
        const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : ` Expected one of: ${known.filter((k) => k !== '$schema').join(', ')}.`;
        this.errorAt(keyNode, join(path, key ?? '?'), `unknown property ${key === undefined ? '(not a plain key)' : `\`${key}\``} for ${article(kind)}.${hint}`);
      }
    }
    return resolved;
  }

  private list<T>(
    map: YAMLMap,
    key: string,
    path: string,
    readItem: (node: Node, path: string) => T | undefined,
    options: { required?: boolean; nonEmpty?: boolean } = {},
  ): T[] {
    const listPath = join(path, key);
    const node = this.value(map, key);
    if (node === undefined) {
      if (options.required) this.errorAt(map, listPath, `missing required list \`${key}\``);
      return [];
    }
    const seq = this.resolve(node);
    if (!isSeq(seq)) {
      this.errorAt(node, listPath, `expected a list, found ${describe(seq)}`);
      return [];
    }
    if (options.nonEmpty && seq.items.length === 0) this.errorAt(seq, listPath, `\`${key}\` must not be empty`);
    const result: T[] = [];
    seq.items.forEach((item, i) => {
      const value = readItem(item as Node, `${listPath}[${i}]`);
      if (value !== undefined) result.push(value);
    });
    return result;
  }

  private requiredId(map: YAMLMap, path: string, kind: string): string {
    const node = this.value(map, 'id');
    if (node === undefined) {
      this.errorAt(map, join(path, 'id'), `missing required \`id\` for ${article(kind)}`);
      return '';
    }
    const id = this.idValue(node, join(path, 'id'));
    if (id === undefined) return '';
    const first = this.ids.get(id);
    if (first?.node === node && this.repeatedByAlias(node, join(path, 'id'), id, `${first.path}, line ${first.line}`)) return id;
    if (first) {
      this.errorAt(node, join(path, 'id'), `duplicate id "${id}" (first used at ${first.path || 'the top'}, line ${first.line}); ids must be unique within a roadmap`);
    } else if (kind !== 'roadmap') {
      this.ids.set(id, { path: join(path, 'id'), line: this.startOf(node).line, node });
    }
    return id;
  }

  /**
   * The very node that declared an id, reached again: an alias repeats the content around it. One
   * error per repeated content, at the first alias that repeats it, however many ids it holds and
   * however many aliases repeat it.
   */
  private repeatedByAlias(idNode: Node, path: string, id: string, first: string): boolean {
    const offset = idNode.range?.[0] ?? 0;
    // The newest alias whose content holds the id: the one being read.
    let at = this.followed.length - 1;
    while (at >= 0 && !holds(this.followed[at].target, offset)) at--;
    if (at < 0) return false;
    const { alias, target } = this.followed[at];
    const known = this.repeats.get(target!);
    if (!known) {
      this.errors.push(this.errorOf(alias, path, repeatMessage(alias, id, first, 1)));
      this.repeats.set(target!, { index: this.errors.length - 1, alias, id, first, count: 1, lastFollowed: at });
    } else if (known.lastFollowed !== at) {
      // Another alias of the same content, or the same one followed again: one more repeat.
      known.count++;
      known.lastFollowed = at;
      this.errors[known.index] = { ...this.errors[known.index], message: repeatMessage(known.alias, known.id, known.first, known.count) };
    }
    return true;
  }

  private idValue(node: Node, path: string): string | undefined {
    const value = this.scalarString(node, path);
    if (value === undefined) return undefined;
    if (value.length > MAX_ID_LENGTH) {
      this.errorAt(node, path, `id "${value.slice(0, 20)}…" is ${value.length} characters; ids are at most ${MAX_ID_LENGTH}`);
      return undefined;
    }
    if (!ID_PATTERN.test(value)) {
      this.errorAt(node, path, `id "${value}" must be kebab-case: lowercase letters and digits separated by single hyphens (for example "${slugify(value) || 'linear-algebra'}")`);
      return undefined;
    }
    return value;
  }

  private requiredTitle(map: YAMLMap, path: string): string {
    return this.requiredString(map, 'title', path, MAX_TITLE_LENGTH) ?? '';
  }

  private requiredString(map: YAMLMap, key: string, path: string, maxLength: number): string | undefined {
    const node = this.value(map, key);
    if (node === undefined) {
      this.errorAt(map, join(path, key), `missing required \`${key}\``);
      return undefined;
    }
    const value = this.text(node, join(path, key), maxLength);
    if (value !== undefined && value.trim() === '') {
      this.errorAt(node, join(path, key), `\`${key}\` must not be empty`);
      return undefined;
    }
    return value;
  }

  private markdown(map: YAMLMap, key: string, path: string): string | undefined {
    const node = this.value(map, key);
    return node === undefined ? undefined : this.text(node, join(path, key), MAX_MARKDOWN_LENGTH);
  }

  private shortText(map: YAMLMap, key: string, path: string): string | undefined {
    const node = this.value(map, key);
    return node === undefined ? undefined : this.text(node, join(path, key), MAX_SHORT_LENGTH);
  }


  private url(map: YAMLMap, key: string, path: string, required: boolean): string | undefined {
    const node = this.value(map, key);
    if (node === undefined) {
      if (required) this.errorAt(map, join(path, key), `missing required \`${key}\``);
      return undefined;
    }
    const value = this.text(node, join(path, key), MAX_URL_LENGTH);
    if (value !== undefined && !/^https?:\/\/\S+$/i.test(value)) {
      this.errorAt(node, join(path, key), `"${value.slice(0, 60)}" is not an http(s) address; only http and https links are allowed`);
      return undefined;
    }
    return value;
  }

  private boolean(map: YAMLMap, key: string, path: string): boolean | undefined {
    const node = this.value(map, key);
    if (node === undefined) return undefined;
    const resolved = this.resolve(node);
    if (isScalar(resolved) && typeof resolved.value === 'boolean') return resolved.value;
    this.errorAt(node, join(path, key), `expected true or false, found ${describe(resolved)}`);
    return undefined;
  }

  /** `estimate` on a task, project, module or phase, or a roadmap's `hoursPerWeek`: kept as written once valid. */
  private estimate(map: YAMLMap, key: string, path: string, kind: EstimatedKind | 'roadmap'): number | string | undefined {
    const node = this.value(map, key);
    if (node === undefined) return undefined;
    const resolved = this.resolve(node);
    const value: unknown = isScalar(resolved) ? resolved.value : isSeq(resolved) ? [] : {};
    const parsed = kind === 'roadmap' ? parseHoursPerWeek(value) : parseEstimate(value, kind);
    if (parsed.error !== undefined) {
      this.errorAt(node, join(path, key), parsed.error);
      return undefined;
    }
    return value as number | string;
  }

  /**
   * Accepts strings and, because people write `title: 2025` or `duration: 4`, numbers too. Length
   * is counted in characters (code points), as JSON Schema's maxLength counts it.
   */
  private text(node: Node, path: string, maxLength: number): string | undefined {
    const value = this.scalarString(node, path, true);
    const length = value === undefined || value.length <= maxLength ? value?.length : codePointLength(value);
    if (value !== undefined && length !== undefined && length > maxLength) {
      this.errorAt(node, path, `text is ${length} characters; the limit here is ${maxLength}`);
      return undefined;
    }
    return value;
  }

  private scalarString(node: Node, path: string, acceptNumbers = false): string | undefined {
    const resolved = this.resolve(node);
    if (isScalar(resolved)) {
      if (typeof resolved.value === 'string') return resolved.value;
      if (acceptNumbers && typeof resolved.value === 'number') return String(resolved.source ?? resolved.value);
    }
    this.errorAt(node, path, `expected text, found ${describe(resolved)}`);
    return undefined;
  }

  private value(map: YAMLMap, key: string): Node | undefined {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (!pair) return undefined;
    // `key:` with nothing after it parses as a null scalar: treat it as present but empty.
    return (pair.value as Node | null) ?? new Scalar(null);
  }

  private keyNode(map: YAMLMap, key: string): Node | undefined {
    return map.items.find((p) => isScalar(p.key) && p.key.value === key)?.key as Node | undefined;
  }

  /** Follows aliases, counting them and every node reached, so alias bombs stop early. */
  private resolve(node: Node): Node | undefined {
    if (++this.nodeCount > MAX_NODES) throw new TooLarge(`the file expands to more than ${MAX_NODES} nodes; roadmaps that large are refused`, this.startOf(node), this.startOf(node));
    if (node.tag && !node.tag.startsWith('tag:yaml.org,2002:')) {
      this.errorAt(node, '', `custom tag ${node.tag} is not supported`);
    }
    if (!isAlias(node)) return node;
    if (++this.aliasCount > MAX_ALIASES) {
      throw new TooLarge(
        `the file uses more than ${MAX_ALIASES} aliases (\`*name\` references); this is alias ${this.aliasCount}. Aliases repeat content, so files with more are refused: write the content out instead`,
        this.startOf(node),
        this.position(node.range?.[1] ?? 0),
      );
    }
    const target = this.targetOf(node);
    this.followed.push({ alias: node, target });
    return target;
  }

  /**
   * What `alias.resolve(doc)` answers, the last node anchored with its name before it, for every
   * alias in one walk: `resolve` walks the whole document each time, and a hundred aliases in a
   * large file took seconds.
   */
  private targetOf(alias: Alias): Node | undefined {
    if (!this.targets) {
      const targets = new Map<Alias, Node | undefined>();
      const anchored = new Map<string, Node>();
      visit(this.doc, {
        Node: (_key, node) => {
          if (isAlias(node)) targets.set(node, anchored.get(node.source));
          else if (node.anchor) anchored.set(node.anchor, node);
        },
      });
      this.targets = targets;
    }
    return this.targets.get(alias);
  }

  private startOf(node: Node): Position {
    return this.position(node.range?.[0] ?? 0);
  }

  private errorAt(node: Node | undefined, path: string, message: string): void {
    const range = node?.range ?? [0, 0, 0];
    const key = `${range[0]}:${range[1]}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.errors.push(this.errorOf(node, path, message));
  }

  private errorOf(node: Node | undefined, path: string, message: string): RoadmapError {
    const range = node?.range ?? [0, 0, 0];
    return { file: this.file, path, message, start: this.position(range[0]), end: this.position(Math.max(range[0], range[1])) };
  }
}

/** Characters as JSON Schema counts them: a surrogate pair is one. */
function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length--;
      i++;
    }
  }
  return length;
}

/** Whether the node's source holds the offset. */
function holds(node: Node | undefined, offset: number): boolean {
  const range = node?.range;
  return range !== undefined && range !== null && range[0] <= offset && offset < range[1];
}

function repeatMessage(alias: Alias, id: string, first: string, count: number): string {
  const more = count > 1 ? `, and so do ${count - 1} more aliases` : '';
  return `alias *${alias.source} repeats id "${id}" (first used at ${first})${more}; ids must be unique within a roadmap, so aliases cannot repeat phases, modules or tasks: write each one out with an id of its own`;
}

function wholeFileError(file: string, message: string): RoadmapError {
  return { file, path: '', message, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

function article(kind: string): string {
  return /^[aeiou]/i.test(kind) ? `an ${kind}` : `a ${kind}`;
}

function describe(node: Node | undefined | null): string {
  if (node === undefined || node === null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) return 'an empty value';
    if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
    return `${typeof value} ${JSON.stringify(value) ?? typeof value}`;
  }
  return 'an unsupported value';
}


/** The known key within edit distance 2 of `key`, for "did you mean" hints. */
function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
