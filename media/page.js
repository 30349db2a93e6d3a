// @ts-check
// What every page's script shares; each page's own script runs after this one (see
// src/webview/pages.ts). It holds the one handle on the webview API, saves what the serializer
// needs, opens links through the extension, and says the page listens once the page's own script
// has set up its handlers.

// The types every page's script reads: the messages of src/webview/protocol.ts.
/** @typedef {import('../src/webview/protocol').PageMessage} PageMessage */
/** @typedef {import('../src/webview/protocol').ExtensionMessage} ExtensionMessage */
/** @typedef {import('../src/webview/protocol').PageCounts} PageCounts */
/** @typedef {import('../src/webview/protocol').TaskActionId} TaskActionId */
/** @typedef {import('../src/model/types').TaskState} TaskState */

/* exported page */
const page = (function () {
  const vscode = acquireVsCodeApi();

  /** @param {PageMessage} message */
  function post(message) {
    vscode.postMessage(message);
  }

  // Remembered for the panel serializer, which reopens the same page after a reload. The panel
  // wrote it (PageKind.save); the serializer checks it again when it reads it back.
  const saved = document.body.dataset.saved;
  if (saved) vscode.setState(JSON.parse(saved));

  document.addEventListener('click', (event) => {
    const link = /** @type {HTMLElement} */ (event.target).closest('a.external-link');
    if (!(link instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    const href = link.dataset.href;
    if (href) post({ type: 'openLink', href });
  });

  return {
    post,
    /**
     * The page's own handlers are in place: take what the extension sends, and tell it the page
     * listens (it posts nothing before).
     * @param {(message: ExtensionMessage) => void} [receive]
     */
    ready(receive) {
      if (receive) window.addEventListener('message', (event) => receive(event.data));
      post({ type: 'ready' });
    },
  };
})();
