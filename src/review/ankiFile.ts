/**
 * Export Cards for Anki…: a roadmap's cards found in the notes, as a text file Anki's import reads
 * (the model writes it). The file is one the learner chose in the save dialog, which asks before
 * it hands back one that exists; a file handed to the command is written only when new.
 */
import * as vscode from 'vscode';
import { ankiCardOf, ankiExport, type AnkiCard } from '../model/review/anki';
import { parseTaskKey } from '../model/ids';
import type { Roadmap } from '../model/types';
import type { Services } from '../services';
import { refuseInRestrictedMode } from '../util/trust';
import { replaceFile, writeNew } from '../util/writeNew';
import type { NoteCard } from './cardIndex';

/** A roadmap's cards for Anki, tagged by the model with the roadmap and the task. */
export function ankiCardsOf(roadmapId: string, cards: readonly NoteCard[]): AnkiCard[] {
  return cards.filter((c) => parseTaskKey(c.found.taskKey)?.roadmapId === roadmapId).map((c) => ankiCardOf(c.found));
}

/** The file written, or undefined (refused, cancelled, nothing to export). */
export async function exportAnkiCards(services: Services, roadmap: Roadmap, cards: readonly NoteCard[], destination?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (refuseInRestrictedMode('exportCards')) return undefined;
  const anki = ankiCardsOf(roadmap.id, cards);
  if (anki.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No card of "{0}" was found in your notes. Write “Question::Answer” in a note about one of its tasks.', roadmap.title));
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? services.platform.homeFolder();
  const uri =
    destination ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${roadmap.id}-cards.txt`) : undefined,
      filters: { [vscode.l10n.t('Anki text')]: ['txt'] },
      saveLabel: vscode.l10n.t('Export'),
    }));
  if (!uri) return undefined;
  const text = ankiExport(anki);
  if (!(await (destination ? writeNew(uri, text) : replaceFile(uri, text)))) return undefined;
  services.log.info(`Exported ${anki.length} card(s) of ${roadmap.id} for Anki to ${uri.toString()}.`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} card(s) to {1}. In Anki: File › Import.', anki.length, vscode.workspace.asRelativePath(uri)));
  return uri;
}
