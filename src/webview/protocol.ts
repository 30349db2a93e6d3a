/**
 * The messages between the pages (details, dashboard) and the extension, both ways, declared once
 * and read by `media/*.js` through JSDoc. Pages are untrusted: every message from one is checked by
 * `parsePageMessage`, whose rules are the same table the `PageMessage` type is derived from, so the
 * two cannot drift apart.
 */
import { isId } from '../model/ids';
import { isTaskState, TaskState } from '../model/types';
import { isTaskActionId, TaskActionId } from './taskActions';

/** A check of one field of a message; its type guard gives the field's type. */
type FieldCheck<T> = (value: unknown) => value is T;
type Checked<C> = C extends FieldCheck<infer T> ? T : never;

const MAX_HREF = 2000;

/** Only web and mail links leave the editor; anything else (command:, file:, javascript:) is refused. */
export function isSafeExternalLink(href: unknown): href is string {
  // `URL` forgives leading blanks and strips tabs and newlines that `vscode.Uri.parse` refuses:
  // accept only what both read the same way.
  if (typeof href !== 'string' || href.length > MAX_HREF || /[\s\p{Cc}]/u.test(href)) return false;
  try {
    const url = new URL(href);
    return (url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:') && (url.protocol === 'mailto:' || url.hostname !== '');
  } catch {
    return false;
  }
}

/** Every message a page may send: its type and the check of each field. Nothing else is accepted. */
const PAGE_MESSAGES = {
  ready: {},
  setState: { taskId: isId, state: isTaskState },
  openLink: { href: isSafeExternalLink },
  taskAction: { action: isTaskActionId, taskId: isId },
  continue: {},
} satisfies Record<string, Record<string, FieldCheck<unknown>>>;

type PageMessageTable = typeof PAGE_MESSAGES;
export type PageMessageType = keyof PageMessageTable;

/** A message from a page, as the table above accepts it. */
export type PageMessage = {
  [K in PageMessageType]: { readonly type: K } & { readonly [F in keyof PageMessageTable[K]]: Checked<PageMessageTable[K][F]> };
}[PageMessageType];

/** The counts a page shows, as numbers: the page formats them. */
export interface PageCounts {
  readonly total: number;
  readonly done: number;
  readonly skipped: number;
  readonly inProgress: number;
  readonly notStarted: number;
}

/** Messages to a page. */
export type ExtensionMessage =
  /** New states of tasks on the page, and the page's new counts, without a reload. */
  { readonly type: 'states'; readonly states: Readonly<Record<string, TaskState>>; readonly counts: PageCounts };

/** Checks a message from a page against the table; undefined for anything that does not fit exactly. */
export function parsePageMessage(raw: unknown): PageMessage | undefined {
  if (!isRecord(raw) || typeof raw.type !== 'string' || !Object.hasOwn(PAGE_MESSAGES, raw.type)) return undefined;
  const fields: Record<string, FieldCheck<unknown>> = PAGE_MESSAGES[raw.type as PageMessageType];
  const keys = Object.keys(raw);
  if (keys.length !== Object.keys(fields).length + 1) return undefined;
  for (const key of keys) {
    if (key === 'type') continue;
    const check = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!check?.(raw[key])) return undefined;
  }
  return raw as PageMessage;
}

/** The task a message is about, if it is about one. */
export function taskIdOf(message: PageMessage): string | undefined {
  return 'taskId' in message ? message.taskId : undefined;
}

/** What a page saves with `setState` for the serializer; read back after a reload, untrusted. */
export interface SavedPage {
  readonly roadmapId: string;
  readonly moduleId?: string;
  readonly pinned: boolean;
}

export function parseSavedPage(state: unknown): SavedPage | undefined {
  if (!isRecord(state)) return undefined;
  const { roadmapId, moduleId, pinned } = state;
  if (!isId(roadmapId) || (moduleId !== undefined && !isId(moduleId))) return undefined;
  return { roadmapId, moduleId, pinned: pinned === true };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type { TaskActionId };
