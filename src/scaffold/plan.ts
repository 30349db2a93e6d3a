/**
 * Turns a scaffold's template files into the list of files to write: fills `{{variables}}` in
 * paths and text, checks every rendered path is a plain relative path, and leaves existing files
 * alone. Pure: the caller reads the templates and tells it which paths already exist.
 *
 * The problems `planScaffold` and `unsafePathReason` report are about a scaffold's template files,
 * for whoever maintains them, like the loader's messages about a roadmap file: they stay English.
 * Only `projectNameProblem`, which answers what the user typed, takes a `Translate`.
 */
import { isWindowsDeviceName, slugify } from '../model/ids';
import { english, type Translate } from '../util/translate';
import { Context, contextsOf, escapeFor, fileKindOf } from './escape';

export { isWindowsDeviceName, slugify };

/** Variables every scaffold can use without declaring them. */
export const BUILTIN_VARIABLES = ['projectName', 'slug', 'packageName', 'taskTitle', 'taskId', 'roadmapTitle', 'roadmapId', 'date'] as const;

/** `{{name}}`, with optional spaces inside the braces. */
const VARIABLE_REFERENCE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** Most file systems limit a name to 255 bytes. */
const MAX_SEGMENT_BYTES = 255;
const MAX_PROJECT_NAME_LENGTH = 100;
/** Where the scan of a file found no context for a reference: only what is safe anywhere. */
const STRICTEST: Context = { kind: 'word', where: 'a place the renderer could not classify' };

const PYTHON_KEYWORDS = new Set([
  'false', 'none', 'true', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
  'while', 'with', 'yield',
]);

export interface TemplateFile {
  /** POSIX path relative to the scaffold's `files/` folder (before rendering) or to the target (after). */
  readonly path: string;
  readonly content: Uint8Array;
}

export interface ScaffoldPlan {
  /** Empty whenever there are errors: a scaffold is created whole or not at all. */
  readonly create: readonly TemplateFile[];
  /** Rendered paths that already exist in the target; they are never written. */
  readonly keep: readonly string[];
  readonly errors: readonly string[];
}

export interface PlanInput {
  readonly files: readonly TemplateFile[];
  readonly variables: Readonly<Record<string, string>>;
  /** Rendered relative paths that already exist in the target. */
  readonly existing: ReadonlySet<string>;
}

/** A Python identifier made from a project name: snake_case, never a keyword, never starting with a digit. */
export function packageNameOf(name: string): string {
  const snake = slugify(name).replace(/-/g, '_');
  if (snake === '') return 'project';
  // A package named `con` or `aux` is a folder Windows cannot create.
  return /^[0-9]/.test(snake) || PYTHON_KEYWORDS.has(snake) || isWindowsDeviceName(snake) ? `project_${snake}` : snake;
}

/** The folder name (and `{{slug}}`) made from a project name: kebab-case, never a Windows device name. */
export function projectFolderNameOf(name: string): string {
  const slug = slugify(name);
  return isWindowsDeviceName(slug) ? `${slug}-project` : slug;
}

/** The local calendar date as YYYY-MM-DD: the date the user sees on their clock. */
export function todayIso(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Why a project name cannot be used, or undefined when it can; for the name input box. */
export function projectNameProblem(name: string, t: Translate = english): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return t('Enter a name for the project.');
  if (trimmed.length > MAX_PROJECT_NAME_LENGTH) return t('Keep the name under {0} characters.', MAX_PROJECT_NAME_LENGTH);
  // The name lands in READMEs and Python string literals: keep out what would break them.
  // eslint-disable-next-line no-control-regex -- control characters are what the name must not hold
  if (/[\u0000-\u001f\\]/.test(trimmed)) return t('The name cannot contain backslashes or control characters.');
  if (slugify(trimmed) === '') return t('Use at least one letter or digit: the folder name is made from them.');
  return undefined;
}

/** The built-in variables for a project name and, when there is one, the roadmap task it is for. */
export function builtinVariables(input: {
  projectName: string;
  taskTitle: string;
  taskId: string;
  roadmapTitle: string;
  roadmapId: string;
  now: Date;
}): Record<(typeof BUILTIN_VARIABLES)[number], string> {
  const { projectName, taskTitle, taskId, roadmapTitle, roadmapId, now } = input;
  return { projectName, slug: projectFolderNameOf(projectName), packageName: packageNameOf(projectName), taskTitle, taskId, roadmapTitle, roadmapId, date: todayIso(now) };
}

/** Replaces every `{{name}}`; names without a value are left as written and listed in `unknown`. */
export function renderTemplate(text: string, variables: Readonly<Record<string, string>>, options: { json: boolean }): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const rendered = text.replace(VARIABLE_REFERENCE, (reference, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(variables, name)) {
      if (!unknown.includes(name)) unknown.push(name);
      return reference;
    }
    const value = variables[name];
    // Inside a JSON string: escape quotes, backslashes and control characters.
    return options.json ? JSON.stringify(value).slice(1, -1) : value;
  });
  return { text: rendered, unknown };
}

/**
 * Fills the references of one text file, each escaped for the place it sits in (see escape.ts):
 * a Python string or comment, Markdown, JSON, TOML, YAML, a Dockerfile… `problems` lists the
 * references whose value cannot be written safely where they are; the file is then not created.
 */
export function renderFile(path: string, text: string, variables: Readonly<Record<string, string>>): { text: string; unknown: string[]; problems: string[] } {
  const kind = fileKindOf(path);
  if (kind === 'notebook') {
    const notebook = renderNotebook(text, variables);
    if (notebook) return notebook;
  }
  return renderWith(text, variables, contextsOf(text, kind === 'notebook' ? 'json' : kind));
}

function renderWith(text: string, variables: Readonly<Record<string, string>>, contexts: ReadonlyMap<number, Context>, lineOffset = 0): { text: string; unknown: string[]; problems: string[] } {
  const unknown: string[] = [];
  const problems: string[] = [];
  const rendered = text.replace(VARIABLE_REFERENCE, (reference, name: string, offset: number) => {
    if (!Object.prototype.hasOwnProperty.call(variables, name)) {
      if (!unknown.includes(name)) unknown.push(name);
      return reference;
    }
    const result = escapeFor(contexts.get(offset) ?? STRICTEST, variables[name]);
    if ('text' in result) return result.text;
    problems.push(`line ${lineOffset + lineOf(text, offset)}: {{${name}}} cannot be filled in safely: ${result.problem}`);
    return reference;
  });
  return { text: rendered, unknown, problems };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

interface NotebookCell {
  cell_type?: unknown;
  source?: unknown;
}

/**
 * A notebook is rendered cell by cell: Markdown cells as Markdown, code cells as Python, then
 * written back as JSON, so every value ends up both escaped for its cell and JSON-encoded.
 * Undefined when the template is not a notebook's JSON (it is then rendered as plain JSON).
 */
function renderNotebook(text: string, variables: Readonly<Record<string, string>>): { text: string; unknown: string[]; problems: string[] } | undefined {
  let notebook: { cells?: unknown };
  try {
    notebook = JSON.parse(text) as { cells?: unknown };
  } catch {
    return undefined;
  }
  if (typeof notebook !== 'object' || notebook === null || !Array.isArray(notebook.cells)) return undefined;
  const unknown: string[] = [];
  const problems: string[] = [];
  const collect = (result: { unknown: string[]; problems: string[] }, where: string) => {
    for (const name of result.unknown) if (!unknown.includes(name)) unknown.push(name);
    problems.push(...result.problems.map((p) => `${where}, ${p}`));
  };
  // Strings outside the cells' sources (metadata) become JSON strings again: plain text is enough.
  const plainStrings = (value: unknown, where: string): unknown => {
    if (typeof value === 'string') {
      const result = renderWith(value, variables, new Map([...value.matchAll(VARIABLE_REFERENCE)].map((m) => [m.index, { kind: 'plain' } as const])));
      collect(result, where);
      return result.text;
    }
    if (Array.isArray(value)) return value.map((item) => plainStrings(item, where));
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainStrings(v, where)]));
    return value;
  };
  const renderSource = (cell: NotebookCell, where: string): unknown => {
    const { source } = cell;
    const lines = Array.isArray(source) ? source : [source];
    if (!lines.every((line): line is string => typeof line === 'string')) return plainStrings(source, where);
    const joined = lines.join('');
    if (joined === '') return source;
    const kind = cell.cell_type === 'markdown' ? 'markdown' : cell.cell_type === 'code' ? 'python' : 'other';
    const result = renderWith(joined, variables, contextsOf(joined, kind));
    collect(result, `${where} (${String(cell.cell_type)})`);
    // Values hold no line breaks (escapeFor removes them), so the lines stay as they were.
    return Array.isArray(source) ? result.text.split(/(?<=\n)/) : result.text;
  };
  // Keys keep their order, so the file differs from the template only where values went in.
  const cells = (notebook.cells as unknown[]).map((cell, index) =>
    typeof cell === 'object' && cell !== null && !Array.isArray(cell)
      ? Object.fromEntries(Object.entries(cell).map(([key, value]) => [key, key === 'source' ? renderSource(cell as NotebookCell, `cell ${index + 1}`) : plainStrings(value, `cell ${index + 1}`)]))
      : plainStrings(cell, `cell ${index + 1}`),
  );
  const rest = plainStrings({ ...notebook, cells: undefined }, 'notebook metadata') as Record<string, unknown>;
  const indent = /^\{\r?\n( +)"/.exec(text)?.[1].length ?? 1;
  const rendered = JSON.stringify(Object.fromEntries(Object.keys(notebook).map((key) => [key, key === 'cells' ? cells : rest[key]])), null, indent);
  return { text: rendered + (text.endsWith('\n') ? '\n' : ''), unknown, problems };
}

/** Why a rendered relative path is unsafe to create under the target folder, or undefined when it is fine. */
export function unsafePathReason(path: string): string | undefined {
  if (path === '') return 'the path is empty';
  if (path.includes('\0')) return 'the path contains a NUL character';
  if (path.includes('\\')) return 'the path contains a backslash';
  if (path.startsWith('/')) return 'the path is absolute';
  if (/^[A-Za-z]:/.test(path)) return 'the path starts with a drive letter';
  for (const segment of path.split('/')) {
    if (segment === '') return 'the path has an empty segment';
    if (segment === '.' || segment === '..') return `the path has a "${segment}" segment`;
    // Control characters and the characters Windows refuses in names (":" would also name an NTFS stream).
    // eslint-disable-next-line no-control-regex -- control characters are what a file name must not hold
    if (/[\u0000-\u001f<>:"|?*]/.test(segment)) return `"${segment}" contains a character file names cannot hold`;
    if (isWindowsDeviceName(segment)) return `"${segment}" is a device name on Windows (con, prn, aux, nul, com1–9, lpt1–9), which no file can have`;
    if (new TextEncoder().encode(segment).length > MAX_SEGMENT_BYTES) return `"${segment.slice(0, 20)}…" is longer than ${MAX_SEGMENT_BYTES} bytes`;
  }
  return undefined;
}

/** Renders every template file, validates the result and splits it into files to create and files to keep. */
export function planScaffold(input: PlanInput): ScaffoldPlan {
  const errors: string[] = [];
  const create: TemplateFile[] = [];
  const keep: string[] = [];
  /** Lower-cased rendered path → template path, to catch two templates landing on one file. */
  const seen = new Map<string, string>();

  for (const file of input.files) {
    const { text: path, unknown } = renderTemplate(file.path, input.variables, { json: false });
    for (const name of unknown) errors.push(`${file.path}: unknown variable {{${name}}} in the file name`);
    const unsafe = unsafePathReason(path);
    if (unsafe) {
      errors.push(`${file.path}: renders to "${path}", which is refused: ${unsafe}`);
      continue;
    }
    // Case-insensitive, because macOS and Windows file systems usually are.
    const other = seen.get(path.toLowerCase());
    if (other !== undefined) {
      errors.push(`${file.path}: renders to "${path}", the same file as ${other}`);
      continue;
    }
    seen.set(path.toLowerCase(), file.path);

    const text = decodeText(file.content);
    let content = file.content;
    if (text !== undefined) {
      const rendered = renderFile(path, text, input.variables);
      for (const name of rendered.unknown) errors.push(`${file.path}: unknown variable {{${name}}}`);
      for (const problem of rendered.problems) errors.push(`${file.path}: ${problem}`);
      content = new TextEncoder().encode(rendered.text);
    }
    if (input.existing.has(path)) keep.push(path);
    else create.push({ path, content });
  }

  // A file whose path is another file's folder ("a" and "a/b") cannot both be created.
  for (const path of seen.keys()) {
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join('/');
      if (seen.has(folder)) errors.push(`${seen.get(path)}: needs a folder "${folder}", but ${seen.get(folder)} is a file of that name`);
    }
  }

  return errors.length > 0 ? { create: [], keep: [], errors } : { create, keep, errors };
}

/** True when `child` is `parent` or lies under it; both are absolute POSIX paths (as in `Uri.path`). */
export function isInside(parent: string, child: string): boolean {
  const parentSegments = normalizeSegments(parent);
  const childSegments = normalizeSegments(child);
  if (parentSegments === undefined || childSegments === undefined) return false;
  return parentSegments.length <= childSegments.length && parentSegments.every((segment, i) => segment === childSegments[i]);
}

/** Resolves `.` and `..`; undefined when the path is relative or climbs above the root. */
function normalizeSegments(path: string): string[] | undefined {
  if (!path.startsWith('/')) return undefined;
  const result: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (result.length === 0) return undefined;
      result.pop();
    } else {
      result.push(segment);
    }
  }
  return result;
}

/** The text of a file, or undefined for binary content (not UTF-8, or holding NUL bytes). */
function decodeText(content: Uint8Array): string | undefined {
  if (content.includes(0)) return undefined;
  try {
    // ignoreBOM keeps a byte order mark in the text, so it is written back unchanged.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
  } catch {
    return undefined;
  }
}
