/** What Search Tasks lists for each task: pure, so its text is unit-tested. */
import { stateWord } from '../model/stateNames';
import { Roadmap, Task, TaskState, tasksOf } from '../model/types';
import { english, type Translate } from '../util/translate';
import { taskKey } from '../model/ids';

export interface SearchEntry {
  readonly task: Task;
  /** `roadmap/task`, for running the command with a chosen task. */
  readonly key: string;
  readonly label: string;
  /** The state and the roadmap. */
  readonly description: string;
  /** Where it sits and what it covers: the quick pick matches on this too. */
  readonly detail: string;
  readonly state: TaskState;
}

export function searchEntries(roadmaps: readonly Roadmap[], stateOf: (task: Task) => TaskState, t: Translate = english): SearchEntry[] {
  return roadmaps.flatMap((roadmap) =>
    tasksOf(roadmap).map((task) => {
      const module = task.module;
      const where = module.implicit ? module.phase.title : `${module.phase.title} › ${module.title}`;
      const covers = [task.summary, ...task.topics].filter(Boolean).join(' · ');
      const state = stateOf(task);
      return {
        task,
        key: taskKey(roadmap.id, task.id),
        label: task.title,
        description: task.kind === 'project' ? t('{0} · project — {1}', stateWord(state, t), roadmap.title) : t('{0} — {1}', stateWord(state, t), roadmap.title),
        detail: covers ? `${where} — ${oneLine(covers)}` : where,
        state,
      };
    }),
  );
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
