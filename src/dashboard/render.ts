/**
 * The dashboard of one roadmap as HTML: counts by state, a bar per phase drawn as SVG, the tasks
 * finished most recently, and a Continue button. Pure, like the details renderer.
 */
import { escapeHtml, MarkdownRenderer } from '../webview/markdown';
import { PageAssets, renderPage } from '../webview/page';
import { Counts, finished, formatCounts, percent } from '../model/progress';
import { stateName } from '../model/stateNames';
import { Phase, Roadmap, Task, TaskState } from '../model/types';
import { english, type Translate } from '../util/translate';

export interface DashboardInput {
  readonly roadmap: Roadmap;
  readonly countsOf: (node: Roadmap | Phase) => Counts;
  /** Finished tasks with when they were finished, newest first. */
  readonly recent: readonly { readonly task: Task; readonly finishedAt: number }[];
  readonly next: Task | undefined;
}

const ROW_HEIGHT = 28;
const LABEL_WIDTH = 260;
const BAR_WIDTH = 360;

export function renderDashboard(input: DashboardInput, assets: PageAssets, md: MarkdownRenderer, t: Translate = english): string {
  const { roadmap, next } = input;
  const counts = input.countsOf(roadmap);
  const meta = [roadmap.duration, roadmap.level].filter((s): s is string => Boolean(s));
  const cards = (['done', 'inProgress', 'skipped', 'notStarted'] as TaskState[])
    .map((state) => `<div class="card" data-state="${state}"><span class="number">${counts[state]}</span><span class="label">${escapeHtml(stateName(state, t))}</span></div>`)
    .join('');
  const continueButton = next
    ? `<p><button type="button" class="primary" data-continue>${escapeHtml(t('Continue: {0}', next.title))}</button></p>`
    : `<p>${escapeHtml(t('Every task is done or skipped. Well done.'))}</p>`;
  const body = `
<header>
  <h1>${escapeHtml(roadmap.title)}</h1>
  ${meta.length ? `<p class="meta">${meta.map(escapeHtml).join(' · ')}</p>` : ''}
  <div class="progress-line">
    <progress id="progress" max="${counts.total}" value="${finished(counts)}" aria-label="${escapeHtml(t('Roadmap progress'))}"></progress>
    <span id="summary">${escapeHtml(formatCounts(counts))}</span>
  </div>
</header>
<main>
${continueButton}
<section id="counts" aria-label="${escapeHtml(t('Tasks by state'))}"><div class="cards">${cards}</div></section>
<section id="phases" aria-labelledby="phases-heading"><h2 id="phases-heading">${escapeHtml(t('Progress by phase'))}</h2>${phaseChart(roadmap.phases, input.countsOf, t)}</section>
<section id="recent" aria-labelledby="recent-heading"><h2 id="recent-heading">${escapeHtml(t('Recently finished'))}</h2>${recentList(input.recent, t)}</section>
${roadmap.description ? `<section id="about" aria-labelledby="about-heading"><h2 id="about-heading">${escapeHtml(t('About this roadmap'))}</h2>${md.block(roadmap.description)}</section>` : ''}
${roadmap.advice.length ? `<section id="advice" aria-labelledby="advice-heading"><h2 id="advice-heading">${escapeHtml(t('Advice'))}</h2><ul>${roadmap.advice.map((a) => `<li>${md.inline(a)}</li>`).join('')}</ul></section>` : ''}
</main>`;
  return renderPage(assets, t('{0} — Dashboard', roadmap.title), body, { view: 'dashboard', roadmap: roadmap.id, percent: String(percent(counts)) });
}

/** One horizontal stacked bar per phase: done, then skipped, then in progress, over a track. */
export function phaseChart(phases: readonly Phase[], countsOf: (phase: Phase) => Counts, t: Translate = english): string {
  const height = phases.length * ROW_HEIGHT + 4;
  const width = LABEL_WIDTH + BAR_WIDTH + 70;
  const rows = phases.map((phase, i) => {
    const c = countsOf(phase);
    const y = i * ROW_HEIGHT + 4;
    const scale = (n: number) => (c.total === 0 ? 0 : Math.round((n / c.total) * BAR_WIDTH * 10) / 10);
    const segments: [string, number][] = [
      ['bar-done', c.done],
      ['bar-skipped', c.skipped],
      ['bar-progress', c.inProgress],
    ];
    let x = LABEL_WIDTH;
    const bars = segments
      .filter(([, n]) => n > 0)
      .map(([cls, n]) => {
        const rect = `<rect class="${cls}" x="${x}" y="${y}" width="${scale(n)}" height="${ROW_HEIGHT - 10}"></rect>`;
        x += scale(n);
        return rect;
      })
      .join('');
    const label = phase.title.length > 38 ? `${phase.title.slice(0, 37)}…` : phase.title;
    return `<g class="phase-row"><title>${escapeHtml(t('{0}: {1} done, {2} skipped, {3} in progress of {4}', phase.title, c.done, c.skipped, c.inProgress, c.total))}</title>
<text x="0" y="${y + (ROW_HEIGHT - 10) / 2}" dominant-baseline="middle">${escapeHtml(label)}</text>
<rect class="track" x="${LABEL_WIDTH}" y="${y}" width="${BAR_WIDTH}" height="${ROW_HEIGHT - 10}"></rect>${bars}
<text x="${LABEL_WIDTH + BAR_WIDTH + 8}" y="${y + (ROW_HEIGHT - 10) / 2}" dominant-baseline="middle">${percent(c)}%</text></g>`;
  });
  return `<svg class="chart" role="img" aria-label="${escapeHtml(t('Progress by phase'))}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`;
}

function recentList(recent: DashboardInput['recent'], t: Translate): string {
  if (recent.length === 0) return `<p>${escapeHtml(t('Nothing finished yet. Tick a task in the tree or on a module page.'))}</p>`;
  const item = ({ task, finishedAt }: DashboardInput['recent'][number]) => {
    // Times come from stored data; one that is no date (far in the future, say) leaves the date out
    // rather than break the page (toISOString throws on it).
    const date = new Date(finishedAt);
    if (Number.isNaN(date.getTime())) return `<li>${escapeHtml(task.title)}</li>`;
    const iso = date.toISOString();
    return `<li>${escapeHtml(task.title)} <time datetime="${iso}">${iso.slice(0, 10)}</time></li>`;
  };
  return `<ol class="recent">${recent.map(item).join('')}</ol>`;
}
