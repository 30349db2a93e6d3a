/**
 * The dashboard of one roadmap as HTML: counts by state, a bar per phase drawn as SVG, the tasks
 * finished most recently, a Continue button, and with a study plan a burn-up chart (SVG, with its
 * data as a table beside it), the projected finish and the recent pace. Pure, like the details renderer.
 */
import { escapeHtml, MarkdownRenderer, withinBudget } from '../webview/markdown';
import { PageAssets, renderPage } from '../webview/page';
import { Counts, finished, formatCounts, percent } from '../model/progress';
import { stateName } from '../model/stateNames';
import { Phase, Roadmap, Task, TaskState } from '../model/types';
import { english, type Translate } from '../util/translate';
import { dateOfDay, dayOfDate, LocalDate } from '../model/plan/dates';
import { PACE_WINDOW_DAYS, PLAN_HORIZON_YEARS, type BurnUp, type PlanProgress, type StudyPlan } from '../model/plan/planner';
import { planStatusText } from '../model/plan/status';
import { reviewSection, type ReviewFigures } from './reviewSection';

export interface DashboardInput {
  readonly roadmap: Roadmap;
  readonly countsOf: (node: Roadmap | Phase) => Counts;
  /** Finished tasks with when they were finished, newest first. */
  readonly recent: readonly { readonly task: Task; readonly finishedAt: number }[];
  readonly next: Task | undefined;
  /** How many tasks have current verified evidence: every check of their project passed. */
  readonly verified?: number;
  /** The roadmap's study plan, when it has one. */
  readonly plan?: DashboardPlan;
  /** Spaced review of the roadmap's cards, when it has any. */
  readonly review?: ReviewFigures;
}

export interface DashboardPlan {
  readonly plan: StudyPlan;
  readonly progress: PlanProgress;
  readonly burnUp: BurnUp;
  /** The planned finish; undefined when nothing is left to plan. */
  readonly plannedEnd?: LocalDate;
  /** Minutes a week of the plan's hours set aside for review; the tasks are planned on the rest. */
  readonly reviewMinutes?: number;
}

const ROW_HEIGHT = 28;
const LABEL_WIDTH = 260;
const BAR_WIDTH = 360;

export function renderDashboard(input: DashboardInput, assets: PageAssets, renderer: MarkdownRenderer, t: Translate = english): string {
  const md = withinBudget(renderer);
  const { roadmap, next } = input;
  const counts = input.countsOf(roadmap);
  const meta = [roadmap.duration, roadmap.level].filter((s): s is string => Boolean(s));
  const cards = (['done', 'inProgress', 'skipped', 'notStarted'] as TaskState[])
    .map((state) => `<div class="card" data-state="${state}"><span class="number">${counts[state]}</span><span class="label">${escapeHtml(stateName(state, t))}</span></div>`)
    .join('') +
    (input.verified !== undefined ? `<div class="card" data-state="verified"><span class="number">${input.verified}</span><span class="label">${escapeHtml(t('verified'))}</span></div>` : '');
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
${input.plan ? planSection(input.plan, t) : ''}
<section id="counts" aria-label="${escapeHtml(t('Tasks by state'))}"><div class="cards">${cards}</div></section>
<section id="phases" aria-labelledby="phases-heading"><h2 id="phases-heading">${escapeHtml(t('Progress by phase'))}</h2>${phaseChart(roadmap.phases, input.countsOf, t)}</section>
${input.review ? reviewSection(input.review, t) : ''}
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

/** The chart: its width, margins, and the height of the plot between the rows of labels and the dates. */
const CHART = { width: 640, left: 56, right: 24, plotHeight: 196, bottom: 36 } as const;
/** A row of labels above the plot. */
const LABEL_ROW = 20;
/** A legend entry's line sample, and the space between it and its text and before the next entry. */
const SAMPLE = { width: 20, gap: 4, after: 16 } as const;

/**
 * At least the width of one character of the charts' 12-pixel labels: digits and lower-case letters
 * run 6–7 pixels. Labels are laid out by it, so that none can cover another.
 */
export const LABEL_CHAR_WIDTH = 7;
/** Characters of East Asian scripts and the like take a whole em. */
const WIDE_CHAR_WIDTH = 12;

/** How wide a label may be drawn, at most. */
export function labelWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? WIDE_CHAR_WIDTH : LABEL_CHAR_WIDTH;
  return width;
}

function planSection(input: DashboardPlan, t: Translate): string {
  const { plan, progress, burnUp } = input;
  const { pace } = progress;
  const status = planStatusText(plan, progress, t);
  const hours = (n: number) => String(Math.round(n * 10) / 10);
  const time = (date: LocalDate) => `<time datetime="${date}">${date}</time>`;
  const projectedHow = pace.from === 'history' ? t('at your pace of the last four weeks') : t('at the planned pace, until the plan has two weeks of history');
  const projected = progress.projectedFinish
    ? time(progress.projectedFinish)
    : escapeHtml(progress.projectedBeyond ? t('more than {0} years from now', PLAN_HORIZON_YEARS) : t('not yet known'));
  // A plan counts what was finished since it was made: right after a re-plan that is nothing yet,
  // however much was done that morning. The numbers say so, and what they leave out.
  const paceText =
    pace.recentDays >= PACE_WINDOW_DAYS
      ? t('{0} hours a week over the last four weeks (planned: {1})', hours(pace.recentHoursPerWeek), hours(plan.hoursPerWeek))
      : t('{0} hours a week since {1} (planned: {2})', hours(pace.recentHoursPerWeek), progress.madeOn, hours(plan.hoursPerWeek));
  const earlier =
    progress.finishedBefore > 0
      ? `<dt>${escapeHtml(t('Not counted'))}</dt><dd id="plan-history">${escapeHtml(t('{0} task(s) finished before the plan was made', progress.finishedBefore))}</dd>\n`
      : '';
  return `<section id="plan" aria-labelledby="plan-heading"><h2 id="plan-heading">${escapeHtml(t('Study plan'))}</h2>
<p class="plan-status" data-status="${progress.started ? progress.status : 'notStarted'}"><strong>${escapeHtml(status)}</strong> · ${escapeHtml(t('{0} of {1} planned hours done since the plan was made on {2}', hours(progress.doneHours), hours(burnUp.total), progress.madeOn))}</p>
<dl class="plan-facts">
<dt>${escapeHtml(t('Planned finish'))}</dt><dd id="planned-finish">${input.plannedEnd ? time(input.plannedEnd) : escapeHtml(t('not yet known'))}</dd>
<dt>${escapeHtml(t('Projected finish'))}</dt><dd id="projected-finish">${projected} <span class="meta">${escapeHtml(projectedHow)}</span></dd>
<dt>${escapeHtml(t('Pace'))}</dt><dd id="pace">${escapeHtml(paceText)}</dd>
${input.reviewMinutes ? `<dt>${escapeHtml(t('Review'))}</dt><dd id="plan-review">${escapeHtml(t('{0} minutes a week go to reviewing your cards; the tasks are planned on the rest', input.reviewMinutes))}</dd>\n` : ''}${earlier}</dl>
${burnUpChart(burnUp, progress, t)}
<details class="chart-data"><summary>${escapeHtml(t('Chart data'))}</summary>${burnUpTable(burnUp, t)}</details>
</section>`;
}

/**
 * Planned against done cumulative hours, a point a week; today marked; a dashed line to the
 * projected finish. Labels never share a place: the legend (the projected finish its last entry)
 * takes the rows at the top, as many as it needs; "today" the row below them; the plot starts
 * under that, its hours in the margin on the left and its first and last dates below it.
 */
export function burnUpChart(burnUp: BurnUp, progress: PlanProgress, t: Translate = english): string {
  const { width, right, plotHeight, bottom } = CHART;
  const round = (n: number) => Math.round(n * 10) / 10;
  const yMax = Math.max(burnUp.total, burnUp.doneToday, 1);
  const yMaxLabel = `${round(yMax)} h`;
  // The hours' labels stand right-aligned in the margin: a wide figure widens it.
  const left = Math.max(CHART.left, labelWidth(yMaxLabel) + 12);
  const plotWidth = width - left - right;
  const points = burnUp.points;
  const todayDay = dayOfDate(burnUp.today);
  const projectedDay = progress.projectedFinish ? dayOfDate(progress.projectedFinish) : undefined;
  const remaining = burnUp.total - burnUp.doneToday > 1e-9;
  const projecting = projectedDay !== undefined && remaining;

  const legend: { readonly line: string; readonly text: string; readonly textClass?: string }[] = [
    { line: 'planned-line', text: t('planned') },
    { line: 'done-line', text: t('done') },
    ...(projecting ? [{ line: 'projection', text: t('projected {0}', progress.projectedFinish!), textClass: 'projection-label' }] : []),
  ];
  const legendItems: string[] = [];
  let row = 0;
  let x0 = left;
  for (const entry of legend) {
    const entryWidth = SAMPLE.width + SAMPLE.gap + labelWidth(entry.text);
    if (x0 > left && x0 + entryWidth > width - right) {
      row++;
      x0 = left;
    }
    const y = row * LABEL_ROW + LABEL_ROW / 2;
    legendItems.push(
      `<line class="${entry.line}" x1="${x0}" y1="${y}" x2="${x0 + SAMPLE.width}" y2="${y}"></line><text${entry.textClass ? ` class="${entry.textClass}"` : ''} x="${x0 + SAMPLE.width + SAMPLE.gap}" y="${y}" dominant-baseline="middle">${escapeHtml(entry.text)}</text>`,
    );
    x0 += entryWidth + SAMPLE.after;
  }
  const todayRowY = (row + 1) * LABEL_ROW + LABEL_ROW / 2;
  const top = (row + 2) * LABEL_ROW + 12;
  const height = top + plotHeight + bottom;

  const firstDay = Math.min(dayOfDate(points[0].date), todayDay);
  const lastDay = Math.max(dayOfDate(points[points.length - 1].date), todayDay, projectedDay ?? -Infinity);
  const span = Math.max(1, lastDay - firstDay);
  const x = (day: number) => round(left + ((day - firstDay) / span) * plotWidth);
  const y = (h: number) => round(top + plotHeight - (h / yMax) * plotHeight);
  const line = (coords: readonly (readonly [number, number])[]) => coords.map(([d, h]) => `${x(d)},${y(h)}`).join(' ');

  const planned = line(points.map((p) => [dayOfDate(p.date), p.planned] as const));
  const doneCoords = points.filter((p) => p.done !== undefined).map((p) => [dayOfDate(p.date), p.done!] as const);
  const lastDone = doneCoords[doneCoords.length - 1];
  if (todayDay >= dayOfDate(points[0].date) && (!lastDone || lastDone[0] < todayDay)) doneCoords.push([todayDay, burnUp.doneToday]);
  const projection = projecting
    ? `<line class="projection" x1="${x(todayDay)}" y1="${y(burnUp.doneToday)}" x2="${x(projectedDay)}" y2="${y(burnUp.total)}"></line>
<circle class="projection-end" cx="${x(projectedDay)}" cy="${y(burnUp.total)}" r="4"></circle>`
    : '';
  const todayText = t('today');
  // Centred over its line, but never past the chart's edges.
  const half = labelWidth(todayText) / 2;
  const todayX = Math.min(Math.max(x(todayDay), half), width - half);
  const label = progress.projectedFinish
    ? t('Burn-up chart: {0} of {1} hours done by {2}, where the plan had {3}; projected finish {4}.', round(burnUp.doneToday), round(burnUp.total), burnUp.today, round(progress.plannedHours), progress.projectedFinish)
    : t('Burn-up chart: {0} of {1} hours done by {2}, where the plan had {3}.', round(burnUp.doneToday), round(burnUp.total), burnUp.today, round(progress.plannedHours));
  const baseline = top + plotHeight;
  return `<svg class="chart burnup" role="img" aria-label="${escapeHtml(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">
<g class="legend">${legendItems.join('\n')}</g>
<line class="axis" x1="${left}" y1="${baseline}" x2="${width - right}" y2="${baseline}"></line>
<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${baseline}"></line>
<text x="${left - 6}" y="${baseline}" text-anchor="end" dominant-baseline="middle">0 h</text>
<text x="${left - 6}" y="${y(yMax)}" text-anchor="end" dominant-baseline="middle">${yMaxLabel}</text>
<text x="${left}" y="${height - 12}">${dateOfDay(firstDay)}</text>
<text x="${width - right}" y="${height - 12}" text-anchor="end">${dateOfDay(lastDay)}</text>
<polyline class="planned-line" points="${planned}"></polyline>
${doneCoords.length > 1 ? `<polyline class="done-line" points="${line(doneCoords)}"></polyline>` : ''}
<line class="today-line" x1="${x(todayDay)}" y1="${top}" x2="${x(todayDay)}" y2="${baseline}"></line>
<text class="today-label" x="${round(todayX)}" y="${todayRowY}" text-anchor="middle" dominant-baseline="middle">${escapeHtml(todayText)}</text>
${projection}
</svg>`;
}

/** The chart's numbers for screen readers and for reading exactly: a row a point, then today. */
export function burnUpTable(burnUp: BurnUp, t: Translate = english): string {
  const hours = (n: number | undefined) => (n === undefined ? '' : String(Math.round(n * 10) / 10));
  const rows = burnUp.points.map((p) => `<tr><th scope="row"><time datetime="${p.date}">${p.date}</time></th><td>${hours(p.planned)}</td><td>${hours(p.done)}</td></tr>`);
  rows.push(`<tr class="today"><th scope="row">${escapeHtml(t('today ({0})', burnUp.today))}</th><td></td><td>${hours(burnUp.doneToday)}</td></tr>`);
  return `<table><caption>${escapeHtml(t('Cumulative hours, planned and done, of {0} in all', hours(burnUp.total)))}</caption>
<thead><tr><th scope="col">${escapeHtml(t('Date'))}</th><th scope="col">${escapeHtml(t('Planned (h)'))}</th><th scope="col">${escapeHtml(t('Done (h)'))}</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>`;
}
