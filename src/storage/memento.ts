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
  /**
   * Stored progress that could not be read in full, kept so nothing is lost to a bad write: a list
   * of `{ savedAt, value }`, oldest first, the last few (earlier versions kept one such object).
   */
  progressBackup: 'mlRoadmaps.progressBackup',
  links: 'mlRoadmaps.links',
  /** Set once the view was shown for a workspace that has roadmaps of its own. */
  shownWorkspaceRoadmaps: 'mlRoadmaps.shownWorkspaceRoadmaps',
  linksBackup: 'mlRoadmaps.linksBackup',
} as const;
