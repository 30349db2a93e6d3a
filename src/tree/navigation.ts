/**
 * The roadmap in focus (the one the status bar shows and Next Task works in), and bringing a row
 * of the tree into view.
 */
import type { RoadmapRegistry } from '../core/registry';
import { rootOf, type Roadmap, type Task } from '../model/types';
import type { Log } from '../util/log';
import type { TreeElement } from './elements';
import type { ProgressStatusBar } from './statusBar';
import type { RoadmapTreeView } from './view';

/** How long a failed reveal waits before it tries again: longer than VS Code's 200 ms gathering of tree changes. */
const REVEAL_RETRY_MS = 300;

export class TreeNavigation {
  private focused: Roadmap | undefined;

  constructor(
    private readonly registry: RoadmapRegistry,
    private readonly tree: Pick<RoadmapTreeView, 'provider' | 'view'>,
    private readonly statusBar: ProgressStatusBar,
    private readonly log: Log,
  ) {}

  focus(roadmap: Roadmap | undefined): void {
    this.focused = roadmap;
    this.statusBar.show(roadmap);
  }

  /** The roadmap in focus; the first one loaded when none is, or when the one in focus is gone. */
  async focusedRoadmap(): Promise<Roadmap | undefined> {
    const roadmaps = await this.registry.roadmaps();
    if (this.focused && roadmaps.includes(this.focused)) return this.focused;
    this.focus(roadmaps[0]);
    return this.focused;
  }

  /** Selects a task in the view, opening the rows above it, and puts its roadmap in focus. */
  async reveal(task: Task): Promise<void> {
    this.focus(rootOf(task));
    try {
      await this.showPath(task);
    } catch (error) {
      // A reveal that met a redraw of the same rows fails; the view draws them again (view.ts),
      // after which the path is shown again, once.
      this.log.info(`Revealing ${rootOf(task).id}/${task.id} again: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, REVEAL_RETRY_MS));
      await this.showPath(task);
    }
  }

  private async showPath(task: Task): Promise<void> {
    const { provider, view } = this.tree;
    // The window drops a reveal without a word when it has not loaded the row's parents (seen
    // after refreshes); showing the path top-down first makes every step one it knows.
    const path: TreeElement[] = [];
    for (let node = provider.getParent(task); node; node = provider.getParent(node)) path.unshift(node);
    for (const node of path) await view.reveal(node, { select: false, focus: false, expand: true });
    await view.reveal(task, { select: true, focus: true, expand: true });
  }

  /** Opens a planned roadmap's This Week node, and the roadmap above it, without moving the focus. */
  async showThisWeek(roadmap: Roadmap): Promise<void> {
    const { provider, view } = this.tree;
    const week = provider.thisWeekOf(roadmap);
    if (!week) return;
    try {
      await view.reveal(roadmap, { select: false, focus: false, expand: true });
      await view.reveal(week, { select: false, focus: false, expand: true });
    } catch (error) {
      // The plan is saved all the same; the node can be opened by hand.
      this.log.warn(`Could not open This Week of ${roadmap.id}: ${(error as Error).message}`);
    }
  }
}
