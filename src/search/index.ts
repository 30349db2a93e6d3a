/** Search Tasks: one quick pick over every task of every roadmap, by title, topic and module. */
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { DetailsFeature } from '../details';
import type { Services } from '../services';
import type { RoadmapTree } from '../tree';
import { STATE_ICONS } from '../tree/states';
import { translate } from '../util/l10n';
import { SearchEntry, searchEntries } from './items';

export function registerSearch(context: vscode.ExtensionContext, services: Services, tree: RoadmapTree, details: DetailsFeature): void {
  const open = async (entry: SearchEntry) => {
    await details.open(entry.task.module, { preserveFocus: true });
    await tree.reveal(entry.task);
  };

  context.subscriptions.push(
    // A `roadmap/task` argument skips the picker, for keybindings and tests.
    vscode.commands.registerCommand(Commands.searchTasks, async (key?: unknown) => {
      const entries = searchEntries(await services.registry.roadmaps(), services.tracker.stateOf, translate);
      if (typeof key === 'string') {
        const entry = entries.find((e) => e.key === key);
        if (entry) await open(entry);
        return entry?.task;
      }
      const items = entries.map((entry) => ({ label: entry.label, description: entry.description, detail: entry.detail, iconPath: STATE_ICONS[entry.state], entry }));
      const picked = await vscode.window.showQuickPick(items, {
        title: vscode.l10n.t('Search Tasks'),
        placeHolder: vscode.l10n.t('Type a task, a topic or a module'),
        matchOnDescription: true,
        matchOnDetail: true,
      });
      if (!picked) return undefined;
      await open(picked.entry);
      return picked.entry.task;
    }),
  );
}
