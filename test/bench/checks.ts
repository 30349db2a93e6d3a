/**
 * Row 7: a scaffold's checks, run as the Test Explorer runs them (runPytest: pytest with a JUnit
 * report, read back into one result per check) vs plain `python -m pytest -q` of the same node ids,
 * alternating in the same run. Pure node: the editor adds only a cached interpreter lookup.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findPython } from '../../src/checks/python';
import { runPytest } from '../../src/checks/run';
import { parseScaffoldManifest } from '../../src/scaffold/manifest';
import { builtinVariables, planScaffold, TemplateFile } from '../../src/scaffold/plan';
import { atMost, median, Row, timePairs } from './report';

const SCAFFOLD = 'titanic-eda';
const RUNS = 5;
const BUDGET_RATIO = 1.2;

function readTemplates(dir: string, prefix = ''): TemplateFile[] {
  const files: TemplateFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...readTemplates(full, `${prefix}${entry.name}/`));
    else if (entry.isFile()) files.push({ path: `${prefix}${entry.name}`, content: new Uint8Array(fs.readFileSync(full)) });
  }
  return files;
}

function plainPytest(python: string, cwd: string, nodeids: readonly string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', ...nodeids], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', resolve);
  });
}

export async function checksRows(scaffoldsDir: string): Promise<Row[]> {
  const folder = path.join(scaffoldsDir, SCAFFOLD);
  const { manifest, errors } = parseScaffoldManifest(fs.readFileSync(path.join(folder, 'scaffold.yaml'), 'utf8'), `${SCAFFOLD}/scaffold.yaml`);
  if (!manifest) throw new Error(errors.join('\n'));
  const found = await findPython({}, { modules: ['pandas', 'numpy'] });
  const what = `${SCAFFOLD}: ${manifest.checks.length} checks, run → first result vs python -m pytest`;
  if (!found.found) return [{ group: '7 checks', what, ours: 'not run: no Python with pytest and pandas' }];
  const python = found.found.command;
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-checks-'));
  try {
    const plan = planScaffold({
      files: readTemplates(path.join(folder, 'files')),
      variables: builtinVariables({ projectName: 'Bench Project', taskTitle: manifest.title, taskId: '', roadmapTitle: manifest.title, roadmapId: '', now: new Date(2026, 0, 15) }),
      existing: new Set(),
    });
    for (const file of plan.create) {
      const full = path.join(target, ...file.path.split('/'));
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, file.content);
    }
    const nodeids = manifest.checks.map((c) => c.test);
    const env = { ...process.env };
    const [ours, plain] = await timePairs(
      RUNS,
      1,
      async () => {
        const result = await runPytest({ python, cwd: target, nodeids, env, timeoutMs: 300_000 });
        if (result.results.length !== nodeids.length || result.status !== 'completed') throw new Error(`the checks did not run: ${result.error ?? result.status}`);
      },
      () => plainPytest(python, target, nodeids),
    );
    const ratio = Number((median(ours) / median(plain)).toFixed(2));
    return [{ group: '7 checks', what, n: RUNS, ours: median(ours), reference: median(plain), ratio: true, budget: atMost(ratio, BUDGET_RATIO, '×') }];
  } finally {
    fs.rmSync(target, { recursive: true, force: true });
  }
}
