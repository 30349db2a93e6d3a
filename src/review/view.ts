/**
 * What the Review page is sent: the card to show with its text rendered by the pages' safe
 * Markdown renderer, its place, the four next intervals, the counts and the sentence the live region
 * says. Pure, so the words and the rendering are unit-tested.
 */
import type { IntervalPreview } from '../model/review/schedule';
import type { QueueCounts } from '../model/review/queue';
import type { Rating } from '../model/review/types';
import { english, type Translate } from '../util/translate';
import { MarkdownRenderer, withinBudget } from '../webview/markdown';
import type { ReviewView } from '../webview/protocol';
import type { NoteCard } from './cardIndex';
import { RATING_NAMES } from './render';

/** How much of a question the live region reads out. */
const MAX_SPOKEN_CHARS = 300;

export interface ViewInput {
  readonly card: NoteCard | undefined;
  /** "Roadmap › Module › Task" of the card's task. */
  readonly where: string;
  readonly previews: readonly IntervalPreview[];
  readonly counts: QueueCounts;
  readonly canUndo: boolean;
  /** What just happened, said before the card: "Rated Good: next review in 3d." */
  readonly result?: string;
}

export function countsText(counts: QueueCounts, t: Translate = english): string {
  return counts.total === 0 ? t('Nothing to review today') : t('{0} to review today: {1} due, {2} new', counts.total, counts.due, counts.new);
}

/** "Rated Good: next review in 3d." */
export function ratedText(rating: Rating, previews: readonly IntervalPreview[], t: Translate = english): string {
  const label = previews.find((p) => p.rating === rating)?.label;
  const name = t(RATING_NAMES[rating - 1]);
  return label ? t('Rated {0}: next review in {1}.', name, label) : t('Rated {0}.', name);
}

export function reviewView(input: ViewInput, md: MarkdownRenderer, t: Translate = english): ReviewView {
  const { card } = input;
  const counts = countsText(input.counts, t);
  const result = input.result ? `${input.result} ` : '';
  if (!card) return { countsText: counts, canUndo: input.canUndo, announce: `${result}${counts}.` };
  const page = withinBudget(md);
  const { front, back, kind } = card.found.card;
  const label = (rating: Rating) => input.previews.find((p) => p.rating === rating)?.label ?? '';
  const spoken = front.length > MAX_SPOKEN_CHARS ? `${front.slice(0, MAX_SPOKEN_CHARS)}…` : front;
  return {
    card: {
      id: card.found.id,
      frontHtml: page.block(front),
      backHtml: page.block(back),
      where: input.where,
      intervals: [label(1), label(2), label(3), label(4)],
      hasNote: kind !== 'topic',
    },
    countsText: counts,
    canUndo: input.canUndo,
    announce: `${result}${t('Question: {0}', spoken)}`,
  };
}
