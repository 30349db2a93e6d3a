/**
 * What a class file and a progress card are made of, read from the stores: task states, evidence
 * that still holds, failing checks, and the plan's pace and standing. Nothing else is read.
 */
import { parseTaskKey } from '../model/ids';
import type { ClassPlan, ClassRoadmapInput } from '../model/classroom/classFile';
import type { Roadmap } from '../model/types';
import type { Services } from '../services';
import { evidenceState } from '../storage/checkStore';

/** Every roadmap with stored progress or evidence; `roadmaps` are the loaded ones, for their plans. */
export function classInputs(services: Services, roadmaps: readonly Roadmap[]): ClassRoadmapInput[] {
  const verified = new Map<string, Map<string, string>>();
  const failing = new Map<string, Map<string, number>>();
  for (const [key, record] of services.checks.all()) {
    const parsed = parseTaskKey(key);
    if (!parsed) continue;
    const state = evidenceState(record);
    // Only evidence that holds for the code as it is now counts as verified for a class.
    if (state === 'verified' && record.verified) mapOf(verified, parsed.roadmapId).set(parsed.taskId, record.verified.date);
    const failed = record.checks.filter((c) => c.outcome === 'failed' || c.outcome === 'error').length;
    if (failed > 0) mapOf(failing, parsed.roadmapId).set(parsed.taskId, failed);
  }
  const entries = services.store.allEntries();
  const ids = new Set([...entries.keys(), ...verified.keys(), ...failing.keys()]);
  return [...ids].map((id) => {
    const roadmap = roadmaps.find((r) => r.id === id);
    const plan = roadmap ? planOf(services, roadmap) : undefined;
    return { id, tasks: entries.get(id) ?? new Map(), verified: verified.get(id) ?? new Map(), failing: failing.get(id) ?? new Map(), ...(plan ? { plan } : {}) };
  });
}

/** The plan's pace, planned finish and days ahead or behind, when the roadmap has a plan. */
export function planOf(services: Services, roadmap: Roadmap): ClassPlan | undefined {
  const plan = services.plans.planOf(roadmap);
  if (!plan) return undefined;
  const schedule = services.plans.scheduleOf(roadmap);
  const progress = services.plans.progressOf(roadmap);
  return { pace: plan.hoursPerWeek, ...(schedule?.end ? { finishBy: schedule.end } : {}), ...(progress?.started ? { aheadBehindDays: progress.deltaDays } : {}) };
}

function mapOf<T>(maps: Map<string, Map<string, T>>, key: string): Map<string, T> {
  let map = maps.get(key);
  if (!map) maps.set(key, (map = new Map<string, T>()));
  return map;
}
