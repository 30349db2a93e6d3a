/**
 * Asking: the questions Create Starter Project asks (which starter, the project's name, where,
 * whether to keep existing files), in the VS Code UI; integration tests answer them instead.
 */
import * as vscode from 'vscode';
import { translate } from '../util/l10n';
import type { Scaffold, ScaffoldChoice } from './catalog';
import { projectNameProblem } from './plan';
import { display } from './write';

const MAX_LISTED_FILES = 10;
/** The title of the command's questions. */
const questionTitle = (): string => vscode.l10n.t('Create Starter Project');

/** The questions the command asks; integration tests replace them with scripted answers. */
export interface ScaffoldPrompts {
  /** `choices` come recommended first. */
  pickScaffold(choices: readonly ScaffoldChoice[]): Promise<Scaffold | undefined>;
  projectName(defaultName: string): Promise<string | undefined>;
  /** `defaultFolder` is undefined when no workspace folder is open. */
  location(defaultFolder: vscode.Uri | undefined): Promise<vscode.Uri | undefined>;
  /** Whether to go on creating the other files when `existing` are already there. */
  confirmKeep(existing: readonly string[], toCreate: number): Promise<boolean>;
}

/** The default questions, in the VS Code UI. */
export const vscodePrompts: ScaffoldPrompts = {
  async pickScaffold(choices) {
    type Item = vscode.QuickPickItem & { scaffold?: Scaffold };
    const items: Item[] = [];
    const grouped = choices.some((c) => c.recommended);
    choices.forEach((choice, i) => {
      if (grouped && (i === 0 || choice.recommended !== choices[i - 1].recommended)) {
        items.push({ label: choice.recommended ? vscode.l10n.t('For this task') : vscode.l10n.t('Other starters'), kind: vscode.QuickPickItemKind.Separator });
      }
      const { title, description } = choice.scaffold.manifest;
      items.push({ label: title, description: vscode.l10n.t('for {0}', choice.serves.join('; ')), detail: description, scaffold: choice.scaffold });
    });
    const picked = await vscode.window.showQuickPick(items, {
      title: questionTitle(),
      placeHolder: vscode.l10n.t('Choose a starter project'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    return picked?.scaffold;
  },

  projectName(defaultName) {
    return Promise.resolve(
      vscode.window.showInputBox({
        title: questionTitle(),
        prompt: vscode.l10n.t('Name of the new project'),
        value: defaultName,
        validateInput: (value) => projectNameProblem(value, translate),
      }),
    );
  },

  async location(defaultFolder) {
    const chooseFolder = async () =>
      (
        await vscode.window.showOpenDialog({
          title: vscode.l10n.t('Choose the folder for the new project'),
          openLabel: vscode.l10n.t('Create Project Here'),
          canSelectFolders: true,
          canSelectFiles: false,
          canSelectMany: false,
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        })
      )?.[0];
    if (!defaultFolder) return chooseFolder();
    const items: (vscode.QuickPickItem & { folder?: vscode.Uri })[] = [
      { label: `$(folder) ${display(defaultFolder)}`, description: vscode.l10n.t('in this workspace'), folder: defaultFolder },
      { label: `$(folder-opened) ${vscode.l10n.t('Choose a folder…')}` },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: questionTitle(), placeHolder: vscode.l10n.t('Where should the project go?') });
    if (!picked) return undefined;
    return picked.folder ?? chooseFolder();
  },

  async confirmKeep(existing, toCreate) {
    const listed = existing.slice(0, MAX_LISTED_FILES).map((path) => `• ${path}`);
    if (existing.length > MAX_LISTED_FILES) listed.push(vscode.l10n.t('and {0} more', existing.length - MAX_LISTED_FILES));
    const create = vscode.l10n.t('Create the Others');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} file(s) of the starter already exist.', existing.length),
      { modal: true, detail: vscode.l10n.t('They will be kept untouched:\n{0}\n\nThe other {1} file(s) will be created.', listed.join('\n'), toCreate) },
      create,
    );
    return answer === create;
  },
};
