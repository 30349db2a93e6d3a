/**
 * The messages between the details and dashboard pages and the extension, shared by both sides
 * (media/*.js reads these types through JSDoc). Every message from a page is untrusted: it goes
 * through `parsePageMessage` and anything that does not fit is dropped.
 */
import { TaskState, TASK_STATES } from '../model/types';

export type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'setState'; readonly taskId: string; readonly state: TaskState }
  | { readonly type: 'openLink'; readonly href: string }
  | { readonly type: 'taskAction'; readonly action: TaskAction; readonly taskId: string }
  | { readonly type: 'openModule'; readonly moduleId: string }
  | { readonly type: 'continue' };

/** Actions a page can ask for on one task; the extension owns what they do. */
export const TASK_ACTIONS = ['reveal', 'openNotes', 'createProject', 'linkFolder'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export type ExtensionMessage =
  /** New states for tasks on the page, and the page's new counts, without a reload. */
  | { readonly type: 'states'; readonly states: Readonly<Record<string, TaskState>>; readonly summary: string };

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_HREF = 2000;

export function parsePageMessage(raw: unknown): PageMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const message = raw as Record<string, unknown>;
  const keys = Object.keys(message);
  const only = (...allowed: string[]) => keys.every((k) => allowed.includes(k));
  switch (message.type) {
    case 'ready':
    case 'continue':
      return only('type') ? { type: message.type } : undefined;
    case 'setState':
      return only('type', 'taskId', 'state') && isId(message.taskId) && TASK_STATES.includes(message.state as TaskState)
        ? { type: 'setState', taskId: message.taskId, state: message.state as TaskState }
        : undefined;
    case 'openLink':
      return only('type', 'href') && typeof message.href === 'string' && message.href.length <= MAX_HREF && isSafeExternalLink(message.href)
        ? { type: 'openLink', href: message.href }
        : undefined;
    case 'taskAction':
      return only('type', 'action', 'taskId') && TASK_ACTIONS.includes(message.action as TaskAction) && isId(message.taskId)
        ? { type: 'taskAction', action: message.action as TaskAction, taskId: message.taskId }
        : undefined;
    case 'openModule':
      return only('type', 'moduleId') && isId(message.moduleId) ? { type: 'openModule', moduleId: message.moduleId } : undefined;
    default:
      return undefined;
  }
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && ID.test(value);
}

/** Only web and mail links leave the editor; anything else (command:, file:, javascript:) is refused. */
export function isSafeExternalLink(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** What a page saves with `setState` for the serializer; read back after a reload, untrusted. */
export interface SavedPage {
  readonly roadmapId: string;
  readonly moduleId?: string;
  readonly pinned: boolean;
}

export function parseSavedPage(state: unknown): SavedPage | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const { roadmapId, moduleId, pinned } = state as Record<string, unknown>;
  if (!isId(roadmapId) || (moduleId !== undefined && !isId(moduleId))) return undefined;
  return { roadmapId, moduleId, pinned: pinned === true };
}
