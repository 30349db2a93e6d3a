/** The measurements that need no editor: loading (row 1) and rendering module pages (row 4). */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { createMarkdownRenderer } from '../../src/webview/markdown';
import { renderModulePage } from '../../src/details/render';
import { loadRoadmap } from '../../src/model/loader';
import { countTasks } from '../../src/model/progress';
import type { Module, Roadmap } from '../../src/model/types';
import { tasksOf } from '../../src/model/types';
import { burnUp, createPlan, progressOf, schedule, thisWeek } from '../../src/model/plan/planner';
import { atMost, median, Row, timePairs, timeRuns } from './report';
import { buildRoadmap as buildFromDocument } from '../../src/model/document';
import { benchSource, buildRoadmap, canonical, roadmapDocument, roadmapYaml, Shape, SHAPE_1000_TASK_MODULE, SHAPE_100K, SHAPE_10K } from './shapes';

const RUNS = 21;
const WARMUP = 3;
/** Planning a 100,000-task roadmap, and reading what the tree, status bar and dashboard show from it. */
const PLAN_BUDGET_MS = 50;

export async function pureRows(roadmapsDir: string): Promise<Row[]> {
  checkBuilderMatchesLoader();
  const files = fs
    .readdirSync(roadmapsDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(roadmapsDir, name), 'utf8') }));
  const load = () => files.map(({ name, text }) => loadRoadmap(text, { label: name, location: name, bundled: true }).roadmap);
  const bundled = load().map((roadmap, i) => {
    if (!roadmap) throw new Error(`bundled roadmap ${files[i].name} does not load`);
    return roadmap;
  });

  const [ours, parser] = await timePairs(RUNS, WARMUP, load, () => files.map(({ text }) => parse(text) as unknown));
  const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
  const generated = roadmapYaml(SHAPE_10K);
  const [generatedMs, generatedParseMs] = await timePairs(7, 1, () => loadRoadmap(generated, benchSource(SHAPE_10K)), () => parse(generated));
  const rows: Row[] = [
    { group: '1 load', what: `${files.length} bundled roadmaps (${(bytes / 1024).toFixed(0)} KB) vs yaml.parse`, n: RUNS, ours: median(ours), reference: median(parser), ratio: true },
    { group: '1 load', what: `generated 10k-task file (${(Buffer.byteLength(generated) / 1024 / 1024).toFixed(2)} MB) vs yaml.parse`, n: 7, ours: median(generatedMs), reference: median(generatedParseMs), ratio: true },
  ];

  const md = createMarkdownRenderer();
  const assets = { cspSource: 'vscode-resource:', nonce: 'bench', scriptUris: ['details.js'], styleUris: ['details.css'] };
  const render = (module: Module) =>
    renderModulePage({ module, stateOf: () => 'notStarted', counts: countTasks(module.tasks, () => 'notStarted'), actionsFor: () => ['reveal', 'openNotes', 'linkFolder'] }, assets, md);
  const largest = largestModule(bundled, render);
  const page = buildRoadmap(SHAPE_1000_TASK_MODULE).phases[0].modules[0];
  for (const [what, module] of [
    [`largest bundled module (${largest.tasks.length} tasks, "${largest.implicit ? largest.phase.title : largest.title}")`, largest],
    ['generated module, 1,000 tasks', page],
  ] as const) {
    const times = await timeRuns(RUNS, WARMUP, () => render(module));
    rows.push({ group: '4 render', what, n: RUNS, ours: median(times) });
  }
  rows.push(await planRow());
  return rows;
}

/** Plans the 100k roadmap with a tenth of its tasks finished, as the tree and status bar would after a change. */
async function planRow(): Promise<Row> {
  // A plan must finish within ten years: the roadmap states a duration its tasks share (at the
  // defaults, 100,000 tasks would take five centuries at 12 hours a week).
  const roadmap = buildFromDocument({ ...roadmapDocument(SHAPE_100K), duration: '200 weeks' }, benchSource(SHAPE_100K));
  const all = tasksOf(roadmap);
  const day = 86_400_000;
  const since = Date.UTC(2025, 2, 3);
  const finishedAt = new Map(all.slice(0, all.length / 10).map((t, i) => [t.id, since + (i % 60) * day] as const));
  const plan = createPlan({ roadmapId: roadmap.id, start: '2025-03-03', hoursPerWeek: 12, studyDays: ['mon', 'tue', 'wed', 'thu', 'fri'] }, since);
  const context = { stateOf: (t: { id: string }) => (finishedAt.has(t.id) ? ('done' as const) : ('notStarted' as const)), finishedAt, now: since + 90 * day, utcOffset: () => 0 };
  const run = () => {
    const s = schedule(roadmap, plan, context);
    if (s.size !== all.length) throw new Error(`planned ${s.size} of ${all.length} tasks`);
    return [progressOf(s), thisWeek(s), burnUp(s)];
  };
  const times = await timeRuns(RUNS, WARMUP, run);
  return { group: '7 plan', what: 'plan 100,000 tasks: schedule + ahead/behind + this week + burn-up', n: RUNS, ours: median(times), budget: atMost(median(times), PLAN_BUDGET_MS, ' ms') };
}

/** The module whose page is the largest HTML. */
function largestModule(roadmaps: readonly Roadmap[], render: (module: Module) => string): Module {
  const modules = roadmaps.flatMap((r) => r.phases.flatMap((p) => p.modules));
  const sizes = new Map(modules.map((m) => [m, render(m).length]));
  return modules.reduce((a, b) => (sizes.get(b)! > sizes.get(a)! ? b : a));
}

/** The 100k roadmap is built, not loaded: prove on a small shape that both give the same model. */
function checkBuilderMatchesLoader(): void {
  const shape: Shape = { id: 'bench-check', label: 'check', phases: 2, modulesPerPhase: 3, tasksPerModule: 4, rich: true };
  const loaded = loadRoadmap(roadmapYaml(shape), benchSource(shape));
  if (!loaded.roadmap) throw new Error(`generated YAML does not load: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  if (canonical(loaded.roadmap) !== canonical(buildRoadmap(shape))) throw new Error('buildRoadmap() and loadRoadmap() disagree: update test/bench/shapes.ts');
  if (Buffer.byteLength(roadmapYaml(SHAPE_10K)) > 2 * 1024 * 1024) throw new Error('the generated 10k roadmap passed the loader\'s 2 MB limit');
}
