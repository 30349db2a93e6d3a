/**
 * Files in one folder ($MLR_BENCH_DIR) are how the launcher (node) and the bench entry (inside the
 * extension host) talk: `go`, the results, and numbered commands with their answers. Every file is
 * written whole and renamed, because the other side polls for it.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface Command {
  readonly op: 'show' | 'reset' | 'end';
  readonly view?: 'ours' | 'reference';
}

/** What the pages launcher (pages.ts) asks of its entry (pagesHost.ts). */
export type PageCommand =
  | { readonly op: 'showTree' | 'openReview' | 'closeAll' | 'end' }
  | { readonly op: 'writeNote'; readonly text: string }
  | { readonly op: 'openClass'; readonly folder: string };

export function writeJson(dir: string, name: string, value: unknown): void {
  const file = path.join(dir, name);
  fs.writeFileSync(`${file}.partial`, JSON.stringify(value));
  fs.renameSync(`${file}.partial`, file);
}

/**
 * Polls for `name` in `dir` and returns its JSON. `problem` is asked on every poll and ends the
 * wait with its answer as the error (the other side failed or went away).
 */
export async function waitForJson<T>(dir: string, name: string, timeoutMs: number, problem: () => string | undefined = () => undefined): Promise<T> {
  const file = path.join(dir, name);
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    const reason = problem();
    if (reason) throw new Error(`waiting for ${name}: ${reason}`);
    if (Date.now() > deadline) throw new Error(`waiting for ${name}: nothing after ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** What the entry reports; ms lists are one value per run. */
export interface ActivationResult {
  /** The view shown → its first rows answered (activation included). */
  readonly oursMs: number;
  readonly referenceMs: number;
  /** `activate` called → its first rows answered: the part of the above that the extension's own code spends in. */
  readonly oursFromActivateMs: number;
  readonly referenceFromActivateMs: number;
  /** Our first rows answered → activation finished: registering the rest, after the rows. */
  readonly oursFeaturesMs: number;
  readonly firstItems: number;
  readonly lazyModulesLoaded: readonly string[];
}

export interface ScaleResult {
  readonly tasks: number;
  readonly rootMs: number[];
  readonly expandMs: number[];
  readonly changeMs: number[];
  /** Elements named by onDidChangeTreeData per state change; -1 for a full refresh. */
  readonly fired: number[];
}

export interface InProcessResult {
  readonly scales: ScaleResult[];
  /** The most rows any node of the 100k roadmap (or the root) returns at once. */
  readonly maxSiblings: number;
}
