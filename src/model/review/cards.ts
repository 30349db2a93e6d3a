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
 * Fenced code blocks (``` and ~~~), indented code blocks, inline code spans and YAML front matter
 * are not read for cards; headings are not either (they end a multi-line answer). A list marker
 * before a question is not part of it. As in CommonMark, a line indented four columns or more (a
 * tab reaching the next multiple of four) begins a code block only where no paragraph goes on, and
 * inside a list item its indentation counts from the item's text, not from the margin.
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
  const items = new ListItems();
  let i = frontMatterEnd(lines);
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    // A block begins: the line is in the list items it is indented into, and no further.
    const base = items.enter(indentOf(lines[i]));
    const line = dedent(lines[i], base);
    const fence = fenceOf(line);
    if (indentOf(line) >= CODE_INDENT) {
      i = indentedCodeEnd(lines, i + 1, base + CODE_INDENT);
    } else if (fence) {
      i = fenceEnd(lines, i + 1, fence, base);
    } else if (isHeading(line)) {
      i++;
    } else {
      const start = i;
      items.note(lines[i]);
      // A paragraph goes on to a blank line, a heading or a fence: an indented line continues it.
      for (i++; i < lines.length && !isBlank(lines[i]) && !endsParagraph(dedent(lines[i], items.base())); i++) items.note(lines[i]);
      readParagraph(lines, start, i, cards);
    }
  }
  return cards;
}

/** Columns of indentation that make a line code, counted from the margin or from a list item's text. */
const CODE_INDENT = 4;

/** A line that ends a paragraph: a heading or a fence. */
function endsParagraph(line: string): boolean {
  return isHeading(line) || fenceOf(line) !== undefined;
}

/** The columns of a line's indentation: a tab reaches the next multiple of four. */
function indentOf(line: string): number {
  let columns = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === ' ') columns++;
    else if (line[i] === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/** The line without up to `columns` columns of its indentation (a tab cut in two leaves its remaining columns as spaces). */
function dedent(line: string, columns: number): string {
  let column = 0;
  let i = 0;
  while (i < line.length && column < columns) {
    if (line[i] === ' ') column++;
    else if (line[i] === '\t') {
      const next = column + 4 - (column % 4);
      if (next > columns) return ' '.repeat(next - columns) + line.slice(i + 1);
      column = next;
    } else break;
    i++;
  }
  return i === 0 ? line : line.slice(i);
}

/** The line after an indented code block's last line: the block runs on over blank lines and lines indented `columns` or more. */
function indentedCodeEnd(lines: readonly string[], from: number, columns: number): number {
  let i = from;
  while (i < lines.length && (isBlank(lines[i]) || indentOf(lines[i]) >= columns)) i++;
  return i;
}

/**
 * The list items open at a line, by the column their text starts at: what a code block's
 * indentation counts from. An item stays open over its lines indented to its text, and over a
 * paragraph's lines whatever their indentation (CommonMark's lazy continuation); a block starting
 * left of its text closes it. Each line opens at most one item and each item is closed once, so
 * keeping them is linear in the note.
 */
class ListItems {
  private readonly columns: number[] = [];

  /** The column the innermost open item's text starts at; 0 outside lists. */
  base(): number {
    return this.columns.length === 0 ? 0 : this.columns[this.columns.length - 1];
  }

  /** A block starts at `indent`: closes the items it is not indented into; the base it is read from. */
  enter(indent: number): number {
    while (this.columns.length > 0 && indent < this.base()) this.columns.pop();
    return this.base();
  }

  /** A line of a paragraph: opens the item it starts, if it starts one. */
  note(line: string): void {
    const indent = indentOf(line);
    // Indented as code past the item's text, a marker is only more of the paragraph.
    if (indent >= this.base() + CODE_INDENT) return;
    const text = listItemText(line, indent);
    if (text === undefined) return;
    while (this.columns.length > 0 && indent < this.base()) this.columns.pop();
    this.columns.push(text);
  }
}

/**
 * The column the text of the list item a line starts begins at, or undefined when it starts none:
 * after the marker (`-`, `*`, `+`, or up to nine digits and `.` or `)`) and one to four spaces; with
 * more (the text is code) or none after the marker, one column past it (CommonMark).
 */
function listItemText(line: string, indent: number): number | undefined {
  let at = 0;
  while (line[at] === ' ' || line[at] === '\t') at++;
  let end = at;
  if (line[at] === '-' || line[at] === '*' || line[at] === '+') end = at + 1;
  else {
    while (end < at + 9 && line[end] >= '0' && line[end] <= '9') end++;
    if (end === at || (line[end] !== '.' && line[end] !== ')')) return undefined;
    end++;
  }
  const marker = indent + end - at;
  if (end < line.length && line[end] !== ' ' && line[end] !== '\t') return undefined;
  let column = marker;
  let text = end;
  for (; line[text] === ' ' || line[text] === '\t'; text++) column += line[text] === ' ' ? 1 : 4 - (column % 4);
  return text === line.length || column - marker > CODE_INDENT ? marker + 1 : column;
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

/** The line after the one closing `fence` (opened `base` columns in, in a list item), or the end of the text (an unclosed fence runs to it). */
function fenceEnd(lines: readonly string[], from: number, fence: Fence, base: number): number {
  for (let i = from; i < lines.length; i++) {
    const line = dedent(lines[i], base);
    const closing = fenceOf(line);
    if (closing && closing.char === fence.char && closing.length >= fence.length && line.trim().length === closing.length) return i + 1;
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
