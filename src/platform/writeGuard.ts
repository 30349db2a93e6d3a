/**
 * Writes a starter project's files on the local disk without following a symbolic link out of
 * the folder the user chose. Every folder on the way is checked when it is used, not once before
 * a dialog: the real path of each existing folder from the anchor down must lie inside the
 * anchor's real path, files are created exclusively (never over an existing file or a link, even
 * a dangling one), and a file whose real path turns out to be outside is removed again.
 *
 * Node only (no `vscode`); `node.ts` hands it to Create Starter Project (`scaffold/create.ts`) for `file:` folders.
 */
import { constants, promises as fs } from 'fs';
import * as path from 'path';

import { FolderWriter, OutsideFolder } from './folderWriter';

export { OutsideFolder };

/**
 * The anchor is the folder the user chose in a way they can see: the workspace folder that holds
 * the target, or the target itself. `relative` are POSIX paths from `anchor` to each file.
 */
export class GuardedWriter implements FolderWriter {
  private anchorReal: string | undefined;

  constructor(private readonly anchor: string) {}

  /**
   * Checks every existing folder on the way to each file, before anything is written; throws
   * OutsideFolder for the first that leads outside the anchor.
   */
  async checkAll(relatives: readonly string[]): Promise<void> {
    const checked = new Set<string>();
    for (const relative of relatives) {
      const segments = this.segments(relative);
      for (let i = 1; i < segments.length; i++) {
        const folder = segments.slice(0, i).join('/');
        if (checked.has(folder)) continue;
        checked.add(folder);
        if (!(await this.checkExisting(folder))) break;
      }
      await this.checkExisting(relative);
    }
  }

  /**
   * Creates the folders on the way and the file, checking each folder as it goes. Returns
   * 'exists' (and writes nothing) when something is already at the path.
   */
  async write(relative: string, content: Uint8Array): Promise<'created' | 'exists'> {
    const segments = this.segments(relative);
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join('/');
      try {
        await fs.mkdir(this.native(folder));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      await this.checkExisting(folder);
    }
    const file = this.native(relative);
    let handle: fs.FileHandle;
    try {
      // O_EXCL: fails on anything already there, a symbolic link included, so nothing is overwritten.
      handle = await fs.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      throw error;
    }
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    // A folder swapped for a link between the check and the open: take the file back out.
    const real = await fs.realpath(file);
    if (!this.inside(await this.anchorRealPath(), real)) {
      await fs.unlink(file);
      throw new OutsideFolder(`"${relative}" turned out to lead outside ${this.anchor} while it was written; it was removed again`);
    }
    return 'created';
  }

  /** False when nothing is at `relative`; throws when what is there leads outside the anchor. */
  private async checkExisting(relative: string): Promise<boolean> {
    const full = this.native(relative);
    let real: string;
    try {
      real = await fs.realpath(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw error;
      // Nothing there, or a dangling link: a link is refused, since writing through it would create its target.
      try {
        await fs.lstat(full);
      } catch {
        return false;
      }
      throw new OutsideFolder(`"${relative}" is a symbolic link that points nowhere; nothing is written through it`);
    }
    if (!this.inside(await this.anchorRealPath(), real)) {
      throw new OutsideFolder(`"${relative}" leads to ${real}, outside ${this.anchor} (a symbolic link on the way)`);
    }
    return true;
  }

  private async anchorRealPath(): Promise<string> {
    if (this.anchorReal === undefined) {
      await fs.mkdir(this.anchor, { recursive: true });
      this.anchorReal = await fs.realpath(this.anchor);
    }
    return this.anchorReal;
  }

  private segments(relative: string): string[] {
    const segments = relative.split('/');
    if (segments.some((s) => s === '' || s === '.' || s === '..')) throw new OutsideFolder(`"${relative}" is not a plain relative path`);
    return segments;
  }

  private native(relative: string): string {
    return path.join(this.anchor, ...relative.split('/'));
  }

  private inside(parent: string, child: string): boolean {
    const relative = path.relative(parent, child);
    return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
  }
}
