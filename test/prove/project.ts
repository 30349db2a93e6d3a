/**
 * What the proofs share: reading a scaffold, its reference solution and its variants, and
 * rendering them into a project folder exactly as Create Starter Project renders a starter.
 */
import * as fs from 'fs';
import * as path from 'path';
import { requirementModules } from '../../src/checks/python';
import { parseScaffoldManifest, ScaffoldManifest } from '../../src/scaffold/manifest';
import { builtinVariables, planScaffold, TemplateFile } from '../../src/scaffold/plan';

/** The project root, from out/test/prove at run time. */
export const ROOT = path.resolve(__dirname, '../../..');
export const SCAFFOLDS_DIR = path.join(ROOT, 'roadmaps', 'scaffolds');
export const SOLUTIONS_DIR = path.join(ROOT, 'test', 'fixtures', 'solutions');
export const VARIANTS_DIR = path.join(ROOT, 'test', 'fixtures', 'variants');
/** Fixed so the rendered projects are the same on every run. */
const PROJECT_NAME = 'Proof Project';
const RENDER_DATE = new Date(2026, 0, 15);

/** The template files under `dir`, POSIX paths relative to it, sorted; symbolic links are skipped as the extension does. */
export function readTemplates(dir: string, prefix = ''): TemplateFile[] {
  const files: TemplateFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) files.push(...readTemplates(full, `${prefix}${entry.name}/`));
    else if (entry.isFile()) files.push({ path: `${prefix}${entry.name}`, content: new Uint8Array(fs.readFileSync(full)) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The variables Create Starter Project would use for this scaffold, with a fixed name and date. */
export function variablesFor(manifest: ScaffoldManifest): Record<string, string> {
  return {
    ...Object.fromEntries(manifest.variables.map((v) => [v.name, v.default])),
    ...builtinVariables({ projectName: PROJECT_NAME, taskTitle: manifest.title, taskId: '', roadmapTitle: manifest.title, roadmapId: '', now: RENDER_DATE }),
  };
}

/** `templates` rendered with `variables`: the files with their rendered paths and contents, or the plan's errors. */
export function renderTemplates(templates: readonly TemplateFile[], variables: Record<string, string>): { files: TemplateFile[]; errors: string[] } {
  const plan = planScaffold({ files: templates, variables, existing: new Set() });
  return plan.errors.length > 0 ? { files: [], errors: [...plan.errors] } : { files: [...plan.create], errors: [] };
}

/** Writes rendered files under `target`, replacing what is there. */
export function writeFiles(files: readonly TemplateFile[], target: string): void {
  for (const file of files) {
    const full = path.join(target, ...file.path.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, file.content);
  }
}

/** Renders `templates` and writes them under `target`, replacing what is there; returns the plan's errors. */
export function render(templates: readonly TemplateFile[], variables: Record<string, string>, target: string): string[] {
  const { files, errors } = renderTemplates(templates, variables);
  if (errors.length === 0) writeFiles(files, target);
  return errors;
}

/** The scaffolds under `dir` (its folders), sorted; `only` must name some of them. */
export function scaffoldIds(dir: string, only: readonly string[]): string[] {
  const all = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const unknown = only.filter((id) => !all.includes(id));
  if (unknown.length > 0) throw new Error(`no such scaffold: ${unknown.join(', ')}`);
  return only.length > 0 ? [...only] : all;
}

/** A scaffold read for a proof: its manifest, starter templates, the variables it renders with and its requirements. */
export interface LoadedScaffold {
  readonly id: string;
  readonly folder: string;
  readonly manifest: ScaffoldManifest;
  readonly templates: TemplateFile[];
  readonly variables: Record<string, string>;
  /** The modules of its requirements.txt (pytest alone without one). */
  readonly modules: string[];
}

/** Reads `<scaffoldsDir>/<id>`, or says what is wrong with it. */
export function loadScaffold(id: string, scaffoldsDir: string): { scaffold?: LoadedScaffold; problem?: string } {
  const folder = path.join(scaffoldsDir, id);
  const label = `scaffolds/${id}/scaffold.yaml`;
  let text: string;
  try {
    text = fs.readFileSync(path.join(folder, 'scaffold.yaml'), 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    return { problem: `cannot read ${label}: ${(error as Error).message}` };
  }
  const { manifest, errors } = parseScaffoldManifest(text, label);
  if (!manifest || errors.length > 0) return { problem: `invalid manifest: ${errors.join('; ')}` };
  if (manifest.id !== id) return { problem: `${label}: id "${manifest.id}" is not the folder name` };
  const templates = readTemplates(path.join(folder, 'files'));
  const requirements = templates.find((t) => t.path === 'requirements.txt');
  const modules = requirements ? requirementModules(new TextDecoder().decode(requirements.content)) : ['pytest'];
  return { scaffold: { id, folder, manifest, templates, variables: variablesFor(manifest), modules } };
}

/** The reference solution's templates, or why there is none to use. */
export function readSolution(id: string, solutionsDir: string): { solution?: TemplateFile[]; problem?: string; missing?: boolean } {
  const dir = path.join(solutionsDir, id);
  if (!fs.existsSync(dir)) return { missing: true, problem: 'no reference solution' };
  const solution = readTemplates(dir);
  if (solution.length === 0) return { problem: 'the reference solution folder is empty' };
  return { solution };
}
