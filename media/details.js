// @ts-check
// The details and dashboard pages' script. It renders nothing itself: the extension sends HTML
// once, then only state updates, so the page keeps its scroll position and focus.

/** @typedef {import('../src/details/protocol').PageMessage} PageMessage */
/** @typedef {import('../src/details/protocol').ExtensionMessage} ExtensionMessage */
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
    const button = target.closest('button[data-action], button[data-module-id], button[data-continue]');
    if (!(button instanceof HTMLButtonElement)) return;
    const { action, taskId, moduleId } = button.dataset;
    if (button.dataset.continue !== undefined) post({ type: 'continue' });
    else if (moduleId) post({ type: 'openModule', moduleId });
    else if (action && taskId) post({ type: 'taskAction', action: /** @type {any} */ (action), taskId });
  });

  window.addEventListener('message', (event) => {
    /** @type {ExtensionMessage} */
    const message = event.data;
    if (message.type === 'states') applyStates(message.states, message.summary);
  });

  /**
   * @param {Readonly<Record<string, TaskState>>} states
   * @param {string} summary
   */
  function applyStates(states, summary) {
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
    const summaryElement = document.getElementById('summary');
    if (summaryElement) summaryElement.textContent = summary;
    const progress = document.getElementById('progress');
    const match = /^(\d+)\/(\d+)/.exec(summary);
    if (progress instanceof HTMLProgressElement && match) {
      progress.max = Number(match[2]);
      progress.value = Number(match[1]);
    }
  }

  post({ type: 'ready' });
})();
