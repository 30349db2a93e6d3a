import * as assert from 'assert';
import type { ProbeResult } from '../../src/checks/python';
import { chooseInterpreter, InterpreterCandidate, InterpreterSource } from '../../src/checks/ranking';

const MODULES = ['pandas', 'numpy', 'seaborn'];

/** A probe as `probePython` reports it: `missing` among MODULES (and pytest), or a failure. */
function probe(command: string, missing: readonly string[] = [], failure?: ProbeResult['failure']): ProbeResult {
  if (failure === 'not-found') return { command, ok: false, missing: [], failure, reason: 'was not found' };
  if (missing.includes('pytest')) return { command, ok: false, missing, failure: 'no-pytest', reason: 'has no pytest', version: '3.11.7' };
  return missing.length > 0 ? { command, ok: false, missing, failure: 'missing-modules', reason: `lacks ${missing.join(', ')}`, version: '3.11.2' } : { command, ok: true, missing, version: '3.11.2' };
}

const candidate = (source: InterpreterSource, p: ProbeResult): InterpreterCandidate => ({ source, probe: p });
const onPath = (...probes: ProbeResult[]) => probes.map((p) => candidate('path', p));
const complete = probe('/usr/bin/python3');

suite('Checks: choosing the interpreter', () => {
  test('A setting that names no file is an error that names it, even when PATH has a Python with everything', () => {
    const choice = chooseInterpreter([candidate('setting', probe('/nowhere/python', [], 'not-found')), ...onPath(complete)], MODULES);
    assert.strictEqual(choice.chosen, undefined);
    assert.strictEqual(choice.problem?.kind, 'notFound');
    assert.strictEqual(choice.problem?.candidate?.source, 'setting');
    assert.strictEqual(choice.problem?.candidate?.probe.command, '/nowhere/python');
  });

  test('A setting without pytest is an error of the setting, not a reason to use another Python', () => {
    const choice = chooseInterpreter([candidate('setting', probe('/opt/py', ['pytest'])), candidate('projectVenv', complete)], MODULES);
    assert.deepStrictEqual([choice.problem?.kind, choice.problem?.candidate?.source], ['unusable', 'setting']);
  });

  test('A setting that runs pytest is used, with what it lacks', () => {
    const choice = chooseInterpreter([...onPath(complete), candidate('setting', probe('/opt/py', ['seaborn']))], MODULES);
    assert.strictEqual(choice.chosen?.source, 'setting');
    assert.deepStrictEqual(choice.chosen?.missing, ['seaborn']);
  });

  test('The Python extension’s active environment comes before the project’s .venv and PATH', () => {
    const choice = chooseInterpreter([candidate('projectVenv', complete), candidate('pythonExtension', probe('/env/bin/python', ['numpy'])), ...onPath(complete)], MODULES);
    assert.strictEqual(choice.chosen?.source, 'pythonExtension');
    assert.deepStrictEqual(choice.chosen?.missing, ['numpy']);
    // One it no longer finds is passed over.
    const gone = chooseInterpreter([candidate('pythonExtension', probe('/env/bin/python', [], 'not-found')), candidate('projectVenv', probe('/p/.venv/bin/python'))], MODULES);
    assert.strictEqual(gone.chosen?.source, 'projectVenv');
  });

  test('The project’s .venv comes before PATH; one without pytest is its own error', () => {
    assert.strictEqual(chooseInterpreter([...onPath(complete), candidate('projectVenv', probe('/p/.venv/bin/python', ['pandas']))], MODULES).chosen?.source, 'projectVenv');
    const broken = chooseInterpreter([candidate('projectVenv', probe('/p/.venv/bin/python', ['pytest'])), ...onPath(complete)], MODULES);
    assert.deepStrictEqual([broken.problem?.kind, broken.problem?.candidate?.source], ['unusable', 'projectVenv']);
    assert.strictEqual(chooseInterpreter([candidate('projectVenv', probe('/p/.venv/bin/python', [], 'not-found')), ...onPath(complete)], MODULES).chosen?.source, 'path');
  });

  test('On PATH the Python that can import the most of the project’s modules wins, the first among equals', () => {
    const pyenv = probe('/home/me/.pyenv/shims/python3', ['pandas', 'numpy', 'seaborn']);
    const partly = probe('/usr/local/bin/python3', ['seaborn']);
    const alsoPartly = probe('/usr/bin/python3', ['numpy']);
    const choice = chooseInterpreter(onPath(pyenv, probe('/x/python3', ['pytest']), partly, alsoPartly), MODULES);
    assert.strictEqual(choice.chosen?.probe.command, '/usr/local/bin/python3');
    assert.deepStrictEqual(choice.chosen?.missing, ['seaborn']);
    assert.strictEqual(chooseInterpreter(onPath(pyenv, complete), MODULES).chosen?.probe.command, '/usr/bin/python3');
    // pytest among the modules (requirements.txt lists it) changes nothing.
    assert.deepStrictEqual(chooseInterpreter(onPath(partly), ['pytest', ...MODULES]).chosen?.missing, ['seaborn']);
  });

  test('Without pytest anywhere: no choice, and the one that ran is named', () => {
    const choice = chooseInterpreter(onPath(probe('/a/python3', [], 'not-found'), probe('/b/python3', ['pytest'])), MODULES);
    assert.deepStrictEqual([choice.problem?.kind, choice.problem?.candidate?.probe.command], ['none', '/b/python3']);
    assert.deepStrictEqual(chooseInterpreter([], MODULES), { problem: { kind: 'none' } });
  });
});
