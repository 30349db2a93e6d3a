/**
 * What Create Starter Project needs of a writer that guards the folder it writes into, without
 * depending on how: on the local disk `writeGuard.ts` checks real paths; the web has none.
 * Part of the platform because the platform hands out the writer (see `index.ts`).
 */

/** A path refused because it leads, or could lead, outside the anchor. */
export class OutsideFolder extends Error {}

export interface FolderWriter {
  /** Checks every existing folder on the way to each file; throws OutsideFolder for the first that leads outside. */
  checkAll(relatives: readonly string[]): Promise<void>;
  /** Creates the file, never over an existing one: 'exists' when something is already there. */
  write(relative: string, content: Uint8Array): Promise<'created' | 'exists'>;
}
