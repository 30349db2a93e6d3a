import * as os from 'os';
import * as vscode from 'vscode';
import type { Platform } from '.';
import { nodeParseWorker } from '../core/parseWorkerNode';
import { GuardedWriter } from './writeGuard';

/** A Node extension host: desktop, VS Code Server, Codespaces. */
export const nodePlatform: Platform = {
  kind: 'node',
  homeFolder: () => vscode.Uri.file(os.homedir()),
  parseWorker: (extensionUri) => nodeParseWorker(vscode.Uri.joinPath(extensionUri, 'dist', 'parseWorker.js').fsPath),
  guardedWriter: (anchor) => new GuardedWriter(anchor),
};
