/**
 * The dashboard's Review section for one roadmap: retention over the last 30 days, reviews per day
 * and the cards due on each of the next 30 days, drawn as SVG bars with the same numbers in a table
 * for screen readers. Pure; the numbers are the model's (`model/review/forecast.ts`).
 */
import { parseTaskKey } from '../model/ids';
import { dueForecast, FORECAST_DAYS, retentionRate, reviewsPerDay } from '../model/review/forecast';
import { dayOf } from '../model/review/queue';
import type { ReviewState } from '../model/review/types';
import { english, type Translate } from '../util/translate';
import { escapeHtml } from '../webview/markdown';

export interface ReviewFigures {
  /** Due cards on each of the next 30 days, today first. */
  readonly forecast: readonly number[];
  /** Reviews on each of the last 30 days, today last. */
  readonly perDay: readonly number[];
  /** Share of reviews not rated Again in the last 30 days; undefined without reviews. */
  readonly retention: number | undefined;
  /** The first of the forecast's days, as `YYYY-MM-DD` (local). */
  readonly today: string;
}

/** The figures of one roadmap's cards: their forecast and their reviews; undefined when it has no card. */
export function reviewFigures(state: ReviewState, roadmapId: string, now: number): ReviewFigures | undefined {
  const cards = Object.fromEntries(Object.entries(state.cards).filter(([, card]) => parseTaskKey(card.taskKey)?.roadmapId === roadmapId && card.orphanedAt === undefined));
  if (Object.keys(cards).length === 0) return undefined;
  const log = state.log.filter((entry) => Object.hasOwn(cards, entry.cardId));
  const start = new Date(dayOf(now).start);
  const today = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`;
  return { forecast: dueForecast(cards, now), perDay: reviewsPerDay(log, now), retention: retentionRate(log, now), today };
}

const BAR = { width: 16, gap: 4, height: 120, top: 16, bottom: 20, left: 8 } as const;

export function reviewSection(figures: ReviewFigures, t: Translate = english): string {
  const reviewed = figures.perDay.reduce((a, b) => a + b, 0);
  const retention = figures.retention === undefined ? t('no reviews yet') : `${Math.round(figures.retention * 100)}%`;
  const perDay = (reviewed / FORECAST_DAYS).toFixed(1);
  return `<section id="review" aria-labelledby="review-heading"><h2 id="review-heading">${escapeHtml(t('Review'))}</h2>
<div class="cards">
<div class="card" data-review="retention"><span class="number">${escapeHtml(retention)}</span><span class="label">${escapeHtml(t('retention, last 30 days'))}</span></div>
<div class="card" data-review="per-day"><span class="number">${perDay}</span><span class="label">${escapeHtml(t('reviews a day, last 30 days'))}</span></div>
<div class="card" data-review="due-week"><span class="number">${figures.forecast.slice(0, 7).reduce((a, b) => a + b, 0)}</span><span class="label">${escapeHtml(t('due in the next 7 days'))}</span></div>
</div>
<h3 id="forecast-heading">${escapeHtml(t('Cards due, next 30 days'))}</h3>
${forecastChart(figures, t)}
<details class="chart-data"><summary>${escapeHtml(t('Chart data'))}</summary>${forecastTable(figures, t)}</details>
</section>`;
}

function forecastChart(figures: ReviewFigures, t: Translate): string {
  const most = Math.max(1, ...figures.forecast);
  const width = BAR.left + figures.forecast.length * (BAR.width + BAR.gap);
  const height = BAR.top + BAR.height + BAR.bottom;
  const bars = figures.forecast
    .map((count, day) => {
      const h = Math.round((count / most) * BAR.height);
      const x = BAR.left + day * (BAR.width + BAR.gap);
      const label = day === 0 ? t('today') : `+${day}`;
      return `<g><title>${escapeHtml(t('{0}: {1} due', label, count))}</title><rect class="bar-due" x="${x}" y="${BAR.top + BAR.height - h}" width="${BAR.width}" height="${h}"></rect>${count > 0 ? `<text x="${x + BAR.width / 2}" y="${BAR.top + BAR.height - h - 3}" text-anchor="middle">${count}</text>` : ''}</g>`;
    })
    .join('');
  const axis = `<line class="axis" x1="${BAR.left}" y1="${BAR.top + BAR.height}" x2="${width}" y2="${BAR.top + BAR.height}"></line>`;
  const ticks = [0, 7, 14, 21, 28]
    .filter((day) => day < figures.forecast.length)
    .map((day) => `<text x="${BAR.left + day * (BAR.width + BAR.gap) + BAR.width / 2}" y="${height - 4}" text-anchor="middle">${escapeHtml(day === 0 ? t('today') : `+${day}`)}</text>`)
    .join('');
  return `<svg class="chart forecast" role="img" aria-labelledby="forecast-heading" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${bars}${axis}${ticks}</svg>`;
}

function forecastTable(figures: ReviewFigures, t: Translate): string {
  const rows = figures.forecast.map((count, day) => `<tr><th scope="row">${escapeHtml(day === 0 ? t('today') : t('in {0} day(s)', day))}</th><td>${count}</td></tr>`).join('');
  return `<table><caption>${escapeHtml(t('Cards due each day from {0}', figures.today))}</caption><thead><tr><th scope="col">${escapeHtml(t('Day'))}</th><th scope="col">${escapeHtml(t('Cards due'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
}
