/**
 * What a tree command acts on, from the arguments VS Code hands it. Apart from the commands and
 * without `vscode`, so that these rules are unit-tested.
 */
import { isModule, isPhase, isRoadmap, isTask, rootOf, type Roadmap, type Task } from '../model/types';
import { modelOf, type TreeElement } from './elements';

/**
 * The tasks a state command applies to. From a row's menu VS Code passes the row clicked and, when
 * several rows are selected, the selection: a click inside the multi-selection acts on all of it,
 * a click outside it on the clicked row alone. From the palette or a keybinding nothing is passed,
 * and the view's selection counts.
 */
export function targetTasks(clicked: unknown, selected: unknown, viewSelection: readonly unknown[]): Task[] {
  const pool: readonly unknown[] = Array.isArray(selected) && selected.includes(clicked) ? selected : clicked ? [clicked] : viewSelection;
  // A This Week row stands for its task; tasks listed twice (in This Week and in place) count once.
  return [...new Set(pool.map((e) => (e instanceof Object ? modelOf(e as TreeElement) : e)).filter(isTask))];
}

/** Tasks by their roadmap, roadmaps in the order their first task came: progress is stored per roadmap, and a multi-selection may span several. */
export function byRoadmap(tasks: readonly Task[]): Map<Roadmap, Task[]> {
  const groups = new Map<Roadmap, Task[]>();
  for (const task of tasks) {
    const roadmap = rootOf(task);
    const group = groups.get(roadmap);
    if (group) group.push(task);
    else groups.set(roadmap, [task]);
  }
  return groups;
}

/** The roadmap a clicked roadmap, phase, module or task belongs to; undefined for anything else (a failed file's row, no row). */
export function roadmapClicked(clicked: unknown): Roadmap | undefined {
  return isRoadmap(clicked) || isPhase(clicked) || isModule(clicked) || isTask(clicked) ? rootOf(clicked) : undefined;
}
