/** Roadmaps of the user's own: New Roadmap… writes a commented starter file into the workspace. */
import * as vscode from 'vscode';
import { Commands, VIEW_CONTAINER_ID } from '../constants';
import { StorageKeys } from '../storage/memento';
import { WORKSPACE_ROADMAP_GLOB } from '../core/sources';
import type { Services } from '../services';
import { refuseInRestrictedMode } from '../util/trust';
import { translate } from '../util/l10n';
import { newRoadmapId, starterRoadmap } from './starter';

const SHOW_WORKSPACE_ROADMAPS_DELAY_MS = 1500;

export function registerRoadmapFiles(context: vscode.ExtensionContext, services: Services): void {
  // A workspace that brings its own roadmaps activates the extension (workspaceContains); show
  // them once, so its people see them without hunting for the view. Never again after that.
  // Looked for a moment after start-up, so the search does not compete with the first render.
  if (!context.workspaceState.get<boolean>(StorageKeys.shownWorkspaceRoadmaps)) {
    const showOnce = async () => {
      const found = await vscode.workspace.findFiles(WORKSPACE_ROADMAP_GLOB, undefined, 1);
      if (found.length === 0) return;
      await context.workspaceState.update(StorageKeys.shownWorkspaceRoadmaps, true);
      await vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER_ID}`);
    };
    const timer = setTimeout(() => void showOnce(), SHOW_WORKSPACE_ROADMAPS_DELAY_MS);
    context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.newRoadmap, async (titleArg?: unknown) => {
      if (refuseInRestrictedMode('createRoadmap')) return undefined;
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: your roadmaps live in its .vscode/roadmaps folder.'));
        return undefined;
      }
      const title =
        typeof titleArg === 'string'
          ? titleArg
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('New Roadmap'),
              prompt: vscode.l10n.t('The roadmap’s title; its id and file name are made from it.'),
              placeHolder: vscode.l10n.t('Computer Vision Study Plan'),
              validateInput: (value) => (newRoadmapId(value) ? undefined : vscode.l10n.t('Use at least one letter or digit.')),
            });
      const id = title ? newRoadmapId(title) : undefined;
      if (!title || !id) return undefined;
      const uri = vscode.Uri.joinPath(folder.uri, '.vscode', 'roadmaps', `${id}.roadmap.yaml`);
      try {
        await vscode.workspace.fs.stat(uri);
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists; it was opened, not replaced.', vscode.workspace.asRelativePath(uri)));
      } catch {
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starterRoadmap(id, title.trim(), translate)));
        services.log.info(`Created ${uri.toString()}.`);
        services.registry.scheduleReload();
      }
      await vscode.window.showTextDocument(uri, { preview: false });
      return uri;
    }),
  );
}
