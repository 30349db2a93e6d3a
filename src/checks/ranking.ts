/**
 * Which Python runs a project's checks, decided from what each candidate was found to have. Pure:
 * the probing is done elsewhere (`python.ts`), so the extension and `npm run prove:checks` decide
 * the same way.
 *
 * In order:
 *   1. `setting` — `mlRoadmaps.python.interpreterPath`. When set it decides: a path that does not
 *      exist, or an interpreter without pytest, is an error that names the setting (never passed
 *      over for another Python the user did not choose).
 *   2. `pythonExtension` — the Python extension's active environment for the folder. It decides
 *      when it exists; without pytest it is an error that names it.
 *   3. `projectVenv` — the project's `.venv`. It decides when it exists; without pytest, an error.
 *   4. `path` — every `python3` and `python` on PATH, ranked by how many of the project's modules
 *      they can import (pytest required), the first in PATH order among equals.
 * The chosen one may lack modules: the run goes ahead, and says which.
 */
import type { ProbeResult } from './python';

export type InterpreterSource = 'setting' | 'pythonExtension' | 'projectVenv' | 'path';

export interface InterpreterCandidate {
  readonly source: InterpreterSource;
  readonly probe: ProbeResult;
}

export interface ChosenInterpreter extends InterpreterCandidate {
  /** The project's modules this interpreter cannot import. */
  readonly missing: readonly string[];
}

/**
 * Why no interpreter was chosen: `notFound` (the setting names a file that is not there),
 * `unusable` (the deciding candidate has no pytest, is too old or does not start), `none` (no
 * candidate at all, or none on PATH with pytest).
 */
export interface InterpreterProblem {
  readonly kind: 'notFound' | 'unusable' | 'none';
  /** The candidate that decided; for `none`, the best of those on PATH that ran, if any. */
  readonly candidate?: InterpreterCandidate;
}

export type InterpreterChoice = { readonly chosen: ChosenInterpreter; readonly problem?: undefined } | { readonly chosen?: undefined; readonly problem: InterpreterProblem };

/** The order of the sources: the user's choices first, then the project's, then the guesses. */
export const SOURCE_ORDER: readonly InterpreterSource[] = ['setting', 'pythonExtension', 'projectVenv', 'path'];

/** Can run pytest: started, new enough, imports pytest (it may lack other modules). */
export function runsPytest(probe: ProbeResult): boolean {
  return probe.ok || probe.failure === 'missing-modules';
}

/**
 * The interpreter for a project with `modules` (import names; pytest need not be among them),
 * from candidates in any order (PATH ones in PATH order).
 */
export function chooseInterpreter(candidates: readonly InterpreterCandidate[], modules: readonly string[]): InterpreterChoice {
  const missingOf = (probe: ProbeResult) => modules.filter((m) => m !== 'pytest' && probe.missing.includes(m));
  for (const source of SOURCE_ORDER.slice(0, 3)) {
    const candidate = candidates.find((c) => c.source === source);
    if (!candidate) continue;
    const { probe } = candidate;
    // The Python extension's environment or a .venv that is gone is no choice; a setting that names nothing is an error.
    if (probe.failure === 'not-found') {
      if (source === 'setting') return { problem: { kind: 'notFound', candidate } };
      continue;
    }
    return runsPytest(probe) ? { chosen: { ...candidate, missing: missingOf(probe) } } : { problem: { kind: 'unusable', candidate } };
  }
  let best: ChosenInterpreter | undefined;
  let ran: InterpreterCandidate | undefined;
  for (const candidate of candidates) {
    if (candidate.source !== 'path') continue;
    if (candidate.probe.failure !== 'not-found') ran ??= candidate;
    if (!runsPytest(candidate.probe)) continue;
    const missing = missingOf(candidate.probe);
    if (!best || missing.length < best.missing.length) best = { ...candidate, missing };
  }
  return best ? { chosen: best } : { problem: { kind: 'none', ...(ran ? { candidate: ran } : {}) } };
}
