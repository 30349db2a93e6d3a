/**
 * Generated roadmaps of any size with real structure (phases → modules → tasks): as YAML text for
 * the loader, or as a document linked by the extension's own builder when the text would pass the
 * loader's 2 MB limit.
 * Pure: no `vscode`, used both in node and inside the extension host.
 */
import { buildRoadmap as buildFromDocument, PhaseDocument, RoadmapDocument, SectionDocument, TaskDocument } from '../../src/model/document';
import type { Resource, Roadmap, RoadmapSource } from '../../src/model/types';

export interface Shape {
  readonly id: string;
  /** Prefix of every title, e.g. "100k": rows read "100k phase 3", "100k module 3.2"… */
  readonly label: string;
  readonly phases: number;
  readonly modulesPerPhase: number;
  /** The last task of each module is a project, as real roadmaps end modules with practice. */
  readonly tasksPerModule: number;
  /** Adds topics and a resource to every task, for the details page; makes the text ~3× larger. */
  readonly rich?: boolean;
}

export const SHAPE_10K: Shape = { id: 'bench-10k', label: '10k', phases: 100, modulesPerPhase: 10, tasksPerModule: 10 };
export const SHAPE_100K: Shape = { id: 'bench-100k', label: '100k', phases: 100, modulesPerPhase: 10, tasksPerModule: 100 };
export const SHAPE_1000_TASK_MODULE: Shape = { id: 'bench-module', label: 'page', phases: 1, modulesPerPhase: 1, tasksPerModule: 1000, rich: true };

export const benchSource = (shape: Shape): RoadmapSource => ({ label: `${shape.id}.roadmap.yaml`, location: `untitled:/${shape.id}.roadmap.yaml`, bundled: false });

export const roadmapTitle = (shape: Shape) => `Bench ${shape.label}`;
export const phaseTitle = (shape: Shape, p: number) => `${shape.label} phase ${p}`;
export const moduleTitle = (shape: Shape, p: number, m: number) => `${shape.label} module ${p}.${m}`;

const taskTitle = (shape: Shape, n: string) => `${shape.label} task ${n}`;
const summary = (n: string) => `Learn **topic ${n}** with \`code\` and a short note.`;
const topics = (n: string) => [`Read about *${n}*`, `Try [an example](https://example.com/${n.replace(/\./g, '-')})`];
const resource = (n: string): Resource => ({ title: `Reading ${n}`, url: `https://example.com/r/${n.replace(/\./g, '-')}` });

/** YAML text the loader accepts, with the same content `buildRoadmap` produces. */
export function roadmapYaml(shape: Shape): string {
  const out: string[] = [`id: ${shape.id}`, `title: ${roadmapTitle(shape)}`, 'phases:'];
  for (let p = 1; p <= shape.phases; p++) {
    out.push(`  - id: p-${p}`, `    title: ${phaseTitle(shape, p)}`, '    modules:');
    for (let m = 1; m <= shape.modulesPerPhase; m++) {
      out.push(`      - id: m-${p}-${m}`, `        title: ${moduleTitle(shape, p, m)}`);
      for (let t = 1; t <= shape.tasksPerModule; t++) {
        const n = `${p}.${m}.${t}`;
        if (t === 1 && shape.tasksPerModule > 1) out.push('        tasks:');
        if (t === shape.tasksPerModule) out.push('        projects:');
        out.push(`          - id: t-${p}-${m}-${t}`, `            title: ${taskTitle(shape, n)}`, `            summary: "${summary(n)}"`);
        if (shape.rich) {
          out.push('            topics:', ...topics(n).map((s) => `              - "${s}"`));
          const r = resource(n);
          out.push('            resources:', `              - title: ${r.title}`, `                url: ${r.url}`);
        }
      }
    }
  }
  return out.join('\n') + '\n';
}

/** The document `roadmapYaml(shape)` validates to, made without text. */
export function roadmapDocument(shape: Shape): RoadmapDocument {
  const phases: PhaseDocument[] = [];
  for (let p = 1; p <= shape.phases; p++) {
    const modules: SectionDocument[] = [];
    for (let m = 1; m <= shape.modulesPerPhase; m++) {
      const tasks: TaskDocument[] = [];
      for (let t = 1; t <= shape.tasksPerModule; t++) {
        const n = `${p}.${m}.${t}`;
        const rich = shape.rich ? { topics: topics(n), resources: [resource(n)] } : {};
        tasks.push({ id: `t-${p}-${m}-${t}`, title: taskTitle(shape, n), summary: summary(n), ...rich });
      }
      // The last task of each module is its project, as in roadmapYaml.
      const topicTasks = tasks.slice(0, -1);
      modules.push({ id: `m-${p}-${m}`, title: moduleTitle(shape, p, m), ...(topicTasks.length ? { tasks: topicTasks } : {}), projects: tasks.slice(-1) });
    }
    phases.push({ id: `p-${p}`, title: phaseTitle(shape, p), modules });
  }
  return { id: shape.id, title: roadmapTitle(shape), phases };
}

/** The model `loadRoadmap(roadmapYaml(shape))` returns, linked by the extension's own builder. */
export function buildRoadmap(shape: Shape): Roadmap {
  return buildFromDocument(roadmapDocument(shape), benchSource(shape));
}

/**
 * A canonical text of a roadmap for comparing two builds: every field in key order (undefined
 * ones too), back-references checked to point at the parent rather than printed.
 */
export function canonical(roadmap: Roadmap): string {
  const walk = (value: unknown, parent?: unknown): unknown => {
    if (value instanceof Map) return [...value.keys()].sort();
    if (Array.isArray(value)) return value.map((v) => walk(v, parent));
    if (typeof value !== 'object' || value === null) return value === undefined ? '(undefined)' : value;
    const object = value as Record<string, unknown>;
    return Object.keys(object)
      .sort()
      .map((key) => {
        if (key === 'roadmap' || key === 'phase' || key === 'module') return [key, object[key] === parent ? '(parent)' : '(WRONG PARENT)'];
        const child = object[key];
        return [key, walk(child, Array.isArray(child) ? object : parent)];
      });
  };
  return JSON.stringify(walk(roadmap));
}
