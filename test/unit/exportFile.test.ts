import * as assert from 'assert';
import { buildProgressFile, parseProgressFile, planImport, progressChecklist, summarizeImport } from '../../src/transfer/exportFile';
import { TaskProgress } from '../../src/storage/progressStore';
import { loadText, miniRoadmap } from './helpers';

const entries = (o: Record<string, Record<string, TaskProgress>>) => new Map(Object.entries(o).map(([r, t]) => [r, new Map(Object.entries(t))]));

suite('Progress export and import', () => {
  test('Exports a versioned file that parses back to the same progress', () => {
    const local = entries({ mini: { numpy: { state: 'done', changedAt: 5 } }, gone: { old: { state: 'skipped', changedAt: 6 } } });
    const file = buildProgressFile(local, new Map([['mini', 'Mini roadmap']]), new Date(Date.UTC(2026, 10, 21)));
    assert.strictEqual(file.format, 'ml-roadmaps-progress');
    assert.strictEqual(file.version, 1);
    assert.strictEqual(file.exportedAt, '2026-11-21T00:00:00.000Z');
    const parsed = parseProgressFile(JSON.stringify(file));
    assert.deepStrictEqual(parsed.file, JSON.parse(JSON.stringify(file)));
    assert.deepStrictEqual(parsed.file?.roadmaps.gone.tasks.old, { state: 'skipped', changedAt: 6 });
  });

  test('Rejects garbage with a message that says where', () => {
    assert.match(parseProgressFile('{"format": "ml-roadmaps-progress",\n  "version": 1,, }').error!, /not valid JSON at line 2, column \d+/);
    assert.match(parseProgressFile('[1,2]').error!, /expected a JSON object/);
    assert.match(parseProgressFile('{"format":"other"}').error!, /^format: /);
    assert.match(parseProgressFile('{"format":"ml-roadmaps-progress","version":9,"roadmaps":{}}').error!, /newer than this extension reads/);
    const bad = { format: 'ml-roadmaps-progress', version: 1, roadmaps: { mini: { tasks: { numpy: { state: 'finished', changedAt: 1 } } } } };
    assert.strictEqual(parseProgressFile(JSON.stringify(bad)).error, 'roadmaps.mini.tasks.numpy.state: expected one of notStarted, inProgress, done, skipped');
    const badId = { format: 'ml-roadmaps-progress', version: 1, roadmaps: { '../x': { tasks: {} } } };
    assert.match(parseProgressFile(JSON.stringify(badId)).error!, /not a roadmap id/);
  });

  test('Plans a merge by id: newer local progress wins, unknown ids are kept', () => {
    const roadmap = loadText(miniRoadmap().replace('        title: Pandas', '        title: Pandas\n        formerIds: [pandas-basics]')).roadmap!;
    const file = parseProgressFile(
      JSON.stringify({
        format: 'ml-roadmaps-progress',
        version: 1,
        roadmaps: {
          mini: {
            tasks: {
              numpy: { state: 'done', changedAt: 10 },
              calculus: { state: 'done', changedAt: 10 },
              'pandas-basics': { state: 'inProgress', changedAt: 10 },
              'no-longer-here': { state: 'done', changedAt: 10 },
              'linear-algebra': { state: 'skipped', changedAt: 10 },
            },
          },
        },
      }),
    ).file!;
    const local = entries({ mini: { calculus: { state: 'skipped', changedAt: 20 }, 'linear-algebra': { state: 'skipped', changedAt: 1 } } });
    const changes = planImport(file, local, [roadmap]);
    assert.deepStrictEqual(
      changes.map((c) => [c.taskId, c.from, c.to, c.known]),
      [
        ['numpy', 'notStarted', 'done', true],
        ['pandas', 'notStarted', 'inProgress', true],
        ['no-longer-here', 'notStarted', 'done', false],
      ],
    );
    assert.match(summarizeImport(changes), /^mini: 3 task\(s\) — 1 → inProgress, 2 → done \(1 not in the current roadmap, kept\)$/);
  });

  test('Writes a Markdown checklist that shows every state', () => {
    const roadmap = loadText(miniRoadmap()).roadmap!;
    const states: Record<string, 'done' | 'skipped' | 'inProgress'> = { 'linear-algebra': 'done', calculus: 'skipped', numpy: 'inProgress' };
    const md = progressChecklist(roadmap, (id) => states[id] ?? 'notStarted');
    assert.match(md, /^# Mini roadmap$/m);
    assert.match(md, /^### Maths$/m);
    assert.match(md, /^- \[x\] Linear algebra$/m);
    assert.match(md, /^- \[x\] ~~Calculus~~ \(skipped\)$/m);
    assert.match(md, /^- \[ \] ▶ NumPy$/m);
    assert.match(md, /^- \[ \] Gradient descent from scratch _\(project\)_$/m);
    assert.match(md, /_2 of 5 tasks finished\._/);
  });
});
