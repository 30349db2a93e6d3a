/**
 * The normalised roadmap model. Every roadmap, whatever shape its file has, becomes
 * roadmap → phases → modules → tasks. A phase written without modules gets one implicit module
 * (same id as the phase) so that every consumer walks one shape.
 */

export type TaskState = 'notStarted' | 'inProgress' | 'done' | 'skipped';
export const TASK_STATES: readonly TaskState[] = ['notStarted', 'inProgress', 'done', 'skipped'];

/**
 * The largest roadmap file read: checked before a file is read (core/sources.ts) and on text
 * already in hand (the loader), with the same words.
 */
export const MAX_ROADMAP_FILE_BYTES = 2 * 1024 * 1024;

export function fileTooLargeMessage(bytes: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `file is ${mb(bytes)} MB; roadmap files are limited to ${mb(MAX_ROADMAP_FILE_BYTES)} MB`;
}

export function isTaskState(value: unknown): value is TaskState {
  return TASK_STATES.includes(value as TaskState);
}

export type TaskKind = 'topic' | 'project';

export interface Tool {
  readonly name: string;
  readonly note?: string;
  readonly url?: string;
}

export interface Resource {
  readonly title: string;
  readonly url: string;
  readonly note?: string;
}

/** Hours, low and high end; equal when the author gave one number. */
export interface HoursRange {
  readonly min: number;
  readonly max: number;
}

/** An author's effort estimate (`estimate` in the file, see model/estimate.ts): hours, or on a phase weeks. */
export interface Estimate extends HoursRange {
  readonly unit: 'hours' | 'weeks';
}

/** What roadmaps, phases and modules all carry beside their children. */
export interface Guidance {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly duration?: string;
  readonly level?: string;
  readonly tips: readonly string[];
  readonly tools: readonly Tool[];
  readonly resources: readonly Resource[];
  readonly advice: readonly string[];
}

/** Fields that phases and modules share. */
export interface SectionInfo extends Guidance {
  readonly goal?: string;
  readonly objectives: readonly string[];
  readonly estimate?: Estimate;
}

export interface Task {
  readonly kind: TaskKind;
  readonly id: string;
  readonly title: string;
  readonly summary?: string;
  readonly topics: readonly string[];
  readonly resources: readonly Resource[];
  readonly formerIds: readonly string[];
  /** Projects only: the author marks it optional or one choice among several. */
  readonly optional: boolean;
  readonly estimate?: Estimate;
  readonly module: Module;
}

/** What a task's progress is kept under: its id, or a former id until its state next changes. */
export type TaskIds = Pick<Task, 'id' | 'formerIds'>;

export interface Module extends SectionInfo {
  /** True when the file had no module level here: the tree shows the phase's tasks directly. */
  readonly implicit: boolean;
  /** Topics first, then projects, in file order. */
  readonly tasks: readonly Task[];
  readonly phase: Phase;
}

export interface Phase extends SectionInfo {
  readonly modules: readonly Module[];
  readonly roadmap: Roadmap;
}

export interface Roadmap extends Guidance {
  readonly phases: readonly Phase[];
  /** The study time per week the author assumes (`hoursPerWeek`), when the file states one. */
  readonly hoursPerWeek?: HoursRange;
  /** Where it came from, for error messages and "Open Roadmap File". */
  readonly source: RoadmapSource;
  /** Every task by id, and by former id, for O(1) lookup. */
  readonly taskIndex: ReadonlyMap<string, Task>;
}

export interface RoadmapSource {
  /** A display path: the bundled file name or the workspace-relative path. */
  readonly label: string;
  /** An absolute file system path or URI string, as the loader's caller gave it. */
  readonly location: string;
  readonly bundled: boolean;
}

export interface Position {
  /** 1-based, as people count lines. */
  readonly line: number;
  readonly column: number;
}

export interface RoadmapError {
  readonly file: string;
  /** The path in the document, e.g. `phases[2].modules[0].tasks[3].id`; empty for whole-file errors. */
  readonly path: string;
  readonly message: string;
  readonly start: Position;
  readonly end: Position;
}

/** Any node of the tree that holds tasks. */
export type Container = Roadmap | Phase | Module;

export function tasksOf(node: Container | Task): readonly Task[] {
  if ('kind' in node) return [node];
  if ('modules' in node) return node.modules.flatMap((m) => m.tasks);
  if ('phases' in node) return node.phases.flatMap((p) => p.modules.flatMap((m) => m.tasks));
  return node.tasks;
}

/** The roadmap any node belongs to. */
export function rootOf(node: Container | Task): Roadmap {
  if ('kind' in node) return node.module.phase.roadmap;
  if ('phases' in node) return node;
  if ('modules' in node) return node.roadmap;
  return node.phase.roadmap;
}

export function formatError(error: RoadmapError): string {
  const where = error.path ? `${error.path}: ` : '';
  return `${error.file}:${error.start.line}:${error.start.column}: ${where}${error.message}`;
}

/** Type guards for the model's objects, which the tree and commands receive as `unknown`. */
export function isTask(element: unknown): element is Task {
  return typeof element === 'object' && element !== null && 'kind' in element && 'module' in element;
}

export function isRoadmap(element: unknown): element is Roadmap {
  return typeof element === 'object' && element !== null && 'phases' in element && 'taskIndex' in element;
}

export function isPhase(element: unknown): element is Phase {
  return typeof element === 'object' && element !== null && 'modules' in element && 'roadmap' in element;
}

export function isModule(element: unknown): element is Module {
  return typeof element === 'object' && element !== null && 'implicit' in element && 'tasks' in element;
}

/** A module of a roadmap by id, wherever it sits. */
export function findModule(roadmap: Roadmap | undefined, moduleId: string): Module | undefined {
  return roadmap?.phases.flatMap((p) => p.modules).find((m) => m.id === moduleId);
}
