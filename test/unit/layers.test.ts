import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ESLint } from 'eslint';
import { PROJECT_ROOT } from '../host/workbench';

// The layers of src/ (eslint.layers.mjs) hold: `npm run lint` fails on an import that runs upward,
// and no folder of src/ imports, through any chain, from itself.
const RULE = 'no-restricted-imports';
const FIXTURE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'layers');

async function layerErrors(file: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: FIXTURE });
  const [result] = await eslint.lintText(source, { filePath: path.join(FIXTURE, file) });
  return result.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

suite('Layers (lint)', () => {
  test('an upward import is an error that names both layers', async () => {
    const errors = await layerErrors('src/model/progress.ts', "import type { ProgressTracker } from '../core/tracker';\nexport type T = ProgressTracker;\n");
    assert.strictEqual(errors.length, 1, JSON.stringify(errors));
    assert.ok(errors[0].startsWith(`${RULE}: '../core/tracker' import is restricted`), errors[0]);
    assert.ok(errors[0].endsWith('Layers import only downward: model may not import from core (the layers are listed in eslint.layers.mjs).'), errors[0]);
  });

  test('upward imports are caught from nested folders, top-level files and as re-exports', async () => {
    const cases: [string, string, string][] = [
      ['src/model/plan/planner.ts', "import { Services } from '../../services';", 'model may not import from services'],
      ['src/storage/memento.ts', "import '../plan';", 'storage may not import from features'],
      ['src/services.ts', "export { registerStudyPlan } from './plan/index';", 'services may not import from features'],
      ['src/platform/node.ts', "import { GuardedWriter } from '../scaffold/writeGuard.ts';", 'platform may not import from features'],
      ['src/tree/index.ts', "import { activate } from '../extension';", 'features may not import from entry'],
      ['src/util/log.ts', "import { Commands } from '../model/ids';", 'base may not import from model'],
    ];
    for (const [file, source, says] of cases) {
      const errors = await layerErrors(file, `${source}\n`);
      assert.strictEqual(errors.length, 1, `${file}: ${source} gave ${JSON.stringify(errors)}`);
      assert.ok(errors[0].includes(says), `${file}: ${errors[0]}`);
    }
  });

  test('imports downward, within a layer and within a folder pass', async () => {
    const cases: [string, string][] = [
      ['src/core/tracker.ts', "import { RollUp } from '../model/progress';\nimport type { ProgressStore } from '../storage/progressStore';"],
      ['src/model/plan/planner.ts', "import type { Task } from '../types';\nimport { WEEKDAYS } from './dates';\nimport { english } from '../../util/translate';"],
      ['src/dashboard/panel.ts', "import type { RoadmapTree } from '../tree';\nimport type { Services } from '../services';"],
      ['src/extension.ts', "import { registerFeatures } from './features';\nimport { createServices } from './services';"],
      ['src/startup/index.ts', "import { RoadmapTreeView } from '../tree/view';\nimport { createServices } from '../services';"],
      // A folder named like a higher layer inside a lower one is that folder's own business.
      ['src/model/plan/dates.ts', "import { x } from '../plan/tree';"],
    ];
    for (const [file, source] of cases) assert.deepStrictEqual(await layerErrors(file, `${source}\n`), [], `${file}: ${source}`);
  });

  test("the project's own lint config holds the layer rule for each layer", async () => {
    const eslint = new ESLint({ cwd: PROJECT_ROOT });
    for (const file of ['src/model/types.ts', 'src/model/plan/planner.ts', 'src/core/tracker.ts', 'src/services.ts', 'src/tree/provider.ts']) {
      const config = (await eslint.calculateConfigForFile(path.join(PROJECT_ROOT, file))) as { rules?: Record<string, unknown> };
      const rule = config.rules?.[RULE] as [unknown, { patterns?: { message?: string }[] }] | undefined;
      assert.ok(rule?.[1]?.patterns?.some((p) => p.message?.startsWith('Layers import only downward')), `${file} has no layer rule`);
    }
  });

  test('every folder and top-level file of src/ is in a layer', async () => {
    const { unplaced } = (await import(path.join(PROJECT_ROOT, 'eslint.layers.mjs'))) as { unplaced: (entries: string[]) => string[] };
    const entries = fs.readdirSync(path.join(PROJECT_ROOT, 'src'), { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
    assert.deepStrictEqual(unplaced(entries.filter((e) => e.endsWith('/') || e.endsWith('.ts'))), []);
    assert.deepStrictEqual(unplaced(['tree/', 'newFeature/', 'helper.ts', 'bundled.d.ts']), ['newFeature/', 'helper.ts']);
  });
});

/**
 * The folder (or top-level file) of src/ each source file belongs to, and what each imports
 * statically (type imports included). A dynamic `import()` is a hand-over at run time, not a
 * dependency of the importing module: start-up's main.ts loads the extension's second step
 * (extension.ts) that way, and extension.ts in turn uses start-up's first rows.
 */
function folderGraph(src: string): Map<string, Set<string>> {
  const unitOf = (file: string) => path.relative(src, file).split(path.sep)[0].replace(/\.ts$/, '');
  const graph = new Map<string, Set<string>>();
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const specifiers = /\bfrom\s+'(\.[^']*)'|^import\s+'(\.[^']*)'/gm;
  for (const file of walk(src)) {
    const from = unitOf(file);
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    for (const match of fs.readFileSync(file, 'utf8').matchAll(specifiers)) {
      const target = unitOf(path.resolve(path.dirname(file), match[1] ?? match[2]));
      if (target !== from && !target.startsWith('..')) targets.add(target);
    }
  }
  return graph;
}

/** One cycle of the graph as a path `a → b → a`, or undefined when there is none. */
function cycleOf(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

suite('Layers (folder cycles)', () => {
  test('no folder of src/ imports from itself through other folders', () => {
    const graph = folderGraph(path.join(PROJECT_ROOT, 'src'));
    assert.ok(graph.size > 10 && [...graph.values()].some((targets) => targets.size > 3), 'the import graph was read');
    const cycle = cycleOf(graph);
    assert.strictEqual(cycle, undefined, `folder cycle: ${cycle?.join(' → ')}`);
  });

  test('the cycle check finds a cycle of three folders', () => {
    const graph = new Map([
      ['model', new Set(['util'])],
      ['plan', new Set(['model', 'tree'])],
      ['tree', new Set(['services'])],
      ['services', new Set(['plan', 'core'])],
    ]);
    assert.deepStrictEqual(cycleOf(graph), ['plan', 'tree', 'services', 'plan']);
    graph.get('services')!.delete('plan');
    assert.strictEqual(cycleOf(graph), undefined);
  });
});
