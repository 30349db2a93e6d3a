import * as vscode from 'vscode';
import { english, type Translate } from './translate';

/**
 * `vscode.l10n.t` as the pure modules' `Translate`, so the words they put on screen come out in the
 * user's language. Their messages are listed in `l10n/bundle.l10n.json` like every other.
 */
export const translate: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

/** A message both ways: in English for the output channel (and bug reports), translated for the screen. */
export interface Twofold {
  readonly message: string;
  readonly shown: string;
}

export function twofold(say: (t: Translate) => string): Twofold {
  return { message: say(english), shown: say(translate) };
}

/** Text that is not translated (a diagnostic about a file), shown as it is. */
export function untranslated(message: string): Twofold {
  return { message, shown: message };
}
