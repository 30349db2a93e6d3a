// @ts-check
// The Review page's script, after page.js. The extension sends the card to show (its text already
// rendered by the pages' safe Markdown renderer), the counts and what to announce; the page shows
// the answer on Space, passes a rating (1–4) or an undo (U, Ctrl+Z) on, and changes only the card,
// the counts and the live region, so focus and the screen reader stay where they are.
/* global page */

/** @typedef {import('../src/webview/protocol').ReviewView} ReviewView */
/** @typedef {import('../src/webview/protocol').ReviewRating} ReviewRating */

(function () {
  /** @param {string} id */
  const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const card = byId('card');
  const answer = byId('answer');
  const showRow = byId('show-row');
  const ratings = byId('ratings');
  const undo = /** @type {HTMLButtonElement} */ (byId('undo'));
  /** The card shown, and whether a rating of it was sent and not answered yet (a second key press must not rate the next card). */
  let cardId = '';
  let pending = false;

  /** @param {ReviewView} view */
  function apply(view) {
    byId('counts').textContent = view.countsText;
    undo.disabled = !view.canUndo;
    pending = false;
    const shown = view.card;
    cardId = shown ? shown.id : '';
    card.hidden = !shown;
    byId('empty').hidden = Boolean(shown);
    if (shown) {
      card.dataset.cardId = shown.id;
      byId('where').textContent = shown.where;
      // HTML made by the extension's Markdown renderer, which keeps a note's raw HTML as text.
      byId('front').innerHTML = shown.frontHtml;
      byId('back').innerHTML = shown.backHtml;
      shown.intervals.forEach((interval, i) => {
        const label = ratings.querySelector(`[data-interval="${i + 1}"]`);
        if (label) label.textContent = interval;
      });
      byId('open-note').hidden = !shown.hasNote;
      answer.hidden = true;
      ratings.hidden = true;
      showRow.hidden = false;
    }
    byId('announce').textContent = view.announce;
  }

  function showAnswer() {
    if (!cardId || !answer.hidden) return;
    answer.hidden = false;
    ratings.hidden = false;
    showRow.hidden = true;
    byId('back').focus();
  }

  /** @param {ReviewRating} rating */
  function rate(rating) {
    if (!cardId || answer.hidden || pending) return;
    pending = true;
    page.post({ type: 'rateCard', cardId, rating });
  }

  function undoLast() {
    if (undo.disabled || pending) return;
    pending = true;
    page.post({ type: 'undoRating' });
  }

  document.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const button = target.closest('button');
    if (!(button instanceof HTMLButtonElement)) return;
    const rating = Number(button.dataset.rating);
    if (button.id === 'show') showAnswer();
    else if (rating === 1 || rating === 2 || rating === 3 || rating === 4) rate(rating);
    else if (button.id === 'undo') undoLast();
    else if (button.id === 'open-module' && cardId) page.post({ type: 'openCardModule', cardId });
    else if (button.id === 'open-note' && cardId) page.post({ type: 'openCardNote', cardId });
  });

  document.addEventListener('keydown', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    // Keys typed into a field (the find widget's is outside the page) are the field's.
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      undoLast();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    // Space on another button (Open the module) is that button's.
    const onOtherButton = target instanceof HTMLButtonElement && target.id !== 'show';
    if (event.key === ' ' && !onOtherButton && cardId && answer.hidden) {
      event.preventDefault();
      showAnswer();
    } else if (event.key === '1' || event.key === '2' || event.key === '3' || event.key === '4') {
      event.preventDefault();
      rate(/** @type {ReviewRating} */ (Number(event.key)));
    } else if (event.key === 'u' || event.key === 'U') {
      event.preventDefault();
      undoLast();
    }
  });

  page.ready((message) => {
    if (message.type === 'review') apply(message.view);
  });
})();
