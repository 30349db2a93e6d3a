/**
 * The services start-up needs before the rest of the extension loads: the log and the stored
 * progress, which the first rows count. The other services (src/services.ts) are made from these
 * (in the web host too). Apart from services.ts, whose imports would load everything else.
 */
import * as vscode from 'vscode';
import { OUTPUT_CHANNEL_NAME } from '../constants';
import { ProgressStore } from '../storage/progressStore';
import { LazyLogChannel, type Log } from '../util/log';
import { translate } from '../util/l10n';
import type { Warn } from '../util/translate';

export interface FirstServices {
  readonly log: Log;
  readonly store: ProgressStore;
  /** How the stores report stored data they could not read: in English in the log, in the user's language on screen. */
  readonly warn: Warn;
}

export function createFirstServices(context: vscode.ExtensionContext): FirstServices {
  const log = new LazyLogChannel(OUTPUT_CHANNEL_NAME);
  context.subscriptions.push(log);
  const warn: Warn = (message, shown) => {
    log.warn(message);
    void vscode.window.showWarningMessage(vscode.l10n.t('ML Roadmaps: {0}', shown));
  };
  return { log, store: new ProgressStore(context.globalState, warn, Date.now, translate), warn };
}
