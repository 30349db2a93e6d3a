/**
 * The model's vocabulary for naming things: kebab-case ids, as roadmaps and scaffolds use them, and
 * the `<roadmap id>/<task id>` key that stores, links and notes file a task under. Everything that
 * checks an id or builds or reads a task key imports it from here. Pure.
 */

export const MAX_ID_LENGTH = 64;

/** A kebab-case id, as a pattern source, for building larger patterns (`roadmap/task` references). */
export const ID_SOURCE = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const ID_PATTERN = new RegExp(`^${ID_SOURCE}$`);

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);
}

/** A kebab-case id made from any text: "NumPy & Pandas!" → "numpy-pandas". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
}

/**
 * Names Windows reserves for devices, in any case and with any extension: `con`, `nul.txt`,
 * `COM1.py`. A file or folder of such a name cannot be created there (or opens the device).
 * Trailing dots and spaces are ignored by Windows, so `nul .py` counts too.
 */
export function isWindowsDeviceName(name: string): boolean {
  const stem = name.split('.')[0].replace(/[ .]+$/, '');
  return /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i.test(stem);
}

/** The key a task's progress, links and notes are filed under: `<roadmap id>/<task id>`. */
export function taskKey(roadmapId: string, taskId: string): string {
  return `${roadmapId}/${taskId}`;
}

/** A task key read back; undefined when it is not two ids joined by one slash. */
export function parseTaskKey(key: string): { readonly roadmapId: string; readonly taskId: string } | undefined {
  const slash = key.indexOf('/');
  if (slash < 0) return undefined;
  const roadmapId = key.slice(0, slash);
  const taskId = key.slice(slash + 1);
  return isId(roadmapId) && isId(taskId) ? { roadmapId, taskId } : undefined;
}

/** A plain object read from storage, a file or a page: never an array or null. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
