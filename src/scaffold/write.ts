/**
 * Writing: what is already at the chosen folder (and whether anything may be written there at
 * all), then the files, never through a symbolic link and never over an existing file.
 */
import * as vscode from 'vscode';
import type { Log } from '../util/log';
import { twofold, Twofold } from '../util/l10n';
import { FolderWriter, OutsideFolder } from '../platform/folderWriter';
import { isInside, TemplateFile } from './plan';

/**
 * Which planned files already exist under `target`, or why nothing may be written there: the
 * target or a folder on the way to a file is a symbolic link (it could lead outside the chosen
 * folder) or is a file.
 */
export async function probeTarget(target: vscode.Uri, paths: readonly string[]): Promise<{ existing: Set<string>; refusal?: Twofold }> {
  const existing = new Set<string>();
  const types = new Map<string, vscode.FileType | undefined>();
  const typeOf = async (path: string) => {
    if (!types.has(path)) types.set(path, await statType(path === '' ? target : vscode.Uri.joinPath(target, ...path.split('/'))));
    return types.get(path);
  };
  const targetType = await typeOf('');
  if (targetType === undefined) return { existing };
  if (targetType & vscode.FileType.SymbolicLink) return { existing, refusal: twofold((t) => t('{0} is a symbolic link; choose the folder it points to instead', display(target))) };
  if (!(targetType & vscode.FileType.Directory)) return { existing, refusal: twofold((t) => t('{0} is a file, not a folder', display(target))) };
  for (const path of paths) {
    const segments = path.split('/');
    let folderExists = true;
    for (let i = 1; i < segments.length && folderExists; i++) {
      const folder = segments.slice(0, i).join('/');
      const type = await typeOf(folder);
      if (type === undefined) folderExists = false;
      else if (type & vscode.FileType.SymbolicLink) {
        return { existing, refusal: twofold((t) => t('"{0}" in {1} is a symbolic link, which could lead outside the chosen folder', folder, display(target))) };
      } else if (!(type & vscode.FileType.Directory)) {
        return { existing, refusal: twofold((t) => t('"{0}" in {1} is a file, but the starter needs a folder there', folder, display(target))) };
      }
    }
    // Anything at the path counts, a dangling link included: it is never written through.
    if (folderExists && (await typeOf(path)) !== undefined) existing.add(path);
  }
  return { existing };
}

export async function writeFiles(
  target: vscode.Uri,
  files: readonly TemplateFile[],
  log: Log,
  guardedWriter: ((anchor: string) => FolderWriter) | undefined,
): Promise<{ created: string[]; appeared: string[]; failed: string[]; refused?: string }> {
  const created: string[] = [];
  const appeared: string[] = [];
  const failed: string[] = [];
  // On the local disk every folder on the way is checked for links at write time (writeGuard.ts).
  // Other file systems (remote, virtual) cannot tell a real path through `workspace.fs`; there the
  // symbolic-link bits that probeTarget read are all there is to go by. So does the web, which has
  // no local disk.
  const guard = target.scheme === 'file' && guardedWriter ? guardFor(target, guardedWriter) : undefined;
  if (guard) {
    try {
      await guard.writer.checkAll(files.map((f) => guard.prefix + f.path));
    } catch (error) {
      if (!(error instanceof OutsideFolder)) throw error;
      log.warn(`Create Starter Project: refused to write: ${error.message}.`);
      return { created, appeared, failed, refused: error.message };
    }
  }
  for (const file of files) {
    const uri = vscode.Uri.joinPath(target, ...file.path.split('/'));
    // planScaffold already refuses such paths; this guards the join itself.
    if (!isInside(target.path, uri.path)) {
      failed.push(`${file.path}: outside the project folder`);
      continue;
    }
    try {
      if (guard) {
        if ((await guard.writer.write(guard.prefix + file.path, file.content)) === 'exists') {
          appeared.push(file.path);
          log.warn(`Create Starter Project: ${file.path} appeared while creating the project; kept it untouched.`);
          continue;
        }
        created.push(file.path);
        continue;
      }
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      // `workspace.fs.writeFile` always overwrites: look once more right before writing.
      if ((await statType(uri)) !== undefined) {
        appeared.push(file.path);
        log.warn(`Create Starter Project: ${file.path} appeared while creating the project; kept it untouched.`);
        continue;
      }
      await vscode.workspace.fs.writeFile(uri, file.content);
      created.push(file.path);
    } catch (error) {
      failed.push(`${file.path}: ${messageOf(error)}`);
      log.error(`Create Starter Project: could not write ${file.path}: ${messageOf(error)}`);
    }
  }
  log.info(`Create Starter Project: wrote ${created.length} file(s) under ${target.toString()}${failed.length ? `, ${failed.length} failed` : ''}.`);
  return { created, appeared, failed };
}

/**
 * The writer anchored where the user's choice is visible: the workspace folder that holds the
 * target (so a `projects` link in a cloned repository is caught), or else the chosen folder.
 */
function guardFor(target: vscode.Uri, guardedWriter: (anchor: string) => FolderWriter): { writer: FolderWriter; prefix: string } {
  const folder = vscode.workspace.getWorkspaceFolder(target);
  if (folder && folder.uri.scheme === 'file' && isInside(folder.uri.path, target.path)) {
    const rest = target.path.slice(folder.uri.path.replace(/\/+$/, '').length).replace(/^\/+/, '');
    return { writer: guardedWriter(folder.uri.fsPath), prefix: rest === '' ? '' : `${rest}/` };
  }
  return { writer: guardedWriter(target.fsPath), prefix: '' };
}

/** The type of what is at `uri` (symbolic-link bit included), or undefined when nothing is. */
async function statType(uri: vscode.Uri): Promise<vscode.FileType | undefined> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type;
  } catch (error) {
    // Compare the code rather than `instanceof`: errors from other file system providers may not be FileSystemError instances.
    if ((error as { code?: unknown }).code === 'FileNotFound') return undefined;
    throw error;
  }
}

/** The folder as the learner sees it: relative to the workspace when inside it. */
export function display(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, true);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
