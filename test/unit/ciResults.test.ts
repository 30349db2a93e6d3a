import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CiResults, judgeCiResults, MAX_RESULTS_BYTES, parseCiResults } from '../../src/checks/ciResults';
import { readCiResultsFile, readLockState } from '../../src/checks/lockFiles';
import { checkLockFile, LOCK_PATH, MAX_LOCK_BYTES, parseCheckLock, sha256Hex } from '../../src/scaffold/checkLock';
import type { ScaffoldManifest } from '../../src/scaffold/manifest';
import { evidenceState, evidenceText, readVerified, recordCiRun, recordRun } from '../../src/storage/checkStore';
import { describeGrowth, growth } from './timing';
import { ciResultsText } from '../ciFixtures';

const MAX_RATIO = 30;
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const COMMIT = '0123456789abcdef0123456789abcdef01234567';

const manifest = {
  id: 'titanic-eda',
  title: 'Titanic EDA',
  description: 'd',
  serves: [],
  variables: [],
  checks: [
    { id: 'fill-missing-age', title: 'Ages', step: 2, topics: [], test: 'checks/test_steps.py::test_fill_missing_age' },
    { id: 'family-features', title: 'Family', step: 5, topics: [], test: 'checks/test_steps.py::test_add_family_features' },
  ],
  equivalentMutants: [],
} satisfies ScaffoldManifest;

function results(overrides: Record<string, unknown> = {}): string {
  return ciResultsText({ commit: COMMIT, checkIds: ['fill-missing-age', 'family-features'], files: [{ path: 'checks/test_steps.py', sha256: HASH_A }] }, overrides);
}

function parsed(text: string): CiResults {
  const read = parseCiResults(text);
  assert.ok('results' in read, 'problem' in read ? read.problem : '');
  return read.results;
}

const lock = { scaffold: 'titanic-eda', checks: manifest.checks.map((c) => ({ id: c.id, test: c.test })), files: [{ path: 'checks/test_steps.py', sha256: HASH_A }] };
const expected = (onDisk: string | undefined = HASH_A, withLock = true) => ({
  scaffold: 'titanic-eda',
  checkIds: manifest.checks.map((c) => c.id),
  ...(withLock ? { lock } : {}),
  onDisk: new Map<string, string | undefined>([['checks/test_steps.py', onDisk]]),
});

suite('Checks in CI: the check lock', () => {
  test('The lock of a starter names each check and hashes every file under checks/', async () => {
    const content = new TextEncoder().encode('def test_x(): pass\n');
    const file = await checkLockFile(manifest, [
      { path: 'checks/test_steps.py', content },
      { path: 'src/pkg/data.py', content: new Uint8Array() },
    ]);
    assert.ok(file);
    assert.strictEqual(file.path, LOCK_PATH);
    const read = parseCheckLock(new TextDecoder().decode(file.content));
    assert.ok('lock' in read);
    assert.deepStrictEqual(read.lock.files, [{ path: 'checks/test_steps.py', sha256: await sha256Hex(content) }]);
    assert.deepStrictEqual(
      read.lock.checks.map((c) => c.id),
      ['fill-missing-age', 'family-features'],
    );
    // The SHA-256 every tool prints for the same bytes.
    assert.strictEqual(await sha256Hex(new TextEncoder().encode('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('A scaffold without checks gets no lock', async () => {
    assert.strictEqual(await checkLockFile({ ...manifest, checks: [] }, []), undefined);
  });

  test('Hostile locks are refused with the reason, naming the file', () => {
    const cases: [string, RegExp][] = [
      ['not json', /not valid JSON/],
      ['[]', /not a format 1 lock/],
      [JSON.stringify({ format: 2, scaffold: 's', checks: [], files: [] }), /not a format 1 lock/],
      [JSON.stringify({ format: 1, scaffold: 's', checks: {}, files: [] }), /needs a scaffold, checks and files/],
      [JSON.stringify({ format: 1, scaffold: 's', checks: [], files: [{ path: '../outside.py', sha256: HASH_A }] }), /not a plain path inside the project/],
      [JSON.stringify({ format: 1, scaffold: 's', checks: [], files: [{ path: '/etc/passwd', sha256: HASH_A }] }), /not a plain path/],
      [JSON.stringify({ format: 1, scaffold: 's', checks: [], files: [{ path: 'checks/a.py', sha256: 'XYZ' }] }), /a file needs a path and a sha256/],
      [JSON.stringify({ format: 1, scaffold: 's', checks: Array.from({ length: 201 }, () => ({ id: 'a', test: 'b' })), files: [] }), /more than 200/],
      [' '.repeat(MAX_LOCK_BYTES + 1), /larger than/],
    ];
    for (const [text, reason] of cases) {
      const read = parseCheckLock(text);
      assert.ok('problem' in read, `refused: ${text.slice(0, 60)}`);
      assert.match(read.problem, reason);
      assert.ok(read.problem.startsWith(LOCK_PATH), read.problem);
    }
  });

  test('A check file edited, removed or added beside the others is named against the lock on disk', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-lock-'));
    try {
      const content = new TextEncoder().encode('def test_x(): pass\n');
      fs.mkdirSync(path.join(root, 'checks'));
      fs.mkdirSync(path.join(root, '.ml-roadmaps'));
      fs.writeFileSync(path.join(root, 'checks', 'test_steps.py'), content);
      const file = await checkLockFile(manifest, [{ path: 'checks/test_steps.py', content }]);
      fs.writeFileSync(path.join(root, ...LOCK_PATH.split('/')), file!.content);
      const problems = async () => {
        const state = await readLockState(root);
        assert.strictEqual(state.kind, 'read');
        return state.kind === 'read' ? state.problems : [];
      };
      assert.deepStrictEqual(await problems(), []);
      fs.appendFileSync(path.join(root, 'checks', 'test_steps.py'), '# edit\n');
      assert.deepStrictEqual(await problems(), [{ path: 'checks/test_steps.py', kind: 'differs' }]);
      fs.writeFileSync(path.join(root, 'checks', 'conftest.py'), '');
      fs.rmSync(path.join(root, 'checks', 'test_steps.py'));
      assert.deepStrictEqual(await problems(), [
        { path: 'checks/test_steps.py', kind: 'missing' },
        { path: 'checks/conftest.py', kind: 'unlocked' },
      ]);
      fs.rmSync(path.join(root, ...LOCK_PATH.split('/')));
      assert.deepStrictEqual(await readLockState(root), { kind: 'none' });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

suite('Checks in CI: the results file', () => {
  test('A results file is read field by field', () => {
    const read = parsed(results({ refused: 'checks/test_steps.py differs from its lock', interpreter: { source: 'path' } }));
    assert.strictEqual(read.commit, COMMIT);
    assert.strictEqual(read.refused, 'checks/test_steps.py differs from its lock');
    assert.deepStrictEqual(
      read.checks.map((c) => c.outcome),
      ['passed', 'passed'],
    );
  });

  test('Hostile results files are refused with the reason, naming the file', () => {
    const cases: [string, RegExp][] = [
      ['{', /not valid JSON/],
      ['null', /not a format 1 results file/],
      [results({ format: '1' }), /not a format 1 results file/],
      [results({ scaffold: 42 }), /needs the scaffold/],
      [results({ time: 'yesterday' }), /needs the time/],
      [results({ verified: 'yes' }), /needs whether the run was verified/],
      [results({ ci: undefined }), /needs whether the run was in CI/],
      [results({ checks: [{ id: 'x', outcome: '<img src=x onerror=alert(1)>' }] }), /a check needs an id and an outcome/],
      [results({ files: [{ path: 'checks/a.py', sha256: HASH_A.toUpperCase() }] }), /a file needs a path and a sha256/],
      [results({ checks: Array.from({ length: 201 }, () => ({ id: 'x', outcome: 'passed' })) }), /at most 200/],
      [results({ refused: { html: '<b>' } }), /"refused" must be text/],
      [' '.repeat(MAX_RESULTS_BYTES + 1), /larger than/],
    ];
    for (const [text, reason] of cases) {
      const read = parseCiResults(text);
      assert.ok('problem' in read, `refused: ${text.slice(0, 80)}`);
      assert.match(read.problem, reason);
    }
  });

  test('Results that pass on the locked checks are evidence', () => {
    assert.deepStrictEqual(judgeCiResults(parsed(results()), expected()), { accepted: true });
    assert.deepStrictEqual(judgeCiResults(parsed(results()), expected(HASH_A, false)), { accepted: true }, 'without a lock, against the files on disk');
  });

  test('Results on a modified check file, or that do not pass, are refused with the reason', () => {
    const refusal = (text: string, exp = expected()) => {
      const judged = judgeCiResults(parsed(text), exp);
      assert.ok('refused' in judged, `refused: ${text}`);
      return judged.refused;
    };
    assert.match(refusal(results({ files: [{ path: 'checks/test_steps.py', sha256: HASH_B }] })), /checks\/test_steps\.py in the CI run differs from its lock/);
    assert.match(refusal(results(), expected(HASH_B)), /checks\/test_steps\.py differs from its lock/);
    assert.match(refusal(results(), expected(HASH_B, false)), /checks\/test_steps\.py differs from the file the CI run checked/);
    assert.match(refusal(results(), { ...expected(), onDisk: new Map<string, string | undefined>([['checks/test_steps.py', undefined]]) }), /checks\/test_steps\.py is missing/);
    assert.match(refusal(results({ files: [] })), /do not name checks\/test_steps\.py/);
    assert.match(refusal(results({ checks: [{ id: 'fill-missing-age', outcome: 'passed' }, { id: 'family-features', outcome: 'failed' }] })), /not every check passed in CI at 0123456 \(family-features\)/);
    assert.match(refusal(results({ verified: false })), /not every check passed/);
    assert.match(refusal(results({ refused: 'checks/test_steps.py differs from its lock' })), /run-checks did not verify the run at 0123456/);
    assert.match(refusal(results({ commit: '' })), /name no commit/);
    assert.match(refusal(results({ ci: false })), /a run outside CI/);
    assert.match(refusal(results({ commit: 'HEAD; rm -rf /' })), /name no commit/);
    assert.match(refusal(results({ scaffold: 'house-price-regression' })), /the starter “house-price-regression”, not “titanic-eda”/);
  });

  test('A results file too large on disk is refused before it is read', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-results-'));
    try {
      assert.deepStrictEqual(await readCiResultsFile(root), { missing: true });
      fs.mkdirSync(path.join(root, '.ml-roadmaps'));
      fs.writeFileSync(path.join(root, '.ml-roadmaps', 'ci-results.json'), Buffer.alloc(MAX_RESULTS_BYTES + 1, 32));
      const read = await readCiResultsFile(root);
      assert.ok('problem' in read);
      assert.match(read.problem, /larger than/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('Reading results and locks grows linearly with their size', function () {
    this.timeout(120_000);
    const makeResults = (n: number) => results({ refused: 'x'.repeat(n), checks: Array.from({ length: Math.min(n / 100, 200) }, (_, i) => ({ id: `c${i}`, outcome: 'passed' })) });
    const g = growth(makeResults, (text) => parseCiResults(text), 20_000);
    assert.ok(g.ratio < MAX_RATIO, describeGrowth(g));
    const makeLock = (n: number) => JSON.stringify({ format: 1, scaffold: 's', checks: [], files: Array.from({ length: n }, (_, i) => ({ path: `checks/${'d'.repeat(400)}${i}.py`, sha256: HASH_A })) });
    const h = growth(makeLock, (text) => parseCheckLock(text), 15);
    assert.ok(h.ratio < MAX_RATIO, describeGrowth(h));
  });
});

suite('Checks in CI: evidence from CI in the check store', () => {
  const declared = manifest.checks.map((c) => ({ id: c.id, title: c.title }));

  test('Evidence from CI reads "verified in CI at <short commit>", distinct from a local run', () => {
    const record = recordCiRun(declared, COMMIT, '2026-12-06T10:00:00Z', 0);
    assert.strictEqual(evidenceState(record), 'ci');
    assert.strictEqual(evidenceText(record), 'Verified in CI at 0123456 on 2026-12-06: 2/2 checks passed.');
    assert.deepStrictEqual(readVerified(JSON.parse(JSON.stringify(record.verified))), record.verified, 'it is stored and read back');
    assert.strictEqual(readVerified({ ...record.verified, ci: { commit: '<script>' } }), undefined, 'a stored commit that is no commit is refused');
    const local = recordRun(record, declared, declared.map((c) => ({ id: c.id, outcome: 'passed' as const, hint: '' })), 1000, `sha256:${HASH_A}`);
    assert.strictEqual(evidenceState(local), 'verified', 'a local run that passes replaces it');
  });

  test('A local run on check files that differ from the lock keeps no verified evidence', () => {
    const before = recordCiRun(declared, COMMIT, '2026-12-06T10:00:00Z', 0);
    const passing = declared.map((c) => ({ id: c.id, outcome: 'passed' as const, hint: '' }));
    const after = recordRun(before, declared, passing, 1000, `sha256:${HASH_A}`, true);
    assert.strictEqual(after.verified, undefined);
    assert.strictEqual(evidenceState(after), undefined);
  });
});
