import * as assert from 'assert';
import { StorageKeys } from '../../src/storage/memento';
import { MAX_ID_LENGTH } from '../../src/model/ids';
import { parseProgressFile, planImport } from '../../src/transfer/exportFile';
import { ProgressStore } from '../../src/storage/progressStore';
import { InMemoryMemento, loadText, miniRoadmap } from './helpers';

const NOW = Date.UTC(2026, 0, 15);
const fileText = (tasks: Record<string, unknown>, version: unknown) => JSON.stringify({ format: 'ml-roadmaps-progress', version, roadmaps: { mini: { tasks } } });

suite('Import errors and kept copies of unreadable progress', () => {
  test('Gives the line and column of a JSON syntax error the parser reports without a position', () => {
    const cases: [string, RegExp][] = [
      ['{\n  "format": }', /^not valid JSON at line 2, column 13: expected a value, found "}"$/],
      ['{\n  "version": tru\n}', /^not valid JSON at line 2, column 14: expected a value, found "t"$/],
      ['{\n  "roadmaps": {', /^not valid JSON at line 2, column 16: expected a property name in double quotes or "}", found the end of the file$/],
      ['', /^not valid JSON at line 1, column 1: expected a value, found the end of the file$/],
      ['{"a": "b\nc"}', /^not valid JSON at line 1, column 9: a line break or control character inside a string/],
      ['{"a": [1, 2,]}', /^not valid JSON at line 1, column 13: expected a value, found "]"$/],
      ['{"a": 1} x', /^not valid JSON at line 1, column 10: expected the end of the file after the value, found "x"$/],
      ['{"a": "\\x"}', /^not valid JSON at line 1, column 8: an invalid escape in a string$/],
    ];
    for (const [text, expected] of cases) assert.match(parseProgressFile(text, NOW).error ?? '', expected, JSON.stringify(text));
  });

  test('Refuses versions below 1', () => {
    for (const version of [0, -1]) assert.match(parseProgressFile(fileText({}, version), NOW).error ?? '', /^version: expected 1 or higher, found -?\d/);
    assert.ok(parseProgressFile(fileText({}, 1), NOW).file);
  });

  test('Accepts exactly the ids the progress store keeps: the model’s rule, length included', async () => {
    const longest = `t-${'x'.repeat(MAX_ID_LENGTH - 2)}`;
    const tooLong = `${longest}x`;
    const entry = { state: 'done', changedAt: NOW - 1 };
    assert.match(parseProgressFile(fileText({ [tooLong]: entry }, 1), NOW).error ?? '', new RegExp(`^roadmaps\\.mini\\.tasks\\.${tooLong}: not a task id \\(kebab-case, at most ${MAX_ID_LENGTH} characters\\)$`));
    const longRoadmap = JSON.stringify({ format: 'ml-roadmaps-progress', version: 1, roadmaps: { [`r${longest}`]: { tasks: {} } } });
    assert.match(parseProgressFile(longRoadmap, NOW).error ?? '', /: not a roadmap id \(kebab-case, at most \d+ characters\)$/);
    const withVerified = JSON.stringify({ format: 'ml-roadmaps-progress', version: 1, roadmaps: { mini: { tasks: {}, verified: { [tooLong]: { date: '2026-01-01T00:00:00.000Z', passed: 1, total: 1 } } } } });
    assert.match(parseProgressFile(withVerified, NOW).error ?? '', /verified\.t-x+: not a task id/);

    // What is accepted is kept: written as an import writes it, and read back.
    const { file } = parseProgressFile(fileText({ [longest]: entry }, 1), NOW);
    assert.ok(file, 'the longest id is accepted');
    const memento = new InMemoryMemento();
    const changes = planImport(file, new Map(), []);
    await new ProgressStore(memento, () => assert.fail('no warning'), () => NOW).putEntries(changes);
    assert.deepStrictEqual([...(new ProgressStore(memento, () => assert.fail('no warning'), () => NOW).allEntries().get('mini')?.keys() ?? [])], [longest]);
  });

  test('A second corruption keeps the first backup; backups are bounded and timed', async () => {
    const memento = new InMemoryMemento({ [StorageKeys.progressBackup]: { savedAt: 7, value: 'from an earlier version' } });
    let clock = NOW;
    const task = loadText(miniRoadmap()).roadmap!.taskIndex.get('numpy')!;
    for (let i = 0; i < 7; i++) {
      await memento.update(StorageKeys.progress, `corrupt ${i}`);
      await new ProgressStore(memento, () => undefined, () => ++clock).setState('mini', [task], i % 2 ? 'done' : 'skipped');
    }
    const backups = memento.get<{ savedAt: number; value: unknown }[]>(StorageKeys.progressBackup)!;
    assert.deepStrictEqual(backups.map((b) => b.value), ['corrupt 2', 'corrupt 3', 'corrupt 4', 'corrupt 5', 'corrupt 6']);
    assert.ok(backups.every((b, i) => b.savedAt > NOW && (i === 0 || b.savedAt > backups[i - 1].savedAt)));
  });

  test('The one backup an earlier version kept is not lost to the next', async () => {
    const memento = new InMemoryMemento({ [StorageKeys.progressBackup]: { savedAt: 7, value: 'from an earlier version' }, [StorageKeys.progress]: 'corrupt' });
    const task = loadText(miniRoadmap()).roadmap!.taskIndex.get('numpy')!;
    await new ProgressStore(memento, () => undefined, () => NOW).setState('mini', [task], 'done');
    assert.deepStrictEqual(memento.get(StorageKeys.progressBackup), [
      { savedAt: 7, value: 'from an earlier version' },
      { savedAt: NOW, value: 'corrupt' },
    ]);
  });
});
