// @ts-check
// The dashboard's script, after page.js. The extension draws the dashboard again on every change;
// the page only passes Continue on.
/* global page */

(function () {
  document.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('button[data-continue]');
    if (button instanceof HTMLButtonElement) page.post({ type: 'continue' });
  });

  page.ready();
})();
