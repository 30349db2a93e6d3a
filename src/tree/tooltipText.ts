/**
 * Roadmap text for the tree's tooltips, which are Markdown that the workbench renders, images and
 * links included: a roadmap from a cloned repository could make a hover fetch an image (telling a
 * tracker the learner's address) or offer a live link to a local file. So tooltips show roadmap
 * text as the words it holds: every character that Markdown could read as syntax is escaped, and
 * only emphasis and code spans, which can neither load nor link anything, stay Markdown. Pure.
 */

/** The characters CommonMark lets a backslash escape: all ASCII punctuation. */
const ESCAPABLE = /[!-/:-@[-`{-~]/g;

/** Plain text (titles, states, check results) as Markdown that shows exactly it. */
export function escapeMarkdown(text: string): string {
  return text.replace(ESCAPABLE, '\\$&');
}

/**
 * A Markdown field (a summary, a topic, a goal) on one line of a tooltip: its lines joined, its
 * emphasis and code spans kept, everything else escaped, so that links, images, autolinks, HTML
 * and entities show as the text they are written with. Linear in the text's length.
 */
export function tooltipLine(markdown: string): string {
  const line = markdown
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
  const closers = new BacktickRuns(line);
  let out = '';
  let i = 0;
  while (i < line.length) {
    const char = line[i];
    if (char === '`') {
      let length = 1;
      while (line[i + length] === '`') length++;
      const close = closers.next(length, i + length);
      if (close === undefined) {
        out += '\\`'.repeat(length);
      } else {
        out += codeSpan(line.slice(i + length, close));
        length = close + length - i;
      }
      i += length;
    } else if (char === '\\' && i + 1 < line.length && line[i + 1] !== '`' && /[!-/:-@[-_{-~]/.test(line[i + 1])) {
      // The author's own escape: the character after it is text already.
      out += line.slice(i, i + 2);
      i += 2;
    } else {
      out += char === '*' || char === '_' ? char : char.replace(ESCAPABLE, '\\$&');
      i++;
    }
  }
  return out;
}

/**
 * A code span around `content`, with a fence longer than any run of backticks inside it, so that
 * every renderer ends it where this one did. Its content cannot start or end with a backtick: the
 * runs that opened and closed it took them all.
 */
function codeSpan(content: string): string {
  let longest = 0;
  let run = 0;
  for (const char of content) {
    run = char === '`' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const fence = '`'.repeat(longest + 1);
  return `${fence}${content}${fence}`;
}

/**
 * Where the runs of backticks of each length start, for finding the run that closes a code span
 * (the next one of the same length, as CommonMark says). Lookups move forward only, so all of them
 * together take one pass over the runs.
 */
class BacktickRuns {
  private readonly starts = new Map<number, number[]>();
  private readonly cursors = new Map<number, number>();

  constructor(line: string) {
    for (let i = 0; i < line.length; i++) {
      if (line[i] !== '`') continue;
      const start = i;
      while (line[i + 1] === '`') i++;
      const length = i - start + 1;
      const list = this.starts.get(length);
      if (list) list.push(start);
      else this.starts.set(length, [start]);
    }
  }

  /** The start of the first run of exactly `length` backticks at or after `from`. */
  next(length: number, from: number): number | undefined {
    const list = this.starts.get(length);
    if (!list) return undefined;
    let at = this.cursors.get(length) ?? 0;
    while (at < list.length && list[at] < from) at++;
    this.cursors.set(length, at);
    return list[at];
  }
}
