import * as vscode from 'vscode';

/**
 * Sets `when`-clause context keys, remembering the last value of each: VS Code offers no way to
 * read one back, and the tests and the walkthrough's completion depend on them.
 */
const values = new Map<string, unknown>();

export function setContext(key: string, value: unknown): void {
  const known = values.has(key);
  if (known && values.get(key) === value) return;
  values.set(key, value);
  // A key never set reads as false in `when` clauses, so a first false, '' or undefined needs no
  // message to the window; at start-up that is every key for most users.
  if (!known && !value) return;
  void vscode.commands.executeCommand('setContext', key, value);
}

export function contextValue(key: string): unknown {
  return values.get(key);
}
