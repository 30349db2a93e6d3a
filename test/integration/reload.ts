/**
 * What a suite hands over to the suite that runs after a window reload: in the Node host a small
 * JSON file beside the launcher's results file (see index.ts), in the web worker the web launcher
 * keeps it (see test/web/mochaWorker.ts). Where no reload follows (Restricted Mode, an entry run by
 * hand) there is nothing to hand over to, and `handOver` says so.
 */
import * as vscode from 'vscode';
import { ask, webTestConfig } from '../web/protocol';

type Keeper = { file: vscode.Uri } | { resultsUrl: string };

function keeper(name: string): Keeper | undefined {
  const web = webTestConfig();
  if (web) return web.resultsUrl ? { resultsUrl: web.resultsUrl } : undefined;
  if (typeof process === 'undefined' || process.env.MLR_RESTRICTED_MODE === '1') return undefined;
  const results = process.env.MLR_TEST_RESULTS;
  return results ? { file: vscode.Uri.file(`${results}.${name}.json`) } : undefined;
}

/** Keeps `data` for the reloaded window; false when no reload follows. */
export async function handOver(name: string, data: unknown): Promise<boolean> {
  const to = keeper(name);
  if (!to) return false;
  if ('file' in to) await vscode.workspace.fs.writeFile(to.file, new TextEncoder().encode(JSON.stringify(data)));
  else await ask(to.resultsUrl, 'hand-over', { name, data });
  return true;
}

/** What the suite before the reload handed over. */
export async function takeOver<T>(name: string): Promise<T> {
  const from = keeper(name);
  if (!from) throw new Error(`no reload in this host, so nothing was handed over as "${name}"`);
  if ('resultsUrl' in from) return (await ask<{ data: T }>(from.resultsUrl, 'take-over', { name })).data;
  const data = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(from.file))) as T;
  await vscode.workspace.fs.delete(from.file);
  return data;
}
