/**
 * The panels of one page kind, for every page: created, found, revived after a reload, pointed at
 * the fresh model when the roadmaps reload, and disposed. A panel is kept `perKey` (one per target:
 * a roadmap's dashboard, a pinned module) or is the `single` one that shows whatever it is given
 * (the details panel that follows the tree).
 */
import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import { createWebviewPanel, PageHost, PagePanel } from './panel';
import { PageKind, PanelMode } from './pages';
import type { PageMessageType } from './protocol';

export interface PanelsSpec<Target, Page> {
  readonly kind: PageKind<Target, unknown, PageMessageType>;
  readonly host: PageHost;
  /** What makes two targets the same for `perKey` panels, compared with `===` (a module, a roadmap's id). */
  readonly key: (target: Target) => unknown;
  /** The panel's title, given at creation so the tab has it at once; the page keeps it up to date. */
  readonly title: (target: Target, mode: PanelMode) => string;
  readonly create: (webviewPanel: vscode.WebviewPanel, target: Target, mode: PanelMode) => Page;
}

export class PagePanels<Target, Page extends PagePanel<Target, PageMessageType>> extends Disposable {
  private readonly pages = new Set<Page>();

  constructor(private readonly spec: PanelsSpec<Target, Page>) {
    super();
  }

  all(): Page[] {
    return [...this.pages];
  }

  /** The panel kept for this target, if any. */
  keptFor(target: Target): Page | undefined {
    const key = this.spec.key(target);
    return this.all().find((page) => page.mode === 'perKey' && this.spec.key(page.target) === key);
  }

  /** The panel that shows whatever it is given, if one is open. */
  single(): Page | undefined {
    return this.all().find((page) => page.mode === 'single');
  }

  active(): Page | undefined {
    return this.all().find((page) => page.panel.active);
  }

  /**
   * Brings forward the panel kept for the target; else, for `single`, shows the target in the
   * single panel; else opens a new panel.
   */
  open(target: Target, mode: PanelMode, preserveFocus = false): Page {
    const page = this.keptFor(target) ?? (mode === 'single' ? this.single() : undefined);
    if (page) {
      page.show(target, preserveFocus);
      return page;
    }
    const webviewPanel = createWebviewPanel(this.spec.kind.viewType, this.spec.title(target, mode), this.spec.host.extensionUri, { viewColumn: vscode.ViewColumn.Active, preserveFocus });
    return this.add(webviewPanel, target, mode);
  }

  /** A panel VS Code restored after a reload, with the target its saved state named. */
  revive(webviewPanel: vscode.WebviewPanel, target: Target, mode: PanelMode): Page {
    return this.add(webviewPanel, target, mode);
  }

  /** After the roadmaps were reloaded, point each panel at the fresh model, or close it if it is gone. */
  async rebind(find: (target: Target, mode: PanelMode) => Promise<Target | undefined>): Promise<void> {
    for (const page of this.all()) {
      const fresh = await find(page.target, page.mode);
      if (fresh) {
        page.target = fresh;
        page.render();
      } else {
        page.dispose();
      }
    }
  }

  override dispose(): void {
    for (const page of this.all()) page.dispose();
    super.dispose();
  }

  private add(webviewPanel: vscode.WebviewPanel, target: Target, mode: PanelMode): Page {
    const page = this.spec.create(webviewPanel, target, mode);
    this.pages.add(page);
    page.onDidDispose(() => this.pages.delete(page));
    return page;
  }
}
