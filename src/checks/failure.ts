/**
 * What a failed check says to a learner: the check's hint, then what actually happened (the
 * check's own sentence about what it saw, or what the learner's code raised), and where in the
 * learner's code it happened. Read from what pytest reported, line by line, never trusting its
 * shape: a report this cannot read still gives the hint. Pure: no `vscode`, no Node, so the
 * details page (web too) and the Test Explorer put the same words on screen.
 *
 * The checks' contract (see a scaffold's `checks/test_steps.py`): a check fails with
 * `pytest.fail(hint + "\n" + detail, pytrace=False)`; when the learner's code raised, the detail is
 * `(it raised KeyError: 'x'` and a traceback line `  File "src/pkg/mod.py", line 12, in fn)`.
 * A check that lets an exception escape leaves pytest's long report, whose frames read
 * `src/pkg/mod.py:12: in fn` and `src/pkg/mod.py:12: KeyError`.
 */
import type { FailureFacts, SourceLine } from '../storage/checkStore';
import { english, type Translate } from '../util/translate';

export type { FailureFacts, SourceLine };

/** What `describeFailure` reads of a result (a `TestResult` has it all). */
export interface FailureInput {
  /** The hint: the message's first line, without an exception-class prefix. */
  readonly message: string;
  /** The exception class of the message's first line, if any. */
  readonly exception?: string;
  /** The whole failure message (every line). */
  readonly fullMessage?: string;
  /** pytest's report of the failure (its long traceback, or the message again). */
  readonly details: string;
}

export interface CheckFailure {
  /** What to do next, as the check wrote it; empty when the check did not say (an exception escaped). */
  readonly hint: string;
  readonly facts: FailureFacts;
  /** The module an import could not find (`pandas` for `No module named 'pandas.core'`). */
  readonly missingModule?: string;
}

/** Exceptions a check fails with on purpose; anything else escaped from the code under test. */
const HINT_EXCEPTIONS = new Set(['Failed', 'AssertionError']);
/** Enough for a sentence or two of what the check saw; a check that says more is cut. */
const MAX_SAID_CHARS = 600;
const MAX_SAID_LINES = 6;
const MAX_RAISED_CHARS = 400;

/** `  File "src/pkg/mod.py", line 12, in fn` (a Python traceback's frame). */
const TRACEBACK_FRAME = /^\s*File "([^"\n]+)", line (\d{1,9})(?:, in (.*))?$/;
/** `src/pkg/mod.py:12: in fn` or `src/pkg/mod.py:12: KeyError` (a frame of pytest's long report). */
const PYTEST_FRAME = /^(?!E\s)([^\s:"][^:"\n]*\.py):(\d{1,9}):(?: (?:in (.*)|[A-Za-z_][\w.]*))?\s*$/;
/** `(it raised KeyError: 'x'`: what the learner's code raised, as `attempt` puts it. */
const IT_RAISED = /^\(?it raised (.*)$/;
const NO_MODULE = /No module named '([^'\n]{1,200})'/;

/**
 * The hint, what happened and where, from one failed or errored result. `root` is the project
 * folder: a frame given as an absolute path inside it counts as the project's.
 */
export function describeFailure(result: FailureInput, root?: string): CheckFailure {
  const authored = result.exception === undefined || HINT_EXCEPTIONS.has(result.exception);
  const messageLines = splitLines(result.fullMessage ?? '');
  const frames: SourceLine[] = [];
  let said: string[] = [];
  let raised: string[] = [];
  if (authored) {
    // The lines after the hint: the check's sentences, what was raised, and its frames.
    const first = messageLines.findIndex((line) => line.trim() !== '');
    let frameIndent = -1;
    let inRaised = false;
    for (const line of first < 0 ? [] : messageLines.slice(first + 1)) {
      const text = line.trim();
      if (text === '') continue;
      const frame = TRACEBACK_FRAME.exec(line);
      if (frame) {
        frames.push(sourceLine(frame[1], frame[2], frame[3]));
        frameIndent = indentOf(line);
        continue;
      }
      // A traceback's source line sits under its frame, indented further.
      if (frameIndent >= 0 && indentOf(line) > frameIndent) continue;
      frameIndent = -1;
      if (text === 'Traceback (most recent call last):') continue;
      const raisedLine = IT_RAISED.exec(text);
      if (raisedLine) {
        inRaised = true;
        raised.push(raisedLine[1]);
      } else if (inRaised) raised.push(text);
      else said.push(text);
    }
  } else {
    // Nothing the check wrote: what escaped is the message.
    raised = [result.exception && result.message ? `${result.exception}: ${result.message}` : (result.exception ?? result.message)];
  }
  for (const line of splitLines(result.details)) {
    const frame = PYTEST_FRAME.exec(line) ?? TRACEBACK_FRAME.exec(line);
    if (frame) frames.push(sourceLine(frame[1], frame[2], frame[3]));
  }
  said = said.slice(0, MAX_SAID_LINES);
  const saidText = cut(said.join('\n'), MAX_SAID_CHARS);
  const raisedText = cut(withoutClosingParenthesis(raised.join('\n')), MAX_RAISED_CHARS);
  // The deepest frame in the learner's code: the last one listed (tracebacks read outermost first).
  let where: SourceLine | undefined;
  for (const frame of frames) {
    const file = projectPath(frame.file, root);
    if (file !== undefined && isLearnerFile(file)) where = { ...frame, file };
  }
  const missing = NO_MODULE.exec(raisedText) ?? (raisedText === '' ? NO_MODULE.exec(result.message) : null);
  return {
    hint: authored ? result.message : '',
    facts: { ...(saidText ? { said: saidText } : {}), ...(raisedText ? { raised: raisedText } : {}), ...(where ? { where } : {}) },
    ...(missing ? { missingModule: missing[1].split('.')[0] } : {}),
  };
}

/**
 * The lines a learner reads under the hint: the check's sentence, what was raised and where.
 * Empty when there is nothing beyond the hint.
 */
export function factLines(facts: FailureFacts, t: Translate = english): string[] {
  const lines: string[] = [];
  if (facts.said) lines.push(facts.said);
  if (facts.raised) lines.push(t('It raised {0}', facts.raised));
  if (facts.where) lines.push(whereText(facts.where, t));
  return lines;
}

/** `src/pkg/mod.py, line 12, in fn`. */
export function whereText(where: SourceLine, t: Translate = english): string {
  return where.function ? t('{0}, line {1}, in {2}', where.file, where.line, where.function) : t('{0}, line {1}', where.file, where.line);
}

/** The whole message: the hint first, then what happened; never a bare traceback. */
export function failureText(failure: CheckFailure, fallback: string, t: Translate = english): string {
  const lines = factLines(failure.facts, t);
  return [failure.hint || (lines.length === 0 ? fallback : ''), ...lines].filter((line) => line !== '').join('\n');
}

/**
 * Whether a project-relative path is the learner's own code: a Python file that is not in
 * `checks/` or `tests/` at the top, not a `conftest.py`, and not in a hidden folder (`.venv`) or an
 * installed package (`site-packages`).
 */
export function isLearnerFile(file: string): boolean {
  const parts = file.split('/');
  if (!file.endsWith('.py') || parts.some((p) => p === '' || p === '..')) return false;
  if (parts[0] === 'checks' || parts[0] === 'tests' || parts[parts.length - 1] === 'conftest.py') return false;
  return !parts.some((p) => p.startsWith('.') || p === 'site-packages' || p === 'dist-packages' || p === '__pycache__');
}

/**
 * A frame's file relative to the project, with `/`; undefined for a file outside it. Relative
 * paths are pytest's, from the project folder; an absolute one counts when it is under `root`.
 */
export function projectPath(file: string, root?: string): string | undefined {
  let normal = file.replace(/\\/g, '/');
  if (root !== undefined) {
    const base = root.replace(/\\/g, '/').replace(/\/+$/, '');
    // Windows paths compare without regard to case.
    const same = /^[A-Za-z]:/.test(base) ? normal.toLowerCase().startsWith(`${base.toLowerCase()}/`) : normal.startsWith(`${base}/`);
    if (base !== '' && same) normal = normal.slice(base.length + 1);
  }
  if (normal.startsWith('/') || /^[A-Za-z]:\//.test(normal)) return undefined;
  while (normal.startsWith('./')) normal = normal.slice(2);
  return normal === '' ? undefined : normal;
}

function sourceLine(file: string, line: string, fn: string | undefined): SourceLine {
  const name = fn === undefined ? '' : withoutClosingParenthesis(fn.trim());
  return { file, line: Number(line), ...(name && name !== '<module>' ? { function: name } : {}) };
}

/** `attempt` wraps what was raised in parentheses; the closing one ends up on the last line. */
function withoutClosingParenthesis(text: string): string {
  if (!text.endsWith(')')) return text;
  let depth = 0;
  for (const char of text) {
    if (char === '(') depth++;
    else if (char === ')') depth--;
  }
  return depth < 0 ? text.slice(0, -1).trimEnd() : text;
}

function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/\r?\n/);
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
