/**
 * Whether the state of a roadmap (its tasks' progress, its study plan) may be written. The
 * tracker and the plans service ask where they write, so no command repeats the check; the
 * editor's policy (services.ts) refuses a workspace's own roadmaps in Restricted Mode and says why.
 */
import type { Roadmap } from '../model/types';

export interface WritePolicy {
  /** False when nothing may be written for the roadmap; the policy has then told the user why. */
  mayWrite(roadmap: Roadmap): boolean;
}

/** Every roadmap is writable: what pure code and unit tests use. */
export const WRITE_ANYTHING: WritePolicy = { mayWrite: () => true };
