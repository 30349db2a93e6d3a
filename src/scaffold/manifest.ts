/**
 * Reads a scaffold's `scaffold.yaml`. Every problem comes back as `label:line:col: message` so a
 * scaffold author can jump to it. Pure: nothing here imports `vscode`.
 */
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument, YAMLMap } from 'yaml';
import { duplicateKeyMessage, findDuplicateKeys } from '../model/duplicateKeys';
import { BUILTIN_VARIABLES, unsafePathReason } from './plan';
import { ID_PATTERN, ID_SOURCE } from '../model/ids';

export interface ScaffoldVariable {
  readonly name: string;
  readonly description: string;
  readonly default: string;
}

/** One check: a pytest test that proves a README "The work" step is done. */
export interface ScaffoldCheck {
  /** Kebab-case, unique in the scaffold. */
  readonly id: string;
  /** A short sentence, shown in the UI. */
  readonly title: string;
  /** The number of the README step it belongs to, from 1. */
  readonly step: number;
  /** The roadmap topics it practises. */
  readonly topics: readonly string[];
  /** The pytest node id relative to the project root: `checks/test_steps.py::test_name`. */
  readonly test: string;
}

/**
 * A mutant of the reference solution that no check can kill because it does not change what the
 * code does (`a < b` → `a <= b` where the two are never equal): the mutation proof does not run it.
 */
export interface EquivalentMutant {
  /** The mutant's id as the proof prints it: `<path>::<function>::<operator>#<k>`. */
  readonly id: string;
  /** One sentence: why the mutant behaves like the original. */
  readonly why: string;
}

export interface ScaffoldManifest {
  /** Kebab-case; the caller checks it equals the scaffold's folder name. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The practice projects it is the starter for, as `<roadmap id>/<task id>`. */
  readonly serves: readonly string[];
  /** Variables beyond the built-ins, each with a default. */
  readonly variables: readonly ScaffoldVariable[];
  /** The checks of the learner's steps; empty when the manifest declares none. */
  readonly checks: readonly ScaffoldCheck[];
  /** Mutants the mutation proof leaves out, with why; empty when the manifest lists none. */
  readonly equivalentMutants: readonly EquivalentMutant[];
}

const KNOWN_KEYS = ['id', 'title', 'description', 'serves', 'variables', 'checks', 'equivalentMutants'];
const EQUIVALENT_KEYS = ['id', 'why'];
/** `src/pkg/data.py::Class.method::compare-boundary#2`; the path may hold template variables. */
const MUTANT_ID = /^[^\s:]+\.py::[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*::[a-z]+(-[a-z]+)*#[1-9][0-9]*$/;
const VARIABLE_KEYS = ['name', 'description', 'default'];
const CHECK_KEYS = ['id', 'title', 'step', 'topics', 'test'];
const SERVES_PATTERN = new RegExp(`^${ID_SOURCE}/${ID_SOURCE}$`);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_ID_LENGTH = 64;
const MAX_TITLE_LENGTH = 100;
const MAX_DESCRIPTION_LENGTH = 500;
const MAX_TOPIC_LENGTH = 100;
/** The names after the file in a node id: `::TestClass::test_name`. */
const NODE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseScaffoldManifest(text: string, label: string): { manifest?: ScaffoldManifest; errors: string[] } {
  const reader = new ManifestReader(text, label);
  const root = reader.document();
  if (!root) return { errors: reader.errors };
  const top = reader.fields(root, KNOWN_KEYS, 'the manifest');
  const id = reader.str(top, 'id', root, { maxLength: MAX_ID_LENGTH });
  if (id !== undefined && !ID_PATTERN.test(id)) reader.atNode(top.get('id'), `id "${id}" must be kebab-case: lowercase letters and digits separated by single hyphens`);
  const title = reader.str(top, 'title', root, { maxLength: MAX_TITLE_LENGTH });
  const description = reader.str(top, 'description', root, { maxLength: MAX_DESCRIPTION_LENGTH });
  const serves = reader.serves(top, root);
  const variables = reader.variables(top, root);
  const checks = reader.checks(top, root);
  const equivalentMutants = reader.equivalentMutants(top, root);
  if (reader.errors.length > 0 || id === undefined || title === undefined || description === undefined) return { errors: reader.errors };
  return { manifest: { id, title, description, serves, variables, checks, equivalentMutants }, errors: reader.errors };
}

/** Reads one manifest, collecting every error with its `label:line:col` instead of stopping at the first. */
class ManifestReader {
  readonly errors: string[] = [];
  private readonly lines = new LineCounter();

  constructor(
    private readonly text: string,
    private readonly label: string,
  ) {}

  /** The root mapping, or undefined after recording why there is none. */
  document(): YAMLMap | undefined {
    // Duplicate keys are checked in one pass below; the parser's own check is quadratic.
    const doc = parseDocument(this.text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: false, merge: false, schema: 'core', customTags: [], resolveKnownTags: false });
    for (const problem of [...doc.errors, ...doc.warnings]) this.at(problem.pos[0], problem.message.split('\n')[0].trim());
    for (const { key, first } of findDuplicateKeys(doc.contents)) this.atNode(key, duplicateKeyMessage(key, this.lines.linePos(first.range?.[0] ?? 0).line));
    if (this.errors.length > 0) return undefined;
    const root = doc.contents as Node | null;
    if (isMap(root)) return root;
    this.atNode(root, 'a scaffold manifest is a mapping with `id`, `title`, `description` and `serves`');
    return undefined;
  }

  at(offset: number, message: string): void {
    const { line, col } = this.lines.linePos(Math.max(0, Math.min(offset, this.text.length)));
    this.errors.push(`${this.label}:${line}:${col}: ${message}`);
  }

  atNode(node: Node | null | undefined, message: string): void {
    this.at(node?.range?.[0] ?? 0, message);
  }

  /** Checks a mapping's keys; returns the value node of each known key. */
  fields(map: YAMLMap, known: readonly string[], what: string): Map<string, Node | null> {
    const values = new Map<string, Node | null>();
    for (const pair of map.items) {
      const key = pair.key as Node;
      const name = isScalar(key) ? String(key.value) : undefined;
      if (name === undefined || !known.includes(name)) {
        this.atNode(key, `unknown key ${name === undefined ? '(not a plain key)' : `\`${name}\``} in ${what}; expected one of: ${known.join(', ')}`);
      } else {
        values.set(name, pair.value as Node | null);
      }
    }
    return values;
  }

  /** A required, non-empty string; numbers are accepted as written (`default: 64`). */
  str(values: Map<string, Node | null>, key: string, parent: Node, options: { maxLength?: number; allowEmpty?: boolean; numbers?: boolean } = {}): string | undefined {
    if (!values.has(key)) {
      this.atNode(parent, `missing required \`${key}\``);
      return undefined;
    }
    const node = values.get(key);
    let value: string | undefined;
    if (isScalar(node) && typeof node.value === 'string') value = node.value;
    else if (options.numbers && isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean')) value = String(node.source ?? node.value);
    if (value === undefined) {
      this.atNode(node ?? parent, `\`${key}\` must be text${options.allowEmpty ? ' (write "" for an empty value)' : ''}`);
      return undefined;
    }
    if (!options.allowEmpty && value.trim() === '') {
      this.atNode(node, `\`${key}\` must not be empty`);
      return undefined;
    }
    if (options.maxLength !== undefined && value.length > options.maxLength) {
      this.atNode(node, `\`${key}\` is ${value.length} characters; the limit is ${options.maxLength}`);
      return undefined;
    }
    return value;
  }

  /** A list's items; a missing optional list is empty. */
  list(values: Map<string, Node | null>, key: string, parent: Node, required: boolean): Node[] {
    if (!values.has(key)) {
      if (required) this.atNode(parent, `missing required list \`${key}\``);
      return [];
    }
    const node = values.get(key);
    if (!isSeq(node) || (required && node.items.length === 0)) {
      this.atNode(node ?? parent, `\`${key}\` must be a${required ? ' non-empty' : ''} list`);
      return [];
    }
    return node.items as Node[];
  }

  serves(top: Map<string, Node | null>, root: Node): string[] {
    const serves: string[] = [];
    for (const item of this.list(top, 'serves', root, true)) {
      const value = isScalar(item) && typeof item.value === 'string' ? item.value : undefined;
      if (value === undefined || !SERVES_PATTERN.test(value)) this.atNode(item, `\`serves\` entries are "<roadmap id>/<project id>" in kebab-case, found ${JSON.stringify(value ?? String(item))}`);
      else if (serves.includes(value)) this.atNode(item, `"${value}" is listed twice in \`serves\``);
      else serves.push(value);
    }
    return serves;
  }

  variables(top: Map<string, Node | null>, root: Node): ScaffoldVariable[] {
    const variables: ScaffoldVariable[] = [];
    for (const item of this.list(top, 'variables', root, false)) {
      if (!isMap(item)) {
        this.atNode(item, 'each variable is a mapping with `name`, `description` and `default`');
        continue;
      }
      const values = this.fields(item, VARIABLE_KEYS, 'a variable');
      const name = this.str(values, 'name', item);
      const variableDescription = this.str(values, 'description', item, { maxLength: MAX_DESCRIPTION_LENGTH });
      const defaultValue = this.str(values, 'default', item, { allowEmpty: true, numbers: true });
      if (name !== undefined) {
        if (!IDENTIFIER.test(name)) this.atNode(values.get('name'), `variable name "${name}" must be an identifier (letters, digits and _, not starting with a digit)`);
        else if ((BUILTIN_VARIABLES as readonly string[]).includes(name)) this.atNode(values.get('name'), `"${name}" is a built-in variable; choose another name`);
        else if (variables.some((v) => v.name === name)) this.atNode(values.get('name'), `variable "${name}" is declared twice`);
      }
      if (name !== undefined && variableDescription !== undefined && defaultValue !== undefined) variables.push({ name, description: variableDescription, default: defaultValue });
    }
    return variables;
  }

  checks(top: Map<string, Node | null>, root: Node): ScaffoldCheck[] {
    const checks: ScaffoldCheck[] = [];
    for (const item of this.list(top, 'checks', root, false)) {
      if (!isMap(item)) {
        this.atNode(item, 'each check is a mapping with `id`, `title`, `step`, `topics` and `test`');
        continue;
      }
      const values = this.fields(item, CHECK_KEYS, 'a check');
      const checkId = this.str(values, 'id', item, { maxLength: MAX_ID_LENGTH });
      if (checkId !== undefined) {
        if (!ID_PATTERN.test(checkId)) this.atNode(values.get('id'), `check id "${checkId}" must be kebab-case: lowercase letters and digits separated by single hyphens`);
        else if (checks.some((c) => c.id === checkId)) this.atNode(values.get('id'), `check "${checkId}" is declared twice`);
      }
      const checkTitle = this.str(values, 'title', item, { maxLength: MAX_TITLE_LENGTH });
      const step = this.stepOf(values, item);
      const topics = this.topicsOf(values, item);
      const test = this.str(values, 'test', item);
      if (test !== undefined) {
        const problem = nodeIdProblem(test);
        if (problem) this.atNode(values.get('test'), `\`test\` "${test}" ${problem}`);
        else if (checks.some((c) => c.test === test)) this.atNode(values.get('test'), `another check already runs "${test}"`);
      }
      if (checkId !== undefined && checkTitle !== undefined && step !== undefined && topics !== undefined && test !== undefined) {
        checks.push({ id: checkId, title: checkTitle, step, topics, test });
      }
    }
    return checks;
  }

  equivalentMutants(top: Map<string, Node | null>, root: Node): EquivalentMutant[] {
    const equivalentMutants: EquivalentMutant[] = [];
    const listedMutants = new Set<string>();
    for (const item of this.list(top, 'equivalentMutants', root, false)) {
      if (!isMap(item)) {
        this.atNode(item, 'each equivalent mutant is a mapping with `id` and `why`');
        continue;
      }
      const values = this.fields(item, EQUIVALENT_KEYS, 'an equivalent mutant');
      const mutantId = this.str(values, 'id', item);
      if (mutantId !== undefined) {
        if (!MUTANT_ID.test(mutantId)) this.atNode(values.get('id'), `mutant id "${mutantId}" must be "<path>.py::<function>::<operator>#<number>", as the mutation proof prints it`);
        else if (listedMutants.has(mutantId)) this.atNode(values.get('id'), `mutant "${mutantId}" is listed twice`);
        listedMutants.add(mutantId);
      }
      const why = this.str(values, 'why', item, { maxLength: MAX_DESCRIPTION_LENGTH });
      if (mutantId !== undefined && why !== undefined) equivalentMutants.push({ id: mutantId, why });
    }
    return equivalentMutants;
  }

  /** A whole number from 1, written as a YAML number. */
  private stepOf(values: Map<string, Node | null>, parent: Node): number | undefined {
    if (!values.has('step')) {
      this.atNode(parent, 'missing required `step`');
      return undefined;
    }
    const node = values.get('step');
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      const found = typeof value === 'string' ? `the text ${JSON.stringify(value)}` : isScalar(node) ? String(node.source ?? value) : 'a list or mapping';
      this.atNode(node ?? parent, `\`step\` must be the number of a README step, a whole number from 1; found ${found}`);
      return undefined;
    }
    return value;
  }

  /** A list of non-empty texts, possibly empty. */
  private topicsOf(values: Map<string, Node | null>, parent: Node): string[] | undefined {
    if (!values.has('topics')) {
      this.atNode(parent, 'missing required list `topics` (write [] when the check practises no topic)');
      return undefined;
    }
    const node = values.get('topics');
    if (!isSeq(node)) {
      this.atNode(node ?? parent, '`topics` must be a list of topic names');
      return undefined;
    }
    const topics: string[] = [];
    let ok = true;
    for (const topic of node.items as Node[]) {
      const value = isScalar(topic) && typeof topic.value === 'string' ? topic.value.trim() : undefined;
      if (value === undefined || value === '' || value.length > MAX_TOPIC_LENGTH) {
        this.atNode(topic, `each topic is a non-empty text of at most ${MAX_TOPIC_LENGTH} characters`);
        ok = false;
      } else if (topics.includes(value)) {
        this.atNode(topic, `the topic "${value}" is listed twice`);
        ok = false;
      } else {
        topics.push(value);
      }
    }
    return ok ? topics : undefined;
  }
}

/**
 * Why `test` is not a pytest node id this project accepts, or undefined when it is: a `.py` file as a
 * safe relative path under the project, then `::` and Python names (a class, a test). Template
 * variables are refused: the id names the rendered file, as pytest will report it.
 */
export function nodeIdProblem(test: string): string | undefined {
  const [file, ...names] = test.split('::');
  if (test.includes('{{')) return 'must name the rendered file, without template variables';
  if (names.length === 0) return 'must be a pytest node id, "path/to/test_file.py::test_name"';
  const unsafe = unsafePathReason(file);
  if (unsafe) return `is refused: ${unsafe}`;
  if (!file.endsWith('.py')) return 'must name a .py file before "::"';
  if (file.split('/').some((segment) => segment.startsWith('-'))) return 'has a path segment starting with "-", which pytest would read as an option';
  if (!names.every((name) => NODE_NAME.test(name))) return 'must have Python names after the file: "::test_name" or "::TestClass::test_name"';
  return undefined;
}
