// @ts-check
// The class dashboard's script, after page.js. The extension sends the class (`classData`) and, on
// request, the rows of one roadmap's table in the order asked for (`classRows`); this script builds
// them with DOM text only (nothing from a class file is ever HTML), and asks for more rows, another
// order or a filter as the teacher acts.
/* global page */

(function () {
  /** @typedef {import('../src/webview/protocol').ClassRoadmapSummary} ClassRoadmapSummary */
  /** @typedef {import('../src/webview/protocol').ClassRowView} ClassRowView */
  /** @typedef {import('../src/model/classroom/table').ClassColumn} ClassColumn */
  /** @typedef {{ sort: ClassColumn, descending: boolean, filter: string, limit: number }} View */

  const words = JSON.parse(document.body.dataset.words || '{}');
  const pageRows = Number(document.body.dataset.rows) || 50;
  const roadmapsElement = /** @type {HTMLElement} */ (document.getElementById('roadmaps'));
  const statusElement = /** @type {HTMLElement} */ (document.getElementById('status'));
  /** Each roadmap's view, kept when the class is sent again after a file changed. @type {Map<string, View>} */
  const views = new Map();
  /** @type {Map<string, ClassRoadmapSummary>} */
  const summaries = new Map();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let filterTimer;

  /** `{0} of {1}` filled in. @param {string} text @param {...(string | number)} args */
  const format = (text, ...args) => text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));

  /** @param {string} tag @param {string} [text] @param {string} [className] */
  function element(tag, text, className) {
    const el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    if (className) el.className = className;
    return el;
  }

  /** @param {string} roadmapId */
  function requestRows(roadmapId) {
    const view = views.get(roadmapId);
    if (view) page.post({ type: 'classView', roadmapId, sort: view.sort, descending: view.descending, filter: view.filter, limit: view.limit });
  }

  /** The columns of a roadmap's table: learner, done, verified, plan, last activity, then a phase each. @param {ClassRoadmapSummary} summary */
  function columnsOf(summary) {
    /** @type {{ key: ClassColumn, label: string, title?: string }[]} */
    const columns = [
      { key: 'learner', label: words.learner },
      { key: 'done', label: words.done },
      { key: 'verified', label: words.verified },
      { key: 'plan', label: words.plan },
      { key: 'activity', label: words.activity },
    ];
    // Phases by number, their titles in a tooltip: a roadmap of 24 weeks still fits the page.
    summary.phases.forEach((title, i) => columns.push({ key: /** @type {ClassColumn} */ (`phase-${i}`), label: String(i + 1), title }));
    return columns;
  }

  /** @param {ClassRoadmapSummary} summary */
  function roadmapSection(summary) {
    const view = views.get(summary.id) ?? { sort: 'learner', descending: false, filter: '', limit: pageRows };
    views.set(summary.id, view);
    const section = element('section', undefined, 'class-roadmap');
    section.dataset.roadmap = summary.id;
    section.append(element('h2', summary.title), element('p', format(words.rows, summary.learners), 'meta'));
    section.append(stuckList(summary));
    const tools = element('div', undefined, 'tools');
    const filter = /** @type {HTMLInputElement} */ (element('input'));
    filter.type = 'search';
    filter.className = 'filter';
    filter.placeholder = words.filter;
    filter.setAttribute('aria-label', words.filter);
    filter.value = view.filter;
    filter.maxLength = 100;
    const exportButton = element('button', words.exportCsv, 'export-csv');
    tools.append(filter, exportButton);
    section.append(tools);
    const table = element('table', undefined, 'class-table');
    const headRow = element('tr');
    for (const column of columnsOf(summary)) {
      const th = element('th');
      th.setAttribute('scope', 'col');
      if (column.key === view.sort) th.setAttribute('aria-sort', view.descending ? 'descending' : 'ascending');
      const button = element('button', column.label, 'sort');
      button.dataset.sort = column.key;
      button.title = format(words.sortBy, column.title ?? column.label);
      if (column.title) button.setAttribute('aria-label', column.title);
      th.append(button);
      headRow.append(th);
    }
    table.append(element('thead'), element('tbody'));
    /** @type {HTMLElement} */ (table.querySelector('thead')).append(headRow);
    section.append(table, element('p', '', 'showing'));
    const more = element('button', words.showMore, 'show-more');
    more.hidden = true;
    section.append(more);
    return section;
  }

  /** @param {ClassRoadmapSummary} summary */
  function stuckList(summary) {
    const box = element('div', undefined, 'stuck');
    box.append(element('h3', words.stuck));
    if (summary.stuck.length === 0) {
      box.append(element('p', words.stuckNone, 'meta'));
      return box;
    }
    const list = element('ol');
    for (const task of summary.stuck) {
      const item = element('li', format(words.stuckLine, task.title, task.failingLearners, task.inProgress, task.meanDaysInProgress));
      item.dataset.task = task.taskId;
      list.append(item);
    }
    box.append(list);
    return box;
  }

  /** @param {ClassRowView} row @param {number} phaseCount */
  function tableRow(row, phaseCount) {
    const tr = element('tr');
    const learner = element('th', row.handle);
    learner.setAttribute('scope', 'row');
    learner.title = row.file;
    tr.append(learner, element('td', `${row.percent}%`, 'number'), element('td', String(row.verified), 'number'));
    const plan = row.aheadBehindDays === undefined ? (row.pace === undefined ? words.noPlan : '—') : row.aheadBehindDays > 0 ? `+${row.aheadBehindDays}` : String(row.aheadBehindDays);
    const planCell = element('td', plan, 'number');
    if (row.aheadBehindDays !== undefined) planCell.dataset.plan = row.aheadBehindDays < 0 ? 'behind' : row.aheadBehindDays > 0 ? 'ahead' : 'onTrack';
    tr.append(planCell, element('td', row.lastActivity ? row.lastActivity.slice(0, 10) : ''));
    for (let i = 0; i < phaseCount; i++) tr.append(element('td', `${row.phases[i] ?? 0}%`, 'number'));
    return tr;
  }

  /** @param {import('../src/webview/protocol').ExtensionMessage} message */
  function receive(message) {
    if (message.type === 'classData') showClass(message.roadmaps, message.bad);
    else if (message.type === 'classRows') showRows(message);
  }

  /** @param {readonly ClassRoadmapSummary[]} roadmaps @param {readonly { file: string, reason: string }[]} bad */
  function showClass(roadmaps, bad) {
    summaries.clear();
    roadmapsElement.replaceChildren(...roadmaps.map((summary) => (summaries.set(summary.id, summary), roadmapSection(summary))));
    statusElement.textContent = roadmaps.length === 0 ? words.noClassFiles : '';
    statusElement.hidden = roadmaps.length > 0;
    const badSection = /** @type {HTMLElement} */ (document.getElementById('bad'));
    badSection.hidden = bad.length === 0;
    /** @type {HTMLElement} */ (document.getElementById('bad-list')).replaceChildren(
      ...bad.map((file) => {
        const item = element('li');
        item.append(element('code', file.file), document.createTextNode(' '), element('span', file.reason, 'reason'));
        return item;
      }),
    );
    for (const summary of roadmaps) requestRows(summary.id);
  }

  /** @param {Extract<import('../src/webview/protocol').ExtensionMessage, { type: 'classRows' }>} message */
  function showRows(message) {
    const section = sectionOf(message.roadmapId);
    const summary = summaries.get(message.roadmapId);
    if (!section || !summary) return;
    const tbody = /** @type {HTMLElement} */ (section.querySelector('tbody'));
    tbody.replaceChildren(...message.rows.map((row) => tableRow(row, summary.phases.length)));
    for (const th of section.querySelectorAll('thead th')) {
      const key = /** @type {HTMLElement} */ (th.querySelector('button')).dataset.sort;
      if (key === message.sort) th.setAttribute('aria-sort', message.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
    /** @type {HTMLElement} */ (section.querySelector('.showing')).textContent = format(words.showing, message.rows.length, message.matching);
    /** @type {HTMLElement} */ (section.querySelector('.show-more')).hidden = message.rows.length >= message.matching;
  }

  /** @param {string} roadmapId */
  function sectionOf(roadmapId) {
    return [...roadmapsElement.querySelectorAll('section.class-roadmap')].find((s) => s instanceof HTMLElement && s.dataset.roadmap === roadmapId);
  }

  /** @param {Element} target */
  function roadmapOf(target) {
    const section = target.closest('section.class-roadmap');
    return section instanceof HTMLElement ? section.dataset.roadmap : undefined;
  }

  document.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const button = target.closest('button');
    const roadmapId = button && roadmapOf(button);
    const view = roadmapId && views.get(roadmapId);
    if (!button || !roadmapId || !view) return;
    if (button.dataset.sort) {
      const sort = /** @type {ClassColumn} */ (button.dataset.sort);
      // A second click turns the order round; a new column starts with the most first, names A to Z.
      view.descending = sort === view.sort ? !view.descending : sort !== 'learner';
      view.sort = sort;
      view.limit = pageRows;
      requestRows(roadmapId);
    } else if (button.classList.contains('show-more')) {
      view.limit += pageRows;
      requestRows(roadmapId);
    } else if (button.classList.contains('export-csv')) {
      page.post({ type: 'classCsv', roadmapId, sort: view.sort, descending: view.descending, filter: view.filter });
    }
  });

  document.addEventListener('input', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.classList.contains('filter')) return;
    const roadmapId = roadmapOf(input);
    const view = roadmapId && views.get(roadmapId);
    if (!roadmapId || !view) return;
    view.filter = input.value.slice(0, 100);
    view.limit = pageRows;
    clearTimeout(filterTimer);
    filterTimer = setTimeout(() => requestRows(roadmapId), 150);
  });

  page.ready(receive);
})();
