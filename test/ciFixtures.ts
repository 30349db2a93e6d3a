/**
 * A CI results file as a starter's `run-checks` writes it (format 1), for the unit and the
 * integration tests alike: every check passed, unless `overrides` says otherwise.
 */
export interface CiRun {
  readonly commit: string;
  readonly checkIds: readonly string[];
  /** The check files and their hashes, as the lock names them. */
  readonly files: readonly { readonly path: string; readonly sha256: string }[];
}

export function ciResultsText(run: CiRun, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 1,
    scaffold: 'titanic-eda',
    commit: run.commit,
    time: '2026-12-06T10:00:00Z',
    verified: true,
    ci: true,
    checks: run.checkIds.map((id) => ({ id, outcome: 'passed' })),
    files: run.files,
    ...overrides,
  });
}
