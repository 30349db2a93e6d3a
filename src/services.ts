/**
 * The shared services every feature receives: created once in `activate`, cheap to create
 * (no file I/O until a view asks for roadmaps).
 */
import * as vscode from 'vscode';
import { LazyLogChannel, type Log } from './util/log';
import { OUTPUT_CHANNEL_NAME } from './constants';
import { ProgressTracker } from './core/tracker';
import type { Platform } from './platform';
import { RoadmapRegistry } from './core/registry';
import { StorageKeys } from './storage/memento';
import { CheckStore } from './storage/checkStore';
import { LinkStore } from './storage/linkStore';
import { ProgressStore } from './storage/progressStore';
import { WhenContext } from './util/context';
import { PlanStore } from './storage/planStore';
import { finishTimes, StudyPlans } from './plan/studyPlans';
import { translate } from './util/l10n';

export interface Services {
  readonly log: Log;
  readonly registry: RoadmapRegistry;
  readonly store: ProgressStore;
  readonly tracker: ProgressTracker;
  /** The `when`-clause context keys the extension sets. */
  readonly context: WhenContext;
  /** The folders linked to each task, kept per workspace. */
  readonly links: LinkStore;
  /** The results of each task's checks and their verified evidence. */
  readonly checks: CheckStore;
  /** Study plans and their schedules against the current progress. */
  readonly plans: StudyPlans;
  /** Which extension host runs the extension: Node or a web worker. */
  readonly platform: Platform;
}

export function createServices(context: vscode.ExtensionContext, platform: Platform): Services {
  const log = new LazyLogChannel(OUTPUT_CHANNEL_NAME);
  // Workspace roadmaps are parsed in a worker thread where the platform has one (see core/parser.ts).
  const registry = new RoadmapRegistry(context.extensionUri, log, platform.parseWorker?.(context.extensionUri));
  // Progress, its evidence and study plans follow the user to their other machines through Settings Sync.
  context.globalState.setKeysForSync([StorageKeys.progress, StorageKeys.checks, StorageKeys.plans]);
  const warn = (message: string, shown: string) => {
    log.warn(message);
    void vscode.window.showWarningMessage(vscode.l10n.t('ML Roadmaps: {0}', shown));
  };
  const store = new ProgressStore(context.globalState, warn, Date.now, translate);
  const tracker = new ProgressTracker(store);
  const checks = new CheckStore(context.globalState, warn, Date.now, translate);
  // Links name folders of this workspace: they stay with it.
  const links = new LinkStore(context.workspaceState, warn, translate);
  const planStore = new PlanStore(context.globalState, warn, Date.now, translate);
  const plans = new StudyPlans(planStore, tracker, (roadmapId) => finishTimes(store.allEntries().get(roadmapId)), (message) => log.warn(message));
  context.subscriptions.push(log, registry, plans);
  return { log, registry, store, tracker, links, checks, plans, context: new WhenContext(), platform };
}
