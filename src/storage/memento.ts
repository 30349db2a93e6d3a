/**
 * The subset of `vscode.Memento` the stores use, declared here so that they can be unit-tested
 * with an in-memory twin and no editor.
 */
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/**
 * Every Memento key the extension writes. Progress is in globalState and synced across machines;
 * links to project folders are in workspaceState, since folders belong to one workspace.
 */
export const StorageKeys = {
  progress: 'mlRoadmaps.progress',
  /** The last stored progress that could not be read in full, kept so nothing is lost to a bad write. */
  progressBackup: 'mlRoadmaps.progressBackup',
  links: 'mlRoadmaps.links',
  /** Set once the view was shown for a workspace that has roadmaps of its own. */
  shownWorkspaceRoadmaps: 'mlRoadmaps.shownWorkspaceRoadmaps',
  linksBackup: 'mlRoadmaps.linksBackup',
  /** Study plans by roadmap id; global and synced, like progress. */
  plans: 'mlRoadmaps.plans',
  /** The last stored plans that could not be read in full. */
  plansBackup: 'mlRoadmaps.plansBackup',
} as const;
