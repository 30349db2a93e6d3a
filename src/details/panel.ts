/**
 * The details panels: one that follows the tree's selection, any number pinned to a module, all
 * restored after a reload and all kept in step with progress without reloading their HTML.
 * Loaded on first use (see `index.ts`), since it brings markdown-it.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { Commands, DETAILS_VIEW_TYPE } from '../constants';
import { formatCounts } from '../model/progress';
import { Module, Task } from '../model/types';
import { rootOf, TrackerChange } from '../progress/tracker';
import type { Services } from '../services';
import { Disposable } from '../util/disposable';
import { isReadOnlyRoadmap, refuseInRestrictedMode } from '../util/trust';
import { createMarkdownRenderer, MarkdownRenderer } from './markdown';
import { PageMessage, parsePageMessage, TaskAction } from './protocol';
import { PageAssets, renderModulePage } from './render';
import { translate } from '../util/l10n';
import { recordModuleLoad } from '../util/loadLog';

recordModuleLoad('details/panel (markdown-it)');

export interface DetailsHost {
  readonly services: Services;
  readonly extensionUri: vscode.Uri;
  /** Shows a task in the tree; owned by the tree feature. */
  readonly revealTask: (task: Task) => Promise<void>;
  /** Actions other features offer on a task, for its buttons on the page. */
  readonly taskActions: (task: Task) => readonly TaskAction[];
}

export class DetailsPanel extends Disposable {
  private readonly disposeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposeEmitter.event;
  /** The last message sent to the page and whether VS Code delivered it; tests read these. */
  lastPosted: { message: unknown; delivered: boolean } | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    public module: Module,
    public pinned: boolean,
    private readonly host: DetailsHost,
    private readonly md: MarkdownRenderer,
  ) {
    super();
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register(panel.webview.onDidReceiveMessage((raw) => void this.receive(raw)));
    this.register(host.services.tracker.onDidChange((change) => void this.progressChanged(change)));
    this.render();
  }

  override dispose(): void {
    this.disposeEmitter.fire();
    super.dispose();
    this.panel.dispose();
  }

  show(module: Module, preserveFocus: boolean): void {
    if (module !== this.module) {
      this.module = module;
      this.render();
    }
    this.panel.reveal(undefined, preserveFocus);
  }

  render(): void {
    const { tracker } = this.host.services;
    const webview = this.panel.webview;
    const assets = pageAssets(webview, this.host.extensionUri);
    this.panel.title = `${this.pinned ? '📌 ' : ''}${this.module.implicit ? this.module.phase.title : this.module.title}`;
    webview.html = renderModulePage(
      { module: this.module, stateOf: tracker.stateOf, counts: tracker.countsOf(this.module), actionsFor: this.host.taskActions, pinned: this.pinned },
      assets,
      this.md,
      translate,
    );
  }

  /** Every message from the page arrives here, checked before anything acts on it. */
  async receive(raw: unknown): Promise<boolean> {
    const message = parsePageMessage(raw);
    const task = message && 'taskId' in message ? this.module.tasks.find((t) => t.id === message.taskId) : undefined;
    if (!message || ('taskId' in message && !task)) {
      this.host.services.log.warn(`Dropped a message from the details page that is not valid here: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return false;
    }
    await this.handle(message, task);
    return true;
  }

  private async handle(message: PageMessage, task: Task | undefined): Promise<void> {
    switch (message.type) {
      case 'ready':
        // The page may have been rendered before a change landed; bring it up to date.
        await this.postStates(this.module.tasks);
        return;
      case 'setState':
        if (isReadOnlyRoadmap(rootOf(task!))) refuseInRestrictedMode('trackWorkspaceRoadmap');
        else await this.host.services.tracker.setState([task!], message.state);
        return;
      case 'openLink':
        await vscode.env.openExternal(vscode.Uri.parse(message.href, true));
        return;
      case 'taskAction':
        if (message.action === 'reveal') await this.host.revealTask(task!);
        else await vscode.commands.executeCommand(ACTION_COMMANDS[message.action], task);
        return;
      default:
        return;
    }
  }

  private async progressChanged(change: TrackerChange): Promise<void> {
    if (rootOf(this.module) !== change.roadmap) return;
    const tasks = change.tasks ? change.tasks.filter((t) => t.module === this.module) : this.module.tasks;
    if (tasks.length > 0) await this.postStates(tasks);
  }

  private async postStates(tasks: readonly Task[]): Promise<void> {
    const { tracker } = this.host.services;
    const message = {
      type: 'states',
      states: Object.fromEntries(tasks.map((t) => [t.id, tracker.stateOf(t)])),
      summary: formatCounts(tracker.countsOf(this.module)),
    };
    const delivered = await this.panel.webview.postMessage(message);
    this.lastPosted = { message, delivered };
  }
}

const ACTION_COMMANDS: Record<Exclude<TaskAction, 'reveal'>, string> = {
  openNotes: Commands.openNotes,
  createProject: Commands.createStarterProject,
  linkFolder: Commands.linkFolder,
};

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
    webviewPanel.webview.options = webviewOptions(this.host.extensionUri);
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
    return vscode.window.createWebviewPanel(DETAILS_VIEW_TYPE, module.title, { viewColumn: vscode.ViewColumn.Active, preserveFocus }, webviewOptions(this.host.extensionUri));
  }
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    retainContextWhenHidden: false,
    enableFindWidget: true,
  };
}

/** The page's script and stylesheet as webview URIs, and a fresh nonce for this render. */
export function pageAssets(webview: vscode.Webview, extensionUri: vscode.Uri): PageAssets {
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  return {
    cspSource: webview.cspSource,
    nonce: nonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'details.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'details.css')).toString(),
  };
}

/** A fresh, unguessable nonce per render, so no script but ours can run in the page. */
export function nonce(): string {
  return randomBytes(16).toString('hex');
}
