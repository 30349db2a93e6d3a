import * as vscode from 'vscode';

/**
 * Sets `when`-clause context keys, remembering the last value of each: VS Code offers no way to
 * read one back, and the walkthrough's completion and the tests depend on them. One instance, in
 * the services every feature receives.
 */
export class WhenContext {
  private readonly values = new Map<string, unknown>();

  set(key: string, value: unknown): void {
    const known = this.values.has(key);
    if (known && this.values.get(key) === value) return;
    this.values.set(key, value);
    // A key never set reads as false in `when` clauses, so a first false, '' or undefined needs no
    // message to the window; at start-up that is every key for most users.
    if (!known && !value) return;
    void vscode.commands.executeCommand('setContext', key, value);
  }

  /** The last value the extension gave a key; undefined if it never set it. */
  valueOf(key: string): unknown {
    return this.values.get(key);
  }
}
