/**
 * Words and figures derived from a plan and stored progress, shared by the status bar, the
 * dashboard and the plans service. Pure.
 */
import { english, type Translate } from '../../util/translate';
import type { PlanProgress, StudyPlan } from './planner';

/** "on track", "2 days ahead", "3 days behind", or when the plan starts: the status bar's words. */
export function planStatusText(plan: StudyPlan, progress: PlanProgress, t: Translate = english): string {
  if (!progress.started) return t('plan starts {0}', plan.start);
  const days = Math.abs(progress.deltaDays);
  switch (progress.status) {
    case 'onTrack':
      return t('on track');
    case 'ahead':
      return days === 1 ? t('1 day ahead') : t('{0} days ahead', days);
    case 'behind':
      return days === 1 ? t('1 day behind') : t('{0} days behind', days);
  }
}

/** When each finished task was finished, from a roadmap's stored progress (ids as stored, former ones included). */
export function finishTimes(entries: ReadonlyMap<string, { readonly state: string; readonly changedAt: number }> | undefined): Map<string, number> {
  const result = new Map<string, number>();
  for (const [taskId, entry] of entries ?? []) if (entry.state === 'done' || entry.state === 'skipped') result.set(taskId, entry.changedAt);
  return result;
}
