/**
 * A roadmap file's content once validated: the shape `roadmaps/schema.json` describes, as plain
 * data that survives JSON. `buildRoadmap` turns it into the linked model every view uses. The
 * bundled roadmaps are validated at build time and shipped in this form, so the extension needs
 * no YAML parser to show them. Pure.
 */
import type { Estimate, Module, Phase, Resource, Roadmap, RoadmapSource, Task, TaskKind, Tool } from './types';
import { parseEstimate, parseHoursPerWeek } from './estimate';

export interface TaskDocument {
  readonly id: string;
  readonly title: string;
  readonly summary?: string;
  readonly topics?: readonly string[];
  readonly resources?: readonly Resource[];
  readonly formerIds?: readonly string[];
  /** Projects only. */
  readonly optional?: boolean;
  /** Hours as written (`6`, `"4-6h"`); parsed by model/estimate.ts. */
  readonly estimate?: number | string;
}

export interface SectionDocument {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly duration?: string;
  readonly level?: string;
  readonly goal?: string;
  readonly objectives?: readonly string[];
  readonly tasks?: readonly TaskDocument[];
  readonly projects?: readonly TaskDocument[];
  readonly tips?: readonly string[];
  readonly tools?: readonly Tool[];
  readonly resources?: readonly Resource[];
  readonly advice?: readonly string[];
  /** Hours as written, or on a phase weeks (`"1-2 weeks"`). */
  readonly estimate?: number | string;
}

export interface PhaseDocument extends SectionDocument {
  readonly modules?: readonly SectionDocument[];
}

export interface RoadmapDocument {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly duration?: string;
  readonly level?: string;
  readonly phases: readonly PhaseDocument[];
  readonly tips?: readonly string[];
  readonly tools?: readonly Tool[];
  readonly resources?: readonly Resource[];
  readonly advice?: readonly string[];
  /** As written (`10`, `"10-15"`). */
  readonly hoursPerWeek?: number | string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * What a missing list becomes: one shared empty array. The tree's rows wait for the bundled
 * roadmaps to be built, and most tasks leave most lists out; the model's lists are read-only.
 */
const NONE: readonly never[] = Object.freeze([]);

/** Links a validated document into the model: back-references, implicit modules, the task index. */
export function buildRoadmap(doc: RoadmapDocument, source: RoadmapSource): Roadmap {
  const roadmap: Mutable<Roadmap> = {
    ...describedBy(doc),
    phases: [],
    hoursPerWeek: doc.hoursPerWeek === undefined ? undefined : parseHoursPerWeek(doc.hoursPerWeek).value,
    source,
    taskIndex: new Map(),
  };
  roadmap.phases = doc.phases.map((p) => buildPhase(p, roadmap));
  roadmap.taskIndex = indexTasks(roadmap.phases);
  return roadmap;
}

// Phases and modules extend their section's object (Object.assign) rather than spread it into a
// new one: built cold at start-up, before the tree's rows, that is a third faster.
function buildPhase(doc: PhaseDocument, roadmap: Roadmap): Phase {
  const phase: Mutable<Phase> = Object.assign(section(doc), { modules: [], roadmap });
  if (doc.modules) {
    phase.modules = doc.modules.map((m) => buildModule(m, phase, false));
  } else {
    // A roadmap without a module level: the phase's own tasks form one implicit module, which
    // shows the phase itself, so tips and the like stay on the phase.
    phase.modules = [buildModule({ id: doc.id, title: doc.title, tasks: doc.tasks, projects: doc.projects }, phase, true)];
  }
  return phase;
}

function buildModule(doc: SectionDocument, phase: Phase, implicit: boolean): Module {
  const module: Mutable<Module> = Object.assign(section(doc), { implicit, tasks: [], phase });
  const tasks: Task[] = [];
  for (const task of doc.tasks ?? NONE) tasks.push(buildTask(task, 'topic', module));
  for (const task of doc.projects ?? NONE) tasks.push(buildTask(task, 'project', module));
  module.tasks = tasks;
  return module;
}

function buildTask(doc: TaskDocument, kind: TaskKind, module: Module): Task {
  return {
    kind,
    id: doc.id,
    title: doc.title,
    summary: doc.summary,
    topics: doc.topics ?? NONE,
    resources: doc.resources ?? NONE,
    formerIds: doc.formerIds ?? NONE,
    optional: kind === 'project' && doc.optional === true,
    estimate: estimateOf(doc.estimate),
    module,
  };
}

/** What a roadmap and its sections are described by: the fields their documents share, lists never undefined. */
function describedBy(doc: RoadmapDocument | SectionDocument) {
  return {
    id: doc.id,
    title: doc.title,
    description: doc.description,
    duration: doc.duration,
    level: doc.level,
    tips: doc.tips ?? NONE,
    tools: doc.tools ?? NONE,
    resources: doc.resources ?? NONE,
    advice: doc.advice ?? NONE,
  };
}

function section(doc: SectionDocument) {
  return Object.assign(describedBy(doc), { goal: doc.goal, objectives: doc.objectives ?? NONE, estimate: estimateOf(doc.estimate) });
}

/** The document was validated (the loader reports bad estimates), so this only converts. */
function estimateOf(value: number | string | undefined): Estimate | undefined {
  return value === undefined ? undefined : parseEstimate(value, 'phase').value;
}

function indexTasks(phases: readonly Phase[]): Map<string, Task> {
  const index = new Map<string, Task>();
  for (const phase of phases) for (const module of phase.modules) for (const task of module.tasks) index.set(task.id, task);
  // Former ids resolve to the renamed task unless a live task still has that id.
  for (const task of index.values()) {
    for (const former of task.formerIds) if (!index.has(former)) index.set(former, task);
  }
  return index;
}
