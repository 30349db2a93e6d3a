/**
 * What the checks tell a learner about the interpreter: which one runs them and from where, what
 * it lacks (before the run, as the Testing view's item description), and, when it cannot run them
 * or lacks a module a check needed, a message that says which interpreter, what is wrong, and
 * offers the fix as buttons.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { installCommands } from './environment';
import { INTERPRETER_SETTING_ID, InterpreterAnswer } from './interpreter';
import type { ProbeResult } from './python';
import type { ChosenInterpreter, InterpreterSource } from './ranking';

/** A message and the fixes it offers. */
export interface FixMessage {
  readonly text: string;
  readonly fixes: readonly Fix[];
}

export type Fix = 'openSetting' | 'chooseInterpreter' | 'createEnvironment' | 'installTerminal';

const PYTHON_SET_INTERPRETER = 'python.setInterpreter';
const PYTHON_CREATE_ENVIRONMENT = 'python.createEnvironment';

function projectName(folder: vscode.Uri): string {
  return path.posix.basename(folder.path);
}

function versionOf(probe: ProbeResult): string | undefined {
  return probe.version?.split(' ')[0];
}

/** Where an interpreter came from, in a few words. */
function sourceText(source: InterpreterSource): string {
  switch (source) {
    case 'setting':
      return vscode.l10n.t('set in {0}', INTERPRETER_SETTING_ID);
    case 'pythonExtension':
      return vscode.l10n.t('selected in the Python extension');
    case 'projectVenv':
      return vscode.l10n.t('the project’s .venv');
    case 'path':
      return vscode.l10n.t('found on PATH');
  }
}

/** `/p/.venv/bin/python (Python 3.11.2, the project’s .venv)`. */
export function interpreterLabel(interpreter: { readonly source: InterpreterSource; readonly probe: ProbeResult }): string {
  const version = versionOf(interpreter.probe);
  return version
    ? vscode.l10n.t('{0} (Python {1}, {2})', interpreter.probe.command, version, sourceText(interpreter.source))
    : vscode.l10n.t('{0} ({1})', interpreter.probe.command, sourceText(interpreter.source));
}

/** The Testing view's description of a project: its folder, then the interpreter and what it lacks, or why there is none. */
export function projectDescription(folder: string, answer: InterpreterAnswer): string {
  const { chosen, problem } = answer.choice;
  if (chosen) {
    const version = versionOf(chosen.probe) ?? '?';
    const where = chosen.source === 'path' ? chosen.probe.command : sourceShort(chosen.source);
    const python = vscode.l10n.t('Python {0} from {1}', version, where);
    return chosen.missing.length > 0 ? vscode.l10n.t('{0} · {1}, lacks {2}', folder, python, chosen.missing.join(', ')) : vscode.l10n.t('{0} · {1}', folder, python);
  }
  const why =
    problem.kind === 'notFound'
      ? vscode.l10n.t('{0} not found', INTERPRETER_SETTING_ID)
      : problem.kind === 'unusable' && problem.candidate
        ? `${sourceShort(problem.candidate.source)}: ${problem.candidate.probe.reason ?? ''}`
        : vscode.l10n.t('no Python with pytest');
  return vscode.l10n.t('{0} · cannot run: {1}', folder, why);
}

function sourceShort(source: InterpreterSource): string {
  switch (source) {
    case 'setting':
      return INTERPRETER_SETTING_ID;
    case 'pythonExtension':
      return vscode.l10n.t('the Python extension');
    case 'projectVenv':
      return '.venv';
    case 'path':
      return 'PATH';
  }
}

/** Why no interpreter can run a project's checks, and the fixes to offer. */
export function noInterpreterMessage(folder: vscode.Uri, answer: InterpreterAnswer): FixMessage {
  const name = projectName(folder);
  const commands = installCommands(process.platform);
  const problem = answer.choice.problem;
  const candidate = problem?.candidate;
  if (problem?.kind === 'notFound') {
    return {
      text: vscode.l10n.t(
        '{0} is set to “{1}”, which does not exist, so the checks of “{2}” cannot run. Correct the setting, or clear it to let the checks find a Python.',
        INTERPRETER_SETTING_ID,
        answer.setting ?? candidate?.probe.command ?? '',
        name,
      ),
      fixes: ['openSetting'],
    };
  }
  if (problem?.kind === 'unusable' && candidate) {
    const { command, reason = '' } = candidate.probe;
    switch (candidate.source) {
      case 'setting':
        return {
          text: vscode.l10n.t('The checks of “{0}” use {1}, set in {2}, which {3}. Install pytest and the project’s requirements into it, or change the setting.', name, command, INTERPRETER_SETTING_ID, reason),
          fixes: ['openSetting'],
        };
      case 'pythonExtension':
        return {
          text: vscode.l10n.t('The checks of “{0}” use {1}, the interpreter selected in the Python extension, which {2}. Select another interpreter, or create the project’s environment.', name, command, reason),
          fixes: ['chooseInterpreter', 'createEnvironment'],
        };
      case 'projectVenv':
        return {
          text: vscode.l10n.t('The checks of “{0}” use the project’s .venv ({1}), which {2}. Install the project’s requirements into it with `{3}`.', name, command, reason, commands),
          fixes: ['installTerminal'],
        };
      case 'path':
        break;
    }
  }
  const probe = candidate?.probe ?? answer.tried.find((t) => t.failure !== 'not-found');
  return {
    text: probe
      ? vscode.l10n.t('The checks of “{0}” cannot run: {1} {2}. Create the project’s environment with `{3}`, then run them again.', name, probe.command, probe.reason ?? '', commands)
      : vscode.l10n.t('No Python was found for the checks of “{0}”. Create the project’s environment with `{1}`, select an interpreter with the Python extension, or set mlRoadmaps.python.interpreterPath.', name, commands),
    fixes: ['installTerminal', 'chooseInterpreter'],
  };
}

/** A check could not import one of the project's modules: which, with which interpreter, and the fix. */
export function missingModuleMessage(folder: vscode.Uri, modules: readonly string[], interpreter: ChosenInterpreter): FixMessage {
  return {
    text: vscode.l10n.t(
      'The checks of “{0}” could not import {1}: {2} does not have it. Choose an interpreter that has the project’s requirements, or create the project’s environment.',
      projectName(folder),
      modules.join(', '),
      interpreterLabel(interpreter),
    ),
    fixes: ['chooseInterpreter', 'createEnvironment'],
  };
}

function fixTitle(fix: Fix): string {
  switch (fix) {
    case 'openSetting':
      return vscode.l10n.t('Open Setting');
    case 'chooseInterpreter':
      return vscode.l10n.t('Choose Interpreter');
    case 'createEnvironment':
      return vscode.l10n.t('Create Environment');
    case 'installTerminal':
      return vscode.l10n.t('Open Terminal with Commands');
  }
}

/** Shows the message as an error with a button per fix, and applies the one chosen. */
export async function offerFixes(folder: vscode.Uri, message: FixMessage): Promise<void> {
  const titles = message.fixes.map(fixTitle);
  const chosen = await vscode.window.showErrorMessage(message.text, ...titles);
  const fix = chosen === undefined ? undefined : message.fixes[titles.indexOf(chosen)];
  if (fix) await applyFix(folder, fix);
}

export async function applyFix(folder: vscode.Uri, fix: Fix): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  switch (fix) {
    case 'chooseInterpreter':
      // The Python extension's picker when it is there; otherwise the setting this extension reads.
      if (commands.includes(PYTHON_SET_INTERPRETER)) await vscode.commands.executeCommand(PYTHON_SET_INTERPRETER);
      else await vscode.commands.executeCommand('workbench.action.openSettings', INTERPRETER_SETTING_ID);
      return;
    case 'openSetting':
      await vscode.commands.executeCommand('workbench.action.openSettings', INTERPRETER_SETTING_ID);
      return;
    case 'createEnvironment':
      if (commands.includes(PYTHON_CREATE_ENVIRONMENT)) await vscode.commands.executeCommand(PYTHON_CREATE_ENVIRONMENT);
      else openInstallTerminal(folder);
      return;
    case 'installTerminal':
      openInstallTerminal(folder);
      return;
  }
}

export function openInstallTerminal(folder: vscode.Uri): vscode.Terminal {
  const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Environment: {0}', projectName(folder)), cwd: folder });
  terminal.show();
  // Typed, not sent: nothing is installed until the learner presses Enter.
  terminal.sendText(installCommands(process.platform), false);
  return terminal;
}
