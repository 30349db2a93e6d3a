/**
 * Cards written in a learner's Markdown notes, in the formats spaced-repetition tools already use:
 *
 *   - `Question::Answer` — one card; `Question:::Answer` — two, one each way.
 *   - A question of one or more lines, a line holding only `?`, then the answer; the answer ends at
 *     a blank line or a heading. `??` instead of `?` makes two cards, one each way. A paragraph
 *     holding such a line is one card: its other lines are not read for `::` or `==`.
 *   - `==deletion==` — a cloze: one card per deletion in a line, its front the line with that
 *     deletion blanked as `[...]` and the others shown in clear, its back the deletion.
 *
 * Fenced code blocks (``` and ~~~), inline code spans and YAML front matter are not read for
 * cards; headings are not either (they end a multi-line answer). A list marker before a question
 * is not part of it.
 *
 * A card's key is its identity within its task: the question with its whitespace collapsed, so
 * re-wrapping a line keeps the card; the answer-to-question card of `:::` and `??` and cloze
 * cards are prefixed so they never share a key with a question-to-answer card.
 *
 * Pure; linear in the text: every line is scanned a bounded number of times, no regular
 * expression can backtrack, and a line makes at most MAX_CLOZES_PER_LINE cloze cards (each holds
 * the whole line, so more would grow with the square of the line's length).
 */
import { CardKind } from './types';

export interface ParsedCard {
  readonly kind: CardKind;
  /** True for the answer-to-question card of `:::` and `??`. */
  readonly reversed: boolean;
  readonly front: string;
  readonly back: string;
  /** The 0-based line of the question (of the deletion, for a cloze). */
  readonly line: number;
  /** The card's identity within its task: its normalised question, prefixed by its kind of card. */
  readonly key: string;
}

/** Deletions of one line that become cards; later ones stay in clear. */
export const MAX_CLOZES_PER_LINE = 20;

/** What a cloze's deletion is replaced by on its front. */
export const CLOZE_BLANK = '[...]';

const REVERSED_PREFIX = 'reversed:';
const CLOZE_PREFIX = 'cloze:';

/** Text with every run of whitespace made one space, trimmed: what keys and answer hashes are made of. */
export function normalizeCardText(text: string): string {
  return isNormal(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/** Whether the text has no whitespace but single spaces between words: most questions, kept as they are. */
function isNormal(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (i === 0 || i === text.length - 1 || text.charCodeAt(i + 1) === 32) return false;
    } else if (code <= 13 || code === 0xa0 || code > 0x1fff) {
      // Tabs, line breaks and Unicode spaces (and whatever is beyond, to be safe): the slow path.
      return false;
    }
  }
  return true;
}

/** Every card of a note, in the order they are written. */
export function parseCards(text: string): ParsedCard[] {
  // A byte order mark would hide the front matter's opening line.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.includes('\r') ? body.split(/\r?\n/) : body.split('\n');
  const cards: ParsedCard[] = [];
  let i = frontMatterEnd(lines);
  while (i < lines.length) {
    const fence = fenceOf(lines[i]);
    if (fence) {
      i = fenceEnd(lines, i + 1, fence);
    } else if (isBlank(lines[i]) || isHeading(lines[i])) {
      i++;
    } else {
      const start = i;
      while (i < lines.length && !isBlank(lines[i]) && !isHeading(lines[i]) && !fenceOf(lines[i])) i++;
      readParagraph(lines, start, i, cards);
    }
  }
  return cards;
}

/** The first line after YAML front matter: a `---` first line up to the next `---` or `...` line. */
function frontMatterEnd(lines: readonly string[]): number {
  if (lines[0]?.trimEnd() !== '---') return 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trimEnd();
    if (line === '---' || line === '...') return i + 1;
  }
  return 0; // Never closed: not front matter.
}

interface Fence {
  readonly char: string;
  readonly length: number;
}

/** The fence a line opens: up to three spaces, then three or more backticks or tildes. */
function fenceOf(line: string): Fence | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const char = line[i];
  if (char !== '`' && char !== '~') return undefined;
  let end = i;
  while (line[end] === char) end++;
  if (end - i < 3) return undefined;
  // A backtick fence's info string holds no backtick (CommonMark): "```a```" is a code span.
  if (char === '`' && line.indexOf('`', end) >= 0) return undefined;
  return { char, length: end - i };
}

/** The line after the one closing `fence`, or the end of the text (an unclosed fence runs to it). */
function fenceEnd(lines: readonly string[], from: number, fence: Fence): number {
  for (let i = from; i < lines.length; i++) {
    const closing = fenceOf(lines[i]);
    if (closing && closing.char === fence.char && closing.length >= fence.length && lines[i].trim().length === closing.length) return i + 1;
  }
  return lines.length;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** An ATX heading: up to three spaces, one to six `#`, then a space or the end of the line. */
function isHeading(line: string): boolean {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let hashes = 0;
  while (line[i + hashes] === '#') hashes++;
  if (hashes < 1 || hashes > 6) return false;
  const after = line[i + hashes];
  return after === undefined || after === ' ' || after === '\t';
}

/** A line that separates a multi-line question from its answer: `?`, or `??` for both directions. */
function separatorOf(line: string): '?' | '??' | undefined {
  const trimmed = line.trim();
  return trimmed === '?' || trimmed === '??' ? trimmed : undefined;
}

/** The cards of the paragraph of lines [start, end). */
function readParagraph(lines: readonly string[], start: number, end: number, cards: ParsedCard[]): void {
  for (let i = start + 1; i < end - 1; i++) {
    const separator = separatorOf(lines[i]);
    if (separator) {
      const question = lines.slice(start, i).map(trimLineEnd);
      question[0] = withoutListMarker(question[0]);
      addPair(cards, 'multiline', question.join('\n'), lines.slice(i + 1, end).map(trimLineEnd).join('\n'), start, separator === '??');
      return;
    }
  }
  for (let i = start; i < end; i++) readLine(lines[i], i, cards);
}

function trimLineEnd(line: string): string {
  return line.trimEnd();
}

/** An inline card of one line, else its cloze cards. */
function readLine(line: string, lineNumber: number, cards: ParsedCard[]): void {
  const masked = maskCodeSpans(line);
  const separator = inlineSeparator(masked);
  if (separator) {
    const question = withoutListMarker(line.slice(0, separator.at)).trim();
    const answer = line.slice(separator.at + separator.length).trim();
    if (question && answer) addPair(cards, 'inline', question, answer, lineNumber, separator.length === 3);
    return;
  }
  readClozes(line, masked, lineNumber, cards);
}

/** A question-to-answer card and, when `both`, its answer-to-question card. */
function addPair(cards: ParsedCard[], kind: CardKind, question: string, answer: string, line: number, both: boolean): void {
  const back = withoutSchedulingComment(answer);
  const key = normalizeCardText(question);
  const backKey = normalizeCardText(back);
  if (!key || !backKey) return;
  cards.push({ kind, reversed: false, front: question, back, line, key });
  if (both) cards.push({ kind, reversed: true, front: back, back: question, line, key: REVERSED_PREFIX + backKey });
}

/** The first run of exactly two or three colons: `::` or `:::`. */
function inlineSeparator(masked: string): { readonly at: number; readonly length: number } | undefined {
  let i = masked.indexOf('::');
  while (i >= 0) {
    let end = i;
    while (masked[end] === ':') end++;
    if (end - i <= 3) return { at: i, length: end - i };
    i = masked.indexOf('::', end);
  }
  return undefined;
}

/** One card per `==deletion==` of the line, up to MAX_CLOZES_PER_LINE. */
function readClozes(line: string, masked: string, lineNumber: number, cards: ParsedCard[]): void {
  const deletions: { readonly open: number; readonly close: number }[] = [];
  let open = masked.indexOf('==');
  while (open >= 0 && deletions.length < MAX_CLOZES_PER_LINE) {
    const close = masked.indexOf('==', open + 2);
    // No closing `==`: no later opening finds one either.
    if (close < 0) break;
    if (line.slice(open + 2, close).trim()) {
      deletions.push({ open, close });
      open = masked.indexOf('==', close + 2);
    } else {
      // `====` or `== ==` is no deletion; its closing may open the next one.
      open = close;
    }
  }
  if (deletions.length === 0) return;
  const inClear = (from: number, to: number) => line.slice(from, to);
  deletions.forEach((blanked, index) => {
    let front = '';
    let from = 0;
    deletions.forEach((deletion, other) => {
      front += inClear(from, deletion.open) + (other === index ? CLOZE_BLANK : line.slice(deletion.open + 2, deletion.close));
      from = deletion.close + 2;
    });
    front = withoutListMarker(front + inClear(from, line.length)).trim();
    const back = line.slice(blanked.open + 2, blanked.close).trim();
    cards.push({ kind: 'cloze', reversed: false, front, back, line: lineNumber, key: CLOZE_PREFIX + normalizeCardText(front) });
  });
}

/**
 * The line with the inside of every inline code span replaced by spaces, so `::` and `==` in code
 * are not read; same length, so positions hold for the line itself. A run of backticks opens a
 * span closed by the next run of the same length (CommonMark); the next run of each length is
 * found by one pass from the end, so the whole takes time linear in the line.
 */
function maskCodeSpans(line: string): string {
  if (line.indexOf('`') < 0) return line;
  const runs: { readonly at: number; readonly length: number }[] = [];
  for (let i = 0; i < line.length; ) {
    if (line[i] !== '`') {
      i++;
      continue;
    }
    let end = i;
    while (line[end] === '`') end++;
    runs.push({ at: i, length: end - i });
    i = end;
  }
  const nextOfSameLength = new Array<number>(runs.length).fill(-1);
  const lastSeen = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    nextOfSameLength[r] = lastSeen.get(runs[r].length) ?? -1;
    lastSeen.set(runs[r].length, r);
  }
  const chars = line.split('');
  for (let r = 0; r < runs.length; r++) {
    const closer = nextOfSameLength[r];
    if (closer < 0) continue;
    for (let c = runs[r].at; c < runs[closer].at + runs[closer].length; c++) chars[c] = ' ';
    r = closer;
  }
  return chars.join('');
}

/** The text after a list marker (`- `, `* `, `+ `, `1. `, `1) `) and a task box (`[ ] `), if any. */
function withoutListMarker(text: string): string {
  let i = 0;
  while (text[i] === ' ' || text[i] === '\t') i++;
  let end = i;
  if (text[i] === '-' || text[i] === '*' || text[i] === '+') {
    end = i + 1;
  } else {
    while (end < i + 9 && text[end] >= '0' && text[end] <= '9') end++;
    if (end === i || (text[end] !== '.' && text[end] !== ')')) return text;
    end++;
  }
  if (text[end] !== ' ' && text[end] !== '\t') return text;
  let rest = text.slice(end).trimStart();
  if (/^\[[ xX]\][ \t]/.test(rest)) rest = rest.slice(4).trimStart();
  return rest;
}

/**
 * The answer without a trailing `<!--SR:...-->` comment: where Obsidian's Spaced Repetition plugin
 * keeps a card's schedule, which learners coming from it have in their notes.
 */
function withoutSchedulingComment(answer: string): string {
  const trimmed = answer.trimEnd();
  if (!trimmed.endsWith('-->')) return answer;
  const at = trimmed.lastIndexOf('<!--SR:');
  return at < 0 ? answer : trimmed.slice(0, at).trimEnd();
}
