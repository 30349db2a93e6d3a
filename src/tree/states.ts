import * as vscode from 'vscode';
import { Commands } from '../constants';
import { stateName, stateWord } from '../model/stateNames';
import { TaskState } from '../model/types';
import { translate } from '../util/l10n';

/** A state on its own, in the user's language: "Not started". */
export function stateLabel(state: TaskState): string {
  return stateName(state, translate);
}

/** A state inside a line of text, in the user's language: "not started". */
export function stateInText(state: TaskState): string {
  return stateWord(state, translate);
}

export const STATE_ICONS: Record<TaskState, vscode.ThemeIcon> = {
  notStarted: new vscode.ThemeIcon('circle-large-outline'),
  inProgress: new vscode.ThemeIcon('play-circle', new vscode.ThemeColor('charts.blue')),
  done: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  skipped: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
};

export const STATE_COMMANDS: Record<TaskState, string> = {
  notStarted: Commands.markNotStarted,
  inProgress: Commands.markInProgress,
  done: Commands.markDone,
  skipped: Commands.markSkipped,
};
