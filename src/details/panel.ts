/**
 * The details panels: the single one that follows the tree's selection, any number pinned to a
 * module (kept per module), all restored after a reload and all kept in step with progress
 * without reloading their HTML. Loaded on first use (see `index.ts`), since it brings markdown-it.
 */
import * as vscode from 'vscode';
import { Module, rootOf, Task } from '../model/types';
import { TrackerChange } from '../core/tracker';
import type { Services } from '../services';
import { translate } from '../util/l10n';
import { createMarkdownRenderer, MarkdownRenderer } from '../webview/markdown';
import { PageHost, PagePanel } from '../webview/panel';
import { PagePanels } from '../webview/panels';
import { DETAILS_PAGE, PanelMode } from '../webview/pages';
import { PageMessageOf } from '../webview/protocol';
import { taskKey } from '../model/ids';
import { ActionContext, actionsFor, taskAction } from '../webview/taskActions';
import { modulePageOffers, renderModulePage } from './render';

export interface DetailsHost extends PageHost {
  readonly services: Services;
}

type DetailsMessage = PageMessageOf<(typeof DETAILS_PAGE.messages)[number]>;

/** A pinned panel's title says so; a phase shown as its own module goes by the phase's title. */
function detailsTitle(module: Module, mode: PanelMode): string {
  return `${mode === 'perKey' ? '📌 ' : ''}${module.implicit ? module.phase.title : module.title}`;
}

export class DetailsPanel extends PagePanel<Module, DetailsMessage['type']> {
  constructor(
    panel: vscode.WebviewPanel,
    module: Module,
    mode: PanelMode,
    private readonly details: DetailsHost,
    private readonly md: MarkdownRenderer,
  ) {
    super(panel, DETAILS_PAGE, details, module, mode);
    this.register(details.services.tracker.onDidChange((change) => void this.progressChanged(change)));
    // Check results change the rows' contents, not just states: render the page again.
    this.register(details.services.checks.onDidChange((key) => this.target.tasks.some((t) => taskKey(rootOf(t).id, t.id) === key) && this.render()));
    // Trusting the workspace makes more actions runnable: offer them at once.
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.render()));
    this.render();
  }

  get module(): Module {
    return this.target;
  }

  /** A pinned panel keeps its module; the follow panel shows the tree's selection. */
  get pinned(): boolean {
    return this.mode === 'perKey';
  }

  render(): void {
    const { tracker } = this.details.services;
    const module = this.target;
    this.panel.title = detailsTitle(module, this.mode);
    this.setHtml((assets) =>
      renderModulePage(
        {
          module,
          stateOf: tracker.stateOf,
          counts: tracker.countsOf(module),
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
    await this.postStates(this.target.tasks);
  }

  protected offers(message: DetailsMessage): boolean {
    return modulePageOffers(message, this.target, (task) => actionsFor(task, this.actionContext()));
  }

  protected async handle(message: DetailsMessage): Promise<void> {
    const task = this.target.tasks.find((t) => t.id === message.taskId);
    if (!task) return;
    if (message.type === 'setState') {
      await this.details.services.tracker.setState([task], message.state);
    } else {
      await vscode.commands.executeCommand(taskAction(message.action).command, task);
    }
  }

  /** What decides the page's buttons: the workspace's trust, and whether this host has Node. */
  private actionContext(): ActionContext {
    return { trusted: vscode.workspace.isTrusted, host: this.details.services.platform.kind };
  }

  private async progressChanged(change: TrackerChange): Promise<void> {
    if (rootOf(this.target) !== change.roadmap) return;
    const tasks = change.tasks ? change.tasks.filter((t) => t.module === this.target) : this.target.tasks;
    if (tasks.length > 0) await this.postStates(tasks);
  }

  private async postStates(tasks: readonly Task[]): Promise<void> {
    const { tracker } = this.details.services;
    await this.post({ type: 'states', states: Object.fromEntries(tasks.map((t) => [t.id, tracker.stateOf(t)])), counts: tracker.countsOf(this.target) });
  }
}

/** The follow panel and the pinned ones: the shared manager, plus following the tree and pinning. */
export class DetailsPanels extends PagePanels<Module, DetailsPanel> {
  constructor(host: DetailsHost) {
    const md = createMarkdownRenderer();
    super({
      kind: DETAILS_PAGE,
      host,
      // The model's objects are fresh after every reload (see `rebind`): the module itself is its key.
      key: (module) => module,
      title: detailsTitle,
      create: (webviewPanel, module, mode) => new DetailsPanel(webviewPanel, module, mode, host, md),
    });
  }

  /** Follows the tree: shows the module in the follow panel if one is open, without taking focus. */
  followSelection(module: Module): void {
    const follow = this.single();
    if (follow && follow.target !== module) follow.show(module, true);
  }

  /** Keeps the panel's module; the next selection opens a new follow panel. */
  pin(panel: DetailsPanel | undefined = this.single()): DetailsPanel | undefined {
    if (!panel || panel.pinned) return panel;
    panel.mode = 'perKey';
    panel.render();
    return panel;
  }
}
