/** Dashboard panels, one per roadmap, drawn again when that roadmap's progress changes. */
import * as vscode from 'vscode';
import { parseTaskKey, taskKey } from '../model/ids';
import { Module, Roadmap, Task, tasksOf } from '../model/types';
import type { Services } from '../services';
import { translate } from '../util/l10n';
import { createMarkdownRenderer, MarkdownRenderer } from '../webview/markdown';
import { PageHost, PagePanel } from '../webview/panel';
import { PagePanels } from '../webview/panels';
import { DASHBOARD_PAGE } from '../webview/pages';
import { evidenceState } from '../storage/checkStore';
import { burnUp } from '../model/plan/planner';
import { renderDashboard } from './render';
import type { ReviewSession } from '../review/session';
import { reviewFigures } from './reviewSection';

const RECENT_COUNT = 10;

export interface DashboardHost extends PageHost {
  readonly services: Services;
  readonly openModule: (module: Module) => Promise<void>;
  readonly revealTask: (task: Task) => Promise<void>;
  /** Review as this window sees it: the cards found in its notes, not every stored card. */
  readonly review: Pick<ReviewSession, 'state' | 'onDidChange'>;
}

const dashboardTitle = (roadmap: Roadmap): string => vscode.l10n.t('Dashboard: {0}', roadmap.title);

/** One dashboard per roadmap: the shared manager, every panel kept per roadmap. */
export class DashboardPanels extends PagePanels<Roadmap, DashboardPanel> {
  constructor(host: DashboardHost) {
    const md = createMarkdownRenderer();
    super({ kind: DASHBOARD_PAGE, host, key: (roadmap) => roadmap.id, title: dashboardTitle, create: (webviewPanel, roadmap) => new DashboardPanel(webviewPanel, roadmap, host, md) });
  }

  get(roadmapId: string): DashboardPanel | undefined {
    return this.all().find((panel) => panel.target.id === roadmapId);
  }
}

export class DashboardPanel extends PagePanel<Roadmap, 'continue'> {
  constructor(
    panel: vscode.WebviewPanel,
    roadmap: Roadmap,
    private readonly dashboard: DashboardHost,
    private readonly md: MarkdownRenderer,
  ) {
    super(panel, DASHBOARD_PAGE, dashboard, roadmap, 'perKey');
    const { tracker, plans, checks } = dashboard.services;
    // Whatever tells first, the page is drawn once, after all have told: a plan's schedule is
    // checked against the tracker's revision when read, so no listener needs to come before another.
    this.register(tracker.onDidChange((change) => change.roadmap === this.roadmap && this.renderSoon()));
    this.register(plans.onDidChange((roadmapId) => roadmapId === this.roadmap.id && this.renderSoon()));
    this.register(checks.onDidChange((key) => parseTaskKey(key)?.roadmapId === this.roadmap.id && this.renderSoon()));
    // A rating, a note's cards or a new day moves the forecast (and may move the plan's review minutes, which the plans tell too).
    this.register(dashboard.review.onDidChange(() => this.renderSoon()));
    this.register({ dispose: () => (this.renderPending = false) });
    this.render();
  }

  get roadmap(): Roadmap {
    return this.target;
  }

  private renderPending = false;

  /** Draws the page once the changes told in this turn are all told. */
  private renderSoon(): void {
    if (this.renderPending) return;
    this.renderPending = true;
    queueMicrotask(() => {
      // Closed meanwhile: nothing to draw.
      if (!this.renderPending) return;
      this.renderPending = false;
      this.render();
    });
  }

  render(): void {
    const { tracker, plans, checks } = this.dashboard.services;
    // Only evidence that still holds for the code as it is (not stale, not from before hashes), or that CI gave on a commit.
    const verified = tasksOf(this.roadmap).filter((task) => ['verified', 'ci'].includes(evidenceState(checks.get(taskKey(this.roadmap.id, task.id))) ?? '')).length;
    const schedule = plans.scheduleOf(this.roadmap);
    const progress = plans.progressOf(this.roadmap);
    const stored = plans.planOf(this.roadmap);
    const plan = schedule && progress ? { plan: schedule.plan, progress, burnUp: burnUp(schedule), plannedEnd: schedule.end, reviewMinutes: stored ? plans.reviewMinutesOf(stored) : 0 } : undefined;
    const review = reviewFigures(this.dashboard.review.state(), this.roadmap.id, Date.now());
    const recent = tasksOf(this.roadmap)
      .map((task) => ({ task, finishedAt: tracker.finishedAt(task) }))
      .filter((r): r is { task: Task; finishedAt: number } => r.finishedAt !== undefined)
      .sort((a, b) => b.finishedAt - a.finishedAt)
      .slice(0, RECENT_COUNT);
    this.panel.title = dashboardTitle(this.roadmap);
    this.setHtml((assets) => renderDashboard({ roadmap: this.roadmap, countsOf: (node) => tracker.countsOf(node), recent, next: tracker.nextTask(this.roadmap), verified, plan, review }, assets, this.md, translate));
  }

  protected async pageReady(): Promise<void> {
    // The dashboard is rendered whole on every change: nothing to bring up to date.
  }

  /** Continue is always offered: with nothing left, it does nothing. */
  protected offers(): boolean {
    return true;
  }

  protected async handle(): Promise<void> {
    const next = this.dashboard.services.tracker.nextTask(this.roadmap);
    if (next) {
      await this.dashboard.openModule(next.module);
      await this.dashboard.revealTask(next);
    }
  }
}
