/** What the Review page and the session need from the rest of the extension: a task's place, the way to its module and note, and the write policy. */
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { parseTaskKey } from '../model/ids';
import { rootOf } from '../model/types';
import type { Services } from '../services';
import type { NoteCard } from './cardIndex';

/** Whether a task's review state may be written: not for a workspace roadmap in Restricted Mode (the write policy says so and why). */
function mayWrite(services: Services): (taskKey: string) => boolean {
  return (taskKey) => {
    const parsed = parseTaskKey(taskKey);
    const task = parsed && services.registry.peekTask(parsed.roadmapId, parsed.taskId);
    return !task || services.writes.mayWrite(rootOf(task));
  };
}

function actions(services: Services) {
  return {
    whereOf: (taskKey: string): string => {
      const parsed = parseTaskKey(taskKey);
      const task = parsed && services.registry.peekTask(parsed.roadmapId, parsed.taskId);
      if (!task) return taskKey;
      const module = task.module;
      return [rootOf(task).title, module.phase.title, ...(module.implicit ? [] : [module.title]), task.title].join(' › ');
    },
    openModule: async (taskKey: string): Promise<void> => {
      const parsed = parseTaskKey(taskKey);
      if (parsed) await vscode.commands.executeCommand(Commands.showTask, parsed.roadmapId, parsed.taskId);
    },
    openNote: async (card: NoteCard): Promise<void> => {
      const line = card.found.card.line;
      await vscode.window.showTextDocument(vscode.Uri.parse(card.note, true), { preview: false, selection: new vscode.Range(line, 0, line, 0) });
    },
  };
}

export const reviewHost = { mayWrite, actions };
