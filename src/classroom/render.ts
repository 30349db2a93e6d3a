/**
 * The class dashboard's frame as HTML: a heading, where the rows will go, and the words the page's
 * script puts on what it builds. The class itself comes in messages (`classData`, `classRows`)
 * and `media/class.js` builds its rows with DOM text only, never HTML. Pure.
 */
import { escapeHtml } from '../webview/markdown';
import { PageAssets, renderPage } from '../webview/page';
import { english, type Translate } from '../util/translate';

/** How many rows of a table the page shows first, and adds on each "Show more". */
export const CLASS_PAGE_ROWS = 50;

/** The words the page's script uses, translated here (scripts have no l10n of their own). */
export function classWords(t: Translate = english) {
  return {
    learner: t('Learner'),
    done: t('Done'),
    verified: t('Verified'),
    plan: t('Plan (days)'),
    activity: t('Last activity'),
    filter: t('Filter learners'),
    showMore: t('Show more'),
    exportCsv: t('Export CSV…'),
    showing: t('Showing {0} of {1} learners'),
    stuck: t('Where the class is stuck'),
    stuckNone: t('No one is in progress on a task or failing its checks.'),
    stuckLine: t('{0}: {1} failing its checks, {2} in progress for {3} days on average'),
    noClassFiles: t('No class files in this folder or its class/ folder yet.'),
    sortBy: t('Sort by {0}'),
    rows: t('{0} learners'),
    noPlan: t('no plan'),
  };
}

export type ClassWords = ReturnType<typeof classWords>;

export function renderClassPage(folderLabel: string, assets: PageAssets, t: Translate = english): string {
  const body = `
<header>
  <h1>${escapeHtml(t('Class dashboard'))}</h1>
  <p class="meta" id="folder">${escapeHtml(folderLabel)}</p>
</header>
<main>
  <p id="status" role="status">${escapeHtml(t('Reading class files…'))}</p>
  <div id="roadmaps"></div>
  <section id="bad" hidden aria-labelledby="bad-heading">
    <h2 id="bad-heading">${escapeHtml(t('Files not read'))}</h2>
    <ul id="bad-list"></ul>
  </section>
</main>`;
  return renderPage(assets, t('Class dashboard'), body, { view: 'class', rows: String(CLASS_PAGE_ROWS), words: JSON.stringify(classWords(t)) });
}
