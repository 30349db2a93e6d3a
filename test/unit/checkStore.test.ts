import * as assert from 'assert';
import { installCommands, projectVenvPython, splitNodeId, terminalEnv, testFunctionLine } from '../../src/checks/environment';
import { CheckStore, CHECKS_VERSION, passedCount, readVerified, recordRun } from '../../src/storage/checkStore';
import { StorageKeys } from '../../src/storage/memento';
import { buildProgressFile, parseProgressFile } from '../../src/transfer/exportFile';
import { renderModulePage } from '../../src/details/render';
import { countTasks } from '../../src/model/progress';
import type { TaskState } from '../../src/model/types';
import { createMarkdownRenderer } from '../../src/webview/markdown';
import { InMemoryMemento, loadText, miniRoadmap } from './helpers';

const DECLARED = [
  { id: 'fill-age', title: 'Ages are filled' },
  { id: 'family', title: 'Family features' },
];
const DAY = Date.UTC(2026, 0, 15);

suite('Check results', () => {
  test('A failing run records each check with its hint; nothing is verified', () => {
    const record = recordRun(undefined, DECLARED, [
      { id: 'fill-age', outcome: 'failed', hint: 'Fill the ages' },
      { id: 'family', outcome: 'failed', hint: 'Add family_size' },
    ], DAY);
    assert.strictEqual(record.total, 2);
    assert.strictEqual(passedCount(record), 0);
    assert.deepStrictEqual(record.checks.map((c) => [c.id, c.outcome, c.hint]), [['fill-age', 'failed', 'Fill the ages'], ['family', 'failed', 'Add family_size']]);
    assert.strictEqual(record.verified, undefined);
  });

  test('When every check has passed, across runs, the record is verified with date and counts', () => {
    const first = recordRun(undefined, DECLARED, [{ id: 'fill-age', outcome: 'passed', hint: '' }, { id: 'family', outcome: 'failed', hint: 'Add' }], DAY);
    assert.strictEqual(first.verified, undefined);
    const second = recordRun(first, DECLARED, [{ id: 'family', outcome: 'passed', hint: 'ignored when passed' }], DAY + 1000);
    assert.strictEqual(passedCount(second), 2);
    assert.deepStrictEqual(second.verified, { date: new Date(DAY + 1000).toISOString(), passed: 2, total: 2 });
    assert.strictEqual(second.checks[1].hint, '');
  });

  test('A later failing run marks the evidence stale and keeps it; passing again renews it', () => {
    const verified = recordRun(undefined, DECLARED, [{ id: 'fill-age', outcome: 'passed', hint: '' }, { id: 'family', outcome: 'passed', hint: '' }], DAY);
    const failed = recordRun(verified, DECLARED, [{ id: 'family', outcome: 'error', hint: 'ImportError' }], DAY + 1);
    assert.deepStrictEqual(failed.verified, { ...verified.verified, stale: true });
    const again = recordRun(failed, DECLARED, [{ id: 'family', outcome: 'passed', hint: '' }], DAY + 2);
    assert.deepStrictEqual(again.verified, { date: new Date(DAY + 2).toISOString(), passed: 2, total: 2 });
  });

  test('Checks the scaffold no longer declares are dropped; new ones count in the total', () => {
    const old = recordRun(undefined, [{ id: 'gone', title: 'Gone' }], [{ id: 'gone', outcome: 'passed', hint: '' }], DAY);
    const next = recordRun(old, DECLARED, [{ id: 'fill-age', outcome: 'passed', hint: '' }], DAY + 1);
    assert.deepStrictEqual(next.checks.map((c) => c.id), ['fill-age']);
    assert.strictEqual(next.total, 2);
    assert.ok(next.verified, 'the old evidence stays, it is not renewed');
    assert.strictEqual(next.verified.date, new Date(DAY).toISOString());
  });

  test('The store saves versioned records, reads them back, and tells listeners the task', async () => {
    const memento = new InMemoryMemento({});
    const store = new CheckStore(memento, () => assert.fail('no warning expected'), () => DAY);
    const changed: string[] = [];
    store.onDidChange((key) => changed.push(key));
    await store.record('master-24-week/titanic-eda', DECLARED, [{ id: 'fill-age', outcome: 'failed', hint: 'Fill' }]);
    assert.deepStrictEqual(changed, ['master-24-week/titanic-eda']);
    const stored = memento.get<{ version: number; tasks: Record<string, unknown> }>(StorageKeys.checks)!;
    assert.strictEqual(stored.version, CHECKS_VERSION);
    const reloaded = new CheckStore(memento, () => assert.fail('no warning expected'));
    assert.strictEqual(reloaded.get('master-24-week/titanic-eda')?.checks[0].hint, 'Fill');
  });

  test('Unreadable entries are ignored with one warning and the original kept aside before the next save', async () => {
    const bad = { version: 1, tasks: { 'a/b': { ranAt: 'yesterday' }, 'c/d': { ranAt: 1, total: 1, checks: [] } } };
    const memento = new InMemoryMemento({ [StorageKeys.checks]: bad });
    const warnings: string[] = [];
    const store = new CheckStore(memento, (w) => warnings.push(w), () => DAY);
    assert.strictEqual(store.get('a/b'), undefined);
    assert.ok(store.get('c/d'));
    assert.strictEqual(warnings.length, 1);
    await store.record('c/d', DECLARED, []);
    assert.deepStrictEqual(memento.get<{ value: unknown }[]>(StorageKeys.checksBackup)?.map((b) => b.value), [bad]);
  });

  test('Verified evidence is read strictly: a date, counts, passed ≤ total', () => {
    assert.deepStrictEqual(readVerified({ date: '2026-01-15T00:00:00.000Z', passed: 2, total: 2 }), { date: '2026-01-15T00:00:00.000Z', passed: 2, total: 2 });
    assert.strictEqual(readVerified({ date: 'soon', passed: 2, total: 2 }), undefined);
    assert.strictEqual(readVerified({ date: '2026-01-15', passed: 3, total: 2 }), undefined);
    assert.strictEqual(readVerified({ date: '2026-01-15', passed: 1, total: 2, stale: 'yes' }), undefined);
  });
});

suite('Progress export with verified evidence', () => {
  const entries = new Map([['mini', new Map([['numpy', { state: 'done' as const, changedAt: DAY }]])]]);
  const evidence = { date: new Date(DAY).toISOString(), passed: 2, total: 2 };

  test('Exports the evidence of exported tasks beside their states, and reads it back', () => {
    const file = buildProgressFile(entries, new Map(), new Date(DAY), new Map([['mini', new Map([['numpy', evidence], ['not-exported', evidence]])]]));
    assert.deepStrictEqual(file.roadmaps.mini.verified, { numpy: evidence });
    const parsed = parseProgressFile(JSON.stringify(file));
    assert.strictEqual(parsed.error, undefined);
    assert.deepStrictEqual(parsed.file?.roadmaps.mini.verified, { numpy: evidence });
  });

  test('A file without evidence imports as before; bad evidence is refused with where', () => {
    const plain = buildProgressFile(entries, new Map(), new Date(DAY));
    assert.ok(!('verified' in plain.roadmaps.mini));
    assert.strictEqual(parseProgressFile(JSON.stringify(plain)).error, undefined);
    const bad = { ...plain, roadmaps: { mini: { ...plain.roadmaps.mini, verified: { numpy: { date: 'x', passed: 1, total: 1 } } } } };
    assert.match(parseProgressFile(JSON.stringify(bad)).error ?? '', /^roadmaps\.mini\.verified\.numpy: /);
  });
});

suite('Checks environment', () => {
  test('The terminal’s variables apply over the base: set, ${env:…} expanded, null removes', () => {
    const env = terminalEnv({ PATH: '/usr/bin', HOME: '/home/a', DROP: '1' }, { PATH: '/opt/py/bin:${env:PATH}', DROP: null, IGNORED: 3 }, 'linux');
    assert.deepStrictEqual(env, { PATH: '/opt/py/bin:/usr/bin', HOME: '/home/a' });
  });

  test('On Windows the names match without regard to case', () => {
    const env = terminalEnv({ Path: 'C:\\Windows' }, { PATH: 'C:\\Py;${env:path}' }, 'win32');
    assert.deepStrictEqual(env, { Path: 'C:\\Py;C:\\Windows' });
  });

  test('Install commands and the project’s own interpreter, per platform', () => {
    assert.strictEqual(installCommands('linux'), 'python3 -m venv .venv && .venv/bin/pip install -r requirements.txt');
    assert.match(installCommands('win32'), /^py -m venv \.venv; \.venv\\Scripts\\python -m pip install -r requirements\.txt$/);
    assert.strictEqual(projectVenvPython('/p/titanic', 'linux'), '/p/titanic/.venv/bin/python');
    assert.strictEqual(projectVenvPython('C:\\p', 'win32'), 'C:\\p\\.venv\\Scripts\\python.exe');
  });

  test('Finds a check’s test function in its file', () => {
    const text = 'import x\n\n\ndef helper():\n    pass\n\nasync def test_b(): ...\ndef test_fill_missing_age(titanic):\n    assert 1\n';
    assert.deepStrictEqual(splitNodeId('checks/test_steps.py::test_fill_missing_age'), { file: 'checks/test_steps.py', name: 'test_fill_missing_age' });
    assert.deepStrictEqual(splitNodeId('checks/t.py::TestX::test_y[1]'), { file: 'checks/t.py', name: 'test_y' });
    assert.strictEqual(testFunctionLine(text, 'test_fill_missing_age'), 7);
    assert.strictEqual(testFunctionLine(text, 'test_b'), 6);
    assert.strictEqual(testFunctionLine(text, 'test_fill'), undefined);
  });
});

suite('Checks on the details page', () => {
  test('A project shows checks n/m, the evidence, and each check with its state and escaped hint', () => {
    const module = loadText(miniRoadmap()).roadmap!.phases[0].modules[0];
    const project = module.tasks[0];
    const record = recordRun(undefined, DECLARED, [
      { id: 'fill-age', outcome: 'passed', hint: '' },
      { id: 'family', outcome: 'failed', hint: 'Add <family_size> & is_alone' },
    ], DAY);
    const stateOf = (): TaskState => 'inProgress';
    const assets = { cspSource: 'vscode-resource:', nonce: 'N', scriptUri: 's.js', styleUri: 's.css' };
    const html = renderModulePage({ module, stateOf, counts: countTasks(module.tasks, stateOf), checksOf: (t) => (t === project ? record : undefined) }, assets, createMarkdownRenderer());
    assert.strictEqual((html.match(/class="checks"/g) ?? []).length, 1, 'only the task with results shows checks');
    assert.match(html, /checks 1\/2/);
    assert.match(html, /data-check-id="family" data-outcome="failed">.*Add &lt;family_size&gt; &amp; is_alone/);
    assert.ok(!html.includes('Verified on'), 'no evidence before every check passed');
  });
});
