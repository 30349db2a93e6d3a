/**
 * The part of Node's `assert` the suites use, for the web worker, which has no Node built-ins.
 * `bundleWebTests()` maps `import * as assert from 'assert'` to this module, so a suite can be
 * bundled for the web unchanged. Same names and semantics (strict comparisons throughout).
 */

export class AssertionError extends Error {
  readonly actual: unknown;
  readonly expected: unknown;
  readonly operator: string;
  readonly code = 'ERR_ASSERTION';

  constructor(options: { message?: string | Error; actual?: unknown; expected?: unknown; operator: string; defaultMessage: string }) {
    super(options.message instanceof Error ? options.message.message : options.message ?? options.defaultMessage);
    this.name = 'AssertionError';
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = options.operator;
  }
}

type Message = string | Error;

function raise(message: Message | undefined, actual: unknown, expected: unknown, operator: string, defaultMessage: string): never {
  if (message instanceof Error) {
    throw message;
  }
  throw new AssertionError({ message, actual, expected, operator, defaultMessage });
}

function show(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'bigint') {
    return `${value}n`;
  }
  if (typeof value === 'function') {
    return `[Function ${value.name || '(anonymous)'}]`;
  }
  try {
    const text = JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Map ? { Map: [...inner] } : inner instanceof Set ? { Set: [...inner] } : inner));
    return text === undefined ? String(value) : text;
  } catch {
    return String(value);
  }
}

export function ok(value: unknown, message?: Message): asserts value {
  if (!value) {
    raise(message, value, true, '==', `The expression evaluated to a falsy value: ${show(value)}`);
  }
}

export function fail(message: Message = 'Failed'): never {
  raise(message, undefined, undefined, 'fail', 'Failed');
}

export function strictEqual<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!Object.is(actual, expected)) {
    raise(message, actual, expected, 'strictEqual', `Expected values to be strictly equal:\n  actual:   ${show(actual)}\n  expected: ${show(expected)}`);
  }
}

export function notStrictEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (Object.is(actual, expected)) {
    raise(message, actual, expected, 'notStrictEqual', `Expected "actual" to be strictly unequal to: ${show(expected)}`);
  }
}

export function deepStrictEqual<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!deepEqual(actual, expected, new Map())) {
    raise(message, actual, expected, 'deepStrictEqual', `Expected values to be strictly deep-equal:\n  actual:   ${show(actual)}\n  expected: ${show(expected)}`);
  }
}

export function notDeepStrictEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (deepEqual(actual, expected, new Map())) {
    raise(message, actual, expected, 'notDeepStrictEqual', `Expected "actual" not to be strictly deep-equal to: ${show(expected)}`);
  }
}

export function match(value: string, pattern: RegExp, message?: Message): void {
  if (typeof value !== 'string' || !pattern.test(value)) {
    raise(message, value, pattern, 'match', `The input did not match the regular expression ${String(pattern)}. Input: ${show(value)}`);
  }
}

export function doesNotMatch(value: string, pattern: RegExp, message?: Message): void {
  if (typeof value !== 'string' || pattern.test(value)) {
    raise(message, value, pattern, 'doesNotMatch', `The input was expected to not match the regular expression ${String(pattern)}. Input: ${show(value)}`);
  }
}

/** What `throws`/`rejects` may check the error against: a class, a pattern for its message, or fields it must have. */
type ErrorCheck = (new (...args: never[]) => unknown) | RegExp | Record<string, unknown>;

function checkError(error: unknown, check: ErrorCheck | undefined, operator: string, message?: Message): void {
  if (check === undefined) {
    return;
  }
  if (check instanceof RegExp) {
    const text = error instanceof Error ? error.message : String(error);
    if (!check.test(text)) {
      raise(message, error, check, operator, `The error message ${show(text)} does not match ${String(check)}`);
    }
    return;
  }
  if (typeof check === 'function') {
    if (!(error instanceof check)) {
      raise(message, error, check, operator, `The error is expected to be an instance of "${check.name}"; got ${show(error)}`);
    }
    return;
  }
  const fields = error as Record<string, unknown>;
  for (const [key, expected] of Object.entries(check)) {
    const actual = fields?.[key];
    const same = expected instanceof RegExp && typeof actual === 'string' ? expected.test(actual) : deepEqual(actual, expected, new Map());
    if (!same) {
      raise(message, error, check, operator, `The error's "${key}" is ${show(actual)}, expected ${show(expected)}`);
    }
  }
}

export function throws(block: () => unknown, check?: ErrorCheck | Message, message?: Message): void {
  const [errorCheck, text] = typeof check === 'string' || check instanceof Error ? [undefined, check] : [check, message];
  try {
    block();
  } catch (error) {
    checkError(error, errorCheck, 'throws', text);
    return;
  }
  raise(text, undefined, errorCheck, 'throws', 'Missing expected exception.');
}

export async function rejects(promiseOrBlock: Promise<unknown> | (() => Promise<unknown>), check?: ErrorCheck | Message, message?: Message): Promise<void> {
  const [errorCheck, text] = typeof check === 'string' || check instanceof Error ? [undefined, check] : [check, message];
  try {
    await (typeof promiseOrBlock === 'function' ? promiseOrBlock() : promiseOrBlock);
  } catch (error) {
    checkError(error, errorCheck, 'rejects', text);
    return;
  }
  raise(text, undefined, errorCheck, 'rejects', 'Missing expected rejection.');
}

/** Node's strict deep equality, for the values tests compare: primitives, arrays, plain objects, Date, RegExp, Map, Set. */
function deepEqual(a: unknown, b: unknown, seen: Map<object, object>): boolean {
  if (Object.is(a, b)) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
    return false;
  }
  // A cycle compares equal where it closes on the same pair.
  if (seen.get(a) === b) {
    return true;
  }
  seen.set(a, b);
  if (a instanceof Date) {
    return a.getTime() === (b as Date).getTime();
  }
  if (a instanceof RegExp) {
    return b instanceof RegExp && a.source === b.source && a.flags === b.flags;
  }
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>;
    return a.size === other.size && [...a].every(([key, value]) => other.has(key) && deepEqual(value, other.get(key), seen));
  }
  if (a instanceof Set) {
    const other = b as Set<unknown>;
    return a.size === other.size && [...a].every((value) => other.has(value) || [...other].some((candidate) => deepEqual(value, candidate, new Map(seen))));
  }
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) {
    return false;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) {
    return false;
  }
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(recordB, key) && deepEqual(recordA[key], recordB[key], seen));
}

/** `import assert from 'assert'` calls it as a function: the same as ok(). */
const assert = Object.assign((value: unknown, message?: Message): void => ok(value, message), {
  AssertionError,
  ok,
  fail,
  strictEqual,
  notStrictEqual,
  deepStrictEqual,
  notDeepStrictEqual,
  match,
  doesNotMatch,
  throws,
  rejects,
});
export default assert;
