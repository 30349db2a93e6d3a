import * as assert from 'assert';
import { isStarterOptions, readStarterOptions } from '../../src/scaffold/options';

/** Locations as the command reads them: here, any string that looks like a URI. */
const readLocation = (value: unknown) => (typeof value === 'string' && /^[a-z]+:/.test(value) ? value : undefined);

suite('Create Starter Project options', () => {
  test('Every field is read; what is left out stays out', () => {
    assert.deepStrictEqual(readStarterOptions({ task: 'master-24-week/titanic-eda', scaffold: 'titanic-eda', name: 'My Titanic', location: 'file:///w/p', keepExisting: false }, readLocation), {
      options: { task: { roadmapId: 'master-24-week', taskId: 'titanic-eda' }, scaffold: 'titanic-eda', name: 'My Titanic', location: 'file:///w/p', keepExisting: false },
    });
    assert.deepStrictEqual(readStarterOptions({}, readLocation), { options: {} });
  });

  test('A wrong field is refused, saying which and what it must be', () => {
    const errorOf = (value: unknown) => {
      const read = readStarterOptions(value, readLocation);
      return 'error' in read ? read.error : '';
    };
    assert.match(errorOf({ task: 'titanic-eda' }), /"task" must be a task key "<roadmap id>\/<task id>"/);
    assert.match(errorOf({ scaffold: 'Titanic EDA' }), /"scaffold" must be a scaffold id/);
    assert.match(errorOf({ name: 3 }), /"name" must be a string/);
    assert.match(errorOf({ location: 'projects/x' }), /"location" must be a folder's URI/);
    assert.match(errorOf({ keepExisting: 'yes' }), /"keepExisting" must be true or false/);
    assert.match(errorOf({ colour: 'blue', name: 'x' }), /unknown field\(s\) "colour"/);
    assert.match(errorOf([]), /must be an object/);
  });

  test('Options are told from a clicked tree element, which has an id', () => {
    assert.strictEqual(isStarterOptions({ task: 'a/b' }), true);
    assert.strictEqual(isStarterOptions({ id: 'numpy', kind: 'topic' }), false);
    assert.strictEqual(isStarterOptions(undefined), false);
    assert.strictEqual(isStarterOptions(new (class Row {})()), false);
  });
});
