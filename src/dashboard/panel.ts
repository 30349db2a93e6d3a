/** Dashboard panels, one per roadmap, re-rendered when that roadmap's progress changes. */
import * as vscode from 'vscode';
import { DASHBOARD_VIEW_TYPE } from '../constants';
import { parseTaskKey, taskKey } from '../model/ids';
import { Module, Roadmap, Task, tasksOf } from '../model/types';
import type { Services } from '../services';
import { Disposable } from '../util/disposable';
import { translate } from '../util/l10n';
import { createMarkdownRenderer, MarkdownRenderer } from '../webview/markdown';
import { createWebviewPanel, PageHost, WebviewPage } from '../webview/panel';
import { PageMessage } from '../webview/protocol';
import { evidenceState } from '../storage/checkStore';
import { burnUp } from '../model/plan/planner';
import { renderDashboard } from './render';

const RECENT_COUNT = 10;

export interface DashboardHost extends PageHost {
  readonly services: Services;
  readonly openModule: (module: Module) => Promise<void>;
  readonly revealTask: (task: Task) => Promise<void>;
}

export class DashboardPanels extends Disposable {
  private readonly panels = new Map<string, DashboardPanel>();
  private readonly md: MarkdownRenderer = createMarkdownRenderer();

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
    const panel = webviewPanel ?? createWebviewPanel(DASHBOARD_VIEW_TYPE, '', this.host.extensionUri, { viewColumn: vscode.ViewColumn.Active });
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

export class DashboardPanel extends WebviewPage {
  constructor(
    panel: vscode.WebviewPanel,
    public roadmap: Roadmap,
    private readonly dashboard: DashboardHost,
    private readonly md: MarkdownRenderer,
  ) {
    super(panel, dashboard, 'dashboard');
    const { tracker, plans, checks } = dashboard.services;
    // A planned roadmap's changes, progress included, come through the plans (after its schedule is fresh).
    this.register(tracker.onDidChange((change) => change.roadmap === this.roadmap && !plans.planOf(this.roadmap) && this.render()));
    this.register(plans.onDidChange((roadmapId) => roadmapId === this.roadmap.id && this.render()));
    this.register(checks.onDidChange((key) => parseTaskKey(key)?.roadmapId === this.roadmap.id && this.render()));
    this.render();
  }

  setRoadmap(roadmap: Roadmap): void {
    this.roadmap = roadmap;
    this.render();
  }

  render(): void {
    const { tracker, plans, checks } = this.dashboard.services;
    // Only evidence that still holds for the code as it is: not stale, not from before hashes.
    const verified = tasksOf(this.roadmap).filter((task) => evidenceState(checks.get(taskKey(this.roadmap.id, task.id))) === 'verified').length;
    const schedule = plans.scheduleOf(this.roadmap);
    const progress = plans.progressOf(this.roadmap);
    const plan = schedule && progress ? { plan: schedule.plan, progress, burnUp: burnUp(schedule), plannedEnd: schedule.end } : undefined;
    const recent = tasksOf(this.roadmap)
      .map((task) => ({ task, finishedAt: tracker.finishedAt(task) }))
      .filter((r): r is { task: Task; finishedAt: number } => r.finishedAt !== undefined)
      .sort((a, b) => b.finishedAt - a.finishedAt)
      .slice(0, RECENT_COUNT);
    this.panel.title = vscode.l10n.t('Dashboard: {0}', this.roadmap.title);
    this.setHtml((assets) => renderDashboard({ roadmap: this.roadmap, countsOf: (node) => tracker.countsOf(node), recent, next: tracker.nextTask(this.roadmap), verified, plan }, assets, this.md, translate));
  }

  protected async pageReady(): Promise<void> {
    // The dashboard is rendered whole on every change: nothing to bring up to date.
  }

  /** The dashboard offers Continue and links only. */
  protected offers(message: PageMessage): boolean {
    return message.type === 'ready' || message.type === 'openLink' || message.type === 'continue';
  }

  protected async handle(message: PageMessage): Promise<void> {
    if (message.type !== 'continue') return;
    const next = this.dashboard.services.tracker.nextTask(this.roadmap);
    if (next) {
      await this.dashboard.openModule(next.module);
      await this.dashboard.revealTask(next);
    }
  }
}
