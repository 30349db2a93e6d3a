/**
 * Where a linked folder is: a stored link made from a folder, and read back into one. Apart from
 * the links feature so that the API (api.ts) reads links without loading the feature.
 */
import * as vscode from 'vscode';
import type { StoredLink } from '../storage/linkStore';
import { relative as relativePath } from '../util/uriPath';

/** A folder inside a workspace folder is stored relative to it, by the folder's name. */
export function toStoredLink(uri: vscode.Uri): StoredLink {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return { path: uri.toString() };
  const relative = relativePath(folder.uri.path, uri.path);
  return { folder: folder.name, path: relative || '.' };
}

export function resolveLink(link: StoredLink): vscode.Uri | undefined {
  if (link.folder === undefined) {
    try {
      return vscode.Uri.parse(link.path, true);
    } catch {
      return undefined;
    }
  }
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === link.folder);
  return folder ? (link.path === '.' ? folder.uri : vscode.Uri.joinPath(folder.uri, link.path)) : undefined;
}
