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
