/**
 * Where the roadmaps come from in VS Code: the bundled ones compiled into the extension, and the
 * workspace's `.vscode/roadmaps/*.roadmap.yaml` plus the files the `roadmapFiles` setting names.
 */
import * as vscode from 'vscode';
import { Settings } from '../constants';
import { buildRoadmap } from '../model/document';
import type { LoadResult } from '../model/loader';
import { fileTooLargeMessage, MAX_ROADMAP_FILE_BYTES, type RoadmapSource } from '../model/types';
import { compiledBundle } from './bundleFormat';
import type { RoadmapEntry, RoadmapSources } from './catalog';
import type { RoadmapParser } from './parser';

export const BUNDLED_FOLDER = 'roadmaps';
export const WORKSPACE_ROADMAP_GLOB = '.vscode/roadmaps/*.roadmap.yaml';

/** The globs that find workspace roadmaps: the fixed folder plus the user's setting. */
export function roadmapGlobs(): string[] {
  const extra = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.roadmapFiles, []);
  return [WORKSPACE_ROADMAP_GLOB, ...(Array.isArray(extra) ? extra.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [])];
}

export class VsCodeRoadmapSources implements RoadmapSources {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly parser: RoadmapParser,
  ) {}

  /**
   * The bundled roadmaps: validated at build time and compiled into the bundle, so showing them
   * needs no file read and no YAML parser. Without a build (sources run as they are) the YAML.
   *
   * Built anew on each load: VS Code's tree view caches nodes by element, and after a full
   * refresh it silently dropped reveals of elements it had seen before.
   */
  async bundled(): Promise<readonly RoadmapEntry[]> {
    const folder = vscode.Uri.joinPath(this.extensionUri, BUNDLED_FOLDER);
    const bundle = await compiledBundle();
    if (bundle) {
      return bundle.map(({ file, document }) => buildRoadmap(document, { label: file, location: vscode.Uri.joinPath(folder, file).toString(), bundled: true }));
    }
    const children = await vscode.workspace.fs.readDirectory(folder);
    const names = children.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.yaml')).map(([name]) => name).sort();
    return Promise.all(
      names.map(async (name) => {
        const source = { label: name, location: vscode.Uri.joinPath(folder, name).toString(), bundled: true };
        const read = await this.read(source);
        const result = 'text' in read ? await this.parse(read.text, source) : { errors: [{ file: name, path: '', message: read.problem, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }] };
        return result.roadmap ?? { failure: true as const, source, errors: result.errors };
      }),
    );
  }

  async workspaceFiles(): Promise<readonly RoadmapSource[]> {
    if (!vscode.workspace.workspaceFolders?.length) return [];
    const found = await Promise.all(roadmapGlobs().map((glob) => vscode.workspace.findFiles(glob, '**/node_modules/**')));
    const unique = new Map(found.flat().map((uri) => [uri.toString(), uri]));
    return [...unique.values()]
      .sort((a, b) => a.toString().localeCompare(b.toString()))
      .map((uri) => ({ label: vscode.workspace.asRelativePath(uri, true), location: uri.toString(), bundled: false }));
  }

  async read(source: RoadmapSource): Promise<{ text: string } | { problem: string }> {
    const uri = vscode.Uri.parse(source.location);
    try {
      const { size } = await vscode.workspace.fs.stat(uri);
      // Checked before reading, so a huge file is never read whole.
      if (size > MAX_ROADMAP_FILE_BYTES) return { problem: fileTooLargeMessage(size) };
      return { text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '') };
    } catch (error) {
      return { problem: `could not read the file: ${(error as Error).message}` };
    }
  }

  async parse(text: string, source: RoadmapSource): Promise<LoadResult> {
    const { document, errors } = await this.parser.validate(text, source.label);
    return document ? { roadmap: buildRoadmap(document, source), errors } : { errors };
  }
}
