import * as assert from 'assert';
import { StorageKeys } from '../../src/storage/memento';
import { LinkStore } from '../../src/storage/linkStore';
import { InMemoryMemento } from './helpers';

function setup(initial: Record<string, unknown> = {}) {
  const memento = new InMemoryMemento(initial);
  const warnings: string[] = [];
  return { memento, warnings, store: new LinkStore(memento, (w) => warnings.push(w)) };
}

suite('Folder links', () => {
  test('Adds links per task without duplicates and reads them back after a reload', async () => {
    const { memento, store } = setup();
    assert.strictEqual(await store.add('r', 't', { folder: 'ws', path: 'projects/titanic' }), true);
    assert.strictEqual(await store.add('r', 't', { folder: 'ws', path: 'projects/titanic' }), false);
    await store.add('r', 't', { path: 'file:///elsewhere/mnist' });
    const reloaded = new LinkStore(memento, () => assert.fail('no warning'));
    assert.deepStrictEqual(reloaded.linksOf('r', 't'), [{ folder: 'ws', path: 'projects/titanic' }, { path: 'file:///elsewhere/mnist' }]);
  });

  test('Removes one link and forgets tasks with none left', async () => {
    const { memento, store } = setup();
    await store.add('r', 't', { folder: 'ws', path: 'a' });
    await store.add('r', 't', { folder: 'ws', path: 'b' });
    await store.remove('r', 't', { folder: 'ws', path: 'a' });
    assert.deepStrictEqual(store.linksOf('r', 't'), [{ folder: 'ws', path: 'b' }]);
    await store.remove('r', 't', { folder: 'ws', path: 'b' });
    assert.deepStrictEqual(memento.get<{ links: object }>(StorageKeys.links)!.links, {});
  });

  test('Relinking replaces the link in place', async () => {
    const { store } = setup();
    await store.add('r', 't', { folder: 'ws', path: 'old' });
    await store.add('r', 't', { folder: 'ws', path: 'other' });
    await store.replace('r', 't', { folder: 'ws', path: 'old' }, { folder: 'ws', path: 'new' });
    assert.deepStrictEqual(store.linksOf('r', 't'), [{ folder: 'ws', path: 'new' }, { folder: 'ws', path: 'other' }]);
  });

  test('Tells listeners which task changed', async () => {
    const { store } = setup();
    const keys: string[] = [];
    store.onDidChange((k) => keys.push(k));
    await store.add('r', 't', { path: 'file:///x' });
    assert.deepStrictEqual(keys, ['r/t']);
  });

  test('Survives corrupt stored links with one warning and keeps a copy before saving over them', async () => {
    const corrupt = { version: 1, links: { 'r/t': [{ path: 'ok' }, { nope: 1 }, 'x'], 'bad key': [{ path: 'p' }] } };
    const { memento, warnings, store } = setup({ [StorageKeys.links]: corrupt });
    assert.deepStrictEqual(store.linksOf('r', 't'), [{ path: 'ok' }]);
    assert.strictEqual(warnings.length, 1);
    await store.add('r', 'u', { path: 'file:///y' });
    assert.deepStrictEqual(memento.get<{ value: unknown }[]>(StorageKeys.linksBackup)!.map((b) => b.value), [corrupt]);
    const wrongShape = setup({ [StorageKeys.links]: 'garbage' });
    assert.deepStrictEqual(wrongShape.store.linksOf('r', 't'), []);
    assert.strictEqual(wrongShape.warnings.length, 1);
  });

  test('A second corruption is kept beside the first, in the same shape as progress backups', async () => {
    const first = { version: 1, links: { 'r/t': 'first' } };
    const one = setup({ [StorageKeys.links]: first });
    await one.store.add('r', 'u', { path: 'file:///y' });
    const second = { version: 1, links: { 'r/t': 'second' } };
    await one.memento.update(StorageKeys.links, second);
    const two = new LinkStore(one.memento, () => undefined);
    await two.add('r', 'v', { path: 'file:///z' });
    const backups = one.memento.get<{ savedAt: number; value: unknown }[]>(StorageKeys.linksBackup)!;
    assert.deepStrictEqual(backups.map((b) => b.value), [first, second]);
    assert.ok(backups.every((b) => typeof b.savedAt === 'number'));
  });
});
