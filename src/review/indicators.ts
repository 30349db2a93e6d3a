/**
 * Where due reviews show outside the page: a "Review · N due" row at the top of the tree, a status
 * bar item and a badge on the view. Each is drawn again only when its count changed, and the
 * tree redraws only its own row unless the row comes or goes.
 */
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { TopRow } from '../tree/elements';
import type { TopRowSource } from '../tree/provider';
import { Disposable } from '../util/disposable';
import type { ReviewSession } from './session';

/** The tree's row: shown while the notes have cards, with today's count; a click opens the page. */
class ReviewRow implements TopRow {
  readonly topRow = true;
  constructor(public due: number) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Review · {0} due', this.due), vscode.TreeItemCollapsibleState.None);
    item.id = 'review';
    item.iconPath = new vscode.ThemeIcon('mortar-board');
    item.contextValue = 'review';
    item.tooltip = vscode.l10n.t('Cards from your notes to review today. Click to review them.');
    item.accessibilityInformation = { label: vscode.l10n.t('Review, {0} cards due today', this.due) };
    item.command = { command: Commands.reviewDueCards, title: vscode.l10n.t('Review Due Cards') };
    return item;
  }
}

export class ReviewIndicators extends Disposable implements TopRowSource {
  private readonly rowChanges = this.register(new vscode.EventEmitter<readonly TopRow[] | undefined>());
  readonly onDidChange = this.rowChanges.event;
  private readonly statusItem = this.register(vscode.window.createStatusBarItem('mlRoadmaps.review', vscode.StatusBarAlignment.Left, 49));
  private row: ReviewRow | undefined;
  private shown: { due: number; hasCards: boolean } | undefined;

  constructor(
    private readonly session: ReviewSession,
    private readonly view: vscode.TreeView<unknown>,
  ) {
    super();
    this.statusItem.name = vscode.l10n.t('ML Roadmaps Review');
    this.statusItem.command = Commands.reviewDueCards;
    this.register(session.onDidChange(() => this.update()));
  }

  rows(): readonly TopRow[] {
    return this.row ? [this.row] : [];
  }

  /** Draws what changed: the row's words, the status bar and the badge when the count moved; the top of the tree when the row comes or goes. */
  update(): void {
    const due = this.session.queue().counts.total;
    const hasCards = this.session.hasCards();
    if (this.shown?.due === due && this.shown.hasCards === hasCards) return;
    this.shown = { due, hasCards };
    if (hasCards !== Boolean(this.row)) {
      this.row = hasCards ? new ReviewRow(due) : undefined;
      this.rowChanges.fire(undefined);
    } else if (this.row) {
      this.row.due = due;
      this.rowChanges.fire([this.row]);
    }
    this.view.badge = due > 0 ? { value: due, tooltip: vscode.l10n.t('{0} cards to review', due) } : undefined;
    if (due === 0) {
      this.statusItem.hide();
      return;
    }
    this.statusItem.text = `$(mortar-board) ${vscode.l10n.t('{0} due', due)}`;
    this.statusItem.tooltip = vscode.l10n.t('{0} cards from your notes to review today. Click to review them.', due);
    this.statusItem.accessibilityInformation = { label: vscode.l10n.t('{0} cards to review. Review them.', due) };
    this.statusItem.show();
  }
}
