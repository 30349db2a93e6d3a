/**
 * The results file a project's `run-checks` writes in CI (`.ml-roadmaps/ci-results.json`), read
 * back as evidence. It comes from the learner's repository: untrusted, so it is size-capped, every
 * field is checked, and it counts as evidence only when its check files' hashes are those of the
 * lock and of the check files on disk. Pure: the caller reads the files.
 */
import { isRecord } from '../model/ids';
import type { CheckLock, LockedFile } from '../scaffold/checkLock';
import { STATE_FOLDER } from '../scaffold/checkLock';
import { isCommit, shortCommit, type CheckOutcome } from '../storage/checkStore';
import { english, type Translate } from '../util/translate';

export const RESULTS_FORMAT = 1;
export const RESULTS_PATH = `${STATE_FOLDER}/ci-results.json`;
/** Bytes read of a results file at most: a real one is well under a kilobyte per check. */
export const MAX_RESULTS_BYTES = 256 * 1024;
const MAX_ENTRIES = 200;
const OUTCOMES: readonly string[] = ['passed', 'failed', 'error', 'skipped'];

export interface CiResults {
  readonly scaffold: string;
  /** The commit the checks ran on. */
  readonly commit: string;
  /** ISO 8601. */
  readonly time: string;
  readonly verified: boolean;
  /** It ran on a CI runner (`CI` or `GITHUB_ACTIONS` set), not on a learner's machine. */
  readonly ci: boolean;
  /** Why `run-checks` itself did not call the run verified (a check file differed from its lock). */
  readonly refused?: string;
  readonly checks: readonly { readonly id: string; readonly outcome: CheckOutcome }[];
  /** The check files as they were in the run, with their hashes. */
  readonly files: readonly LockedFile[];
}

/** A results file's text read, or what is wrong with it (naming the file). */
export function parseCiResults(text: string): { results: CiResults } | { problem: string } {
  const bad = (why: string) => ({ problem: `${RESULTS_PATH}: ${why}` });
  if (text.length > MAX_RESULTS_BYTES) return bad(`larger than ${MAX_RESULTS_BYTES} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return bad(`not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(value) || value.format !== RESULTS_FORMAT) return bad(`not a format ${RESULTS_FORMAT} results file`);
  const { scaffold, commit, time, verified, ci, refused, checks, files } = value;
  if (typeof scaffold !== 'string' || scaffold.length > 100) return bad('needs the scaffold it ran');
  if (typeof time !== 'string' || time.length > 40 || Number.isNaN(Date.parse(time))) return bad('needs the time of the run');
  if (typeof verified !== 'boolean') return bad('needs whether the run was verified');
  if (typeof ci !== 'boolean') return bad('needs whether the run was in CI');
  if (refused !== undefined && typeof refused !== 'string') return bad('"refused" must be text');
  if (!Array.isArray(checks) || !Array.isArray(files) || checks.length > MAX_ENTRIES || files.length > MAX_ENTRIES) return bad(`needs checks and files, at most ${MAX_ENTRIES} of each`);
  const readChecks: { id: string; outcome: CheckOutcome }[] = [];
  for (const check of checks as unknown[]) {
    if (!isRecord(check) || typeof check.id !== 'string' || check.id.length > 100 || !OUTCOMES.includes(check.outcome as string)) return bad('a check needs an id and an outcome');
    readChecks.push({ id: check.id, outcome: check.outcome as CheckOutcome });
  }
  const readFiles: LockedFile[] = [];
  for (const file of files as unknown[]) {
    if (!isRecord(file) || typeof file.path !== 'string' || file.path.length > 500 || typeof file.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(file.sha256)) return bad('a file needs a path and a sha256');
    readFiles.push({ path: file.path, sha256: file.sha256 });
  }
  return {
    results: {
      scaffold,
      // A run outside git has no commit; it is read, and refused as evidence below.
      commit: typeof commit === 'string' && isCommit(commit) ? commit : '',
      time,
      verified,
      ci,
      ...(typeof refused === 'string' ? { refused: refused.slice(0, 1000) } : {}),
      checks: readChecks,
      files: readFiles,
    },
  };
}

export interface Expected {
  /** The scaffold of the project the results were found in. */
  readonly scaffold: string;
  /** The checks it declares. */
  readonly checkIds: readonly string[];
  /** The project's lock, when it has one. */
  readonly lock?: CheckLock;
  /** The SHA-256 of each file the lock or the results name, as on disk now (undefined: missing). */
  readonly onDisk: ReadonlyMap<string, string | undefined>;
}

/**
 * Whether the results are evidence that every check passed on the locked checks; else why not,
 * in a sentence. Without a lock the results' hashes must match the files on disk.
 */
export function judgeCiResults(results: CiResults, expected: Expected, t: Translate = english): { accepted: true } | { refused: string } {
  const refuse = (why: string) => ({ refused: why });
  if (results.scaffold !== expected.scaffold) return refuse(t('the results are of the starter “{0}”, not “{1}”', results.scaffold.slice(0, 100), expected.scaffold));
  if (results.commit === '') return refuse(t('the results name no commit'));
  // run-checks in a terminal writes the same file: that is a local run, which Run Checks makes here.
  if (!results.ci) return refuse(t('the results are of a run outside CI; Run Checks runs the checks here'));
  if (results.refused !== undefined) return refuse(t('run-checks did not verify the run at {0}: {1}', shortCommit(results.commit), results.refused));
  const outcomes = new Map(results.checks.map((c) => [c.id, c.outcome] as const));
  const notPassed = expected.checkIds.filter((id) => outcomes.get(id) !== 'passed');
  if (notPassed.length > 0 || !results.verified) {
    return refuse(t('not every check passed in CI at {0} ({1})', shortCommit(results.commit), notPassed.length > 0 ? notPassed.join(', ') : t('the run was not verified')));
  }
  const inResults = new Map(results.files.map((f) => [f.path, f.sha256] as const));
  const reference = expected.lock?.files ?? results.files;
  if (reference.length === 0) return refuse(t('the results name no check file'));
  for (const file of reference) {
    const ran = inResults.get(file.path);
    if (ran === undefined) return refuse(t('the results do not name {0}', file.path));
    if (ran !== file.sha256) return refuse(t('{0} in the CI run differs from its lock', file.path));
    const disk = expected.onDisk.get(file.path);
    if (disk === undefined) return refuse(t('{0} is missing', file.path));
    if (disk !== file.sha256) return refuse(expected.lock ? t('{0} differs from its lock', file.path) : t('{0} differs from the file the CI run checked', file.path));
  }
  return { accepted: true };
}
