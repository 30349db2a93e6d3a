/**
 * Adapts roadmaps to VS Code's tree: roadmap → phase → module → task. The model objects are the
 * tree's elements, so `reveal(task)` works with what every other part of the extension holds.
 */
import * as vscode from 'vscode';
import { Commands, TreeItemContext } from '../constants';
import { Counts, formatCounts, isFinished } from '../model/progress';
import { Container, isModule, isPhase, isRoadmap, isTask, Module, Phase, Roadmap, Task, TaskState } from '../model/types';
import { ProgressTracker, TrackerChange } from '../progress/tracker';
import { isFailure, LoadFailure, RoadmapEntry } from '../core/catalog';
import type { RoadmapRegistry } from '../core/registry';
import { Disposable } from '../util/disposable';
import { isReadOnlyRoadmap } from '../util/trust';
import { STATE_ICONS, stateInText, stateLabel } from './states';

/** A row under a task that another feature contributes: a linked folder, a related note. */
export interface TaskChild {
  readonly task: Task;
  treeItem(): vscode.TreeItem;
}

/** A feature that adds rows under tasks. `count` must be cheap: it decides whether a task expands. */
export interface TaskChildSource {
  count(task: Task): number;
  children(task: Task): Promise<TaskChild[]>;
  /** Fires with the tasks whose rows changed, or undefined when any may have. */
  readonly onDidChange: vscode.Event<readonly Task[] | undefined>;
}

export type TreeElement = Roadmap | Phase | Module | Task | LoadFailure | TaskChild;

export function isTaskChild(element: unknown): element is TaskChild {
  return typeof element === 'object' && element !== null && 'task' in element && typeof (element as TaskChild).treeItem === 'function';
}

export class RoadmapTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeElement> {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<TreeElement | TreeElement[] | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private hideFinished: boolean;
  private readonly childSources: TaskChildSource[] = [];

  constructor(
    private readonly registry: Pick<RoadmapRegistry, 'entries' | 'onDidChange'>,
    private readonly tracker: ProgressTracker,
    hideFinished: boolean,
  ) {
    super();
    this.hideFinished = hideFinished;
    this.register(tracker.onDidChange((change) => this.progressChanged(change)));
    this.register(registry.onDidChange(() => this.refresh()));
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

  setHideFinished(hide: boolean): void {
    if (hide === this.hideFinished) return;
    this.hideFinished = hide;
    this.refresh();
  }

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  async getChildren(element?: TreeElement): Promise<TreeElement[]> {
    if (!element) return [...(await this.registry.entries())].filter((e) => isFailure(e) || this.visible(e));
    if (isFailure(element) || isTaskChild(element)) return [];
    if (isTask(element)) return (await Promise.all(this.childSources.map((s) => s.children(element)))).flat();
    return this.childrenOf(element).filter((child) => this.visible(child));
  }

  getParent(element: TreeElement): TreeElement | undefined {
    if (isFailure(element) || isRoadmap(element)) return undefined;
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
    if (isTask(element)) item.tooltip = taskTooltip(element, this.tracker.stateOf(element));
    else if (isRoadmap(element) || isPhase(element) || isModule(element)) item.tooltip = containerTooltip(element, this.tracker.countsOf(element));
    return item;
  }

  getTreeItem(element: TreeElement): vscode.TreeItem {
    if (isFailure(element)) return failureItem(element);
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
    // A container stays while it holds anything left to do; empty containers are shown as written.
    const counts = this.tracker.countsOf(element as Container);
    return counts.total === 0 || counts.done + counts.skipped < counts.total;
  }

  private containerItem(element: Roadmap | Phase | Module): vscode.TreeItem {
    const roadmap = isRoadmap(element) ? element : isPhase(element) ? element.roadmap : element.phase.roadmap;
    const counts = this.tracker.countsOf(element);
    const item = new vscode.TreeItem(element.title, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = isRoadmap(element) ? element.id : `${roadmap.id}/${element.id}`;
    item.description = formatCounts(counts);
    item.contextValue = isRoadmap(element) ? TreeItemContext.roadmap : isPhase(element) ? TreeItemContext.phase : TreeItemContext.module;
    item.iconPath = new vscode.ThemeIcon(isRoadmap(element) ? 'map' : isPhase(element) ? 'milestone' : 'book');
    item.accessibilityInformation = { label: vscode.l10n.t('{0}, {1} of {2} finished', element.title, counts.done + counts.skipped, counts.total) };
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
    item.id = `${roadmap.id}/${task.id}`;
    if (!readOnly) item.checkboxState = isFinished(state) ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    item.iconPath = STATE_ICONS[state];
    item.contextValue = readOnly ? TreeItemContext.readOnlyTask : TreeItemContext.task(state, task.kind);
    item.description = readOnly ? vscode.l10n.t('read-only in Restricted Mode') : taskDescription(task, state);
    item.accessibilityInformation = {
      label: task.kind === 'project' ? vscode.l10n.t('{0}, project, {1}', task.title, stateLabel(state)) : vscode.l10n.t('{0}, {1}', task.title, stateLabel(state)),
    };
    return item;
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

function taskDescription(task: Task, state: TaskState): string {
  const parts: string[] = [];
  if (task.kind === 'project') parts.push(task.optional ? vscode.l10n.t('optional project') : vscode.l10n.t('project'));
  if (state === 'inProgress' || state === 'skipped') parts.push(stateInText(state));
  return parts.join(' · ');
}

function taskTooltip(task: Task, state: TaskState): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(vscode.l10n.t('**{0}** — {1}', escapeMarkdown(task.title), escapeMarkdown(stateLabel(state))));
  if (task.summary) md.appendMarkdown(`\n\n${plainLine(task.summary)}`);
  if (task.topics.length) md.appendMarkdown(`\n\n${task.topics.map((t) => `- ${plainLine(t)}`).join('\n')}`);
  md.appendMarkdown(`\n\n_${escapeMarkdown(task.module.implicit ? task.module.phase.title : `${task.module.phase.title} › ${task.module.title}`)}_`);
  return md;
}

function containerTooltip(element: Roadmap | Phase | Module, counts: Counts): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMarkdown(element.title)}**`);
  const meta = [element.duration, element.level].filter(Boolean).map((s) => escapeMarkdown(s!));
  if (meta.length) md.appendMarkdown(`\n\n${meta.join(' · ')}`);
  const goal = 'goal' in element ? element.goal : undefined;
  if (goal) md.appendMarkdown(`\n\n${vscode.l10n.t('**Goal:** {0}', plainLine(goal))}`);
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

/** Tooltips are trusted-free Markdown: keep roadmap text from being read as markup or HTML. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** Markdown fields shown in a one-line context: keep emphasis, drop raw HTML. */
function plainLine(markdown: string): string {
  return markdown.replace(/</g, '&lt;').replace(/\s*\n\s*/g, ' ');
}
