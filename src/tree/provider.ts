/**
 * Adapts roadmaps to VS Code's tree: roadmap → phase → module → task. The model objects are the
 * tree's elements, so `reveal(task)` works with what every other part of the extension holds.
 * A roadmap with a study plan also has a This Week node first, whose rows point at tasks.
 */
import * as vscode from 'vscode';
import { Commands, TreeItemContext } from '../constants';
import { Counts, isFinished } from '../model/progress';
import { Container, isModule, isPhase, isRoadmap, isTask, Module, Phase, Roadmap, Task, TaskState } from '../model/types';
import { ProgressTracker, TrackerChange } from '../core/tracker';
import type { Schedule } from '../model/plan/planner';
import { thisWeek } from '../model/plan/planner';
import type { StudyPlans } from '../core/studyPlans';
import { isFailure, LoadFailure, RoadmapEntry } from '../core/catalog';
import type { RoadmapRegistry } from '../core/registry';
import { Disposable } from '../util/disposable';
import { isReadOnlyRoadmap } from '../util/trust';
import { STATE_ICONS, stateInText, stateLabel } from './states';
import { taskKey } from '../model/ids';
import { isTaskChild, isTopRow, PlannedTaskRow, ThisWeekNode, type TaskChild, type TopRow, type TreeElement } from './elements';
import { containerRow, holdsUnfinished } from './containerRow';
import { escapeMarkdown, tooltipLine } from './tooltipText';

/** A feature that adds rows under tasks. `count` must be cheap: it decides whether a task expands. */
export interface TaskChildSource {
  count(task: Task): number;
  children(task: Task): Promise<TaskChild[]>;
  /** Fires with the tasks whose rows changed, or undefined when any may have. */
  readonly onDidChange: vscode.Event<readonly Task[] | undefined>;
}

/** Words another feature adds to a task's row (checks 1/2): after its description, and in its tooltip. */
export interface TaskAnnotationSource {
  description(task: Task): string | undefined;
  /** Plain text; escaped for the tooltip's Markdown. */
  tooltip(task: Task): string | undefined;
  /** Fires with the tasks whose words changed, or undefined when any may have. */
  readonly onDidChange: vscode.Event<readonly Task[] | undefined>;
}

/** A feature's rows above the roadmaps (Review · 3 due). */
export interface TopRowSource {
  /** The rows now; none hides them. */
  rows(): readonly TopRow[];
  /** Fires with the rows to draw again, or undefined when rows come or go. */
  readonly onDidChange: vscode.Event<readonly TopRow[] | undefined>;
}

/** This Week shows at most this many rows, overdue ones first, like any other node. */
export const MAX_THIS_WEEK_ROWS = 100;

export class RoadmapTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeElement> {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<TreeElement | TreeElement[] | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private hideFinished: boolean;
  private readonly childSources: TaskChildSource[] = [];
  private readonly annotationSources: TaskAnnotationSource[] = [];
  private readonly topRowSources: TopRowSource[] = [];
  /** One This Week node per planned roadmap, so that the view knows it again after a refresh. */
  private readonly weeks = new Map<string, ThisWeekNode>();
  /** What the phases' and modules' due dates were drawn from, per roadmap id. */
  private readonly drawnDates = new Map<string, string>();

  constructor(
    private readonly registry: Pick<RoadmapRegistry, 'entries' | 'onDidChange'>,
    private readonly tracker: ProgressTracker,
    private readonly plans: StudyPlans,
    hideFinished: boolean,
  ) {
    super();
    this.hideFinished = hideFinished;
    this.register(tracker.onDidChange((change) => this.progressChanged(change)));
    this.register(registry.onDidChange(() => this.refresh()));
    // A plan made or cleared adds or removes This Week and every due date: draw it all again.
    this.register(plans.onDidChangePlans(() => this.refresh()));
    this.register(plans.onDidChange((roadmapId) => roadmapId !== undefined && this.scheduleChanged(roadmapId)));
  }

  addChildSource(source: TaskChildSource): vscode.Disposable {
    this.childSources.push(source);
    // Rows under a task change nothing above it: re-render just the tasks.
    const listener = source.onDidChange((tasks) => (tasks ? this.changeEmitter.fire([...tasks]) : this.refresh()));
    return new vscode.Disposable(() => {
      listener.dispose();
      this.childSources.splice(this.childSources.indexOf(source), 1);
    });
  }

  addAnnotationSource(source: TaskAnnotationSource): vscode.Disposable {
    this.annotationSources.push(source);
    const listener = source.onDidChange((tasks) => (tasks ? this.changeEmitter.fire([...tasks]) : this.refresh()));
    return new vscode.Disposable(() => {
      listener.dispose();
      this.annotationSources.splice(this.annotationSources.indexOf(source), 1);
    });
  }

  addTopRowSource(source: TopRowSource): vscode.Disposable {
    this.topRowSources.push(source);
    // A row that only changed its words is drawn again alone; one that came or went redraws the top.
    const listener = source.onDidChange((rows) => (rows ? this.changeEmitter.fire([...rows]) : this.refresh()));
    return new vscode.Disposable(() => {
      listener.dispose();
      this.topRowSources.splice(this.topRowSources.indexOf(source), 1);
    });
  }

  setHideFinished(hide: boolean): void {
    if (hide === this.hideFinished) return;
    this.hideFinished = hide;
    this.refresh();
  }

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  async getChildren(element?: TreeElement): Promise<TreeElement[]> {
    if (!element) {
      const entries = (await this.registry.entries()).filter((e) => isFailure(e) || this.visible(e));
      return [...this.topRowSources.flatMap((s) => s.rows()), ...entries];
    }
    if (isFailure(element) || isTaskChild(element) || isTopRow(element) || element instanceof PlannedTaskRow) return [];
    if (element instanceof ThisWeekNode) return this.thisWeekRows(element);
    if (isTask(element)) return (await Promise.all(this.childSources.map((s) => s.children(element)))).flat();
    const children = this.childrenOf(element).filter((child) => this.visible(child));
    const week = isRoadmap(element) ? this.thisWeekOf(element) : undefined;
    return week ? [week, ...children] : children;
  }

  getParent(element: TreeElement): TreeElement | undefined {
    if (isFailure(element) || isRoadmap(element) || isTopRow(element)) return undefined;
    if (element instanceof ThisWeekNode) return element.roadmap;
    if (element instanceof PlannedTaskRow) return element.week;
    if (isTaskChild(element)) return element.task;
    if (isPhase(element)) return element.roadmap;
    if (isModule(element)) return element.phase;
    const module = element.module;
    return module.implicit ? module.phase : module;
  }

  /**
   * Tooltips are Markdown built per row; VS Code asks for them on hover, so rows render without
   * them (a node with a hundred children sends a hundred fewer Markdown strings).
   */
  resolveTreeItem(item: vscode.TreeItem, element: TreeElement): vscode.TreeItem {
    if (isTask(element)) {
      const tooltip = taskTooltip(element, this.tracker.stateOf(element));
      for (const source of this.annotationSources) {
        const text = source.tooltip(element);
        if (text) tooltip.appendMarkdown(`\n\n${escapeMarkdown(text)}`);
      }
      item.tooltip = tooltip;
    } else if (isRoadmap(element) || isPhase(element) || isModule(element)) item.tooltip = containerTooltip(element, this.tracker.countsOf(element));
    return item;
  }

  getTreeItem(element: TreeElement): vscode.TreeItem {
    if (isFailure(element)) return failureItem(element);
    if (isTopRow(element)) return element.treeItem();
    if (element instanceof ThisWeekNode) return this.thisWeekItem(element);
    if (element instanceof PlannedTaskRow) return this.plannedTaskItem(element);
    if (isTaskChild(element)) return element.treeItem();
    if (isTask(element)) return this.taskItem(element);
    return this.containerItem(element);
  }

  private childrenOf(element: Roadmap | Phase | Module): TreeElement[] {
    if (isRoadmap(element)) return [...element.phases];
    if (isPhase(element)) {
      const [first] = element.modules;
      // A phase written without modules shows its tasks directly.
      return element.modules.length === 1 && first.implicit ? [...first.tasks] : [...element.modules];
    }
    return [...element.tasks];
  }

  private visible(element: RoadmapEntry | TreeElement): boolean {
    if (!this.hideFinished || isFailure(element)) return true;
    if (isTask(element)) return !isFinished(this.tracker.stateOf(element));
    return holdsUnfinished(this.tracker.countsOf(element as Container));
  }

  private containerItem(element: Roadmap | Phase | Module): vscode.TreeItem {
    const roadmap = isRoadmap(element) ? element : isPhase(element) ? element.roadmap : element.phase.roadmap;
    const id = isRoadmap(element) ? element.id : `${roadmap.id}/${element.id}`;
    const item = containerRow(id, element.title, this.tracker.countsOf(element), isRoadmap(element) ? 'map' : isPhase(element) ? 'milestone' : 'book');
    const schedule = this.plans.scheduleOf(roadmap);
    const span = schedule && (isPhase(element) ? schedule.phases.get(element) : isModule(element) ? schedule.modules.get(element) : undefined);
    if (span) item.description += ` · ${vscode.l10n.t('due {0}', span.end)}`;
    if (schedule && isRoadmap(element)) this.drawnDates.set(roadmap.id, datesKey(schedule));
    item.contextValue = isRoadmap(element) ? (this.plans.planOf(element) ? TreeItemContext.plannedRoadmap : TreeItemContext.roadmap) : isPhase(element) ? TreeItemContext.phase : TreeItemContext.module;
    // Modules, and phases that are their own module, open their page on click; phases with
    // modules only expand.
    const opensPage = isModule(element) || (isPhase(element) && element.modules.length === 1 && element.modules[0].implicit);
    if (opensPage) item.command = { command: Commands.openDetails, title: vscode.l10n.t('Open Details'), arguments: [element, { preserveFocus: true }] };
    return item;
  }

  private taskItem(task: Task): vscode.TreeItem {
    const state = this.tracker.stateOf(task);
    const roadmap = task.module.phase.roadmap;
    const readOnly = isReadOnlyRoadmap(roadmap);
    const hasChildren = this.childSources.some((s) => s.count(task) > 0);
    const item = new vscode.TreeItem(task.title, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = taskKey(roadmap.id, task.id);
    if (!readOnly) item.checkboxState = isFinished(state) ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    item.iconPath = STATE_ICONS[state];
    item.contextValue = readOnly ? TreeItemContext.readOnlyTask : TreeItemContext.task(state, task.kind);
    item.description = readOnly
      ? vscode.l10n.t('read-only in Restricted Mode')
      : [taskDescription(task, state), ...this.annotationSources.map((s) => s.description(task))].filter(Boolean).join(' · ');
    item.accessibilityInformation = {
      label: task.kind === 'project' ? vscode.l10n.t('{0}, project, {1}', task.title, stateLabel(state)) : vscode.l10n.t('{0}, {1}', task.title, stateLabel(state)),
    };
    return item;
  }

  /** A planned roadmap's This Week node, the same object while the roadmap is; undefined without a schedule. */
  thisWeekOf(roadmap: Roadmap): ThisWeekNode | undefined {
    if (!this.plans.scheduleOf(roadmap)) return undefined;
    let week = this.weeks.get(roadmap.id);
    if (!week || week.roadmap !== roadmap) this.weeks.set(roadmap.id, (week = new ThisWeekNode(roadmap)));
    return week;
  }

  private thisWeekRows(week: ThisWeekNode): PlannedTaskRow[] {
    const schedule = this.plans.scheduleOf(week.roadmap);
    if (!schedule) return [];
    const { tasks, overdue } = thisWeek(schedule);
    const rows = [...overdue.map((t) => new PlannedTaskRow(week, t.task, t, true)), ...tasks.map((t) => new PlannedTaskRow(week, t.task, t, false))];
    return rows.filter((row) => !this.hideFinished || !isFinished(this.tracker.stateOf(row.task))).slice(0, MAX_THIS_WEEK_ROWS);
  }

  private thisWeekItem(week: ThisWeekNode): vscode.TreeItem {
    const schedule = this.plans.scheduleOf(week.roadmap);
    const { tasks, overdue, weekStart, weekEnd, upcoming } = schedule ? thisWeek(schedule) : { tasks: [], overdue: [], weekStart: '', weekEnd: '', upcoming: false };
    const empty = tasks.length + overdue.length === 0;
    const item = new vscode.TreeItem(vscode.l10n.t('This Week'), empty ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded);
    item.id = `thisWeek:${week.roadmap.id}`;
    item.iconPath = new vscode.ThemeIcon('calendar');
    item.contextValue = TreeItemContext.thisWeek;
    const left = tasks.filter((t) => t.finishedDay === undefined).length;
    const counts = empty
      ? vscode.l10n.t('nothing planned')
      : overdue.length > 0
        ? vscode.l10n.t('{0} of {1} left · {2} overdue', left, tasks.length, overdue.length)
        : vscode.l10n.t('{0} of {1} left', left, tasks.length);
    // On a day off after the week's last study day the week shown is the coming one: say which.
    item.description = upcoming ? vscode.l10n.t('from {0} · {1}', weekStart, counts) : counts;
    item.tooltip = vscode.l10n.t('Tasks planned from {0} to {1}, and unfinished tasks whose planned end has passed.', weekStart, weekEnd);
    return item;
  }

  private plannedTaskItem(row: PlannedTaskRow): vscode.TreeItem {
    const { task, planned } = row;
    const state = this.tracker.stateOf(task);
    const roadmap = task.module.phase.roadmap;
    const item = new vscode.TreeItem(task.title, vscode.TreeItemCollapsibleState.None);
    item.id = `thisWeek:${roadmap.id}/${task.id}`;
    if (!isReadOnlyRoadmap(roadmap)) item.checkboxState = isFinished(state) ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    item.iconPath = row.overdue ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : STATE_ICONS[state];
    item.contextValue = TreeItemContext.plannedTask;
    const when = planned.start === planned.end ? planned.end : `${planned.start} – ${planned.end}`;
    item.description = row.overdue ? vscode.l10n.t('overdue, due {0}', planned.end) : isFinished(state) ? stateInText(state) : when;
    item.accessibilityInformation = {
      label: row.overdue ? vscode.l10n.t('{0}, {1}, overdue since {2}', task.title, stateLabel(state), planned.end) : vscode.l10n.t('{0}, {1}, planned {2}', task.title, stateLabel(state), when),
    };
    // Clicking goes to the task in its phase, where everything else about it is.
    item.command = { command: Commands.revealTask, title: vscode.l10n.t('Show Task in Tree'), arguments: [task] };
    return item;
  }

  /** A planned roadmap's progress or day changed: This Week again, and the due dates when they moved. */
  private scheduleChanged(roadmapId: string): void {
    const week = this.weeks.get(roadmapId);
    if (!week) return;
    const schedule = this.plans.scheduleOf(week.roadmap);
    const changed: TreeElement[] = [week];
    // Dates move only when tasks finished before the plan was made change state.
    if (schedule && this.drawnDates.get(roadmapId) !== datesKey(schedule)) changed.push(week.roadmap);
    this.changeEmitter.fire(changed);
  }

  /** Re-renders the changed tasks and their ancestors only, or everything after a bulk change. */
  private progressChanged(change: TrackerChange): void {
    if (!change.tasks || this.hideFinished) {
      // Hidden rows may need to appear or disappear: let the view ask again from the top.
      this.refresh();
      return;
    }
    this.fire(change.tasks);
  }

  /** Re-renders the given tasks and every container above them. */
  private fire(tasks: readonly Task[]): void {
    const changed = new Set<TreeElement>();
    for (const task of tasks) {
      changed.add(task);
      changed.add(task.module.phase);
      changed.add(task.module.phase.roadmap);
      if (!task.module.implicit) changed.add(task.module);
    }
    if (changed.size > 0) this.changeEmitter.fire([...changed]);
  }
}

/** What the drawn due dates depend on beside the plan: which tasks are history. */
function datesKey(schedule: Schedule): string {
  return `${schedule.history.length}:${schedule.end ?? ''}`;
}

function taskDescription(task: Task, state: TaskState): string {
  const parts: string[] = [];
  if (task.kind === 'project') parts.push(task.optional ? vscode.l10n.t('optional project') : vscode.l10n.t('project'));
  if (state === 'inProgress' || state === 'skipped') parts.push(stateInText(state));
  return parts.join(' · ');
}

function taskTooltip(task: Task, state: TaskState): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(vscode.l10n.t('**{0}** — {1}', escapeMarkdown(task.title), escapeMarkdown(stateLabel(state))));
  if (task.summary) md.appendMarkdown(`\n\n${tooltipLine(task.summary)}`);
  if (task.topics.length) md.appendMarkdown(`\n\n${task.topics.map((t) => `- ${tooltipLine(t)}`).join('\n')}`);
  md.appendMarkdown(`\n\n_${escapeMarkdown(task.module.implicit ? task.module.phase.title : `${task.module.phase.title} › ${task.module.title}`)}_`);
  return md;
}

function containerTooltip(element: Roadmap | Phase | Module, counts: Counts): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMarkdown(element.title)}**`);
  const meta = [element.duration, element.level].filter(Boolean).map((s) => escapeMarkdown(s!));
  if (meta.length) md.appendMarkdown(`\n\n${meta.join(' · ')}`);
  const goal = 'goal' in element ? element.goal : undefined;
  if (goal) md.appendMarkdown(`\n\n${vscode.l10n.t('**Goal:** {0}', tooltipLine(goal))}`);
  md.appendMarkdown(
    `\n\n${escapeMarkdown(vscode.l10n.t('{0} done · {1} in progress · {2} skipped · {3} not started', counts.done, counts.inProgress, counts.skipped, counts.notStarted))}`,
  );
  return md;
}

function failureItem(failure: LoadFailure): vscode.TreeItem {
  const [first] = failure.errors;
  const item = new vscode.TreeItem(vscode.l10n.t('{0} — failed to load', failure.source.label), vscode.TreeItemCollapsibleState.None);
  item.id = `failed:${failure.source.location}`;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  item.description = first ? vscode.l10n.t('line {0}: {1}', first.start.line, first.message) : undefined;
  item.contextValue = TreeItemContext.error;
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`${vscode.l10n.t('**{0}** could not be loaded:', escapeMarkdown(failure.source.label))}\n\n`);
  md.appendMarkdown(
    failure.errors
      .slice(0, 10)
      .map((e) => `- ${vscode.l10n.t('line {0}, column {1}: {2}', e.start.line, e.start.column, escapeMarkdown(e.path ? `${e.path}: ${e.message}` : e.message))}`)
      .join('\n'),
  );
  if (failure.errors.length > 10) md.appendMarkdown(`\n- ${vscode.l10n.t('… {0} more in the Problems panel', failure.errors.length - 10)}`);
  item.tooltip = md;
  item.command = { command: Commands.openRoadmapFile, title: vscode.l10n.t('Open Roadmap File'), arguments: [failure] };
  return item;
}
