/**
 * Reads a scaffold's `scaffold.yaml`. Every problem comes back as `label:line:col: message` so a
 * scaffold author can jump to it. Pure: nothing here imports `vscode`.
 */
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument, Scalar, YAMLMap } from 'yaml';
import { duplicateKeyMessage, findDuplicateKeys } from '../model/duplicateKeys';
import { BUILTIN_VARIABLES } from './plan';

export interface ScaffoldVariable {
  readonly name: string;
  readonly description: string;
  readonly default: string;
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
}

const KNOWN_KEYS = ['id', 'title', 'description', 'serves', 'variables'];
const VARIABLE_KEYS = ['name', 'description', 'default'];
const ID = '[a-z0-9]+(?:-[a-z0-9]+)*';
const ID_PATTERN = new RegExp(`^${ID}$`);
const SERVES_PATTERN = new RegExp(`^${ID}/${ID}$`);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_ID_LENGTH = 64;
const MAX_TITLE_LENGTH = 100;
const MAX_DESCRIPTION_LENGTH = 500;

export function parseScaffoldManifest(text: string, label: string): { manifest?: ScaffoldManifest; errors: string[] } {
  const lines = new LineCounter();
  const errors: string[] = [];
  const at = (offset: number, message: string) => {
    const { line, col } = lines.linePos(Math.max(0, Math.min(offset, text.length)));
    errors.push(`${label}:${line}:${col}: ${message}`);
  };
  const atNode = (node: Node | null | undefined, message: string) => at(node?.range?.[0] ?? 0, message);

  // Duplicate keys are checked in one pass below; the parser's own check is quadratic.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, merge: false, schema: 'core', customTags: [], resolveKnownTags: false });
  for (const problem of [...doc.errors, ...doc.warnings]) at(problem.pos[0], problem.message.split('\n')[0].trim());
  for (const { key, first } of findDuplicateKeys(doc.contents)) atNode(key, duplicateKeyMessage(key, lines.linePos(first.range?.[0] ?? 0).line));
  if (errors.length > 0) return { errors };

  const root = doc.contents as Node | null;
  if (!isMap(root)) {
    atNode(root, 'a scaffold manifest is a mapping with `id`, `title`, `description` and `serves`');
    return { errors };
  }

  /** Checks a mapping's keys; returns the value node of each known key. */
  const fields = (map: YAMLMap, known: readonly string[], what: string): Map<string, Node | null> => {
    const values = new Map<string, Node | null>();
    for (const pair of map.items) {
      const key = pair.key as Node;
      const name = isScalar(key) ? String(key.value) : undefined;
      if (name === undefined || !known.includes(name)) {
        atNode(key, `unknown key ${name === undefined ? '(not a plain key)' : `\`${name}\``} in ${what}; expected one of: ${known.join(', ')}`);
      } else {
        values.set(name, pair.value as Node | null);
      }
    }
    return values;
  };

  /** A required, non-empty string; numbers are accepted as written (`default: 64`). */
  const str = (values: Map<string, Node | null>, key: string, parent: Node, options: { maxLength?: number; allowEmpty?: boolean; numbers?: boolean } = {}): string | undefined => {
    if (!values.has(key)) {
      atNode(parent, `missing required \`${key}\``);
      return undefined;
    }
    const node = values.get(key);
    let value: string | undefined;
    if (isScalar(node) && typeof node.value === 'string') value = node.value;
    else if (options.numbers && isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean')) value = String((node as Scalar).source ?? node.value);
    if (value === undefined) {
      atNode(node ?? parent, `\`${key}\` must be text${options.allowEmpty ? ' (write "" for an empty value)' : ''}`);
      return undefined;
    }
    if (!options.allowEmpty && value.trim() === '') {
      atNode(node, `\`${key}\` must not be empty`);
      return undefined;
    }
    if (options.maxLength !== undefined && value.length > options.maxLength) {
      atNode(node, `\`${key}\` is ${value.length} characters; the limit is ${options.maxLength}`);
      return undefined;
    }
    return value;
  };

  const list = (values: Map<string, Node | null>, key: string, parent: Node, required: boolean): Node[] => {
    if (!values.has(key)) {
      if (required) atNode(parent, `missing required list \`${key}\``);
      return [];
    }
    const node = values.get(key);
    if (!isSeq(node) || (required && node.items.length === 0)) {
      atNode(node ?? parent, `\`${key}\` must be a${required ? ' non-empty' : ''} list`);
      return [];
    }
    return node.items as Node[];
  };

  const top = fields(root, KNOWN_KEYS, 'the manifest');
  const id = str(top, 'id', root, { maxLength: MAX_ID_LENGTH });
  if (id !== undefined && !ID_PATTERN.test(id)) atNode(top.get('id'), `id "${id}" must be kebab-case: lowercase letters and digits separated by single hyphens`);
  const title = str(top, 'title', root, { maxLength: MAX_TITLE_LENGTH });
  const description = str(top, 'description', root, { maxLength: MAX_DESCRIPTION_LENGTH });

  const serves: string[] = [];
  for (const item of list(top, 'serves', root, true)) {
    const value = isScalar(item) && typeof item.value === 'string' ? item.value : undefined;
    if (value === undefined || !SERVES_PATTERN.test(value)) atNode(item, `\`serves\` entries are "<roadmap id>/<project id>" in kebab-case, found ${JSON.stringify(value ?? String(item))}`);
    else if (serves.includes(value)) atNode(item, `"${value}" is listed twice in \`serves\``);
    else serves.push(value);
  }

  const variables: ScaffoldVariable[] = [];
  for (const item of list(top, 'variables', root, false)) {
    if (!isMap(item)) {
      atNode(item, 'each variable is a mapping with `name`, `description` and `default`');
      continue;
    }
    const values = fields(item, VARIABLE_KEYS, 'a variable');
    const name = str(values, 'name', item);
    const variableDescription = str(values, 'description', item, { maxLength: MAX_DESCRIPTION_LENGTH });
    const defaultValue = str(values, 'default', item, { allowEmpty: true, numbers: true });
    if (name !== undefined) {
      if (!IDENTIFIER.test(name)) atNode(values.get('name'), `variable name "${name}" must be an identifier (letters, digits and _, not starting with a digit)`);
      else if ((BUILTIN_VARIABLES as readonly string[]).includes(name)) atNode(values.get('name'), `"${name}" is a built-in variable; choose another name`);
      else if (variables.some((v) => v.name === name)) atNode(values.get('name'), `variable "${name}" is declared twice`);
    }
    if (name !== undefined && variableDescription !== undefined && defaultValue !== undefined) variables.push({ name, description: variableDescription, default: defaultValue });
  }

  if (errors.length > 0 || id === undefined || title === undefined || description === undefined) return { errors };
  return { manifest: { id, title, description, serves, variables }, errors };
}
