/**
 * What differs between the two extension hosts the extension runs in: a Node extension host
 * (VS Code Desktop, VS Code Server, Codespaces) and the web worker extension host of VS Code for
 * the Web (vscode.dev, github.dev). Features read it from the services; the two entries
 * (extension.ts, extension.web.ts) each pass theirs. Only node.ts and writeGuard.ts (which only
 * node.ts imports) may import Node built-ins.
 */
import type * as vscode from 'vscode';
import type { StartParseWorker } from '../core/parser';
import type { FolderWriter } from './folderWriter';

export interface Platform {
  readonly kind: 'node' | 'web';
  /** The user's home folder, where a save dialog starts when no folder is open; the web has none. */
  homeFolder(): vscode.Uri | undefined;
  /** Starts the roadmap parser's worker thread; the web parses on its one thread. */
  readonly parseWorker?: (extensionUri: vscode.Uri) => StartParseWorker;
  /**
   * A writer that checks every folder on the way for links at write time, anchored at a local
   * folder; the web has no local disk and no real paths to check.
   */
  readonly guardedWriter?: (anchor: string) => FolderWriter;
}
