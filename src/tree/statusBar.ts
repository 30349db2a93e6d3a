/**
 * The status bar item: progress of the roadmap in focus, and with a study plan whether it is on
 * track, ahead or behind; clicking it goes to the next task.
 */
import * as vscode from 'vscode';
import { Commands, Settings, settingId } from '../constants';
import { finished, percent } from '../model/progress';
import { Roadmap } from '../model/types';
import { ProgressTracker } from '../core/tracker';
import type { StudyPlans } from '../core/studyPlans';
import { planStatusText } from '../model/plan/status';
import { translate } from '../util/l10n';
import { Disposable } from '../util/disposable';

export class ProgressStatusBar extends Disposable {
  readonly item = this.register(vscode.window.createStatusBarItem('mlRoadmaps.progress', vscode.StatusBarAlignment.Left, 50));
  private roadmap: Roadmap | undefined;

  constructor(
    private readonly tracker: ProgressTracker,
    private readonly plans: StudyPlans,
  ) {
    super();
    this.item.name = vscode.l10n.t('ML Roadmaps Progress');
    this.item.command = Commands.nextTask;
    this.register(tracker.onDidChange((change) => change.roadmap === this.roadmap && this.update()));
    // A plan made, cleared or re-made, and a new day, move ahead/behind.
    this.register(plans.onDidChange((roadmapId) => roadmapId === this.roadmap?.id && this.update()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(settingId(Settings.showStatusBar)) && this.update()),
    );
  }

  show(roadmap: Roadmap | undefined): void {
    this.roadmap = roadmap;
    this.update();
  }

  private update(): void {
    const enabled = vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.showStatusBar, true);
    if (!this.roadmap || !enabled) {
      this.item.hide();
      return;
    }
    const counts = this.tracker.countsOf(this.roadmap);
    const plan = this.plans.planOf(this.roadmap);
    const progress = this.plans.progressOf(this.roadmap);
    const status = plan && progress ? planStatusText(plan, progress, translate) : undefined;
    this.item.text = `$(checklist) ${finished(counts)}/${counts.total} · ${percent(counts)}%${status ? ` · ${status}` : ''}`;
    const tooltip = vscode.l10n.t(
      '{0}: {1} done, {2} in progress, {3} skipped, {4} not started. Click for the next task.',
      this.roadmap.title,
      counts.done,
      counts.inProgress,
      counts.skipped,
      counts.notStarted,
    );
    this.item.tooltip = status && progress?.projectedFinish ? `${tooltip}\n${vscode.l10n.t('Study plan: {0}; projected finish {1}.', status, progress.projectedFinish)}` : tooltip;
    const label = vscode.l10n.t('{0} progress: {1} percent. Go to the next task.', this.roadmap.title, percent(counts));
    this.item.accessibilityInformation = { label: status ? `${label} ${vscode.l10n.t('Study plan: {0}.', status)}` : label };
    this.item.show();
  }
}
