// @ts-check
// The details and dashboard pages' script. It renders nothing itself: the extension sends HTML
// once, then only state updates, so the page keeps its scroll position and focus.

/** @typedef {import('../src/webview/protocol').PageMessage} PageMessage */
/** @typedef {import('../src/webview/protocol').ExtensionMessage} ExtensionMessage */
/** @typedef {import('../src/webview/protocol').PageCounts} PageCounts */
/** @typedef {import('../src/webview/protocol').TaskActionId} TaskActionId */
/** @typedef {import('../src/model/types').TaskState} TaskState */

(function () {
  const vscode = acquireVsCodeApi();
  const body = document.body;

  /** @param {PageMessage} message */
  function post(message) {
    vscode.postMessage(message);
  }

  // Remembered for the panel serializer, which reopens the same page after a reload.
  vscode.setState({ view: body.dataset.view, roadmapId: body.dataset.roadmap, moduleId: body.dataset.module, pinned: body.dataset.pinned === 'true' });

  document.addEventListener('change', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const taskId = target.dataset.taskId;
    if (!taskId) return;
    if (target instanceof HTMLInputElement && target.type === 'checkbox') {
      post({ type: 'setState', taskId, state: target.checked ? 'done' : 'notStarted' });
    } else if (target instanceof HTMLSelectElement) {
      post({ type: 'setState', taskId, state: /** @type {TaskState} */ (target.value) });
    }
  });

  document.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const link = target.closest('a.external-link');
    if (link instanceof HTMLAnchorElement) {
      event.preventDefault();
      const href = link.dataset.href;
      if (href) post({ type: 'openLink', href });
      return;
    }
    const button = target.closest('button[data-action], button[data-continue]');
    if (!(button instanceof HTMLButtonElement)) return;
    const { action, taskId } = button.dataset;
    if (button.dataset.continue !== undefined) post({ type: 'continue' });
    // The extension checks that it offered this action for this task; the page only passes it on.
    else if (action && taskId) post({ type: 'taskAction', action: /** @type {TaskActionId} */ (action), taskId });
  });

  window.addEventListener('message', (event) => {
    /** @type {ExtensionMessage} */
    const message = event.data;
    if (message.type === 'states') applyStates(message.states, message.counts);
  });

  /**
   * @param {Readonly<Record<string, TaskState>>} states
   * @param {PageCounts} counts
   */
  function applyStates(states, counts) {
    for (const [taskId, state] of Object.entries(states)) {
      for (const row of document.querySelectorAll(`li.task[data-task-id="${CSS.escape(taskId)}"]`)) {
        if (!(row instanceof HTMLElement)) continue;
        row.dataset.state = state;
        const checkbox = row.querySelector('input[type="checkbox"]');
        if (checkbox instanceof HTMLInputElement) checkbox.checked = state === 'done' || state === 'skipped';
        const select = row.querySelector('select.state');
        if (select instanceof HTMLSelectElement) select.value = state;
      }
    }
    const finished = counts.done + counts.skipped;
    const summary = document.getElementById('summary');
    // The same words as the extension's formatCounts (a unit test holds them together).
    if (summary) summary.textContent = `${finished}/${counts.total} · ${counts.total === 0 ? 0 : Math.floor((finished / counts.total) * 100)}%`;
    const progress = document.getElementById('progress');
    if (progress instanceof HTMLProgressElement) {
      progress.max = counts.total;
      progress.value = finished;
    }
  }

  post({ type: 'ready' });
})();
