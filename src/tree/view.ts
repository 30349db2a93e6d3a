/**
 * The sidebar tree's view and its rows: all that the first step of start-up registers (see
 * extension.ts). What acts on the view (commands, the status bar, context keys) is registered in
 * the second step, in index.ts: every registration is a message the window handles before it can
 * ask for the first rows.
 */
import * as vscode from 'vscode';
import { Settings, TREE_VIEW_ID, TREE_VIEW_OPTIONS } from '../constants';
import { isFailure } from '../core/catalog';
import { isTask, Task } from '../model/types';
import type { Services } from '../services';
import { modelOf, RoadmapTreeProvider, TreeElement } from './provider';

export const HIDE_FINISHED_SETTING = 'tree.hideFinishedTasks';

export interface RoadmapTreeView {
  readonly provider: RoadmapTreeProvider;
  readonly view: vscode.TreeView<TreeElement>;
  /** Sets what happens when files or folders are dropped on a task (one handler: the links feature). */
  onDropUris(handler: (task: Task, uris: vscode.Uri[]) => Promise<void>): void;
}

const URI_LIST = 'text/uri-list';

export function registerTreeView(context: vscode.ExtensionContext, services: Services): RoadmapTreeView {
  const hideFinished = vscode.workspace.getConfiguration(Settings.section).get<boolean>(HIDE_FINISHED_SETTING, false);
  const provider = new RoadmapTreeProvider(services.registry, services.tracker, services.plans, hideFinished);
  let dropHandler: ((task: Task, uris: vscode.Uri[]) => Promise<void>) | undefined;
  const dragAndDropController: vscode.TreeDragAndDropController<TreeElement> = {
    dropMimeTypes: [URI_LIST],
    dragMimeTypes: [],
    async handleDrop(target, dataTransfer) {
      const model = target && modelOf(target);
      const task = isTask(model) ? model : undefined;
      const text = await dataTransfer.get(URI_LIST)?.asString();
      if (!text || !dropHandler) return;
      if (!task) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Drop folders on a task to link them to it.'));
        return;
      }
      await dropHandler(task, parseUriList(text));
    },
  };
  const view = vscode.window.createTreeView(TREE_VIEW_ID, { ...TREE_VIEW_OPTIONS, treeDataProvider: provider, dragAndDropController });
  context.subscriptions.push(provider, view);
  // A timer, so that the view's registration is on its way to the window first.
  const prepare = setTimeout(() => void prepareFirstRows(services), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(prepare) });
  return { provider, view, onDropUris: (handler) => (dropHandler = handler) };
}

/**
 * Builds and counts what the first rows show, answering nobody: the view's registration is
 * followed by the window's request for those rows, a round trip this thread would otherwise spend
 * waiting. The roll-ups and schedules are kept, so the rows then come at once.
 */
async function prepareFirstRows({ registry, tracker, plans }: Services): Promise<void> {
  for (const entry of await registry.shown()) {
    if (isFailure(entry)) continue;
    tracker.countsOf(entry);
    plans.scheduleOf(entry);
  }
}

/** `text/uri-list`: one URI per line, `#` lines are comments (RFC 2483). */
function parseUriList(text: string): vscode.Uri[] {
  const uris: vscode.Uri[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    try {
      uris.push(vscode.Uri.parse(trimmed, true));
    } catch {
      // Not a URI: ignore it, as other drop targets do.
    }
  }
  return uris;
}
