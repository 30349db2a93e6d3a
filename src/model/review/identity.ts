/**
 * A card's identity. A card's id is a hash of its task's key and its key (its normalised
 * question), so it survives edits to the answer and moves or renames of the note (the path is not
 * in it). A card whose question was edited is found again by its answer, within its task. A card
 * no longer found is kept, marked orphaned, for ORPHAN_KEEP_MS before it is dropped, so a note
 * moved out of the workspace and back, or a question cut and pasted, keeps its history. Pure.
 */
import { ParsedCard } from './cards';
import { StoredCard } from './types';

/** How long a card no longer in any note is kept before it is dropped. */
export const ORPHAN_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

/** A card found in a note now, with its identity. */
export interface FoundCard {
  readonly id: string;
  readonly taskKey: string;
  readonly answerHash: string;
  readonly card: ParsedCard;
}

export interface Reconciled {
  /** The cards to store: found ones (new, kept, renamed) and orphans still kept. */
  readonly cards: Record<string, StoredCard>;
  /** Ids of cards stored for the first time. */
  readonly added: readonly string[];
  /** Cards whose question was edited, kept under their new id. */
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  /** Ids of cards just marked orphaned. */
  readonly orphaned: readonly string[];
  /** Ids of orphans dropped after ORPHAN_KEEP_MS. */
  readonly dropped: readonly string[];
}

/** A 64-bit FNV-1a hash of a text's UTF-16 code units, as 16 hex digits. */
export function hashText(text: string): string {
  void text;
  return '';
}

/** The id of a card with `cardKey` in the task of `taskKey`. */
export function cardId(taskKey: string, cardKey: string): string {
  return hashText(`${taskKey}\n${cardKey}`);
}

/** The cards of one task with their ids; a repeated key gets a counter so every id is distinct. */
export function identifyCards(taskKey: string, cards: readonly ParsedCard[]): FoundCard[] {
  void taskKey;
  void cards;
  return [];
}

/** The stored cards after a scan that found `found`: every card found now, in every note. */
export function reconcile(stored: Readonly<Record<string, StoredCard>>, found: readonly FoundCard[], now: number): Reconciled {
  void stored;
  void found;
  void now;
  return { cards: {}, added: [], renamed: [], orphaned: [], dropped: [] };
}
