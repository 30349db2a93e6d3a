/**
 * What Plan Study… proposes before the learner answers. Pure (no `vscode`), so the proposals are
 * unit-tested without an editor.
 */
import { Weekday, WEEKDAYS } from '../model/plan/dates';
import { DEFAULT_HOURS_PER_WEEK } from '../model/plan/effort';
import { midpoint } from '../model/estimate';
import type { HoursRange } from '../model/types';
import { PLAN_HOURS_PER_WEEK } from '../model/plan/planner';

/** Study days proposed for a first plan. */
export const WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/**
 * The hours a week proposed: the plan's own when it has one, else the middle of what the roadmap
 * states, else the common figure. A roadmap may state up to a week's 168 hours; what is proposed
 * is what a plan may have.
 */
export function proposedHoursPerWeek(stated: HoursRange | undefined, existing: number | undefined): number {
  const { min, max } = PLAN_HOURS_PER_WEEK;
  return Math.min(max, Math.max(min, existing ?? (stated ? midpoint(stated) : DEFAULT_HOURS_PER_WEEK)));
}

/** Each weekday with its name in `language` (`Monday` … `Sunday` in English), Monday first. */
export function weekdayNames(language: string): { readonly day: Weekday; readonly name: string }[] {
  const names = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
  // 1 January 2024 was a Monday.
  return WEEKDAYS.map((day, i) => ({ day, name: names.format(Date.UTC(2024, 0, 1 + i)) }));
}
