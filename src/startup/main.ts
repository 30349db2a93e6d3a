/**
 * What package.json's `main` names (dist/extension.js): loads the Node entry, src/extension.ts,
 * built into dist/start.js, with V8's code cache kept in the extension's global storage
 * (codeCache.ts). Compiling that bundle is the largest part of what start-up spends before the
 * tree's first rows; with the cache from an earlier start it is skipped, and the functions
 * start-up runs come compiled too. The first start after an install or update compiles as before.
 */
import * as path from 'path';
import type * as vscode from 'vscode';
import { requireWithCodeCache } from './codeCache';
import { ACTIVATE_MARK } from './marks';

type Entry = typeof import('../extension');

let entry: Entry | undefined;

export async function activate(context: vscode.ExtensionContext): ReturnType<Entry['activate']> {
  performance.mark(ACTIVATE_MARK);
  const storage = context.globalStorageUri;
  // A local folder in the Node extension hosts; should one ever be elsewhere, no cache.
  const cacheFolder = storage.scheme === 'file' ? path.join(storage.fsPath, 'code-cache') : undefined;
  const loaded = requireWithCodeCache<Entry>(path.join(__dirname, 'start.js'), cacheFolder);
  entry = loaded.exports;
  const api = await entry.activate(context);
  // Now, so that the cache holds what start-up compiled.
  void loaded.save();
  return api;
}

export function deactivate(): void {
  entry?.deactivate();
}
