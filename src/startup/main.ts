/**
 * What package.json's `main` names (dist/extension.js), a bundle of this folder alone: draws the
 * tree's first rows (index.ts), then loads the rest of the extension, src/extension.ts built into
 * dist/start.js, with V8's code cache kept in the extension's global storage (codeCache.ts), and
 * hands it what start-up made. The two bundles share no module (esbuild.js): what start-up hands
 * over is used through its interfaces only.
 *
 * So the host evaluates only start-up's few kilobytes before the first rows. Compiling the rest is
 * the largest part of what remains; with the cache from an earlier start it is skipped, and the
 * functions it runs come compiled too. The first start after an install or update compiles as before.
 */
import * as path from 'path';
import type * as vscode from 'vscode';
import type { MlRoadmapsApi } from '../api';
import { requireWithCodeCache } from './codeCache';
import { startUp } from './index';
import { ACTIVATE_MARK } from './marks';

type Entry = typeof import('../extension');

let entry: Entry | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<MlRoadmapsApi> {
  performance.mark(ACTIVATE_MARK);
  const started = await startUp(context);
  const storage = context.globalStorageUri;
  // A local folder in the Node extension hosts; should one ever be elsewhere, no cache.
  const cacheFolder = storage.scheme === 'file' ? path.join(storage.fsPath, 'code-cache') : undefined;
  const loaded = requireWithCodeCache<Entry>(path.join(__dirname, 'start.js'), cacheFolder);
  entry = loaded.exports;
  const api = entry.activate(context, started);
  // Now, so that the cache holds what the rest compiled while registering.
  void loaded.save();
  return api;
}

export function deactivate(): void {
  entry?.deactivate();
}
