/**
 * What differs between the two extension hosts the extension runs in: a Node extension host
 * (VS Code Desktop, VS Code Server, Codespaces) and the web worker extension host of VS Code for
 * the Web (vscode.dev, github.dev). Features read it from the services; the two entries
 * (extension.ts, extension.web.ts) each pass theirs. Only node.ts may import Node built-ins.
 */
import type * as vscode from 'vscode';

export interface Platform {
  readonly kind: 'node' | 'web';
  /** The user's home folder, where a save dialog starts when no folder is open; the web has none. */
  homeFolder(): vscode.Uri | undefined;
}
