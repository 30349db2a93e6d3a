/**
 * A project's check lock and CI results, read from disk: the lock (`scaffold/checkLock.ts`)
 * compared with the check files as they are now, and the CI results file (`ciResults.ts`). Both
 * files come from the learner's repository: read only when small, never through a link. Pure node:
 * nothing here imports `vscode`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CHECKS_FOLDER, CheckLock, LOCK_PATH, MAX_LOCK_BYTES, parseCheckLock, sha256Hex } from '../scaffold/checkLock';
import { unsafePathReason } from '../scaffold/plan';
import { english, type Translate } from '../util/translate';
import { CiResults, MAX_RESULTS_BYTES, parseCiResults, RESULTS_PATH } from './ciResults';

/** A check file hashed at most: checks are small; a bigger one is no check file. */
const MAX_CHECK_FILE_BYTES = 4 * 1024 * 1024;

/** How a check file stands against the lock. */
export interface LockProblem {
  readonly path: string;
  readonly kind: 'differs' | 'missing' | 'unlocked';
}

/**
 * `none`: the project has no lock (made before locks, or by hand): nothing to compare. `unreadable`:
 * a lock that cannot be read, so nothing can be verified against it.
 */
export type LockState =
  | { readonly kind: 'none' }
  | { readonly kind: 'unreadable'; readonly problem: string }
  | { readonly kind: 'read'; readonly lock: CheckLock; readonly problems: readonly LockProblem[] };

/** A problem in a sentence: `checks/test_steps.py differs from its lock`. */
export function lockProblemText(problem: LockProblem, t: Translate = english): string {
  if (problem.kind === 'differs') return t('{0} differs from its lock', problem.path);
  if (problem.kind === 'missing') return t('{0} is missing', problem.path);
  return t('{0} is not in the lock', problem.path);
}

/** Reads a small regular file (never through a link); undefined when it is not there, too big or not a file. */
async function readSmall(full: string, maxBytes: number): Promise<Buffer | undefined | 'tooLarge'> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.lstat(full);
  } catch {
    return undefined;
  }
  if (!stat.isFile()) return undefined;
  if (stat.size > maxBytes) return 'tooLarge';
  try {
    const content = await fs.promises.readFile(full);
    return content.length > maxBytes ? 'tooLarge' : content;
  } catch {
    return undefined;
  }
}

const join = (folder: string, relative: string) => path.join(folder, ...relative.split('/'));

/** The SHA-256 of each file, as on disk now; undefined for one that is missing, too big or not a plain path. */
export async function hashFiles(folder: string, paths: readonly string[]): Promise<Map<string, string | undefined>> {
  const hashes = new Map<string, string | undefined>();
  for (const relative of paths) {
    if (hashes.has(relative)) continue;
    const content = unsafePathReason(relative) === undefined ? await readSmall(join(folder, relative), MAX_CHECK_FILE_BYTES) : undefined;
    hashes.set(relative, content === undefined || content === 'tooLarge' ? undefined : await sha256Hex(content));
  }
  return hashes;
}

/** The project's lock compared with its check files now: each that differs, is missing, or is a Python file beside them not in the lock. */
export async function readLockState(folder: string): Promise<LockState> {
  const text = await readSmall(join(folder, LOCK_PATH), MAX_LOCK_BYTES);
  if (text === undefined) return { kind: 'none' };
  if (text === 'tooLarge') return { kind: 'unreadable', problem: `${LOCK_PATH}: larger than ${MAX_LOCK_BYTES} bytes` };
  const parsed = parseCheckLock(text.toString('utf8'));
  if ('problem' in parsed) return { kind: 'unreadable', problem: parsed.problem };
  const { lock } = parsed;
  const onDisk = await hashFiles(
    folder,
    lock.files.map((f) => f.path),
  );
  const problems: LockProblem[] = [];
  for (const file of lock.files) {
    const hash = onDisk.get(file.path);
    if (hash === undefined) problems.push({ path: file.path, kind: 'missing' });
    else if (hash !== file.sha256) problems.push({ path: file.path, kind: 'differs' });
  }
  // A conftest.py dropped beside the checks changes what they do as much as an edit would.
  const locked = new Set(lock.files.map((f) => f.path));
  const folders = new Set(lock.files.filter((f) => f.path.startsWith(CHECKS_FOLDER) && f.path.includes('/')).map((f) => f.path.slice(0, f.path.lastIndexOf('/'))));
  for (const relative of [...folders].sort()) {
    let names: string[];
    try {
      names = (await fs.promises.readdir(join(folder, relative))).sort();
    } catch {
      continue;
    }
    for (const name of names) if (name.endsWith('.py') && !locked.has(`${relative}/${name}`)) problems.push({ path: `${relative}/${name}`, kind: 'unlocked' });
  }
  return { kind: 'read', lock, problems };
}

/** The project's CI results file: read, or why not; `missing` when there is none. */
export async function readCiResultsFile(folder: string): Promise<{ results: CiResults } | { problem: string } | { missing: true }> {
  const content = await readSmall(join(folder, RESULTS_PATH), MAX_RESULTS_BYTES);
  if (content === undefined) return { missing: true };
  if (content === 'tooLarge') return { problem: `${RESULTS_PATH}: larger than ${MAX_RESULTS_BYTES} bytes` };
  return parseCiResults(content.toString('utf8'));
}
