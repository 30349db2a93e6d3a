/**
 * The hash that binds verified evidence to the code it was verified on. Pure node: nothing here
 * imports `vscode`.
 *
 * What is hashed — the code the checks exercise: every Python file (`*.py`) of the project folder,
 * at any depth, except
 *   - the top-level `checks/` (the checks themselves), `tests/` (the shipped tests) and
 *     `notebooks/` folders;
 *   - any folder whose name starts with a dot (`.venv`, `.git`, `.pytest_cache`,
 *     `.ipynb_checkpoints`), `__pycache__`, `node_modules`, `site-packages`, `dist-packages`, and any
 *     folder with a `pyvenv.cfg` (a virtual environment under another name, like `venv/`);
 *   - symbolic links (never followed).
 * Everything else is left out: data, outputs, models, notebooks, READMEs, configuration. So the
 * source package (`src/<pkg>/`, `<pkg>/`, `app/`, a top-level `app.py`) is in, and running the
 * code (which writes outputs and caches) does not change the hash.
 *
 * The hash covers each file's path (relative, with `/`) and bytes, in path order. It is bounded:
 * a project beyond the limits gets no hash (its evidence is then "unknown", never wrongly current).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export interface CodeHashLimits {
  /** Python files hashed at most. */
  readonly maxFiles: number;
  /** Their bytes, all together. */
  readonly maxBytes: number;
  /** Directory entries looked at, all together (files of every kind and folders). */
  readonly maxEntries: number;
  /** Folders below the project's. */
  readonly maxDepth: number;
}

export const CODE_HASH_LIMITS: CodeHashLimits = { maxFiles: 2000, maxBytes: 16 * 1024 * 1024, maxEntries: 20_000, maxDepth: 12 };

export type CodeHash = { readonly hash: string; readonly files: number } | { readonly tooLarge: string };

/** Top-level folders that are not the code under test. */
const TOP_LEVEL_SKIPPED = new Set(['checks', 'tests', 'notebooks']);
/** Folders skipped at any depth: tools', caches', installed packages'. */
const SKIPPED = new Set(['__pycache__', 'node_modules', 'site-packages', 'dist-packages']);

/** Whether a folder at `depth` (0: directly in the project) is left out, by its name. */
export function isSkippedFolder(name: string, depth: number): boolean {
  return name.startsWith('.') || SKIPPED.has(name) || (depth === 0 && TOP_LEVEL_SKIPPED.has(name));
}

/** Whether a file is hashed, by its name (its folders decided already). */
export function isCodeFile(name: string): boolean {
  return name.endsWith('.py');
}

/**
 * The hash of a project's code, read asynchronously (the editor stays responsive), or why there is
 * none. A file that vanishes while being read is left out as if it had not been there.
 */
export async function hashProjectCode(folder: string, limits: CodeHashLimits = CODE_HASH_LIMITS): Promise<CodeHash> {
  const files: { relative: string; full: string }[] = [];
  let entries = 0;
  let bytes = 0;
  // Breadth first with a queue: no recursion, so a deep tree cannot overflow the stack.
  const queue: { dir: string; relative: string; depth: number }[] = [{ dir: folder, relative: '', depth: 0 }];
  for (let next = 0; next < queue.length; next++) {
    const { dir, relative, depth } = queue[next];
    let listed: fs.Dirent[];
    try {
      listed = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      if (depth === 0) return { tooLarge: `the folder ${folder} cannot be read` };
      continue;
    }
    if (depth > 0 && listed.some((e) => e.name === 'pyvenv.cfg' && e.isFile())) continue;
    entries += listed.length;
    if (entries > limits.maxEntries) return { tooLarge: `more than ${limits.maxEntries} files and folders` };
    for (const entry of listed) {
      const childRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (isSkippedFolder(entry.name, depth)) continue;
        if (depth + 1 > limits.maxDepth) return { tooLarge: `folders nested deeper than ${limits.maxDepth}` };
        queue.push({ dir: path.join(dir, entry.name), relative: childRelative, depth: depth + 1 });
      } else if (entry.isFile() && isCodeFile(entry.name)) {
        files.push({ relative: childRelative, full: path.join(dir, entry.name) });
        if (files.length > limits.maxFiles) return { tooLarge: `more than ${limits.maxFiles} Python files` };
      }
    }
  }
  files.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  const hash = createHash('sha256');
  let hashed = 0;
  for (const file of files) {
    let content: Buffer;
    try {
      // The size first: a huge file is refused before it is read into memory.
      if (bytes + (await fs.promises.stat(file.full)).size > limits.maxBytes) return tooMuch(limits);
      content = await fs.promises.readFile(file.full);
    } catch {
      continue;
    }
    bytes += content.length;
    if (bytes > limits.maxBytes) return tooMuch(limits);
    // Length-prefixed, so no two different sets of files hash alike by running into each other.
    hash.update(`${Buffer.byteLength(file.relative)}:${file.relative}\0${content.length}:`);
    hash.update(content);
    hashed++;
  }
  return { hash: `sha256:${hash.digest('hex')}`, files: hashed };
}

function tooMuch(limits: CodeHashLimits): CodeHash {
  return { tooLarge: `more than ${limits.maxBytes >= 1024 * 1024 ? `${Math.round(limits.maxBytes / 1024 / 1024)} MB` : `${limits.maxBytes} bytes`} of Python files` };
}
