/**
 * The optional "explain it" cards (setting `review.topicCards`, off by default): one card per topic
 * of each finished task, answered by the learner's note for the task and the module's text. The
 * model makes them (`topicCards`); this file picks the tasks.
 */
import { taskKey } from '../model/ids';
import { isFinished } from '../model/progress';
import { topicCards } from '../model/review/topicCards';
import type { FoundCard } from '../model/review/identity';
import { tasksOf, type Roadmap, type Task, type TaskState } from '../model/types';
import type { CardIndex } from './cardIndex';

/** The topic cards of every finished task of the roadmaps. */
export function finishedTopicCards(roadmaps: readonly Roadmap[], stateOf: (task: Task) => TaskState, index: CardIndex): FoundCard[] {
  const cards: FoundCard[] = [];
  for (const roadmap of roadmaps) {
    for (const task of tasksOf(roadmap)) {
      if (task.topics.length === 0 || !isFinished(stateOf(task))) continue;
      const key = taskKey(roadmap.id, task.id);
      const module = task.module.implicit ? task.module.phase : task.module;
      const moduleText = [module.goal, module.description].filter(Boolean).join('\n\n');
      cards.push(...topicCards(key, task.topics, index.noteText(key), moduleText));
    }
  }
  return cards;
}
