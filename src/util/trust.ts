import * as vscode from 'vscode';

/**
 * Commands that write files call this first, so they refuse in Restricted Mode even when run
 * from the palette, a keybinding or another extension. Returns true when it refused.
 */
export function refuseInRestrictedMode(what: string): boolean {
  if (vscode.workspace.isTrusted) return false;
  void vscode.window.showWarningMessage(`${what}, which Restricted Mode does not allow. Trust this workspace to use it.`, 'Manage Workspace Trust').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return true;
}

/** In Restricted Mode a workspace's own roadmaps are shown but not tracked: they are read-only. */
export function isReadOnlyRoadmap(roadmap: { readonly source: { readonly bundled: boolean } }): boolean {
  return !roadmap.source.bundled && !vscode.workspace.isTrusted;
}
