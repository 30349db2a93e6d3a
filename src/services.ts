/**
 * The shared services every feature receives: created once in `activate`, after the first rows,
 * from start-up's (startup/services.ts); cheap to create (no file I/O until a view asks for
 * roadmaps).
 */
import type * as vscode from 'vscode';
import type { Log } from './util/log';
import { ProgressTracker } from './core/tracker';
import type { Platform } from './platform';
import { RoadmapRegistry } from './core/registry';
import { StorageKeys } from './storage/memento';
import { CheckStore } from './storage/checkStore';
import { LinkStore } from './storage/linkStore';
import type { ProgressStore } from './storage/progressStore';
import { WhenContext } from './util/context';
import { PlanStore } from './storage/planStore';
import { StudyPlans } from './core/studyPlans';
import { finishTimes } from './model/plan/status';
import { systemUtcOffset } from './model/plan/dates';
import { translate } from './util/l10n';
import type { Warn } from './util/translate';
import { isReadOnlyRoadmap, refuseInRestrictedMode } from './util/trust';
import type { WritePolicy } from './core/writePolicy';
import { ReviewStore } from './storage/reviewStore';

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
  /** Whether a roadmap's state may be written: the tracker and the plans ask it; commands may ask it early. */
  readonly writes: WritePolicy;
  /** Which extension host runs the extension: Node or a web worker. */
  readonly platform: Platform;
  /** Spaced review: every card's schedule and the review log. */
  readonly review: ReviewStore;
}

/** What start-up made before the first rows (startup/services.ts's FirstServices; named here so that services do not import from the entry layer). */
export interface ServicesMadeFirst extends Pick<Services, 'log' | 'store'> {
  readonly warn: Warn;
}

export function createServices(context: vscode.ExtensionContext, platform: Platform, { log, store, warn }: ServicesMadeFirst): Services {
  // Workspace roadmaps are parsed in a worker thread where the platform has one (see core/parser.ts).
  const registry = new RoadmapRegistry(context.extensionUri, log, platform.parseWorker?.(context.extensionUri));
  // Progress, its evidence and study plans follow the user to their other machines through Settings Sync.
  context.globalState.setKeysForSync([StorageKeys.progress, StorageKeys.checks, StorageKeys.plans, StorageKeys.review]);
  // In Restricted Mode a workspace's own roadmaps are shown, never tracked: refused (and said why) where state is written.
  const writes: WritePolicy = { mayWrite: (roadmap) => !(isReadOnlyRoadmap(roadmap) && refuseInRestrictedMode('trackWorkspaceRoadmap')) };
  const tracker = new ProgressTracker(store, writes);
  const checks = new CheckStore(context.globalState, warn, Date.now, translate);
  // Links name folders of this workspace: they stay with it.
  const links = new LinkStore(context.workspaceState, warn, translate);
  const planStore = new PlanStore(context.globalState, warn, Date.now, translate);
  const plans = new StudyPlans(planStore, tracker, (roadmapId) => finishTimes(store.allEntries().get(roadmapId)), warn, Date.now, systemUtcOffset, translate, writes);
  const review = new ReviewStore(context.globalState, warn, Date.now, translate);
  context.subscriptions.push(registry, plans);
  return { log, registry, store, tracker, links, checks, plans, writes, context: new WhenContext(), platform, review };
}
