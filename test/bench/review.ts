/**
 * Spaced review in pure node (row 9): finding the cards of 10,000 cards' worth of notes from
 * scratch, re-scanning one edited note, and building today's queue.
 */
import { parseCards } from '../../src/model/review/cards';
import { FoundCard, identifyCards, reconcile, reconcileTasks } from '../../src/model/review/identity';
import { buildQueue } from '../../src/model/review/queue';
import { rate } from '../../src/model/review/schedule';
import { StoredCard, storedCard } from '../../src/model/review/types';
import { atMost, median, Row, timeRuns } from './report';

const RUNS = 21;
const WARMUP = 3;
const NOTES = 1_000;
const DAY = 86_400_000;
const BUDGETS = { scratchMs: 300, rescanMs: 5, queueMs: 20 };

/**
 * A note of ten cards in every format, among prose, a list and a code block that holds
 * card-like text (skipped), as a learner's task note would be.
 */
function note(n: number, edit = ''): string {
  return [
    '---',
    `title: Note ${n}`,
    '---',
    `# Task ${n}`,
    '',
    `Some prose about topic ${n}, with \`inline::code\` and a [link](https://example.com/${n}).`,
    '',
    `- What is concept ${n}.1${edit}::The first answer of note ${n}`,
    `- What is concept ${n}.2::The second answer, somewhat longer, of note ${n}`,
    `- What is concept ${n}.3::The third answer of note ${n}`,
    `- Term ${n}:::Its definition in note ${n}`,
    '',
    '```python',
    `x = {"not::a card": ${n}}  # ==not== a cloze either`,
    '```',
    '',
    `How does method ${n} work,`,
    'in a few words?',
    '??',
    `It takes the input of note ${n},`,
    'and turns it into output.',
    '',
    `The ==gradient== of the loss points to its ==steepest ascent== (note ${n}).`,
    '',
    `Last question ${n}::Last answer ${n}`,
    '',
  ].join('\n');
}

const taskKeyOf = (n: number) => `bench-roadmap/task-${n}`;

export async function reviewRows(): Promise<Row[]> {
  const notes = Array.from({ length: NOTES }, (_, n) => note(n));
  const scan = (): FoundCard[][] => notes.map((text, n) => identifyCards(taskKeyOf(n), parseCards(text)));
  const byNote = scan();
  const cards = byNote.reduce((sum, f) => sum + f.length, 0);
  if (cards !== 10 * NOTES) throw new Error(`the bench notes hold ${cards} cards, not ${10 * NOTES}`);
  const scratch = await timeRuns(RUNS, WARMUP, scan);

  // Stored state: every card reviewed at some point over the last weeks, a tenth still new.
  const now = Date.UTC(2026, 2, 10, 10);
  const stored: Record<string, StoredCard> = { ...reconcile({}, byNote.flat(), now - 60 * DAY).cards };
  Object.keys(stored).forEach((id, i) => {
    if (i % 10 === 0) return;
    const reviewedAt = now - (i % 40) * DAY;
    // Made as the model makes a stored card (`storedCard`), one field order for all.
    stored[id] = storedCard({ ...stored[id], schedule: rate(stored[id].schedule, 3, reviewedAt).next, introducedAt: reviewedAt });
  });

  // One note edited: a question changed; its task's cards found again and reconciled, and, for
  // comparison, every card reconciled as after a full scan.
  const edited = note(500, ' (edited)');
  const task = new Set([taskKeyOf(500)]);
  const rescan = await timeRuns(RUNS, WARMUP, () => reconcileTasks(stored, task, identifyCards(taskKeyOf(500), parseCards(edited)), now));
  const rescanAndReconcile = await timeRuns(RUNS, WARMUP, () => {
    const found = [...byNote.slice(0, 500).flat(), ...identifyCards(taskKeyOf(500), parseCards(edited)), ...byNote.slice(501).flat()];
    return reconcile(stored, found, now);
  });
  const queue = await timeRuns(RUNS, WARMUP, () => buildQueue(stored, now));

  return [
    { group: '9 review', what: `find cards from scratch: ${NOTES} notes, ${cards} cards (parse + ids)`, n: RUNS, ours: median(scratch), budget: atMost(median(scratch), BUDGETS.scratchMs, ' ms') },
    { group: '9 review', what: `re-scan one edited note (parse + ids + reconcile its task among ${cards} cards)`, n: RUNS, ours: median(rescan), budget: atMost(median(rescan), BUDGETS.rescanMs, ' ms') },
    { group: '9 review', what: `reconcile all ${cards} cards after that edit (a full scan)`, n: RUNS, ours: median(rescanAndReconcile) },
    { group: '9 review', what: `build today's queue of ${cards} cards (${buildQueue(stored, now).counts.total} in it)`, n: RUNS, ours: median(queue), budget: atMost(median(queue), BUDGETS.queueMs, ' ms') },
  ];
}
