/**
 * Cards as a file Anki's text import reads: a header naming the separator, plain text and the tags
 * column, then one card a line, front, back and tags separated by tabs. A field holding a tab, a
 * line break or a quote is quoted, its quotes doubled, as Anki's import accepts. Pure.
 */

export interface AnkiCard {
  readonly front: string;
  readonly back: string;
  /** Anki tags; spaces in a tag become `_`, since Anki separates tags by spaces. */
  readonly tags: readonly string[];
}

/** The file's text. */
export function ankiExport(cards: readonly AnkiCard[]): string {
  void cards;
  return '';
}

/** One field as Anki's import reads it. */
export function ankiField(text: string): string {
  return text;
}
