import * as vscode from 'vscode';
import { Commands } from '../constants';
import { TaskState } from '../model/types';

export const STATE_LABELS: Record<TaskState, string> = {
  notStarted: 'Not started',
  inProgress: 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};

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
