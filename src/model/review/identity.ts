/**
 * A card's identity. A card's id is a hash of its task's key and its key (its normalised
 * question), so it survives edits to the answer and moves or renames of the note (the path is not
 * in it). A card whose question was edited is found again by its answer within its task, when
 * that match is unambiguous (one card gone, one card new, the same answer). A card no longer found
 * is kept, marked orphaned, for ORPHAN_KEEP_MS before it is dropped, so a note moved out of the
 * workspace and back, or a question cut and pasted, keeps its history. Pure.
 */
import { normalizeCardText, ParsedCard } from './cards';
import { newCardState } from './schedule';
import { StoredCard, storedCard } from './types';

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

/**
 * A 64-bit FNV-1a hash of a text's UTF-16 code units, as 16 hex digits. 64 bits, not 32: among
 * 10,000 cards a 32-bit hash collides about once in a hundred learners. Computed in four 16-bit
 * limbs, since JavaScript numbers hold 53 bits and BigInt is slow.
 */
export function hashText(text: string): string {
  // Offset basis 0xcbf29ce484222325, least significant limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < text.length * 2; i++) {
    // Each code unit as two bytes, low byte first.
    const unit = text.charCodeAt(i >> 1);
    h0 ^= i & 1 ? unit >>> 8 : unit & 0xff;
    // h × the FNV prime 0x100000001b3 = h × 0x1b3 + (h << 40), modulo 2^64, carried limb by limb.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + ((h0 & 0xff) << 8) + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + (h0 >>> 8) + ((h1 & 0xff) << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return hex8(h3 * 0x10000 + h2) + hex8(h1 * 0x10000 + h0);
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}

/** The id of a card with `cardKey` in the task of `taskKey`. */
export function cardId(taskKey: string, cardKey: string): string {
  return hashText(`${taskKey}\n${cardKey}`);
}

/** The hash of an answer, as stored: whitespace does not count. */
export function answerHashOf(answer: string): string {
  return hashText(normalizeCardText(answer));
}

/**
 * The cards of one task with their ids, in the order given. A key repeated in the task (the same
 * question twice) gets a counter, so every id is distinct and the first keeps the plain id.
 */
export function identifyCards(taskKey: string, cards: readonly ParsedCard[]): FoundCard[] {
  const seen = new Map<string, number>();
  return cards.map((card) => {
    const count = (seen.get(card.key) ?? 0) + 1;
    seen.set(card.key, count);
    const key = count === 1 ? card.key : `${card.key}\n#${count}`;
    return { id: cardId(taskKey, key), taskKey, answerHash: answerHashOf(card.back), card };
  });
}

/**
 * The stored cards after a scan that found `found`: every card found now, in every note (a scan of
 * one note passes the cards last found in the others too, or theirs are marked orphaned).
 */
export function reconcile(stored: Readonly<Record<string, StoredCard>>, found: readonly FoundCard[], now: number): Reconciled {
  const cards: Record<string, StoredCard> = {};
  const foundIds = new Set(found.map((f) => f.id));
  const fresh = found.filter((f) => !Object.prototype.hasOwnProperty.call(stored, f.id));
  const renamedFrom = matchEditedQuestions(stored, foundIds, fresh);
  const added: string[] = [];
  const renamed: { from: string; to: string }[] = [];
  for (const f of found) {
    if (Object.prototype.hasOwnProperty.call(cards, f.id)) continue;
    const from = renamedFrom.get(f.id);
    const previous = Object.prototype.hasOwnProperty.call(stored, f.id) ? stored[f.id] : from !== undefined ? stored[from] : undefined;
    if (from !== undefined) renamed.push({ from, to: f.id });
    if (!previous) added.push(f.id);
    cards[f.id] = previous ? kept(previous, f) : newStoredCard(f, now);
  }
  const renamedAway = new Set(renamed.map((r) => r.from));
  const orphaned: string[] = [];
  const dropped: string[] = [];
  for (const [id, card] of Object.entries(stored)) {
    if (foundIds.has(id) || renamedAway.has(id)) continue;
    if (card.orphanedAt === undefined) {
      cards[id] = storedCard({ ...card, orphanedAt: now });
      orphaned.push(id);
    } else if (now - card.orphanedAt >= ORPHAN_KEEP_MS) {
      dropped.push(id);
    } else {
      cards[id] = card;
    }
  }
  return { cards, added, renamed, orphaned, dropped };
}

/** A card found for the first time at `now`: new, due now. */
export function newStoredCard(f: FoundCard, now: number): StoredCard {
  return storedCard({ taskKey: f.taskKey, answerHash: f.answerHash, schedule: newCardState(now), createdAt: now });
}

/**
 * The cards found now, in the notes of this workspace, each as stored (no longer orphaned: it is in
 * a note) or, not stored yet, as a new card: what this workspace's queue, forecast and review time
 * count. Stored cards follow the learner to every workspace (Settings Sync), and a stored card
 * does not say where its note is; nor does its task, since the bundled roadmaps have the same ids
 * in every workspace. Only being found in a note here ties a card to this workspace.
 */
export function cardsFoundHere(stored: Readonly<Record<string, StoredCard>>, found: Iterable<FoundCard>, now: number): Record<string, StoredCard> {
  const cards: Record<string, StoredCard> = {};
  for (const f of found) {
    const card = Object.prototype.hasOwnProperty.call(stored, f.id) ? stored[f.id] : undefined;
    cards[f.id] = card === undefined ? newStoredCard(f, now) : card.orphanedAt === undefined ? card : storedCard({ ...card, orphanedAt: undefined });
  }
  return cards;
}

/**
 * `reconcile` for the tasks of `taskKeys` alone, for a scan of some notes: `found` holds every card
 * found now of those tasks (in all their notes), and the result's `cards` are those tasks' cards,
 * to replace the stored cards of those tasks; the other tasks' cards are left as they are. Costs
 * one pass over the stored cards, without copying them.
 */
export function reconcileTasks(stored: Readonly<Record<string, StoredCard>>, taskKeys: ReadonlySet<string>, found: readonly FoundCard[], now: number): Reconciled {
  const ofTasks: Record<string, StoredCard> = {};
  for (const id of Object.keys(stored)) if (taskKeys.has(stored[id].taskKey)) ofTasks[id] = stored[id];
  return reconcile(
    ofTasks,
    found.filter((f) => taskKeys.has(f.taskKey)),
    now,
  );
}

/**
 * New ids that take over a stored card whose id is gone: same task, same answer, and no other
 * gone or new card with that task and answer. By new id, the stored id it takes over.
 */
function matchEditedQuestions(stored: Readonly<Record<string, StoredCard>>, foundIds: ReadonlySet<string>, fresh: readonly FoundCard[]): Map<string, string> {
  const gone = new Map<string, string[]>();
  for (const [id, card] of Object.entries(stored)) {
    if (!foundIds.has(id)) addTo(gone, `${card.taskKey}\n${card.answerHash}`, id);
  }
  const arrived = new Map<string, string[]>();
  for (const f of fresh) {
    const key = `${f.taskKey}\n${f.answerHash}`;
    if (gone.has(key)) addTo(arrived, key, f.id);
  }
  const matches = new Map<string, string>();
  for (const [key, ids] of arrived) {
    const goneIds = gone.get(key) ?? [];
    if (ids.length === 1 && goneIds.length === 1) matches.set(ids[0], goneIds[0]);
  }
  return matches;
}

/** A stored card found again as `f`: no longer orphaned, with `f`'s answer; the same object when nothing changed. */
function kept(card: StoredCard, f: FoundCard): StoredCard {
  if (card.orphanedAt === undefined && card.taskKey === f.taskKey && card.answerHash === f.answerHash) return card;
  return storedCard({ ...card, taskKey: f.taskKey, answerHash: f.answerHash, orphanedAt: undefined });
}

/** Adds to the list under `key` in place: a copy per addition would be quadratic in a list's length. */
function addTo(lists: Map<string, string[]>, key: string, id: string): void {
  const list = lists.get(key);
  if (list) list.push(id);
  else lists.set(key, [id]);
}
