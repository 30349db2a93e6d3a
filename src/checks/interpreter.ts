/**
 * Which Python runs a project's checks, and in which environment. In order: the Python extension's
 * active interpreter for the folder (its public API), the `mlRoadmaps.python.interpreterPath`
 * setting, the project's own `.venv` (what the install commands create), then `python3` and `python`
 * on the terminal's PATH. The first of the first three that exists decides (a user's choice is never
 * passed over); on PATH the first with pytest and the project's requirements wins, else the first
 * with pytest. Probes are cached per interpreter file until it changes.
 */
import * as fs from 'fs';
import type { Log } from '../util/log';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Settings } from '../constants';
import { isRecord } from '../model/ids';
import { describeTried, probePython, ProbeResult, pythonCandidates, requirementModules } from './python';
import { pathOf, projectVenvPython, terminalEnv, terminalEnvKey } from './environment';

export const PYTHON_EXTENSION_ID = 'ms-python.python';
export const INTERPRETER_SETTING = 'python.interpreterPath';

export type InterpreterSource = 'pythonExtension' | 'setting' | 'projectVenv' | 'path';

export interface Interpreter {
  readonly probe: ProbeResult;
  readonly source: InterpreterSource;
  /** Modules of requirements.txt the interpreter lacks: the run goes on, and says so. */
  readonly missing: readonly string[];
}

export interface InterpreterAnswer {
  readonly interpreter?: Interpreter;
  /** Every candidate probed, for the message and the log. */
  readonly tried: readonly ProbeResult[];
}

/** The environment the integrated terminal would have: this process's, plus `terminal.integrated.env.<os>`. */
export function checksEnv(): NodeJS.ProcessEnv {
  const overrides = vscode.workspace.getConfiguration('terminal.integrated.env').get<unknown>(terminalEnvKey(process.platform));
  return terminalEnv(process.env, overrides);
}

export class InterpreterFinder {
  private readonly probes = new Map<string, { stamp: string; result: ProbeResult }>();

  constructor(private readonly log: Log) {}

  /** Forgets every probe: after the setting or the Python extension's choice changed. */
  clear(): void {
    this.probes.clear();
  }

  async find(folder: vscode.Uri, env: NodeJS.ProcessEnv): Promise<InterpreterAnswer> {
    const modules = await requirementsOf(folder);
    const tried: ProbeResult[] = [];
    const explicit: { command: string; source: InterpreterSource }[] = [];
    const fromExtension = await pythonExtensionInterpreter(folder, this.log);
    if (fromExtension) explicit.push({ command: fromExtension, source: 'pythonExtension' });
    const setting = vscode.workspace.getConfiguration(Settings.section, folder).get<string>(INTERPRETER_SETTING, '').trim();
    if (setting) explicit.push({ command: resolveSetting(setting, folder), source: 'setting' });
    explicit.push({ command: projectVenvPython(folder.fsPath, process.platform), source: 'projectVenv' });

    for (const { command, source } of explicit) {
      const probe = await this.probe(command, modules, env);
      if (probe.failure === 'not-found') {
        if (source !== 'projectVenv') tried.push(probe);
        continue;
      }
      tried.push(probe);
      return probe.ok || probe.failure === 'missing-modules' ? { interpreter: { probe, source, missing: probe.missing }, tried } : { tried };
    }
    let withPytest: ProbeResult | undefined;
    for (const command of pythonCandidates({ pathEnv: pathOf(env) })) {
      const probe = await this.probe(command, modules, env);
      tried.push(probe);
      if (probe.ok) return { interpreter: { probe, source: 'path', missing: [] }, tried };
      if (probe.failure === 'missing-modules') withPytest ??= probe;
    }
    return withPytest ? { interpreter: { probe: withPytest, source: 'path', missing: withPytest.missing }, tried } : { tried };
  }

  private async probe(command: string, modules: readonly string[], env: NodeJS.ProcessEnv): Promise<ProbeResult> {
    const stamp = fileStamp(command);
    const key = `${command}\0${modules.join(',')}`;
    const cached = stamp === undefined ? undefined : this.probes.get(key);
    if (cached && cached.stamp === stamp) return cached.result;
    const result = stamp === undefined && (command.includes('/') || command.includes('\\')) ? notFound(command) : await probePython(command, { modules, env });
    if (stamp !== undefined) this.probes.set(key, { stamp, result });
    this.log.info(`Checks: ${describeTried([result])}`);
    return result;
  }
}

/** The active interpreter the Python extension chose for the folder, when it is installed. */
async function pythonExtensionInterpreter(folder: vscode.Uri, log: Log): Promise<string | undefined> {
  const extension = vscode.extensions.getExtension<unknown>(PYTHON_EXTENSION_ID);
  if (!extension) return undefined;
  try {
    const api: unknown = extension.isActive ? extension.exports : await extension.activate();
    // Coded against the documented shape of `@vscode/python-extension`, checked at every step.
    const environments = isRecord(api) ? api.environments : undefined;
    if (!isRecord(environments) || typeof environments.getActiveEnvironmentPath !== 'function') return undefined;
    const active = (environments.getActiveEnvironmentPath as (resource?: vscode.Uri) => unknown)(folder);
    if (!isRecord(active) || typeof active.path !== 'string') return undefined;
    if (typeof environments.resolveEnvironment === 'function') {
      const resolved = await (environments.resolveEnvironment as (environment: unknown) => Promise<unknown>)(active);
      const executable = isRecord(resolved) ? resolved.executable : undefined;
      const uri = isRecord(executable) ? executable.uri : undefined;
      if (uri instanceof vscode.Uri) return uri.fsPath;
    }
    return active.path;
  } catch (error) {
    log.warn(`Checks: could not ask the Python extension for its interpreter: ${(error as Error).message}`);
    return undefined;
  }
}

/** `~` and `${workspaceFolder}` as in VS Code's own settings; a relative path is taken from the project folder. */
function resolveSetting(value: string, folder: vscode.Uri): string {
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder)?.uri.fsPath ?? folder.fsPath;
  const expanded = value.replace(/\$\{workspaceFolder\}/g, workspaceFolder).replace(/^~(?=$|[\\/])/, os.homedir());
  if (!expanded.includes('/') && !expanded.includes('\\')) return expanded;
  return path.isAbsolute(expanded) ? expanded : vscode.Uri.joinPath(folder, expanded).fsPath;
}

async function requirementsOf(folder: vscode.Uri): Promise<string[]> {
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'requirements.txt')));
    return requirementModules(text).filter((m) => m !== 'pytest');
  } catch {
    return [];
  }
}

function fileStamp(command: string): string | undefined {
  try {
    const stat = fs.statSync(command);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return undefined;
  }
}

function notFound(command: string): ProbeResult {
  return { command, ok: false, missing: [], failure: 'not-found', reason: 'was not found' };
}
