/**
 * Cards as a file Anki's text import reads: a header naming the separator, plain text and the tags
 * column, then one card a line, front, back and tags separated by tabs. A field holding a tab, a
 * line break or a quote, or starting with `#` (which Anki could take for a header line), is
 * quoted, its quotes doubled, as Anki's import accepts. Pure.
 */
import { parseTaskKey } from '../ids';
import { FoundCard } from './identity';

export interface AnkiCard {
  readonly front: string;
  readonly back: string;
  /** Anki tags; whitespace in a tag becomes `_`, since Anki separates tags by spaces. */
  readonly tags: readonly string[];
}

export const ANKI_HEADER = ['#separator:tab', '#html:false', '#tags column:3'];

/** The tag every exported card carries, with its roadmap and task below it (Anki's `::` makes a tag hierarchy). */
export const ANKI_TAG_ROOT = 'ml-roadmaps';

/** A found card as Anki imports it: its front and back, tagged with its roadmap and task. */
export function ankiCardOf(found: FoundCard): AnkiCard {
  const task = parseTaskKey(found.taskKey);
  const tags = task ? [`${ANKI_TAG_ROOT}::${task.roadmapId}::${task.taskId}`] : [ANKI_TAG_ROOT];
  return { front: found.card.front, back: found.card.back, tags };
}

/** The file's text, ending with a line break. */
export function ankiExport(cards: readonly AnkiCard[]): string {
  const rows = cards.map((card) => [ankiField(card.front), ankiField(card.back), ankiField(ankiTags(card.tags))].join('\t'));
  return [...ANKI_HEADER, ...rows].join('\n') + '\n';
}

/** The tags field: each tag with its whitespace made `_`, empty tags left out, separated by spaces. */
export function ankiTags(tags: readonly string[]): string {
  return tags
    .map((tag) => tag.trim().replace(/\s+/g, '_'))
    .filter((tag) => tag !== '')
    .join(' ');
}

/** One field as Anki's import reads it. */
export function ankiField(text: string): string {
  const needsQuotes = /[\t\n\r"]/.test(text) || text.startsWith('#');
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}
