/**
 * Finding which roadmap tasks a Markdown note is about, and the text of a new note. Pure.
 *
 * A note names a task in its front matter (`roadmapTask: <roadmap id>/<task id>`, or a list of
 * them) or anywhere in its text as a link to `roadmap-task:<roadmap id>/<task id>`.
 */
import { parse as parseYaml } from 'yaml';
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
  const add = (roadmapId: string, taskId: string, line: number) => {
    if (!found.some((r) => r.roadmapId === roadmapId && r.taskId === taskId)) found.push({ roadmapId, taskId, line });
  };
  const frontMatter = readFrontMatter(text);
  if (frontMatter) {
    const value = frontMatter.data.roadmapTask;
    for (const ref of Array.isArray(value) ? value : [value]) {
      const match = typeof ref === 'string' ? REF.exec(ref.trim()) : null;
      if (match) add(match[1], match[2], 0);
    }
  }
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    for (const match of line.matchAll(LINK)) add(match[1], match[2], i);
  });
  return found;
}

function readFrontMatter(text: string): { data: Record<string, unknown>; endLine: number } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return undefined;
  try {
    const data: unknown = parseYaml(match[1], { maxAliasCount: 10 });
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
    return { data: data as Record<string, unknown>, endLine: match[0].split('\n').length - 1 };
  } catch {
    // Broken front matter is the note author's business; it names no task.
    return undefined;
  }
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
