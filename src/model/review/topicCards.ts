/**
 * Optional "explain it" cards from a finished task's topics: one card per topic, its answer the
 * learner's own note for the task and the module's text. Their ids are made like every other
 * card's, from the task and the card's key (`topic:` and the topic), so they keep their schedule
 * when the note or the module's text changes. Pure.
 */
import { normalizeCardText, ParsedCard } from './cards';
import { FoundCard, identifyCards } from './identity';

const TOPIC_PREFIX = 'topic:';

/** The front of a topic card; the caller passes a localised one. */
export function defaultTopicFront(topic: string): string {
  return `Explain: ${topic}`;
}

/** The topic cards of one task; a topic repeated or blank makes no second card. */
export function topicCards(taskKey: string, topics: readonly string[], noteText: string, moduleText: string, frontOf: (topic: string) => string = defaultTopicFront): FoundCard[] {
  const back = [noteText.trim(), moduleText.trim()].filter((part) => part !== '').join('\n\n');
  const seen = new Set<string>();
  const cards: ParsedCard[] = [];
  for (const topic of topics) {
    const key = normalizeCardText(topic);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    cards.push({ kind: 'topic', reversed: false, front: frontOf(topic.trim()), back, line: 0, key: TOPIC_PREFIX + key });
  }
  return identifyCards(taskKey, cards);
}
