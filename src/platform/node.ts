import * as os from 'os';
import * as vscode from 'vscode';
import type { Platform } from '.';

/** A Node extension host: desktop, VS Code Server, Codespaces. */
export const nodePlatform: Platform = {
  kind: 'node',
  homeFolder: () => vscode.Uri.file(os.homedir()),
};
