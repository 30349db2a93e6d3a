/**
 * The bench entry, run inside the real extension host as `extensionTestsPath`. It waits for the
 * launcher's `go` (the workbench has settled), then measures activation to first tree items for
 * ours and the reference extension. With MLR_BENCH_FULL it goes on with the in-process scale
 * measurements and then serves the launcher's commands while it clicks through the workbench.
 */
import * as fs from 'fs';
import * as inspector from 'inspector';
import * as path from 'path';
import * as vscode from 'vscode';
import type { MlRoadmapsApi } from '../../src/api';
import { ProgressTracker } from '../../src/core/tracker';
import { StudyPlans } from '../../src/core/studyPlans';
import { PlanStore } from '../../src/storage/planStore';
import { ProgressStore } from '../../src/storage/progressStore';
import { InMemoryMemento } from '../unit/helpers';
import { ACTIVATE_MARK, FIRST_ROWS_MARK } from '../../src/startup/marks';
import { loadRoadmap } from '../../src/model/loader';
import type { Roadmap } from '../../src/model/types';
import { TREE_VIEW_OPTIONS } from '../../src/constants';
import type { TreeElement } from '../../src/tree/elements';
import { RoadmapTreeProvider } from '../../src/tree/provider';
import { timeRuns } from './report';
import { ActivationResult, Command, InProcessResult, ScaleResult, waitForJson, writeJson } from './handshake';
import { benchSource, buildRoadmap, roadmapYaml, SHAPE_100K, SHAPE_10K } from './shapes';

const EXTENSION_ID = 'ml-roadmaps.ml-roadmaps';
const REFERENCE_ID = 'ml-roadmaps-bench.bench-reference';
const VIEWS = {
  ours: { container: 'mlRoadmaps', view: 'mlRoadmaps.tree' },
  reference: { container: 'mlrBenchRef', view: 'mlrBenchRef.tree' },
} as const;
/**
 * Row 3's views: our tree provider over the 100,000-task roadmap, in memory (a roadmap file that
 * big is refused), in a view the reference extension contributes for it; and the reference tree.
 */
const EXPAND_VIEWS = {
  ours: { container: 'mlrBenchOurs', view: 'mlrBenchOurs.tree' },
  reference: VIEWS.reference,
} as const;
/** The performance mark the reference sets when it has answered its first rows (see its extension.js). */
const REFERENCE_FIRST_ROWS_MARK = 'mlrBenchRef.firstRows';
const REFERENCE_ACTIVATE_MARK = 'mlrBenchRef.activate';

interface ReferenceApi {
  readonly provider: vscode.TreeDataProvider<unknown> & { refresh(): void };
}

const dir = process.env.MLR_BENCH_DIR ?? '';
const RUNS = Number(process.env.MLR_BENCH_RUNS) || 21;
/**
 * Pause between the two activations measured in one host. With 1.5 s, work our extension left
 * running slowed the reference measured after it (its figures 100-136 ms against 74-92 when it
 * went first), which made our start-up look 15-25 ms cheaper than it was.
 */
const QUIET_MS = 3000;

export async function run(): Promise<void> {
  try {
    await waitForJson(dir, 'go', 120_000);
    const ours = vscode.extensions.getExtension<MlRoadmapsApi>(EXTENSION_ID);
    const reference = vscode.extensions.getExtension<ReferenceApi>(REFERENCE_ID);
    if (!ours || !reference) throw new Error(`missing extension: ${!ours ? EXTENSION_ID : REFERENCE_ID}`);
    writeJson(dir, 'activation.json', await measureActivation(ours, reference, process.env.MLR_BENCH_REFERENCE_FIRST === '1'));
    if (process.env.MLR_BENCH_FULL !== '1') return;
    await ours.activate();
    writeJson(dir, 'inprocess.json', await measureInProcess());
    const ourTree = showOurProvider();
    try {
      await serveCommands(ourTree.provider, reference.exports);
    } finally {
      ourTree.dispose();
    }
  } catch (error) {
    writeJson(dir, 'error.json', { message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

/**
 * Time from showing the view (as a click on its icon does) to the extension having answered the
 * view's first request for its rows, once per extension (activation happens once per extension
 * host; the launcher repeats whole instances). Each extension marks the moment it answered with a
 * performance mark. The view's request makes a round trip through the window, the same for both.
 * Which one goes first alternates between instances, since the second finds a warmer host.
 */
async function measureActivation(
  ours: vscode.Extension<MlRoadmapsApi>,
  reference: vscode.Extension<ReferenceApi>,
  referenceFirst: boolean,
): Promise<ActivationResult> {
  if (ours.isActive || reference.isActive) throw new Error('an extension was already active before the bench started; activation cannot be measured');
  let firstItems = 0;
  let lazyModulesLoaded: readonly string[] = [];
  const times = { oursMs: 0, oursFeaturesMs: 0, referenceMs: 0, oursFromActivateMs: 0, referenceFromActivateMs: 0 };
  const timeOurs = async () => {
    const profile = await startProfile();
    const start = performance.now();
    void vscode.commands.executeCommand(`workbench.view.extension.${VIEWS.ours.container}`);
    const firstRows = await markTime(FIRST_ROWS_MARK);
    const api = await ours.activate();
    const activated = performance.now();
    await profile?.stop();
    times.oursMs = firstRows - start;
    times.oursFromActivateMs = firstRows - (await markTime(ACTIVATE_MARK));
    times.oursFeaturesMs = activated - firstRows;
    firstItems = (await api.roadmaps()).length;
    lazyModulesLoaded = lazyLibrariesLoaded();
  };
  const timeReference = async () => {
    const start = performance.now();
    void vscode.commands.executeCommand(`workbench.view.extension.${VIEWS.reference.container}`);
    const firstRows = await markTime(REFERENCE_FIRST_ROWS_MARK);
    times.referenceMs = firstRows - start;
    times.referenceFromActivateMs = firstRows - (await markTime(REFERENCE_ACTIVATE_MARK));
  };
  // The window's first switch of the sidebar to another container costs it far more than later
  // ones (measured: about 1 s against 0.2 s); whichever went first paid for it.
  for (const container of ['workbench.view.search', 'workbench.view.explorer']) {
    await vscode.commands.executeCommand(container);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  }
  const [first, second] = referenceFirst ? [timeReference, timeOurs] : [timeOurs, timeReference];
  await first();
  // What the first activation sent the window (registrations, a view to draw) is still being
  // handled there for a while; the second must not wait behind it.
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  await second();
  return { ...times, firstItems, lazyModulesLoaded };
}

/** When the performance mark `name` was set (waiting for it, polling); in `performance.now()` ms. */
async function markTime(name: string): Promise<number> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 2))) {
    const [mark] = performance.getEntriesByName(name, 'mark');
    if (mark) return mark.startTime;
  }
  throw new Error(`no performance mark ${name} within 30 s of showing its view`);
}

/**
 * The libraries that only later work needs (the YAML parser, markdown-it) sit in files of their own
 * beside the bundle (see esbuild.js): whether Node has loaded them says whether start-up touched them.
 */
function lazyLibrariesLoaded(): string[] {
  return Object.keys(require.cache)
    .filter((file) => /[\\/]dist[\\/](yaml|markdown-it)\.js$/.test(file))
    .map((file) => path.basename(file));
}

/**
 * The tree provider's own cost on big roadmaps, with the view hidden so that only our code runs:
 * the root level with a cold roll-up (as right after a load), expanding one phase, and one state
 * change with the roll-up read back; counts what each change names in onDidChangeTreeData.
 */
async function measureInProcess(): Promise<InProcessResult> {
  const { tracker, plans } = inMemoryProgress();
  const loaded = loadRoadmap(roadmapYaml(SHAPE_10K), benchSource(SHAPE_10K));
  if (!loaded.roadmap) throw new Error(`the generated 10k roadmap does not load: ${loaded.errors[0]?.message}`);
  const roadmaps = [loaded.roadmap, buildRoadmap(SHAPE_100K)];
  // A provider of our own over the big roadmaps, beside the extension's: the same code, fed from memory.
  const provider = new RoadmapTreeProvider({ entries: () => Promise.resolve(roadmaps), onDidChange: new vscode.EventEmitter<never>().event }, tracker, plans, false);

  const scales: ScaleResult[] = [];
  for (const roadmap of roadmaps) {
    const fired: number[] = [];
    const rootMs = await timeRuns(RUNS, 3, async () => {
      tracker.invalidate(roadmap); // forget the cached counts: the first render after a load
      for (const element of await provider.getChildren()) provider.getTreeItem(element);
    });
    const expandMs = await timeRuns(RUNS, 3, async (run) => {
      const phase = roadmap.phases[(run + 3) % roadmap.phases.length];
      for (const element of await provider.getChildren(phase)) provider.getTreeItem(element);
    });
    const changeMs = await timeRuns(RUNS, 3, async (run) => {
      // A task in a real module (not implicit), in a different phase each run.
      const phase = roadmap.phases[(run + 3) % roadmap.phases.length];
      const task = phase.modules[1].tasks[2];
      let named = 0;
      const listener = provider.onDidChangeTreeData((e) => (named = e === undefined ? -1 : Array.isArray(e) ? e.length : 1));
      await tracker.setState([task], tracker.stateOf(task) === 'done' ? 'notStarted' : 'done');
      provider.getTreeItem(roadmap);
      listener.dispose();
      if (run >= 0) fired.push(named);
    });
    scales.push({ tasks: roadmap.taskIndex.size, rootMs, expandMs, changeMs, fired });
  }
  const siblings = await maxSiblings(provider, roadmaps[1]);
  provider.dispose();
  plans.dispose();
  return { scales, maxSiblings: siblings };
}

/** Progress and plans of the bench's own, in memory: the same classes the extension runs. */
function inMemoryProgress(): { tracker: ProgressTracker; plans: StudyPlans } {
  const warn = (message: string) => {
    throw new Error(message);
  };
  const tracker = new ProgressTracker(new ProgressStore(new InMemoryMemento(), warn));
  return { tracker, plans: new StudyPlans(new PlanStore(new InMemoryMemento(), warn), tracker, () => new Map(), warn) };
}

/** Our tree provider over the 100,000-task roadmap, in row 3's view, with progress of its own. */
function showOurProvider(): { provider: RoadmapTreeProvider; dispose(): void } {
  const { tracker, plans } = inMemoryProgress();
  const roadmaps = [buildRoadmap(SHAPE_100K)];
  const provider = new RoadmapTreeProvider({ entries: () => Promise.resolve(roadmaps), onDidChange: new vscode.EventEmitter<never>().event }, tracker, plans, false);
  const view = vscode.window.createTreeView(EXPAND_VIEWS.ours.view, { ...TREE_VIEW_OPTIONS, treeDataProvider: provider });
  return {
    provider,
    dispose() {
      view.dispose();
      provider.dispose();
      plans.dispose();
    },
  };
}

/** The most children the provider returns for any container of `roadmap`, or for the root. */
async function maxSiblings(provider: RoadmapTreeProvider, roadmap: Roadmap): Promise<number> {
  let max = (await provider.getChildren()).length;
  const containers: TreeElement[] = [roadmap, ...roadmap.phases, ...roadmap.phases.flatMap((p) => p.modules)];
  for (const node of containers) max = Math.max(max, (await provider.getChildren(node)).length);
  return max;
}

/** Shows a view or collapses and refreshes it (so the next expand fetches afresh), on request. */
async function serveCommands(ours: RoadmapTreeProvider, reference: ReferenceApi): Promise<void> {
  for (let n = 1; ; n++) {
    const command = await waitForJson<Command>(dir, `command-${n}.json`, 10 * 60_000);
    if (command.op === 'end') return;
    const ids = EXPAND_VIEWS[command.view ?? 'ours'];
    if (command.op === 'show') {
      await vscode.commands.executeCommand(`workbench.view.extension.${ids.container}`);
    } else {
      await vscode.commands.executeCommand(`workbench.actions.treeView.${ids.view}.collapseAll`);
      if (command.view === 'reference') reference.provider.refresh();
      else ours.refresh();
    }
    writeJson(dir, `answer-${n}.json`, {});
  }
}

/**
 * With MLR_BENCH_PROFILE=<folder>, a CPU profile of our activation (open it in Chromium's DevTools
 * or VS Code) for whoever works on its time. Sampling slows it, so the figures of such a run are
 * not the bench's.
 */
async function startProfile(): Promise<{ stop(): Promise<void> } | undefined> {
  const folder = process.env.MLR_BENCH_PROFILE;
  if (!folder) return undefined;
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 50 });
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, `activation-${Date.now()}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}
