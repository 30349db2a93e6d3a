/**
 * The cards in the notes the extension knows, kept per note so an edit re-parses only that note.
 * A note's cards belong to the first task it names (its front matter's first, else its first
 * link); a note that names no task has none. A task's cards, from all its notes in the order of
 * their URIs, get their ids from the model (`identifyCards`), so two notes asking the same
 * question of one task still make two cards. Pure: the feature feeds it what the notes index reads.
 */
import { parseCards, type ParsedCard } from '../model/review/cards';
import { identifyCards, type FoundCard } from '../model/review/identity';

/** A card found now, with the note it is written in. */
export interface NoteCard {
  readonly found: FoundCard;
  /** The note's URI, as a string. */
  readonly note: string;
}

interface NoteEntry {
  readonly taskKey: string;
  readonly cards: readonly ParsedCard[];
}

export class CardIndex {
  private readonly notes = new Map<string, NoteEntry>();
  private readonly notesByTask = new Map<string, Set<string>>();
  private readonly cardsByTask = new Map<string, readonly NoteCard[]>();
  /** Every task a note named since the index was made: the tasks whose stored cards this window may judge. */
  private readonly tasksSeen = new Set<string>();
  private byId: Map<string, NoteCard> | undefined;
  /** Every note's text by the task it belongs to, cards or none: topic cards' answers. */
  private readonly textsByTask = new Map<string, Map<string, string>>();
  private readonly taskOfText = new Map<string, string>();
  /** The "explain it" cards of finished tasks' topics, when the setting asks for them; they have no note. */
  private topics: readonly NoteCard[] = [];
  /** Tasks whose cards changed since the session last took them: what it must reconcile again. */
  private readonly changed = new Set<string>();

  /**
   * Records a note as read now (no text: deleted or unreadable); true when the cards changed. Only
   * this note is parsed again, and only its task's cards (before and after) are identified again.
   */
  setNote(note: string, taskKeys: readonly string[], text: string | undefined): boolean {
    const before = this.notes.get(note);
    const taskKey = taskKeys[0];
    this.keepText(note, taskKey, text);
    const cards = taskKey !== undefined && text !== undefined ? parseCards(text) : [];
    if (!before && cards.length === 0) return false;
    if (before && before.taskKey === taskKey && sameCards(before.cards, cards)) return false;
    if (before) this.notesByTask.get(before.taskKey)?.delete(note);
    if (taskKey !== undefined && cards.length > 0) {
      this.notes.set(note, { taskKey, cards });
      if (!this.notesByTask.has(taskKey)) this.notesByTask.set(taskKey, new Set());
      this.notesByTask.get(taskKey)!.add(note);
      this.tasksSeen.add(taskKey);
    } else this.notes.delete(note);
    if (before) this.identify(before.taskKey);
    if (taskKey !== undefined && taskKey !== before?.taskKey) this.identify(taskKey);
    for (const key of [before?.taskKey, taskKey]) if (key !== undefined) this.changed.add(key);
    this.byId = undefined;
    return true;
  }

  /** Replaces the topic cards; true when they changed. */
  setTopicCards(found: readonly FoundCard[]): boolean {
    const same = found.length === this.topics.length && found.every((f, i) => f.id === this.topics[i].found.id && f.answerHash === this.topics[i].found.answerHash);
    if (same) return false;
    for (const card of [...this.topics.map((t) => t.found), ...found]) this.changed.add(card.taskKey);
    this.topics = found.map((f) => ({ found: f, note: '' }));
    for (const f of found) this.tasksSeen.add(f.taskKey);
    this.byId = undefined;
    return true;
  }

  /** Every card found now. */
  all(): readonly NoteCard[] {
    return [...this.ids().values()];
  }

  card(id: string): NoteCard | undefined {
    return this.ids().get(id);
  }

  /** The text of the task's first note (by URI), cards or none, for its topic cards' answers; empty without one. */
  noteText(taskKey: string): string {
    const texts = this.textsByTask.get(taskKey);
    const [first] = [...(texts?.keys() ?? [])].sort();
    return first === undefined ? '' : (texts?.get(first) ?? '');
  }

  private keepText(note: string, taskKey: string | undefined, text: string | undefined): void {
    const before = this.taskOfText.get(note);
    if (before !== undefined) this.textsByTask.get(before)?.delete(note);
    this.taskOfText.delete(note);
    if (taskKey === undefined || text === undefined) return;
    if (!this.textsByTask.has(taskKey)) this.textsByTask.set(taskKey, new Map());
    this.textsByTask.get(taskKey)!.set(note, text);
    this.taskOfText.set(note, taskKey);
  }

  /** The tasks whose cards changed since the last call, and forgets them. */
  takeChangedTasks(): ReadonlySet<string> {
    const tasks = new Set(this.changed);
    this.changed.clear();
    return tasks;
  }

  /** The tasks a note named at any time since the index was made. */
  seenTasks(): ReadonlySet<string> {
    return this.tasksSeen;
  }

  private identify(taskKey: string): void {
    const notes = [...(this.notesByTask.get(taskKey) ?? [])].sort();
    if (notes.length === 0) {
      this.cardsByTask.delete(taskKey);
      this.notesByTask.delete(taskKey);
      return;
    }
    const noteOf = new Map<ParsedCard, string>();
    for (const note of notes) for (const card of this.notes.get(note)!.cards) noteOf.set(card, note);
    const found = identifyCards(taskKey, [...noteOf.keys()]);
    this.cardsByTask.set(
      taskKey,
      found.map((f) => ({ found: f, note: noteOf.get(f.card) ?? notes[0] })),
    );
  }

  private ids(): Map<string, NoteCard> {
    this.byId ??= new Map([...[...this.cardsByTask.values()].flat(), ...this.topics].map((c) => [c.found.id, c]));
    return this.byId;
  }
}

function sameCards(a: readonly ParsedCard[], b: readonly ParsedCard[]): boolean {
  return a.length === b.length && a.every((card, i) => card.key === b[i].key && card.front === b[i].front && card.back === b[i].back && card.line === b[i].line);
}
