/**
 * How the pure modules put words on screen without importing `vscode`: they take a `Translate`,
 * shaped like `vscode.l10n.t`, and default to `english`. The VS Code layer passes `vscode.l10n.t`,
 * so every message they format must also be listed in `l10n/bundle.l10n.json`.
 */

/** A message with `{0}`, `{1}`… placeholders and the values to put in them. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

/** The messages as written: fills `{n}` with the n-th argument and leaves anything else alone. */
export const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (placeholder, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : placeholder));

/**
 * Reports a problem twice over: `message` in English, for the log and bug reports, and `shown` in
 * the user's language, for a notification.
 */
export type Warn = (message: string, shown: string) => void;
