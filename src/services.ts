/**
 * The shared services every feature receives: created once in `activate`, cheap to create
 * (no file I/O until a view asks for roadmaps).
 */
import * as vscode from 'vscode';
import { OUTPUT_CHANNEL_NAME } from './constants';
import type { Platform } from './platform';
import { ProgressTracker } from './progress/tracker';
import { RoadmapRegistry } from './core/registry';
import { StorageKeys } from './storage/memento';
import { ProgressStore } from './storage/progressStore';
import { WhenContext } from './util/context';
import { translate } from './util/l10n';

export interface Services {
  readonly log: vscode.LogOutputChannel;
  readonly registry: RoadmapRegistry;
  readonly store: ProgressStore;
  readonly tracker: ProgressTracker;
  /** The `when`-clause context keys the extension sets. */
  readonly context: WhenContext;
  /** Which extension host runs the extension: Node or a web worker. */
  readonly platform: Platform;
}

export function createServices(context: vscode.ExtensionContext, platform: Platform): Services {
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const registry = new RoadmapRegistry(context.extensionUri, log);
  // Progress follows the user to their other machines through Settings Sync.
  context.globalState.setKeysForSync([StorageKeys.progress]);
  const store = new ProgressStore(
    context.globalState,
    (message, shown) => {
      log.warn(message);
      void vscode.window.showWarningMessage(vscode.l10n.t('ML Roadmaps: {0}', shown));
    },
    Date.now,
    translate,
  );
  const tracker = new ProgressTracker(store);
  context.subscriptions.push(log, registry);
  return { log, registry, store, tracker, context: new WhenContext(), platform };
}
