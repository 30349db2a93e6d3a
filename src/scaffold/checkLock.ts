/**
 * The check lock: `.ml-roadmaps/checks.lock.json`, written with every starter that has checks. It
 * names each check (id and pytest node id) and each check file's SHA-256 as the starter was
 * created, so the editor and the project's `run-checks` script (`roadmaps/starter-ci/`) can refuse
 * to call a run "verified" when a check file was changed, and say which. `run-checks` also reads
 * the checks to run from it. Pure: hashing uses Web Crypto, so it works in every host.
 *
 * The lock lives in the learner's repository, so it guards against a check edited by mistake or
 * in passing, not against someone who rewrites the lock as well.
 */
import { isRecord } from '../model/ids';
import type { ScaffoldManifest } from './manifest';
import { planScaffold, unsafePathReason, type TemplateFile } from './plan';

export const LOCK_FORMAT = 1;
/** Where a project keeps what the checks write and read (a dot folder: never hashed as code). */
export const STATE_FOLDER = '.ml-roadmaps';
export const LOCK_PATH = `${STATE_FOLDER}/checks.lock.json`;
/** The folder whose files are locked: every file the checks are made of. */
export const CHECKS_FOLDER = 'checks/';
/** Bytes read of a lock at most: a real one is well under a kilobyte per check. */
export const MAX_LOCK_BYTES = 256 * 1024;
/** Checks or files a lock may list. */
export const MAX_LOCKED = 200;

export interface LockedFile {
  /** Relative to the project, with `/`. */
  readonly path: string;
  /** 64 lowercase hex digits. */
  readonly sha256: string;
}

export interface CheckLock {
  readonly scaffold: string;
  readonly checks: readonly { readonly id: string; readonly test: string }[];
  readonly files: readonly LockedFile[];
}

/** The hex SHA-256 of some bytes. */
export async function sha256Hex(content: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(content));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The lock file for a starter, from its rendered files (those under `checks/` are locked), or
 * undefined when the scaffold declares no checks.
 */
export async function checkLockFile(manifest: ScaffoldManifest, rendered: readonly TemplateFile[]): Promise<TemplateFile | undefined> {
  if (manifest.checks.length === 0) return undefined;
  const files: LockedFile[] = [];
  for (const file of rendered) {
    if (file.path.startsWith(CHECKS_FOLDER) && !file.path.includes('__pycache__')) files.push({ path: file.path, sha256: await sha256Hex(file.content) });
  }
  const lock = { format: LOCK_FORMAT, scaffold: manifest.id, checks: manifest.checks.map((c) => ({ id: c.id, test: c.test })), files };
  return { path: LOCK_PATH, content: new TextEncoder().encode(`${JSON.stringify(lock, null, 2)}\n`) };
}

/**
 * A lock read from a project (untrusted: size-capped, every field checked), or what is wrong with
 * it, naming the file.
 */
export function parseCheckLock(text: string): { lock: CheckLock } | { problem: string } {
  const bad = (why: string) => ({ problem: `${LOCK_PATH}: ${why}` });
  if (text.length > MAX_LOCK_BYTES) return bad(`larger than ${MAX_LOCK_BYTES} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return bad(`not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(value) || value.format !== LOCK_FORMAT) return bad(`not a format ${LOCK_FORMAT} lock`);
  const { scaffold, checks, files } = value;
  if (typeof scaffold !== 'string' || scaffold.length > 100 || !Array.isArray(checks) || !Array.isArray(files)) return bad('needs a scaffold, checks and files');
  if (checks.length > MAX_LOCKED || files.length > MAX_LOCKED) return bad(`lists more than ${MAX_LOCKED} checks or files`);
  const readChecks: { id: string; test: string }[] = [];
  for (const check of checks as unknown[]) {
    if (!isRecord(check) || typeof check.id !== 'string' || typeof check.test !== 'string' || check.id.length > 100 || check.test.length > 500) return bad('a check needs an id and a node id');
    readChecks.push({ id: check.id, test: check.test });
  }
  const readFiles: LockedFile[] = [];
  for (const file of files as unknown[]) {
    if (!isRecord(file) || typeof file.path !== 'string' || typeof file.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(file.sha256)) return bad('a file needs a path and a sha256');
    if (file.path.length > 500 || unsafePathReason(file.path) !== undefined) return bad(`the path "${file.path.slice(0, 100)}" is not a plain path inside the project`);
    readFiles.push({ path: file.path, sha256: file.sha256 });
  }
  return { lock: { scaffold, checks: readChecks, files: readFiles } };
}

/**
 * Everything a starter is made of, before rendering: the scaffold's templates and, when it has
 * checks, the common files (`roadmaps/starter-ci/`) and its lock, made from the rendered checks.
 * `errors` are the plan's, when the templates cannot be rendered.
 */
export async function starterTemplates(
  manifest: ScaffoldManifest,
  templates: readonly TemplateFile[],
  common: readonly TemplateFile[],
  variables: Readonly<Record<string, string>>,
): Promise<{ files: TemplateFile[]; errors: readonly string[] }> {
  if (manifest.checks.length === 0) return { files: [...templates], errors: [] };
  const all = [...templates, ...common];
  const draft = planScaffold({ files: all, variables, existing: new Set() });
  if (draft.errors.length > 0) return { files: [], errors: draft.errors };
  const lock = await checkLockFile(manifest, draft.create);
  return { files: lock ? [...all, lock] : all, errors: [] };
}
