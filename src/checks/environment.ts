/**
 * What a checks run gets from its surroundings, decided without VS Code: the environment the
 * integrated terminal would have, the commands that make a project's environment, where a project's
 * own virtual environment keeps its interpreter, and where a check's test function is. Pure.
 */
import * as path from 'path';

/** The key of `terminal.integrated.env.<key>` for a platform. */
export function terminalEnvKey(platform: NodeJS.Platform): 'windows' | 'osx' | 'linux' {
  return platform === 'win32' ? 'windows' : platform === 'darwin' ? 'osx' : 'linux';
}

/**
 * `base` with the terminal's overrides applied as the terminal applies them: a string sets the
 * variable (with `${env:NAME}` replaced from `base`), null removes it; anything else is ignored.
 * On Windows names are matched without regard to case.
 */
export function terminalEnv(base: NodeJS.ProcessEnv, overrides: unknown, platform: NodeJS.Platform = process.platform): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) return env;
  const windows = platform === 'win32';
  const keyOf = (name: string) => (windows ? (Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase()) ?? name) : name);
  const lookup = (name: string) => base[windows ? (Object.keys(base).find((k) => k.toUpperCase() === name.toUpperCase()) ?? name) : name] ?? '';
  for (const [name, value] of Object.entries(overrides as Record<string, unknown>)) {
    if (value === null) delete env[keyOf(name)];
    else if (typeof value === 'string') env[keyOf(name)] = value.replace(/\$\{env:([^}]+)\}/g, (_, variable: string) => lookup(variable));
  }
  return env;
}

/** The PATH of an environment, whatever the case of its name (Windows spells it `Path`). */
export function pathOf(env: NodeJS.ProcessEnv): string {
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH');
  return (key && env[key]) || '';
}

/** The commands that create the project's virtual environment and install its requirements, for its terminal. */
export function installCommands(platform: NodeJS.Platform): string {
  return platform === 'win32'
    ? 'py -m venv .venv; .venv\\Scripts\\python -m pip install -r requirements.txt'
    : 'python3 -m venv .venv && .venv/bin/pip install -r requirements.txt';
}

/** The interpreter of the project's own `.venv`, which `installCommands` creates. */
export function projectVenvPython(folder: string, platform: NodeJS.Platform): string {
  return platform === 'win32' ? path.win32.join(folder, '.venv', 'Scripts', 'python.exe') : path.posix.join(folder, '.venv', 'bin', 'python');
}

/** The file and test name of a pytest node id: `checks/test_steps.py::test_x` → both parts. */
export function splitNodeId(nodeid: string): { file: string; name: string } {
  const [file, ...names] = nodeid.split('::');
  return { file, name: (names[names.length - 1] ?? '').replace(/\[.*$/s, '') };
}

/** The 0-based line of `def name(` (or `async def`) in a Python file's text; undefined when absent. */
export function testFunctionLine(text: string, name: string): number | undefined {
  if (name === '') return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\s*(?:async\\s+)?def\\s+${escaped}\\s*\\(`);
  const index = text.split(/\r?\n/).findIndex((line) => pattern.test(line));
  return index < 0 ? undefined : index;
}
