/** The extension's one name; every id a user or a `when` clause can see is built from it. */
export const EXTENSION_NAME = 'mlRoadmaps';

const id = (name: string): string => `${EXTENSION_NAME}.${name}`;

export const VIEW_CONTAINER_ID = 'mlRoadmaps';
export const TREE_VIEW_ID = id('tree');
/**
 * How the tree view behaves, beside its provider and drop handling (tree/view.ts); the
 * benchmark's own views of our tree take the same.
 */
export const TREE_VIEW_OPTIONS = {
  showCollapseAll: true,
  canSelectMany: true,
  // Ticking a task must not tick its parents: the roll-up decides what a module shows.
  manageCheckboxStateManually: true,
} as const;
export const DETAILS_VIEW_TYPE = id('details');
export const DASHBOARD_VIEW_TYPE = id('dashboard');
export const CLASS_VIEW_TYPE = id('classDashboard');
export const REVIEW_VIEW_TYPE = id('review');
export const OUTPUT_CHANNEL_NAME = 'ML Roadmaps';
export const DIAGNOSTIC_COLLECTION = EXTENSION_NAME;

export const Commands = {
  markNotStarted: id('markNotStarted'),
  markInProgress: id('markInProgress'),
  markDone: id('markDone'),
  markSkipped: id('markSkipped'),
  toggleDone: id('toggleDone'),
  nextTask: id('nextTask'),
  refresh: id('refresh'),
  resetProgress: id('resetProgress'),
  hideFinished: id('hideFinished'),
  showFinished: id('showFinished'),
  openRoadmapFile: id('openRoadmapFile'),
  openDetails: id('openDetails'),
  pinDetails: id('pinDetails'),
  openDashboard: id('openDashboard'),
  openNotes: id('openNotes'),
  createStarterProject: id('createStarterProject'),
  linkFolder: id('linkFolder'),
  unlinkFolder: id('unlinkFolder'),
  relinkFolder: id('relinkFolder'),
  revealLinkedFolder: id('revealLinkedFolder'),
  openLinkedFolderInNewWindow: id('openLinkedFolderInNewWindow'),
  openTerminalInLinkedFolder: id('openTerminalInLinkedFolder'),
  showTask: id('showTask'),
  /** Shows a task given as an object in the tree; the pages' Show in tree. Not in the palette. */
  revealTask: id('revealTask'),
  exportProgress: id('exportProgress'),
  importProgress: id('importProgress'),
  newRoadmap: id('newRoadmap'),
  searchTasks: id('searchTasks'),
  runChecks: id('runChecks'),
  /** `(roadmap?, { start?, hoursPerWeek?, studyDays? })`: asks for what the options leave out. */
  planStudy: id('planStudy'),
  /** `(roadmap?, { confirmed?: true })`. */
  clearPlan: id('clearPlan'),
  replan: id('replan'),
  /** `(roadmap?, target?: Uri)`: with a target, no save dialog. */
  exportCalendar: id('exportCalendar'),
  /** `(task?)`: the linked project's CI results as evidence. */
  readCiResults: id('readCiResults'),
  /** `(handle?: string, target?: Uri)`: with a target, no save dialog, and never over an existing file. */
  exportClassProgress: id('exportClassProgress'),
  /** `(folder?: Uri)`: without one, or given anything but an existing folder, a folder is asked for. */
  openClassDashboard: id('openClassDashboard'),
  /** `(roadmap?, target?: Uri)`: with a target, no save dialog, and never over an existing file. */
  saveProgressCard: id('saveProgressCard'),
  /** Opens the Review page on today's queue. */
  reviewDueCards: id('reviewDueCards'),
  /** `(roadmap?, target?: Uri)`: with a target, no save dialog. */
  exportAnkiCards: id('exportAnkiCards'),
  /** `(folder: Uri)`: the Explorer's context menu on a folder; Open Class Dashboard… without the question. Not in the palette. */
  openClassDashboardOnFolder: id('openClassDashboardOnFolder'),
} as const;

export const NoteContext = {
  note: 'note',
} as const;

export const LinkedFolderContext = {
  present: 'linkedFolder',
  missing: 'linkedFolder.missing',
} as const;

export const ContextKeys = {
  hideFinished: id('hideFinished'),
  /** True while the tree's selection holds a task, so the palette offers the state commands. */
  taskSelected: id('taskSelected'),
  /** True once any task is done or skipped: completes the walkthrough's "finish a task" step. */
  hasFinishedTask: id('hasFinishedTask'),
  /** True once a starter project was created: completes the walkthrough's step. */
  createdStarterProject: id('createdStarterProject'),
  /** What the empty tree's welcome content should say: 'noRoadmaps' or 'allFinished'. */
  emptyReason: id('emptyReason'),
  /** True while any roadmap has a study plan: the palette then offers the plan commands. */
  hasPlan: id('hasPlan'),
  /**
   * True when the web worker extension host runs the extension (vscode.dev, github.dev): menus
   * hide what needs Node. Not `isWeb`, which is also true for VS Code Server and Codespaces in a
   * browser, where a Node extension host runs the extension and everything works.
   */
  webWorkerHost: id('webWorkerHost'),
} as const;

/** `contextValue`s of tree items; menus in package.json match on them. */
export const TreeItemContext = {
  roadmap: 'roadmap',
  /** A roadmap with a study plan: Clear Plan, Re-plan from Today and Export Plan to Calendar apply. */
  plannedRoadmap: 'roadmap.planned',
  /** The This Week node of a planned roadmap, and the task rows under it. */
  thisWeek: 'thisWeek',
  plannedTask: 'plannedTask',
  phase: 'phase',
  module: 'module',
  error: 'roadmapError',
  /**
   * Tasks carry their state, so menus can hide the action that would do nothing, and projects say
   * so, for Create Starter Project: `task.done`, `task.inProgress.project`.
   */
  task: (state: string, kind: string) => `task.${state}${kind === 'project' ? '.project' : ''}`,
  /** A task of a workspace roadmap in Restricted Mode: shown, not tracked. */
  readOnlyTask: 'readOnlyTask',
} as const;

/**
 * The settings package.json contributes, by their key under `section` (every one of them, and
 * only here: test/unit/settings.test.ts compares this list with package.json).
 */
export const Settings = {
  section: EXTENSION_NAME,
  showStatusBar: 'showStatusBar',
  hideFinishedTasks: 'tree.hideFinishedTasks',
  notesFolder: 'notesFolder',
  roadmapFiles: 'roadmapFiles',
  pythonInterpreterPath: 'python.interpreterPath',
  checksTimeoutSeconds: 'checks.timeoutSeconds',
  reviewDesiredRetention: 'review.desiredRetention',
  reviewNewCardsPerDay: 'review.newCardsPerDay',
  reviewTopicCards: 'review.topicCards',
} as const;

/** A setting's full id, as `affectsConfiguration` and the Settings editor take it. */
export const settingId = (key: (typeof Settings)[Exclude<keyof typeof Settings, 'section'>]): string => `${Settings.section}.${key}`;
