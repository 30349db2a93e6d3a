/**
 * Spaced review: cards from the learner's notes, Review Due Cards (the Review page), Export Cards
 * for Anki…, and the due count in the tree, the status bar and the view's badge. The model
 * (`model/review/`) parses, identifies, schedules and queues; this folder wires it to the notes,
 * the store, the page and the settings.
 */
import * as vscode from 'vscode';
import { Commands, Settings, settingId } from '../constants';
import { DEFAULT_NEW_CARDS_PER_DAY } from '../model/review/queue';
import { DEFAULT_RETENTION } from '../model/review/schedule';
import { isModule, isPhase, isRoadmap, isTask, rootOf } from '../model/types';
import type { NotesFeature } from '../notes';
import type { Services } from '../services';
import type { RoadmapTree } from '../tree';
import { registerPage } from '../webview/pageFeature';
import { REVIEW_PAGE, REVIEW_PAGE_TARGET } from '../webview/pages';
import { exportAnkiCards } from './ankiFile';
import { CardIndex } from './cardIndex';
import { DayTurnTimer } from './dayTimer';
import { ReviewIndicators } from './indicators';
import { reviewHost } from './host';
import { finishedTopicCards } from './topics';
import type { ReviewPanels } from './panel';
import { ReviewSession, type ReviewSettings } from './session';

export interface ReviewFeature {
  readonly session: ReviewSession;
  panels(): ReviewPanels | undefined;
}

/** A note saved in a burst (a scan, a save of many files) is reconciled once, this long after the last. */
const RECONCILE_DELAY_MS = 100;

export function registerReview(context: vscode.ExtensionContext, services: Services, tree: RoadmapTree, notes: NotesFeature): ReviewFeature {
  const index = new CardIndex();
  const session = new ReviewSession({ store: services.review, index, now: Date.now, settings: reviewSettings, mayWrite: reviewHost.mayWrite(services) });
  const indicators = new ReviewIndicators(session, tree.view);
  const page = registerPage(context, {
    kind: REVIEW_PAGE,
    load: async () => new (await import('./panel')).ReviewPanels({ extensionUri: context.extensionUri, log: services.log, session, ...reviewHost.actions(services) }),
    find: () => Promise.resolve(REVIEW_PAGE_TARGET),
    onDidReload: services.registry.onDidChange,
  });
  // Nothing is judged missing before every note was read once: until then a card not yet read would be an orphan.
  let scanned = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reconcileSoon = () => {
    if (!scanned) return;
    clearTimeout(timer);
    timer = setTimeout(() => void session.reconcile().catch((error: Error) => services.log.error(`Review: ${error.message}`)), RECONCILE_DELAY_MS);
  };

  const refreshTopics = async () => {
    const on = vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.reviewTopicCards, false);
    const found = on ? finishedTopicCards(await services.registry.roadmaps(), services.tracker.stateOf, index) : [];
    if (index.setTopicCards(found)) reconcileSoon();
  };
  context.subscriptions.push(
    services.tracker.onDidChange(() => void refreshTopics()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(settingId(Settings.reviewTopicCards)) && void refreshTopics()),
  );
  context.subscriptions.push(
    session,
    indicators,
    tree.provider.addTopRowSource(indicators),
    { dispose: () => clearTimeout(timer) },
    notes.index.onDidReadNote(({ uri, keys, text }) => index.setNote(uri.toString(), keys, text) && reconcileSoon()),
    // The indicators and the plan's review time follow the session, which follows the store, the notes and the day.
    session.onDidChange(() => reserveReviewTime(services, session)),
    services.registry.onDidChange(() => indicators.update()),
    vscode.workspace.onDidChangeConfiguration((e) => (e.affectsConfiguration(settingId(Settings.reviewNewCardsPerDay)) || e.affectsConfiguration(settingId(Settings.reviewDesiredRetention))) && indicators.update()),
    // A new day brings new cards and due ones: look again at midnight, and when the window comes back.
    new DayTurnTimer(Date.now, () => session.dayTurned()),
    vscode.window.onDidChangeWindowState((state) => state.focused && indicators.update()),
    vscode.commands.registerCommand(Commands.reviewDueCards, async () => (await page.load()).open(REVIEW_PAGE_TARGET, 'single')),
    vscode.commands.registerCommand(Commands.exportAnkiCards, async (target?: unknown, destination?: unknown) => {
      const roadmap = isRoadmap(target) || isPhase(target) || isModule(target) || isTask(target) ? rootOf(target) : await tree.focusedRoadmap();
      if (!roadmap) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No roadmap is loaded.'));
        return undefined;
      }
      return exportAnkiCards(services, roadmap, index.all(), destination instanceof vscode.Uri ? destination : undefined);
    }),
  );
  reserveReviewTime(services, session);
  void notes.index.ensureScanned().then(async () => {
    scanned = true;
    await refreshTopics();
    await session.reconcile();
  });
  return { session, panels: page.current };
}

/** The study plans set aside what reviewing this workspace's cards will take a week, at this learner's pace. */
function reserveReviewTime(services: Services, session: ReviewSession): void {
  services.plans.reserveForReview(session.weeklyReviewMinutes());
}

function reviewSettings(): ReviewSettings {
  const config = vscode.workspace.getConfiguration(Settings.section);
  return {
    retention: config.get<number>(Settings.reviewDesiredRetention, DEFAULT_RETENTION),
    newPerDay: config.get<number>(Settings.reviewNewCardsPerDay, DEFAULT_NEW_CARDS_PER_DAY),
  };
}
