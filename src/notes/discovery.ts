/**
 * Finding which roadmap tasks a Markdown note is about, and the text of a new note. Pure.
 *
 * A note names a task in its front matter (`roadmapTask: <roadmap id>/<task id>`, or a list of
 * them) or anywhere in its text as a link to `roadmap-task:<roadmap id>/<task id>`.
 */
import { english, type Translate } from '../util/translate';

export const LINK_SCHEME = 'roadmap-task';
const REF = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const LINK = new RegExp(`${LINK_SCHEME}:([a-z0-9]+(?:-[a-z0-9]+)*)\\/([a-z0-9]+(?:-[a-z0-9]+)*)`, 'g');
/** Notes larger than this are not scanned: nobody writes notes that long, generated files do. */
export const MAX_NOTE_BYTES = 512 * 1024;

export interface TaskReference {
  readonly roadmapId: string;
  readonly taskId: string;
  /** 0-based line of the reference, for the CodeLens. */
  readonly line: number;
}

export function findTaskReferences(text: string): TaskReference[] {
  if (text.length > MAX_NOTE_BYTES) return [];
  const found: TaskReference[] = [];
  // A set of what was found, not a search of the list: a note may hold tens of thousands of links.
  const seen = new Set<string>();
  const add = (roadmapId: string, taskId: string, line: number) => {
    const key = `${roadmapId}/${taskId}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ roadmapId, taskId, line });
  };
  for (const ref of frontMatterTasks(text)) {
    const match = REF.exec(ref);
    if (match) add(match[1], match[2], 0);
  }
  // One pass over the text, counting line breaks up to each link (a link never spans a line).
  let line = 0;
  let counted = 0;
  for (const match of text.matchAll(LINK)) {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
    counted = match.index;
    add(match[1], match[2], line);
  }
  return found;
}

/**
 * The values of `roadmapTask` in the front matter: `roadmapTask: a/b`, `roadmapTask: [a/b, c/d]`
 * or a block list below the key. Read by hand rather than with a YAML parser: this is all a note
 * can say to us, and it keeps the parser out of the editor's start-up.
 */
function frontMatterTasks(text: string): string[] {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(text);
  if (!match) return [];
  const lines = match[1].split(/\r?\n/);
  const unquote = (value: string) => value.trim().replace(/^(['"])(.*)\1$/, '$2').trim();
  const at = lines.findIndex((line) => /^roadmapTask\s*:/.test(line));
  if (at < 0) return [];
  const inline = lines[at].replace(/^roadmapTask\s*:/, '').replace(/\s+#.*$/, '').trim();
  if (inline.startsWith('[')) return inline.endsWith(']') ? inline.slice(1, -1).split(',').map(unquote) : [];
  if (inline) return [unquote(inline)];
  const values: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (!item) break;
    values.push(unquote(item[1].replace(/\s+#.*$/, '')));
  }
  return values;
}

export interface NoteSubject {
  readonly roadmapId: string;
  readonly roadmapTitle: string;
  /** A task id, or a module id for a module's note. */
  readonly id: string;
  readonly title: string;
  readonly path: readonly string[];
}

/**
 * The first text of a new note: front matter naming the task, a heading, and where it sits. The
 * front matter keys are read back and stay as they are; the section headings are the user's words.
 */
export function newNoteText(subject: NoteSubject, today: string, t: Translate = english): string {
  const quote = (s: string) => JSON.stringify(s);
  return [
    '---',
    `roadmapTask: ${subject.roadmapId}/${subject.id}`,
    `roadmap: ${quote(subject.roadmapTitle)}`,
    `title: ${quote(subject.title)}`,
    `created: ${today}`,
    '---',
    '',
    `# ${subject.title}`,
    '',
    `_${[subject.roadmapTitle, ...subject.path].join(' › ')}_`,
    '',
    `## ${t('Notes')}`,
    '',
    '',
    `## ${t('Questions')}`,
    '',
    '',
    `## ${t('Links')}`,
    '',
    '',
  ].join('\n');
}

/** Where a note lives relative to the notes folder; ids are kebab-case, so this is a safe path. */
export function notePath(roadmapId: string, id: string): string {
  if (!REF.test(`${roadmapId}/${id}`)) throw new Error(`not a roadmap item: ${roadmapId}/${id}`);
  return `${roadmapId}/${id}.md`;
}
