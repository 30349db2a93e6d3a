/**
 * The Review panel: one, showing today's queue one card at a time. The frame is drawn once; each
 * card, rating and undo is a message to the page, which changes the card, the counts and the live
 * region only. A page can rate only the card it shows, and undo only when there is a rating to undo.
 */
import * as vscode from 'vscode';
import { translate } from '../util/l10n';
import { createMarkdownRenderer, MarkdownRenderer } from '../webview/markdown';
import { PageHost, PagePanel } from '../webview/panel';
import { PagePanels } from '../webview/panels';
import { REVIEW_PAGE, type ReviewPageTarget } from '../webview/pages';
import type { PageMessageOf } from '../webview/protocol';
import type { NoteCard } from './cardIndex';
import { renderReviewPage } from './render';
import type { ReviewSession } from './session';
import { ratedText, reviewView } from './view';

export interface ReviewHost extends PageHost {
  readonly session: ReviewSession;
  /** "Roadmap › Module › Task" of a task key, or the key when no loaded roadmap has it. */
  readonly whereOf: (taskKey: string) => string;
  readonly openModule: (taskKey: string) => Promise<void>;
  readonly openNote: (card: NoteCard) => Promise<void>;
}

type ReviewMessage = PageMessageOf<(typeof REVIEW_PAGE.messages)[number]>;

const reviewTitle = (): string => vscode.l10n.t('Review');

export class ReviewPanels extends PagePanels<ReviewPageTarget, ReviewPanel> {
  constructor(host: ReviewHost) {
    const md = createMarkdownRenderer();
    super({ kind: REVIEW_PAGE, host, key: () => REVIEW_PAGE.name, title: reviewTitle, create: (webviewPanel, target) => new ReviewPanel(webviewPanel, target, host, md) });
  }
}

export class ReviewPanel extends PagePanel<ReviewPageTarget, ReviewMessage['type']> {
  /** The card the page shows now; the only one it may rate or open. */
  private shownId: string | undefined;
  /** A card to show first when it is in the queue: the one whose rating was just undone. */
  private preferred: string | undefined;
  /** While a message from the page is handled, the session's change is posted by the handler, with what to announce. */
  private acting = false;

  constructor(
    panel: vscode.WebviewPanel,
    target: ReviewPageTarget,
    private readonly review: ReviewHost,
    private readonly md: MarkdownRenderer,
  ) {
    super(panel, REVIEW_PAGE, review, target, 'single');
    this.register(review.session.onDidChange(() => !this.acting && void this.postView()));
    this.render();
  }

  render(): void {
    this.panel.title = reviewTitle();
    this.setHtml((assets) => renderReviewPage(assets, translate));
  }

  protected async pageReady(): Promise<void> {
    await this.postView();
  }

  protected offers(message: ReviewMessage): boolean {
    return message.type === 'undoRating' ? this.review.session.canUndo : message.cardId === this.shownId;
  }

  protected async handle(message: ReviewMessage): Promise<void> {
    const { session } = this.review;
    if (message.type === 'openCardModule' || message.type === 'openCardNote') {
      const card = session.card(message.cardId);
      if (card && message.type === 'openCardModule') await this.review.openModule(card.found.taskKey);
      else if (card) await this.review.openNote(card);
      return;
    }
    this.acting = true;
    try {
      if (message.type === 'rateCard') {
        const previews = session.previews(message.cardId);
        const rated = await session.rate(message.cardId, message.rating);
        // Refused (Restricted Mode, or the card left its note meanwhile): the page shows what is true now.
        await this.postView(rated ? ratedText(message.rating, previews, translate) : undefined);
      } else {
        this.preferred = await session.undo();
        await this.postView(vscode.l10n.t('Rating undone.'));
      }
    } finally {
      this.acting = false;
    }
  }

  private async postView(result?: string): Promise<void> {
    const { session } = this.review;
    const queue = session.queue();
    // The card whose rating was just undone comes first again, when it is in the queue.
    const preferred = this.preferred !== undefined && queue.cardIds.includes(this.preferred) ? this.preferred : undefined;
    this.preferred = undefined;
    const shownId = preferred ?? queue.cardIds[0];
    const card = shownId === undefined ? undefined : session.card(shownId);
    this.shownId = card?.found.id;
    if (card) session.showing(card.found.id);
    const view = reviewView(
      {
        card,
        where: card ? this.review.whereOf(card.found.taskKey) : '',
        previews: card ? session.previews(card.found.id) : [],
        counts: queue.counts,
        canUndo: session.canUndo,
        result,
      },
      this.md,
      translate,
    );
    await this.post({ type: 'review', view });
  }
}
