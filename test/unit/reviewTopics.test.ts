/** The optional topic cards (src/review/topics.ts): finished tasks only, one card per topic, no note to open. */
import * as assert from 'assert';
import { CardIndex } from '../../src/review/cardIndex';
import { finishedTopicCards } from '../../src/review/topics';
import { tasksOf, type Task, type TaskState } from '../../src/model/types';
import { loadBundled } from './helpers';

suite('Review: topic cards', () => {
  test('Only finished tasks with topics give cards, one per topic, answered by the task’s note', () => {
    const roadmap = loadBundled('machine-learning-course.yaml');
    const withTopics = tasksOf(roadmap).filter((t) => t.topics.length > 0);
    assert.ok(withTopics.length > 0, 'the roadmap has topics');
    const [finished] = withTopics;
    const stateOf = (task: Task): TaskState => (task === finished ? 'done' : 'notStarted');
    const index = new CardIndex();
    index.setNote('file:///n.md', [`${roadmap.id}/${finished.id}`], 'My own words about it.\n');
    const cards = finishedTopicCards([roadmap], stateOf, index);
    assert.strictEqual(cards.length, finished.topics.length);
    assert.ok(cards.every((c) => c.taskKey === `${roadmap.id}/${finished.id}` && c.card.kind === 'topic' && c.card.back.includes('My own words')));
    assert.ok(index.setTopicCards(cards));
    assert.strictEqual(index.setTopicCards(cards), false, 'the same cards change nothing');
    assert.strictEqual(index.card(cards[0].id)?.note, '');
    assert.ok(index.setTopicCards([]));
    assert.strictEqual(index.card(cards[0].id), undefined);
  });
});
