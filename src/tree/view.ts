/**
 * The sidebar tree's view: all that the first step of start-up registers (see extension.ts). Until
 * the tree is loaded it shows the first rows (firstRows.ts); the second step hands it the tree
 * (`attach`), whose rows replace them. What acts on the view (commands, the status bar, context
 * keys) is registered with the tree, in index.ts: every registration is a message the window
 * handles before it can ask for the first rows.
 */
import * as vscode from 'vscode';
import { TREE_VIEW_ID, TREE_VIEW_OPTIONS } from '../constants';
import { isRoadmap, isTask, Task } from '../model/types';
import { FirstRow, firstRowItem } from './firstRows';
import { modelOf, type TreeElement } from './elements';
import type { RoadmapTreeProvider } from './provider';

/** What the view shows: the tree's elements, and the first rows until the tree replaces them. */
export type ViewElement = TreeElement | FirstRow;

/** Whether a row is the tree's own: a first row is still in view until the window has the tree's. */
export function isTreeElement(element: ViewElement): element is TreeElement {
  return !(element instanceof FirstRow);
}

/** The view with the tree in it: what the second step's features act on. */
export interface RoadmapTreeView {
  readonly provider: RoadmapTreeProvider;
  readonly view: vscode.TreeView<ViewElement>;
  /** Sets what happens when files or folders are dropped on a task (one handler: the links feature). */
  onDropUris(handler: (task: Task, uris: vscode.Uri[]) => Promise<void>): void;
}

/** The view as the first step makes it. */
export interface FirstView {
  readonly view: vscode.TreeView<ViewElement>;
  /** Resolves once the first rows are drawn, or when there are none to draw. */
  readonly firstRowsDrawn: Promise<void>;
  /**
   * Resolves when the window asks for what only the tree can answer (a row expanded, a tooltip,
   * or the first rows when they cannot be drawn without it): the second step should not wait.
   */
  readonly treeWanted: Promise<void>;
  /** Hands the view to the tree, which answers every request from then on. */
  attach(provider: RoadmapTreeProvider): RoadmapTreeView;
}

const URI_LIST = 'text/uri-list';

/** `firstRows`: what firstRows.ts drew, or undefined when only the tree can draw them. */
export function registerTreeView(context: vscode.ExtensionContext, firstRows: Promise<readonly FirstRow[] | undefined>): FirstView {
  const rows = new ViewRows(firstRows);
  let dropHandler: ((task: Task, uris: vscode.Uri[]) => Promise<void>) | undefined;
  const dragAndDropController: vscode.TreeDragAndDropController<ViewElement> = {
    dropMimeTypes: [URI_LIST],
    dragMimeTypes: [],
    async handleDrop(target, dataTransfer) {
      // A first row is a roadmap: not something to drop on either.
      const model = target && isTreeElement(target) ? modelOf(target) : undefined;
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
  const view = vscode.window.createTreeView(TREE_VIEW_ID, { ...TREE_VIEW_OPTIONS, treeDataProvider: rows, dragAndDropController });
  context.subscriptions.push(rows, view);
  return {
    view,
    firstRowsDrawn: rows.firstRowsDrawn,
    treeWanted: rows.treeWanted,
    attach: (provider) => {
      rows.attach(provider);
      return { provider, view, onDropUris: (handler) => (dropHandler = handler) };
    },
  };
}

/** The view's data: the first rows until the tree is attached, the tree's from then on. */
class ViewRows implements vscode.TreeDataProvider<ViewElement>, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<ViewElement | ViewElement[] | undefined>();
  readonly onDidChangeTreeData = this.changes.event;
  private tree: RoadmapTreeProvider | undefined;
  private treeListener: vscode.Disposable | undefined;
  private attached!: (tree: RoadmapTreeProvider) => void;
  private readonly attachedTree = new Promise<RoadmapTreeProvider>((resolve) => (this.attached = resolve));
  private drawn!: () => void;
  readonly firstRowsDrawn = new Promise<void>((resolve) => (this.drawn = resolve));
  private wanted!: () => void;
  readonly treeWanted = new Promise<void>((resolve) => (this.wanted = resolve));
  /** Whether the view holds first rows that the tree's must replace. */
  private showsFirstRows = false;

  constructor(private readonly firstRows: Promise<readonly FirstRow[] | undefined>) {}

  attach(tree: RoadmapTreeProvider): void {
    this.tree = tree;
    this.treeListener = tree.onDidChangeTreeData((e) => this.changes.fire(e));
    this.attached(tree);
    if (this.showsFirstRows) this.changes.fire(undefined);
  }

  async getChildren(element?: ViewElement): Promise<ViewElement[]> {
    if (!element && !this.tree) {
      const rows = await this.firstRows;
      if (rows && !this.tree) {
        this.showsFirstRows = true;
        if (rows.length === 0) this.drawn();
        return [...rows];
      }
    }
    const tree = await this.whenAttached();
    if (!element) return tree.getChildren();
    const model = await this.treeElementOf(element);
    return model ? tree.getChildren(model) : [];
  }

  getTreeItem(element: ViewElement): vscode.TreeItem {
    if (isTreeElement(element)) return this.tree!.getTreeItem(element);
    this.drawn();
    return firstRowItem(element);
  }

  getParent(element: ViewElement): ViewElement | undefined {
    return isTreeElement(element) ? this.tree?.getParent(element) : undefined;
  }

  async resolveTreeItem(item: vscode.TreeItem, element: ViewElement): Promise<vscode.TreeItem> {
    const model = await this.treeElementOf(element);
    return model ? (await this.whenAttached()).resolveTreeItem(item, model) : item;
  }

  dispose(): void {
    this.treeListener?.dispose();
    this.changes.dispose();
  }

  /** What the tree has for a row: for a first row, its roadmap, once the tree is loaded. */
  private async treeElementOf(element: ViewElement): Promise<TreeElement | undefined> {
    if (isTreeElement(element)) return element;
    const roots = await (await this.whenAttached()).getChildren();
    return roots.find((root) => isRoadmap(root) && root.id === element.id);
  }

  private whenAttached(): Promise<RoadmapTreeProvider> {
    if (!this.tree) this.wanted();
    return this.attachedTree;
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
