/**
 * On the web, the commands that need a Node extension host (a shell, Python, child processes)
 * are hidden from the menus by `!mlRoadmaps.webWorkerHost`, but can still be reached: the
 * Command Palette, a keybinding, another extension. Each answers with a message that says why.
 */
import * as vscode from 'vscode';
import { Commands, ContextKeys } from '../constants';
import type { Services } from '../services';

/** Why each Node-only command cannot run on the web; shown as is (translated). */
function reasons(): ReadonlyMap<string, string> {
  return new Map([
    [
      Commands.openTerminalInLinkedFolder,
      vscode.l10n.t('A terminal needs a shell, which VS Code for the Web does not have. Open the folder in VS Code Desktop, VS Code Server or a Codespace to use one.'),
    ],
  ]);
}

/**
 * Registers the Node-only commands with their message, and every other command package.json
 * contributes that no feature registered on the web (a Node-only feature added later) with a
 * general one, so no command of ours is ever "not found". Each returns the message it showed.
 */
export function registerUnavailableOnWeb(context: vscode.ExtensionContext, services: Services): void {
  services.context.set(ContextKeys.webWorkerHost, true);
  const known = reasons();
  for (const [command, reason] of known) context.subscriptions.push(unavailable(command, reason, services));
  // After the features registered theirs (activate() has returned by then).
  void registerTheRest(context, services, known).catch((error: unknown) => services.log.error(`Registering the commands the web lacks failed: ${String(error)}`));
}

async function registerTheRest(context: vscode.ExtensionContext, services: Services, known: ReadonlyMap<string, string>): Promise<void> {
  const registered = new Set(await vscode.commands.getCommands(true));
  for (const { command, title } of contributedCommands(context)) {
    if (registered.has(command) || known.has(command)) continue;
    const reason = vscode.l10n.t('“{0}” needs VS Code Desktop, VS Code Server or a Codespace: it cannot run in VS Code for the Web.', title);
    context.subscriptions.push(unavailable(command, reason, services));
  }
}

function unavailable(command: string, reason: string, services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(command, () => {
    services.log.info(`${command} is not available in the web worker extension host.`);
    void vscode.window.showInformationMessage(vscode.l10n.t('ML Roadmaps: {0}', reason));
    return reason;
  });
}

/** The commands of package.json, with their (translated) titles. */
function contributedCommands(context: vscode.ExtensionContext): { command: string; title: string }[] {
  const manifest = context.extension.packageJSON as { contributes?: { commands?: unknown } };
  const commands = Array.isArray(manifest.contributes?.commands) ? (manifest.contributes.commands as unknown[]) : [];
  return commands.flatMap((entry) => {
    const { command, title } = (entry ?? {}) as { command?: unknown; title?: unknown };
    if (typeof command !== 'string') return [];
    return [{ command, title: typeof title === 'string' && !title.startsWith('%') ? title : command }];
  });
}
