import * as assert from 'assert';
import { installCommands, projectVenvPython, splitNodeId, terminalEnv, testFunctionLine } from '../../src/checks/environment';
import { CheckStore, CHECKS_VERSION, evidenceState, evidenceText, passedCount, readVerified, recordRun, TaskChecks } from '../../src/storage/checkStore';
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
const HASH = `sha256:${'a'.repeat(64)}`;
const ALL_PASS = [
  { id: 'fill-age', outcome: 'passed' as const, hint: '' },
  { id: 'family', outcome: 'passed' as const, hint: '' },
];

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

  test('A later failing run removes the evidence at once; passing again renews it', () => {
    const verified = recordRun(undefined, DECLARED, ALL_PASS, DAY, HASH);
    assert.strictEqual(evidenceState(verified), 'verified');
    const failed = recordRun(verified, DECLARED, [{ id: 'family', outcome: 'error', hint: 'ImportError' }], DAY + 1, HASH);
    assert.strictEqual(failed.verified, undefined);
    assert.strictEqual(evidenceState(failed), undefined);
    assert.strictEqual(evidenceText(failed), undefined, 'nothing says verified beside a failing run');
    const again = recordRun(failed, DECLARED, [{ id: 'family', outcome: 'passed', hint: '' }], DAY + 2, HASH);
    assert.deepStrictEqual(again.verified, { date: new Date(DAY + 2).toISOString(), passed: 2, total: 2, codeHash: HASH });
  });

  test('Evidence is bound to the code’s hash: stale when the code changed, current again when it is back', async () => {
    const verified = recordRun(undefined, DECLARED, ALL_PASS, DAY, HASH);
    assert.strictEqual(evidenceText(verified), 'Verified on 2026-01-15: 2/2 checks passed.');
    const store = new CheckStore(new InMemoryMemento({}), () => assert.fail('no warning expected'), () => DAY);
    await store.record('r/t', DECLARED, ALL_PASS, HASH);
    const changed: string[] = [];
    store.onDidChange((key) => changed.push(key));
    await store.setCodeChanged('r/t', true);
    assert.strictEqual(evidenceState(store.get('r/t')), 'stale');
    assert.match(evidenceText(store.get('r/t')) ?? '', /^Verified on 2026-01-15 \(2\/2 checks passed\), but the code has changed since\. Run Checks/);
    await store.setCodeChanged('r/t', true);
    assert.deepStrictEqual(changed, ['r/t'], 'told once: the second call changed nothing');
    await store.setCodeChanged('r/t', false);
    assert.strictEqual(evidenceState(store.get('r/t')), 'verified');
    assert.deepStrictEqual(store.get('r/t')?.verified, { date: new Date(DAY).toISOString(), passed: 2, total: 2, codeHash: HASH });
  });

  test('Evidence from before code hashes is unknown, not verified or stale, and says so; a stale mark of a failed run stays stale', async () => {
    const old: TaskChecks = { ranAt: DAY, total: 2, checks: [], verified: { date: new Date(DAY).toISOString(), passed: 2, total: 2 } };
    assert.strictEqual(evidenceState(old), 'unknown');
    assert.match(evidenceText(old) ?? '', /did not record which code passed\. Run Checks to tie the evidence to your code\.$/);
    const memento = new InMemoryMemento({ [StorageKeys.checks]: { version: 1, tasks: { 'r/t': old, 'r/u': { ...old, verified: { ...old.verified, stale: true } } } } });
    const store = new CheckStore(memento, () => assert.fail('old records read without a warning'), () => DAY);
    await store.setCodeChanged('r/t', true);
    assert.strictEqual(evidenceState(store.get('r/t')), 'unknown', 'no hash, nothing to compare');
    assert.strictEqual(evidenceState(store.get('r/u')), 'stale');
    assert.match(evidenceText(store.get('r/u')) ?? '', /a later run failed\.$/);
  });

  test('What happened is kept with each failed check, bounded; records without it still read', () => {
    const record = recordRun(undefined, DECLARED, [
      { id: 'fill-age', outcome: 'failed', hint: 'Fill', facts: { said: 'the ages are [35.0]', raised: 'x'.repeat(5000) } },
      { id: 'family', outcome: 'failed', hint: 'Add', facts: { raised: "KeyError: 'a'", where: { file: 'src/p/data.py', line: 3, function: 'f' } } },
    ], DAY);
    assert.deepStrictEqual(record.checks[0].facts, { said: 'the ages are [35.0]', raised: 'x'.repeat(1000) });
    assert.deepStrictEqual(record.checks[1].facts, { raised: "KeyError: 'a'", where: { file: 'src/p/data.py', line: 3, function: 'f' } });
    const memento = new InMemoryMemento({ [StorageKeys.checks]: { version: 1, tasks: { 'r/t': { ...record, checks: [{ ...record.checks[1], facts: { raised: "KeyError: 'a'", where: { file: 'a.py', line: -1 } } }, { id: 'x', title: 'X', outcome: 'failed', hint: 'h', at: DAY }] } } } });
    const store = new CheckStore(memento, () => assert.fail('no warning expected'));
    assert.deepStrictEqual(store.get('r/t')?.checks.map((c) => c.facts), [{ raised: "KeyError: 'a'" }, undefined]);
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
    assert.deepStrictEqual(readVerified({ date: '2026-01-15', passed: 2, total: 2, codeHash: HASH }), { date: '2026-01-15', passed: 2, total: 2, codeHash: HASH });
    assert.strictEqual(readVerified({ date: '2026-01-15', passed: 2, total: 2, codeHash: 'md5:1' }), undefined);
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
    const assets = { cspSource: 'vscode-resource:', nonce: 'N', scriptUris: ['s.js'], styleUris: ['s.css'] };
    const html = renderModulePage({ module, stateOf, counts: countTasks(module.tasks, stateOf), checksOf: (t) => (t === project ? record : undefined) }, assets, createMarkdownRenderer());
    assert.strictEqual((html.match(/class="checks"/g) ?? []).length, 1, 'only the task with results shows checks');
    assert.match(html, /checks 1\/2/);
    assert.match(html, /data-check-id="family" data-outcome="failed">.*Add &lt;family_size&gt; &amp; is_alone/);
    assert.ok(!html.includes('Verified on'), 'no evidence before every check passed');
  });

  test('Each failed check shows its hint, then what happened and where; stale evidence offers to run the checks again', () => {
    const module = loadText(miniRoadmap()).roadmap!.phases[0].modules[0];
    const project = module.tasks[0];
    const stateOf = (): TaskState => 'done';
    const assets = { cspSource: 'vscode-resource:', nonce: 'N', scriptUris: ['s.js'], styleUris: ['s.css'] };
    const render = (record: TaskChecks, actions: readonly ('runChecks' | 'reveal')[] = ['reveal', 'runChecks']) =>
      renderModulePage({ module, stateOf, counts: countTasks(module.tasks, stateOf), actionsFor: () => actions, checksOf: (t) => (t === project ? record : undefined) }, assets, createMarkdownRenderer());
    const failing = recordRun(undefined, DECLARED, [
      { id: 'fill-age', outcome: 'failed', hint: 'Fill the ages', facts: { said: 'The filled ages are [35.0, 35.0], not <the medians>.' } },
      { id: 'family', outcome: 'failed', hint: 'Add family_size', facts: { raised: "KeyError: 'parchx'", where: { file: 'src/titanic_eda/data.py', line: 134, function: 'add_family_features' } } },
    ], DAY);
    const html = render(failing);
    assert.match(html, /data-check-id="fill-age"[^>]*>.*<div class="check-hint">Fill the ages<\/div><div class="check-facts"><div class="check-fact">The filled ages are \[35\.0, 35\.0\], not &lt;the medians&gt;\.<\/div><\/div>/);
    assert.match(html, /<div class="check-hint">Add family_size<\/div><div class="check-facts"><div class="check-fact">It raised KeyError: &#39;parchx&#39;<\/div><div class="check-fact">src\/titanic_eda\/data\.py, line 134, in add_family_features<\/div>/);

    const verified = recordRun(undefined, DECLARED, ALL_PASS, DAY, HASH);
    assert.match(render(verified), /checks 2\/2 · <span class="verified" data-evidence="verified">Verified on 2026-01-15: 2\/2 checks passed\.<\/span><\/p>/);
    const stale: TaskChecks = { ...verified, verified: { ...verified.verified!, stale: true } };
    const staleHtml = render(stale);
    assert.match(staleHtml, /<span class="verified" data-evidence="stale">Verified on 2026-01-15 \(2\/2 checks passed\), but the code has changed since\. Run Checks to verify it again\.<\/span> <button type="button" class="link-button" data-action="runChecks" data-task-id="linear-algebra"/);
    assert.ok(!render(stale, ['reveal']).includes('data-action="runChecks"'), 'no button where running is not offered (Restricted Mode)');
  });
});
