/**
 * Variants of a reference solution, under `test/fixtures/variants/<scaffold id>/<variant name>/`:
 * a `variant.yaml` saying what the variant is, and files (paths relative to the project root)
 * written over the starter and the reference solution.
 *
 *   kind: wrong                 # a mistake learners make; the checks must reject it
 *   mistake: Fills every missing age with 0 instead of the group median.
 *   fails: [fill-missing-age]   # exactly the checks that fail
 *
 *   kind: alternative           # another right answer; every check must accept it
 *   note: Uses apply with a lambda instead of transform.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { duplicateKeyMessage, findDuplicateKeys } from '../../src/model/duplicateKeys';
import { TemplateFile } from '../../src/scaffold/plan';
import { readTemplates, ROOT } from './project';

export const VARIANT_FILE = 'variant.yaml';

export type VariantSpec = { readonly kind: 'wrong'; readonly mistake: string; readonly fails: readonly string[] } | { readonly kind: 'alternative'; readonly note: string };

export interface Variant {
  readonly name: string;
  readonly spec: VariantSpec;
  /** Its files other than variant.yaml, as templates (rendered like the solution). */
  readonly files: TemplateFile[];
}

const KEYS: Record<VariantSpec['kind'], readonly string[]> = { wrong: ['kind', 'mistake', 'fails'], alternative: ['kind', 'note'] };
const MAX_TEXT = 300;

/** Reads a variant.yaml; every problem is `label:line:col: message`. `checkIds` are the scaffold's checks. */
export function parseVariant(text: string, label: string, checkIds: readonly string[]): { spec?: VariantSpec; errors: string[] } {
  const lines = new LineCounter();
  const errors: string[] = [];
  const at = (node: Node | null | undefined, message: string) => {
    const { line, col } = lines.linePos(Math.max(0, Math.min(node?.range?.[0] ?? 0, text.length)));
    errors.push(`${label}:${line}:${col}: ${message}`);
  };
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, schema: 'core', customTags: [], resolveKnownTags: false });
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const { line, col } = lines.linePos(problem.pos[0]);
    errors.push(`${label}:${line}:${col}: ${problem.message.split('\n')[0].trim()}`);
  }
  for (const { key, first } of findDuplicateKeys(doc.contents)) at(key, duplicateKeyMessage(key, lines.linePos(first.range?.[0] ?? 0).line));
  if (errors.length > 0) return { errors };
  const root = doc.contents as Node | null;
  if (!isMap(root)) {
    at(root, 'a variant is a mapping with `kind` (wrong or alternative) and `mistake` and `fails`, or `note`');
    return { errors };
  }
  const values = new Map<string, Node | null>();
  for (const pair of root.items) {
    const key = pair.key as Node;
    values.set(isScalar(key) ? String(key.value) : '', pair.value as Node | null);
  }
  const kindNode = values.get('kind');
  const kind = isScalar(kindNode) ? kindNode.value : undefined;
  if (!values.has('kind')) {
    at(root, 'missing required `kind` (wrong or alternative)');
    return { errors };
  }
  if (kind !== 'wrong' && kind !== 'alternative') {
    at(kindNode, `unknown kind ${JSON.stringify(kind ?? null)}; expected wrong or alternative`);
    return { errors };
  }
  for (const pair of root.items) {
    const key = pair.key as Node;
    const name = isScalar(key) ? String(key.value) : '(not a plain key)';
    if (!KEYS[kind].includes(name)) at(key, `unknown key \`${name}\` in ${kind === 'wrong' ? 'a wrong' : 'an alternative'} variant; expected: ${KEYS[kind].join(', ')}`);
  }

  /** One line of text: a sentence. */
  const sentence = (key: string): string | undefined => {
    const node = values.get(key);
    if (!values.has(key)) {
      at(root, `missing required \`${key}\` (one sentence)`);
      return undefined;
    }
    const value = isScalar(node) && typeof node.value === 'string' ? node.value.trim() : undefined;
    if (value === undefined || value === '') at(node ?? root, `\`${key}\` must be a non-empty sentence`);
    else if (value.includes('\n')) at(node, `\`${key}\` must be one line`);
    else if (value.length > MAX_TEXT) at(node, `\`${key}\` is ${value.length} characters; the limit is ${MAX_TEXT}`);
    else return value;
    return undefined;
  };

  if (kind === 'alternative') {
    const note = sentence('note');
    return errors.length === 0 && note !== undefined ? { spec: { kind, note }, errors } : { errors };
  }
  const mistake = sentence('mistake');
  const failsNode = values.get('fails');
  const fails: string[] = [];
  if (!values.has('fails')) at(root, 'missing required `fails`: the ids of the checks that fail');
  else if (!isSeq(failsNode) || failsNode.items.length === 0) at(failsNode ?? root, '`fails` must be a non-empty list of check ids');
  else {
    for (const item of failsNode.items as Node[]) {
      const id = isScalar(item) && typeof item.value === 'string' ? item.value : undefined;
      if (id === undefined || !checkIds.includes(id)) at(item, `unknown check ${JSON.stringify(id ?? String(item))}; the scaffold's checks are: ${checkIds.join(', ')}`);
      else if (fails.includes(id)) at(item, `check "${id}" is listed twice`);
      else fails.push(id);
    }
  }
  return errors.length === 0 && mistake !== undefined ? { spec: { kind, mistake, fails }, errors } : { errors };
}

/**
 * The variants of a scaffold under `variantsDir/<id>`, sorted by name, with every problem found
 * (a folder without variant.yaml or without files, an invalid variant.yaml, a stray file).
 */
export function readVariants(variantsDir: string, id: string, checkIds: readonly string[]): { variants: Variant[]; errors: string[] } {
  const dir = path.join(variantsDir, id);
  // Relative to the repository when inside it, so an editor can open `file:line:col`.
  const base = path.relative(ROOT, dir);
  const shown = base.startsWith('..') || path.isAbsolute(base) ? dir : base.split(path.sep).join('/');
  const label = (...parts: string[]) => [shown, ...parts].join('/');
  if (!fs.existsSync(dir)) return { variants: [], errors: [] };
  const variants: Variant[] = [];
  const errors: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!entry.isDirectory()) {
      errors.push(`${label(entry.name)}: not a variant folder (each variant is a folder with ${VARIANT_FILE} and files)`);
      continue;
    }
    const folder = path.join(dir, entry.name);
    const yamlPath = path.join(folder, VARIANT_FILE);
    if (!fs.existsSync(yamlPath)) {
      errors.push(`${label(entry.name)}: has no ${VARIANT_FILE}`);
      continue;
    }
    const parsed = parseVariant(fs.readFileSync(yamlPath, 'utf8').replace(/^\uFEFF/, ''), label(entry.name, VARIANT_FILE), checkIds);
    errors.push(...parsed.errors);
    const files = readTemplates(folder).filter((f) => f.path !== VARIANT_FILE);
    if (files.length === 0) errors.push(`${label(entry.name)}: has no files besides ${VARIANT_FILE}`);
    if (parsed.spec && files.length > 0) variants.push({ name: entry.name, spec: parsed.spec, files });
  }
  return { variants, errors };
}
