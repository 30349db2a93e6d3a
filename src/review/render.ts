/**
 * The Review page's frame as HTML: the card's place, the buttons (Show answer, Again/Hard/Good/Easy
 * with the key of each), the links to the module and the note, Undo, and the live region. The card
 * itself arrives as a message once the page listens (`ReviewView`), and so does every card after
 * it: the frame is drawn once. Pure, like the other renderers.
 */
import { escapeHtml } from '../webview/markdown';
import { PageAssets, renderPage } from '../webview/page';
import { english, type Translate } from '../util/translate';

/** The rating buttons, in the order of their keys 1–4 (the names are Anki's and FSRS's). */
export const RATING_NAMES = ['Again', 'Hard', 'Good', 'Easy'] as const;

export function renderReviewPage(assets: PageAssets, t: Translate = english): string {
  const ratingButtons = RATING_NAMES.map(
    (name, i) =>
      `<button type="button" data-rating="${i + 1}" aria-keyshortcuts="${i + 1}"><span class="rating-name">${escapeHtml(t(name))} <kbd aria-hidden="true">${i + 1}</kbd></span><span class="interval" data-interval="${i + 1}"></span></button>`,
  ).join('');
  const body = `
<header>
  <h1>${escapeHtml(t('Review'))}</h1>
  <p id="counts" class="meta"></p>
</header>
<main>
<section id="card" aria-labelledby="question-heading" hidden>
  <p id="where" class="meta"></p>
  <h2 id="question-heading" class="visually-hidden">${escapeHtml(t('Question'))}</h2>
  <div id="front" class="front" tabindex="-1"></div>
  <div id="answer" hidden>
    <h2 class="visually-hidden">${escapeHtml(t('Answer'))}</h2>
    <div id="back" class="back" tabindex="-1"></div>
  </div>
  <p id="show-row"><button type="button" id="show" class="primary" aria-keyshortcuts="Space">${escapeHtml(t('Show answer'))}</button> <kbd aria-hidden="true">${escapeHtml(t('Space'))}</kbd></p>
  <div id="ratings" role="group" aria-label="${escapeHtml(t('How well did you remember it?'))}" hidden>${ratingButtons}</div>
  <p class="card-links"><button type="button" class="link-button" id="open-module">${escapeHtml(t('Open the module'))}</button><button type="button" class="link-button" id="open-note">${escapeHtml(t('Open the note'))}</button></p>
</section>
<p id="empty" hidden>${escapeHtml(t('Nothing to review now. Cards come from your notes: write “Question::Answer” in a note about a task.'))}</p>
<p class="undo-row"><button type="button" class="link-button" id="undo" aria-keyshortcuts="U Control+Z" disabled>${escapeHtml(t('Undo the last rating'))}</button> <kbd aria-hidden="true">U</kbd></p>
<div id="announce" class="visually-hidden" role="status" aria-live="polite"></div>
</main>`;
  return renderPage(assets, t('Review'), body, { view: 'review' });
}
