/**
 * Which Python runs a project's checks, and in which environment: the candidates are probed here
 * (cached per interpreter file until it changes) and `ranking.ts` decides among them — the
 * `mlRoadmaps.python.interpreterPath` setting, the Python extension's active environment for the
 * folder (its public API), the project's own `.venv` (what the install commands create), then
 * `python3` and `python` on the terminal's PATH ranked by the project's modules they can import.
 * Only the candidates that can decide are probed: the setting alone when it is set, and on PATH
 * up to the first that has everything.
 */
import * as fs from 'fs';
import type { Log } from '../util/log';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Settings, settingId } from '../constants';
import { isRecord } from '../model/ids';
import { describeTried, probePython, ProbeResult, pythonCandidates, requirementModules } from './python';
import { pathOf, projectVenvPython, terminalEnv, terminalEnvKey } from './environment';
import { chooseInterpreter, ChosenInterpreter, InterpreterCandidate, InterpreterChoice, InterpreterSource } from './ranking';

export const PYTHON_EXTENSION_ID = 'ms-python.python';
/** The setting's full name, as people see it and type it. */
export const INTERPRETER_SETTING_ID = settingId(Settings.pythonInterpreterPath);

export type { ChosenInterpreter, InterpreterChoice, InterpreterSource };

export interface InterpreterAnswer {
  readonly choice: InterpreterChoice;
  /** Every candidate probed, for the message and the log. */
  readonly tried: readonly ProbeResult[];
  /** The project's modules (import names from its requirements.txt, without pytest). */
  readonly modules: readonly string[];
  /** The setting as written, when it is set. */
  readonly setting?: string;
}

/** The environment the integrated terminal would have: this process's, plus `terminal.integrated.env.<os>`. */
export function checksEnv(): NodeJS.ProcessEnv {
  const overrides = vscode.workspace.getConfiguration('terminal.integrated.env').get<unknown>(terminalEnvKey(process.platform));
  return terminalEnv(process.env, overrides);
}

export class InterpreterFinder {
  /** Probes by command and modules: a promise, so a run and the Testing view asking at once start one probe. */
  private readonly probes = new Map<string, { stamp: string; result: Promise<ProbeResult> }>();

  constructor(private readonly log: Log) {}

  /** Forgets every probe: after the setting or the Python extension's choice changed. */
  clear(): void {
    this.probes.clear();
  }

  async find(folder: vscode.Uri, env: NodeJS.ProcessEnv): Promise<InterpreterAnswer> {
    const modules = await requirementsOf(folder);
    const candidates: InterpreterCandidate[] = [];
    const answer = (setting?: string): InterpreterAnswer => ({
      choice: chooseInterpreter(candidates, modules),
      tried: candidates.map((c) => c.probe),
      modules,
      ...(setting ? { setting } : {}),
    });
    const setting = vscode.workspace.getConfiguration(Settings.section, folder).get<string>(Settings.pythonInterpreterPath, '').trim();
    if (setting) {
      candidates.push({ source: 'setting', probe: await this.probe(resolveSetting(setting, folder), modules, env) });
      return answer(setting);
    }
    const fromExtension = await pythonExtensionInterpreter(folder, this.log);
    for (const [source, command] of [
      ['pythonExtension', fromExtension],
      ['projectVenv', projectVenvPython(folder.fsPath, process.platform)],
    ] as const) {
      if (!command) continue;
      const probe = await this.probe(command, modules, env);
      candidates.push({ source, probe });
      if (probe.failure !== 'not-found') return answer();
    }
    for (const command of pythonCandidates({ pathEnv: pathOf(env) })) {
      const probe = await this.probe(command, modules, env);
      candidates.push({ source: 'path', probe });
      // Nothing ranks above one that has every module: the rest need not be started.
      if (probe.ok) break;
    }
    return answer();
  }

  private probe(command: string, modules: readonly string[], env: NodeJS.ProcessEnv): Promise<ProbeResult> {
    const stamp = fileStamp(command);
    const key = `${command}\0${modules.join(',')}`;
    const cached = stamp === undefined ? undefined : this.probes.get(key);
    if (cached && cached.stamp === stamp) return cached.result;
    if (stamp === undefined && (command.includes('/') || command.includes('\\'))) return Promise.resolve(notFound(command));
    const result = probePython(command, { modules, env }).then((probe) => {
      this.log.info(`Checks: ${describeTried([probe])}`);
      return probe;
    });
    if (stamp !== undefined) this.probes.set(key, { stamp, result });
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
