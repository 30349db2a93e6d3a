// @ts-check
// The module page's script, after page.js. It renders nothing itself: the extension sends HTML
// once, then only state updates, so the page keeps its scroll position and focus.
/* global page */

(function () {
  document.addEventListener('change', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const taskId = target.dataset.taskId;
    if (!taskId) return;
    if (target instanceof HTMLInputElement && target.type === 'checkbox') {
      page.post({ type: 'setState', taskId, state: target.checked ? 'done' : 'notStarted' });
    } else if (target instanceof HTMLSelectElement) {
      page.post({ type: 'setState', taskId, state: /** @type {TaskState} */ (target.value) });
    }
  });

  document.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('button[data-action]');
    if (!(button instanceof HTMLButtonElement)) return;
    const { action, taskId } = button.dataset;
    // The extension checks that it offered this action for this task; the page only passes it on.
    if (action && taskId) page.post({ type: 'taskAction', action: /** @type {TaskActionId} */ (action), taskId });
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

  page.ready((message) => {
    if (message.type === 'states') applyStates(message.states, message.counts);
  });
})();
