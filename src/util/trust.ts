import * as vscode from 'vscode';

/** What a command was about to do that Restricted Mode does not allow. */
export type RestrictedAction = 'trackWorkspaceRoadmap' | 'createNote' | 'createStarterProject' | 'createRoadmap' | 'exportProgress' | 'runChecks' | 'exportCalendar' | 'exportCards';

/** Each refusal as one whole sentence, so that it translates as one. */
export function refusal(action: RestrictedAction): string {
  switch (action) {
    case 'trackWorkspaceRoadmap':
      return vscode.l10n.t('Tracking progress on this workspace’s own roadmaps trusts their content, which Restricted Mode does not allow. Trust this workspace to use it.');
    case 'createNote':
      return vscode.l10n.t('Creating a note writes a file, which Restricted Mode does not allow. Trust this workspace to use it.');
    case 'createStarterProject':
      return vscode.l10n.t('Creating a starter project writes files, which Restricted Mode does not allow. Trust this workspace to use it.');
    case 'createRoadmap':
      return vscode.l10n.t('Creating a roadmap writes a file, which Restricted Mode does not allow. Trust this workspace to use it.');
    case 'exportProgress':
      return vscode.l10n.t('Exporting progress writes a file, which Restricted Mode does not allow. Trust this workspace to use it.');
    case 'runChecks':
      return vscode.l10n.t('Running checks runs the project’s code, which Restricted Mode does not allow. Trust this workspace to use it.');
    case 'exportCalendar':
      return vscode.l10n.t('Exporting a calendar writes a file, which Restricted Mode does not allow. Trust this workspace to use it.');
    case 'exportCards':
      return vscode.l10n.t('Exporting cards writes a file, which Restricted Mode does not allow. Trust this workspace to use it.');
  }
}

/**
 * Commands that write files call this first, so they refuse in Restricted Mode even when run
 * from the palette, a keybinding or another extension. Returns true when it refused.
 */
export function refuseInRestrictedMode(action: RestrictedAction): boolean {
  if (vscode.workspace.isTrusted) return false;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window.showWarningMessage(refusal(action), manage).then((choice) => {
    if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return true;
}

/** In Restricted Mode a workspace's own roadmaps are shown but not tracked: they are read-only. */
export function isReadOnlyRoadmap(roadmap: { readonly source: { readonly bundled: boolean } }): boolean {
  return !roadmap.source.bundled && !vscode.workspace.isTrusted;
}
