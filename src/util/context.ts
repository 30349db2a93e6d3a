import * as vscode from 'vscode';

/**
 * Sets `when`-clause context keys, remembering the last value of each: VS Code offers no way to
 * read one back, and the tests and the walkthrough's completion depend on them.
 */
const values = new Map<string, unknown>();

export function setContext(key: string, value: unknown): void {
  if (values.has(key) && values.get(key) === value) return;
  values.set(key, value);
  void vscode.commands.executeCommand('setContext', key, value);
}

export function contextValue(key: string): unknown {
  return values.get(key);
}
