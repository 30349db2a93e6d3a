/**
 * How exports write their files. A file the learner confirmed in the save dialog (which asks
 * before it hands back one that exists) is replaced; any other file is written only when new.
 */
import * as vscode from 'vscode';

/** Writes a file that must not exist yet: an export never replaces anything. Says so and returns false when it exists. */
export async function writeNew(uri: vscode.Uri, text: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists. Exports never replace a file; choose another name.', vscode.workspace.asRelativePath(uri)));
    return false;
  } catch {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return true;
  }
}

/**
 * Writes a file the learner chose to replace, through a file beside it renamed over the old one:
 * a write that fails half-way leaves the old file whole. Says so and returns false on failure.
 */
export async function replaceFile(uri: vscode.Uri, text: string): Promise<boolean> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const temporary = uri.with({ path: `${uri.path.slice(0, uri.path.length - name.length)}.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp` });
  try {
    await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
    await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
    return true;
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temporary)).catch(() => undefined);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', vscode.workspace.asRelativePath(uri), (error as Error).message));
    return false;
  }
}

/**
 * Writes a file that goes with one the learner chose (the Markdown checklist beside an export) at
 * its name, or, when that is taken, at the first free `<name>-2`, `<name>-3`…: no one confirmed
 * replacing it, and refusing would undo an export the learner did confirm.
 */
export async function writeFresh(uri: vscode.Uri, text: string): Promise<vscode.Uri | undefined> {
  const slash = uri.path.lastIndexOf('/');
  const dot = uri.path.lastIndexOf('.');
  const [stem, extension] = dot > slash ? [uri.path.slice(0, dot), uri.path.slice(dot)] : [uri.path, ''];
  for (let n = 1; n <= MAX_FRESH_NAMES; n++) {
    const candidate = n === 1 ? uri : uri.with({ path: `${stem}-${n}${extension}` });
    const exists = await Promise.resolve(vscode.workspace.fs.stat(candidate)).then(
      () => true,
      () => false,
    );
    if (exists) continue;
    await vscode.workspace.fs.writeFile(candidate, new TextEncoder().encode(text));
    return candidate;
  }
  void vscode.window.showErrorMessage(vscode.l10n.t('{0} and {1} names after it already exist; choose another name.', vscode.workspace.asRelativePath(uri), MAX_FRESH_NAMES - 1));
  return undefined;
}

/** How many names writeFresh tries before it gives up. */
const MAX_FRESH_NAMES = 100;
