/** Dashboard panels, one per roadmap, re-rendered when that roadmap's progress changes. */
import * as vscode from 'vscode';
import { DASHBOARD_VIEW_TYPE } from '../constants';
import { createMarkdownRenderer } from '../details/markdown';
import { pageAssets, webviewOptions } from '../details/panel';
import { parsePageMessage } from '../details/protocol';
import { Module, Roadmap, Task, tasksOf } from '../model/types';
import type { Services } from '../services';
import { Disposable } from '../util/disposable';
import { renderDashboard } from './render';
import { translate } from '../util/l10n';
import { recordModuleLoad } from '../util/loadLog';

recordModuleLoad('dashboard/panel');

const RECENT_COUNT = 10;

export interface DashboardHost {
  readonly services: Services;
  readonly extensionUri: vscode.Uri;
  readonly openModule: (module: Module) => Promise<void>;
  readonly revealTask: (task: Task) => Promise<void>;
}

export class DashboardPanels extends Disposable {
  private readonly panels = new Map<string, DashboardPanel>();
  private readonly md = createMarkdownRenderer();

  constructor(private readonly host: DashboardHost) {
    super();
  }

  get(roadmapId: string): DashboardPanel | undefined {
    return this.panels.get(roadmapId);
  }

  open(roadmap: Roadmap, webviewPanel?: vscode.WebviewPanel): DashboardPanel {
    const existing = this.panels.get(roadmap.id);
    if (existing && !webviewPanel) {
      existing.panel.reveal();
      return existing;
    }
    const panel = webviewPanel ?? vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, '', vscode.ViewColumn.Active, webviewOptions(this.host.extensionUri));
    panel.webview.options = webviewOptions(this.host.extensionUri);
    const dashboard = new DashboardPanel(panel, roadmap, this.host, this.md);
    this.panels.set(roadmap.id, dashboard);
    dashboard.onDidDispose(() => this.panels.get(roadmap.id) === dashboard && this.panels.delete(roadmap.id));
    return dashboard;
  }

  /** After a reload, render each dashboard from the fresh roadmap, or close it if it is gone. */
  rebind(roadmaps: readonly Roadmap[]): void {
    for (const [id, dashboard] of this.panels) {
      const fresh = roadmaps.find((r) => r.id === id);
      if (fresh) dashboard.setRoadmap(fresh);
      else dashboard.dispose();
    }
  }

  override dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    super.dispose();
  }
}

export class DashboardPanel extends Disposable {
  private readonly disposeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposeEmitter.event;
  renders = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    public roadmap: Roadmap,
    private readonly host: DashboardHost,
    private readonly md: ReturnType<typeof createMarkdownRenderer>,
  ) {
    super();
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register(panel.webview.onDidReceiveMessage((raw) => void this.receive(raw)));
    this.register(host.services.tracker.onDidChange((change) => change.roadmap === this.roadmap && this.render()));
    this.render();
  }

  override dispose(): void {
    this.disposeEmitter.fire();
    super.dispose();
    this.panel.dispose();
  }

  setRoadmap(roadmap: Roadmap): void {
    this.roadmap = roadmap;
    this.render();
  }

  render(): void {
    const { tracker } = this.host.services;
    const recent = tasksOf(this.roadmap)
      .map((task) => ({ task, finishedAt: tracker.finishedAt(task) }))
      .filter((r): r is { task: Task; finishedAt: number } => r.finishedAt !== undefined)
      .sort((a, b) => b.finishedAt - a.finishedAt)
      .slice(0, RECENT_COUNT);
    this.panel.title = vscode.l10n.t('Dashboard: {0}', this.roadmap.title);
    this.panel.webview.html = renderDashboard(
      { roadmap: this.roadmap, countsOf: (node) => tracker.countsOf(node), recent, next: tracker.nextTask(this.roadmap) },
      pageAssets(this.panel.webview, this.host.extensionUri),
      this.md,
      translate,
    );
    this.renders++;
  }

  /** Messages from the page, validated; the dashboard understands Continue and links only. */
  async receive(raw: unknown): Promise<boolean> {
    const message = parsePageMessage(raw);
    if (message?.type === 'ready') return true;
    if (message?.type === 'openLink') {
      await vscode.env.openExternal(vscode.Uri.parse(message.href, true));
      return true;
    }
    if (message?.type === 'continue') {
      const next = this.host.services.tracker.nextTask(this.roadmap);
      if (next) {
        await this.host.openModule(next.module);
        await this.host.revealTask(next);
      }
      return true;
    }
    this.host.services.log.warn(`Dropped a message from the dashboard that is not valid here: ${JSON.stringify(raw)?.slice(0, 200)}`);
    return false;
  }
}
