/**
 * The details panels: one that follows the tree's selection, any number pinned to a module, all
 * restored after a reload and all kept in step with progress without reloading their HTML.
 * Loaded on first use (see `index.ts`), since it brings markdown-it.
 */
import * as vscode from 'vscode';
import { DETAILS_VIEW_TYPE } from '../constants';
import { taskKey } from '../model/ids';
import { Module, rootOf, Task } from '../model/types';
import { TrackerChange } from '../core/tracker';
import type { Services } from '../services';
import { Disposable } from '../util/disposable';
import { translate } from '../util/l10n';
import { createMarkdownRenderer, MarkdownRenderer } from '../webview/markdown';
import { createWebviewPanel, PageHost, WebviewPage } from '../webview/panel';
import { PageMessage, taskIdOf } from '../webview/protocol';
import { ActionContext, actionsFor, taskAction } from '../webview/taskActions';
import { modulePageOffers, renderModulePage } from './render';

export interface DetailsHost extends PageHost {
  readonly services: Services;
}

export class DetailsPanel extends WebviewPage {
  constructor(
    panel: vscode.WebviewPanel,
    public module: Module,
    public pinned: boolean,
    private readonly details: DetailsHost,
    private readonly md: MarkdownRenderer,
  ) {
    super(panel, details, 'details');
    this.register(details.services.tracker.onDidChange((change) => void this.progressChanged(change)));
    // Check results change the rows' contents, not just states: render the page again.
    this.register(details.services.checks.onDidChange((key) => this.module.tasks.some((t) => taskKey(rootOf(t).id, t.id) === key) && this.render()));
    // Trusting the workspace makes more actions runnable: offer them at once.
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.render()));
    this.render();
  }

  show(module: Module, preserveFocus: boolean): void {
    if (module !== this.module) {
      this.module = module;
      this.render();
    }
    this.panel.reveal(undefined, preserveFocus);
  }

  render(): void {
    const { tracker } = this.details.services;
    this.panel.title = `${this.pinned ? '📌 ' : ''}${this.module.implicit ? this.module.phase.title : this.module.title}`;
    this.setHtml((assets) =>
      renderModulePage(
        {
          module: this.module,
          stateOf: tracker.stateOf,
          counts: tracker.countsOf(this.module),
          actionsFor: (task) => actionsFor(task, this.actionContext()),
          checksOf: (task) => this.details.services.checks.get(taskKey(rootOf(task).id, task.id)),
          pinned: this.pinned,
        },
        assets,
        this.md,
        translate,
      ),
    );
  }

  protected async pageReady(): Promise<void> {
    // The page may have been rendered before a change landed; bring it up to date.
    await this.postStates(this.module.tasks);
  }

  protected offers(message: PageMessage): boolean {
    return modulePageOffers(message, this.module, (task) => actionsFor(task, this.actionContext()));
  }

  protected async handle(message: PageMessage): Promise<void> {
    const taskId = taskIdOf(message);
    const task = taskId === undefined ? undefined : this.taskOnPage(taskId);
    if (!task) return;
    if (message.type === 'setState') {
      await this.details.services.tracker.setState([task], message.state);
    } else if (message.type === 'taskAction') {
      await vscode.commands.executeCommand(taskAction(message.action).command, task);
    }
  }

  /** What decides the page's buttons: the workspace's trust, and whether this host has Node. */
  private actionContext(): ActionContext {
    return { trusted: vscode.workspace.isTrusted, host: this.details.services.platform.kind };
  }

  private taskOnPage(taskId: string): Task | undefined {
    return this.module.tasks.find((t) => t.id === taskId);
  }

  private async progressChanged(change: TrackerChange): Promise<void> {
    if (rootOf(this.module) !== change.roadmap) return;
    const tasks = change.tasks ? change.tasks.filter((t) => t.module === this.module) : this.module.tasks;
    if (tasks.length > 0) await this.postStates(tasks);
  }

  private async postStates(tasks: readonly Task[]): Promise<void> {
    const { tracker } = this.details.services;
    await this.post({ type: 'states', states: Object.fromEntries(tasks.map((t) => [t.id, tracker.stateOf(t)])), counts: tracker.countsOf(this.module) });
  }
}


/** Keeps the follow panel and the pinned ones, and creates, revives and finds them. */
export class DetailsPanels extends Disposable {
  private follow: DetailsPanel | undefined;
  private readonly pinned = new Set<DetailsPanel>();
  private readonly md = createMarkdownRenderer();

  constructor(private readonly host: DetailsHost) {
    super();
  }

  all(): DetailsPanel[] {
    return [...(this.follow ? [this.follow] : []), ...this.pinned];
  }

  /** Opens a module in the follow panel, or brings forward the pinned panel that shows it. */
  open(module: Module, options: { preserveFocus?: boolean; pinned?: boolean } = {}): DetailsPanel {
    const preserveFocus = options.preserveFocus ?? false;
    const pinned = [...this.pinned].find((p) => p.module === module);
    if (pinned) {
      pinned.show(module, preserveFocus);
      return pinned;
    }
    if (options.pinned) return this.create(this.newWebviewPanel(module, preserveFocus), module, true);
    if (this.follow) {
      this.follow.show(module, preserveFocus);
      return this.follow;
    }
    this.follow = this.create(this.newWebviewPanel(module, preserveFocus), module, false);
    return this.follow;
  }

  /** Follows the tree: updates the follow panel if one is open, without taking focus. */
  followSelection(module: Module): void {
    if (this.follow && this.follow.module !== module && !this.pinned.has(this.follow)) this.follow.show(module, true);
  }

  /** Keeps the panel's module; the next selection opens a new follow panel. */
  pin(panel: DetailsPanel | undefined = this.follow): DetailsPanel | undefined {
    if (!panel || panel.pinned) return panel;
    panel.pinned = true;
    this.pinned.add(panel);
    if (this.follow === panel) this.follow = undefined;
    panel.render();
    return panel;
  }

  active(): DetailsPanel | undefined {
    return this.all().find((p) => p.panel.active);
  }

  revive(webviewPanel: vscode.WebviewPanel, module: Module, pinned: boolean): DetailsPanel {
    const panel = this.create(webviewPanel, module, pinned);
    if (!pinned && !this.follow) this.follow = panel;
    return panel;
  }

  /** After the roadmaps were reloaded, point each panel at the fresh model or close it. */
  async rebind(find: (roadmapId: string, moduleId: string) => Promise<Module | undefined>): Promise<void> {
    for (const panel of this.all()) {
      const fresh = await find(rootOf(panel.module).id, panel.module.id);
      if (fresh) {
        panel.module = fresh;
        panel.render();
      } else {
        panel.dispose();
      }
    }
  }

  override dispose(): void {
    for (const panel of this.all()) panel.dispose();
    super.dispose();
  }

  private create(webviewPanel: vscode.WebviewPanel, module: Module, pinned: boolean): DetailsPanel {
    const panel = new DetailsPanel(webviewPanel, module, pinned, this.host, this.md);
    if (pinned) this.pinned.add(panel);
    panel.onDidDispose(() => {
      this.pinned.delete(panel);
      if (this.follow === panel) this.follow = undefined;
    });
    return panel;
  }

  private newWebviewPanel(module: Module, preserveFocus: boolean): vscode.WebviewPanel {
    return createWebviewPanel(DETAILS_VIEW_TYPE, module.title, this.host.extensionUri, { viewColumn: vscode.ViewColumn.Active, preserveFocus });
  }
}
