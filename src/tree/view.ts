/**
 * The sidebar tree's view. It is made before the tree is loaded (see extension.ts): until the tree
 * is attached it shows the provisional rows it was given, if any, and the tree's rows replace them.
 * What acts on the view (commands, the status bar, context keys) is registered with the tree, in
 * index.ts.
 */
import * as vscode from 'vscode';
import { TREE_VIEW_ID, TREE_VIEW_OPTIONS } from '../constants';
import { isRoadmap } from '../model/types';
import type { TreeElement } from './elements';
import type { RoadmapTreeProvider } from './provider';

/**
 * Rows the view shows until the tree is attached: one per roadmap, each a tree item whose `id` is
 * its roadmap's id, drawn the way the tree draws that roadmap.
 */
export interface ProvisionalRows {
  /** The rows, or undefined when only the tree can draw them. */
  readonly items: Promise<readonly vscode.TreeItem[] | undefined>;
  /** Told once the view has drawn them (or there were none to draw). */
  drawn(): void;
  /** Told when the view asks for what only the tree has: a row expanded, a tooltip, or the rows themselves. */
  wanted(): void;
}

/**
 * A provisional row in the view, until the tree's replaces it. Told apart from the tree's elements
 * by its shape, not by `instanceof`: start-up and the rest of the extension are bundles that share
 * no module (esbuild.js), so each has its own copy of this file.
 */
interface ProvisionalRow {
  readonly provisionalItem: vscode.TreeItem;
}

/** What the view shows: the tree's elements, and provisional rows until the tree replaces them. */
export type ViewElement = TreeElement | ProvisionalRow;

/** Whether a row is the tree's own: a provisional row is still in view until the window has the tree's. */
export function isTreeElement(element: ViewElement): element is TreeElement {
  return !('provisionalItem' in element);
}

/** The view with the tree in it: what the features act on. */
export interface RoadmapTreeView {
  readonly provider: RoadmapTreeProvider;
  readonly view: vscode.TreeView<ViewElement>;
  /**
   * Sets what happens when files or folders are dropped on a row of the tree (one handler: the
   * links feature); `target` is undefined for the view's empty space or a provisional row.
   */
  onDrop(this: void, handler: (target: TreeElement | undefined, uris: vscode.Uri[]) => Promise<void>): void;
}

/** The view before the tree is in it. */
export interface PendingTreeView {
  readonly view: vscode.TreeView<ViewElement>;
  /** Hands the view to the tree, which answers every request from then on. */
  attach(provider: RoadmapTreeProvider): RoadmapTreeView;
}

const URI_LIST = 'text/uri-list';
/** The key of the view's top level, which has no element. */
const ROOTS = Symbol('roots');

export function registerTreeView(context: vscode.ExtensionContext, provisional?: ProvisionalRows): PendingTreeView {
  const rows = new ViewRows(provisional);
  let dropHandler: ((target: TreeElement | undefined, uris: vscode.Uri[]) => Promise<void>) | undefined;
  const dragAndDropController: vscode.TreeDragAndDropController<ViewElement> = {
    dropMimeTypes: [URI_LIST],
    dragMimeTypes: [],
    async handleDrop(target, dataTransfer) {
      const text = await dataTransfer.get(URI_LIST)?.asString();
      if (!text || !dropHandler) return;
      // A provisional row is a roadmap: not something to drop on either.
      await dropHandler(target && isTreeElement(target) ? target : undefined, parseUriList(text));
    },
  };
  const view = vscode.window.createTreeView(TREE_VIEW_ID, { ...TREE_VIEW_OPTIONS, treeDataProvider: rows, dragAndDropController });
  context.subscriptions.push(rows, view);
  return {
    view,
    attach: (provider) => {
      rows.attach(provider);
      return { provider, view, onDrop: (handler) => (dropHandler = handler) };
    },
  };
}

/** The view's data: the provisional rows until the tree is attached, the tree's from then on. */
class ViewRows implements vscode.TreeDataProvider<ViewElement>, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<ViewElement | ViewElement[] | undefined>();
  readonly onDidChangeTreeData = this.changes.event;
  private tree: RoadmapTreeProvider | undefined;
  private treeListener: vscode.Disposable | undefined;
  private attached!: (tree: RoadmapTreeProvider) => void;
  private readonly attachedTree = new Promise<RoadmapTreeProvider>((resolve) => (this.attached = resolve));
  /** Whether the view holds provisional rows that the tree's must replace. */
  private showsProvisional = false;
  /** How many fetches of each row's children are under way; the roots' under `ROOTS`. */
  private readonly fetching = new Map<ViewElement | typeof ROOTS, number>();
  /** Rows whose children two fetches asked for at once: drawn again once the last one is done. */
  private readonly overlapped = new Set<ViewElement | typeof ROOTS>();

  constructor(private readonly provisional: ProvisionalRows | undefined) {}

  attach(tree: RoadmapTreeProvider): void {
    this.tree = tree;
    this.treeListener = tree.onDidChangeTreeData((e) => this.changes.fire(e));
    this.attached(tree);
    if (this.showsProvisional) this.changes.fire(undefined);
  }

  /**
   * The window and a reveal can fetch one row's children at the same time (a reveal during a
   * redraw). The window's tree then refuses the later fetch ("Element with id … is already
   * registered") and keeps rows that no longer match; a reveal that meets it fails. Both fetches
   * come here, so an overlap is seen, and the row is drawn again once both are done, which
   * makes the window fetch its children once more, alone.
   */
  async getChildren(element?: ViewElement): Promise<ViewElement[]> {
    const key = element ?? ROOTS;
    const under = (this.fetching.get(key) ?? 0) + 1;
    this.fetching.set(key, under);
    if (under > 1) this.overlapped.add(key);
    try {
      return await this.childrenOf(element);
    } finally {
      // The window registers the rows a few microtasks after they are returned: count them as fetching until then.
      setTimeout(() => this.fetchEnded(key), 0);
    }
  }

  private fetchEnded(key: ViewElement | typeof ROOTS): void {
    const under = (this.fetching.get(key) ?? 1) - 1;
    if (under > 0) return void this.fetching.set(key, under);
    this.fetching.delete(key);
    if (this.overlapped.delete(key)) this.changes.fire(key === ROOTS ? undefined : [key]);
  }

  private async childrenOf(element: ViewElement | undefined): Promise<ViewElement[]> {
    if (!element && !this.tree && this.provisional) {
      const items = await this.provisional.items;
      if (items && !this.tree) {
        this.showsProvisional = true;
        if (items.length === 0) this.provisional.drawn();
        return items.map((item): ProvisionalRow => ({ provisionalItem: item }));
      }
    }
    const tree = await this.whenAttached();
    if (!element) return tree.getChildren();
    const model = await this.treeElementOf(element);
    return model ? tree.getChildren(model) : [];
  }

  getTreeItem(element: ViewElement): vscode.TreeItem {
    if (isTreeElement(element)) return this.tree!.getTreeItem(element);
    this.provisional?.drawn();
    return element.provisionalItem;
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

  /** What the tree has for a row: for a provisional row, its roadmap, once the tree is loaded. */
  private async treeElementOf(element: ViewElement): Promise<TreeElement | undefined> {
    if (isTreeElement(element)) return element;
    const roots = await (await this.whenAttached()).getChildren();
    return roots.find((root) => isRoadmap(root) && root.id === element.provisionalItem.id);
  }

  private whenAttached(): Promise<RoadmapTreeProvider> {
    if (!this.tree) this.provisional?.wanted();
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
