/**
 * What a suite hands over to its `.afterReload` twin across a window reload (see index.ts): a small
 * JSON file beside the launcher's results file. Where no reload follows (the web suite, which has
 * no results file, and Restricted Mode), there is nothing to hand over to and `handOver` says so.
 */
import * as vscode from 'vscode';

function handoverFile(name: string): vscode.Uri | undefined {
  if (typeof process === 'undefined' || process.env.MLR_RESTRICTED_MODE === '1') return undefined;
  const results = process.env.MLR_TEST_RESULTS;
  return results ? vscode.Uri.file(`${results}.${name}.json`) : undefined;
}

/** Keeps `data` for the reloaded window; false when no reload follows. */
export async function handOver(name: string, data: unknown): Promise<boolean> {
  const file = handoverFile(name);
  if (!file) return false;
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(data)));
  return true;
}

/** What the suite before the reload handed over (once: the file goes). */
export async function takeOver<T>(name: string): Promise<T> {
  const file = handoverFile(name);
  if (!file) throw new Error(`no reload in this host, so nothing was handed over as "${name}"`);
  const data = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as T;
  await vscode.workspace.fs.delete(file);
  return data;
}
