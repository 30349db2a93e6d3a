import * as assert from 'assert';
import { StorageKeys } from '../../src/storage/memento';
import { PlanStore } from '../../src/storage/planStore';
import { ProgressStore } from '../../src/storage/progressStore';
import { ProgressTracker } from '../../src/core/tracker';
import { StudyPlans } from '../../src/core/studyPlans';
import { finishTimes, planStatusText } from '../../src/model/plan/status';
import { createPlan, PlanProgress, StudyPlan } from '../../src/model/plan/planner';
import { toStoredPlan } from '../../src/storage/storedPlan';
import { parseProgressFile, planImportOfPlans, withPlans, buildProgressFile } from '../../src/transfer/exportFile';
import { InMemoryMemento } from './helpers';
import { at, plan, roadmapOf, tasks, utc } from './plan.test';

suite('Study plans: the store', () => {
  test('Keeps one plan per roadmap and reads it back after a reload', async () => {
    const memento = new InMemoryMemento();
    const store = new PlanStore(memento, () => assert.fail('no warning'));
    const changed: string[][] = [];
    store.onDidChange((ids) => changed.push([...ids]));
    await store.set(plan({ roadmapId: 'a' }));
    await store.set(plan({ roadmapId: 'b', hoursPerWeek: 5 }));
    await store.set(plan({ roadmapId: 'a', hoursPerWeek: 20 }));
    const reloaded = new PlanStore(memento, () => assert.fail('no warning'));
    assert.deepStrictEqual(reloaded.planOf('a'), plan({ roadmapId: 'a', hoursPerWeek: 20 }));
    assert.deepStrictEqual(reloaded.all().map((p) => p.roadmapId), ['a', 'b']);
    assert.strictEqual(await reloaded.clear('a'), true);
    assert.strictEqual(await reloaded.clear('a'), false);
    assert.deepStrictEqual(new PlanStore(memento, () => assert.fail('no warning')).all().map((p) => p.roadmapId), ['b']);
    assert.deepStrictEqual(changed, [['a'], ['b'], ['a']]);
  });

  test('Sets a corrupt plan aside with one warning, keeps the good ones, and saves the original before writing', async () => {
    const original = { version: 1, plans: { good: toStoredPlan(plan({ roadmapId: 'good' })), bad: { ...toStoredPlan(plan({ roadmapId: 'bad' })), hoursPerWeek: 0 }, wrong: toStoredPlan(plan({ roadmapId: 'other' })) } };
    const memento = new InMemoryMemento({ [StorageKeys.plans]: original });
    const warnings: string[] = [];
    const store = new PlanStore(memento, (w) => warnings.push(w), () => at('2026-01-15'));
    assert.deepStrictEqual(store.all().map((p) => p.roadmapId), ['good']);
    assert.strictEqual(warnings.length, 1);
    assert.match(warnings[0], /Ignored 2 unreadable study plan\(s\): bad: hours per week must be from 0\.5 to 100; got 0; wrong: the plan is for "other"/);
    assert.strictEqual(memento.get(StorageKeys.plansBackup), undefined, 'nothing is written on reading');
    await store.set(plan({ roadmapId: 'new' }));
    assert.deepStrictEqual(memento.get(StorageKeys.plansBackup), [{ savedAt: at('2026-01-15'), value: original }]);
  });

  test('Ignores a stored plan with hours out of range or made in the future, with one warning', () => {
    const now = at('2026-01-15');
    const stored = { version: 1, plans: { slow: { ...toStoredPlan(plan({ roadmapId: 'slow' })), hoursPerWeek: 1e-300 }, later: toStoredPlan(plan({ roadmapId: 'later', since: 1e300 })), good: toStoredPlan(plan({ roadmapId: 'good' })) } };
    const warnings: string[] = [];
    const store = new PlanStore(new InMemoryMemento({ [StorageKeys.plans]: stored }), (w) => warnings.push(w), () => now);
    assert.deepStrictEqual(store.all().map((p) => p.roadmapId), ['good']);
    assert.strictEqual(warnings.length, 1);
    assert.match(warnings[0], /^Ignored 2 unreadable study plan\(s\): slow: hours per week must be from 0\.5 to 100; got 1e-300; later: since: 1e\+300 \(beyond any date\) is in the future/);
  });

  test('A stored value of the wrong shape is ignored with a warning', () => {
    const warnings: string[] = [];
    const store = new PlanStore(new InMemoryMemento({ [StorageKeys.plans]: ['not', 'plans'] }), (w) => warnings.push(w));
    assert.deepStrictEqual(store.all(), []);
    assert.match(warnings[0], /unexpected shape/);
  });
});

suite('Study plans: schedules kept up to date', () => {
  function setup(now: { value: number }) {
    const roadmap = roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 10, 7) }]);
    const progress = new ProgressStore(new InMemoryMemento(), () => assert.fail('no warning'), () => now.value);
    const tracker = new ProgressTracker(progress);
    const store = new PlanStore(new InMemoryMemento(), () => assert.fail('no warning'));
    const warnings: string[] = [];
    const plans = new StudyPlans(store, tracker, (id) => finishTimes(progress.allEntries().get(id)), (w) => warnings.push(w), () => now.value, utc);
    return { roadmap, tracker, store, plans, warnings };
  }

  test('Schedules on first use, and again after progress, the plan or the day changed', async () => {
    const now = { value: at('2025-03-03') };
    const { roadmap, tracker, store, plans } = setup(now);
    const events: (string | undefined)[] = [];
    plans.onDidChange((id) => events.push(id));
    assert.strictEqual(plans.scheduleOf(roadmap), undefined, 'no plan, no schedule');
    // 7 h a week, every day: an hour a day, a task a week; on the first day nothing is due yet.
    await store.set(plan({ hoursPerWeek: 7, since: at('2025-03-03', 0) }));
    const first = plans.scheduleOf(roadmap)!;
    assert.strictEqual(first.end, '2025-05-11');
    assert.strictEqual(plans.scheduleOf(roadmap), first, 'kept while nothing changes');
    assert.strictEqual(plans.progressOf(roadmap)!.status, 'onTrack');

    await tracker.setState([roadmap.taskIndex.get('t-1')!, roadmap.taskIndex.get('t-2')!], 'done');
    assert.notStrictEqual(plans.scheduleOf(roadmap), first);
    assert.strictEqual(plans.progressOf(roadmap)!.deltaDays, 14);
    assert.strictEqual(planStatusText(plans.planOf(roadmap)!, plans.progressOf(roadmap)!), '14 days ahead');

    assert.strictEqual(plans.checkDay(), false, 'same day');
    now.value = at('2025-03-31');
    assert.strictEqual(plans.checkDay(), true);
    // 28 hours were due by the 31st; 14 are done.
    assert.strictEqual(plans.progressOf(roadmap)!.deltaDays, -14);
    await store.clear('r');
    assert.strictEqual(plans.scheduleOf(roadmap), undefined);
    assert.deepStrictEqual(events, ['r', 'r', 'r', 'r']);
  });

  test('A reloaded roadmap is scheduled afresh; an impossible stored plan gives no schedule and one warning', async () => {
    const now = { value: at('2025-03-05') };
    const { roadmap, store, plans, warnings } = setup(now);
    await store.set(plan());
    const before = plans.scheduleOf(roadmap)!;
    const reloaded = roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 2, 7) }]);
    const after = plans.scheduleOf(reloaded)!;
    assert.strictEqual(after.roadmap, reloaded);
    assert.deepStrictEqual([before.tasks.length, after.tasks.length], [10, 2]);
    // Written by hand around the checks, as synced data from an older version might be.
    await store.set({ ...plan(), studyDays: [] });
    assert.strictEqual(plans.scheduleOf(reloaded), undefined);
    assert.strictEqual(plans.scheduleOf(reloaded), undefined);
    assert.deepStrictEqual(warnings, ['The study plan of r cannot be used: choose at least one study day']);
  });

  test('A stored plan that cannot be scheduled gives no schedule and one warning, never a throw', async () => {
    const now = { value: at('2025-03-05') };
    const { roadmap, tracker, store, plans, warnings } = setup(now);
    // Written around the checks, as synced state from another version might be.
    await store.set({ ...plan(), hoursPerWeek: 1e-300 });
    for (let i = 0; i < 3; i++) {
      assert.strictEqual(plans.scheduleOf(roadmap), undefined);
      assert.strictEqual(plans.progressOf(roadmap), undefined);
    }
    await tracker.setState([roadmap.taskIndex.get('t-1')!], 'done');
    assert.strictEqual(plans.scheduleOf(roadmap), undefined, 'and after progress changed');
    now.value = at('2025-03-06');
    plans.checkDay();
    assert.strictEqual(plans.scheduleOf(roadmap), undefined, 'and the next day');
    assert.deepStrictEqual(warnings, ['The study plan of r cannot be used: hours per week must be from 0.5 to 100; got 1e-300']);
    await store.set({ ...plan(), start: '9999-12-31' });
    assert.strictEqual(plans.scheduleOf(roadmap), undefined);
    assert.strictEqual(warnings.length, 2, 'another plan, another warning');
    assert.match(warnings[1], /^The study plan of r cannot be used: the start date must be at most 10 years after the plan was made/);
  });

  test('Says on track, ahead, behind, or when the plan starts', () => {
    const p: StudyPlan = createPlan({ roadmapId: 'r', start: '2025-04-07', hoursPerWeek: 7, studyDays: ['mon'] }, at('2025-03-01'));
    const progress = (fields: Partial<PlanProgress>) => ({ started: true, status: 'onTrack', deltaDays: 0, ...fields }) as PlanProgress;
    assert.strictEqual(planStatusText(p, progress({ started: false })), 'plan starts 2025-04-07');
    assert.strictEqual(planStatusText(p, progress({})), 'on track');
    assert.strictEqual(planStatusText(p, progress({ status: 'ahead', deltaDays: 1 })), '1 day ahead');
    assert.strictEqual(planStatusText(p, progress({ status: 'ahead', deltaDays: 2 })), '2 days ahead');
    assert.strictEqual(planStatusText(p, progress({ status: 'behind', deltaDays: -3 })), '3 days behind');
  });
});

suite('Study plans in export files', () => {
  const file = () => buildProgressFile(new Map(), new Map(), new Date(Date.UTC(2026, 10, 21)));

  test('Travel beside the progress and parse back', () => {
    const written = withPlans(file(), [plan({ roadmapId: 'b' }), plan({ roadmapId: 'a', hoursPerWeek: 9 })]);
    assert.deepStrictEqual(Object.keys(written.plans!), ['a', 'b']);
    const parsed = parseProgressFile(JSON.stringify(written));
    assert.deepStrictEqual(planImportOfPlans(parsed.file!, () => undefined), [plan({ roadmapId: 'a', hoursPerWeek: 9 }), plan({ roadmapId: 'b' })]);
    assert.strictEqual(withPlans(file(), []).plans, undefined, 'no plans, no field');
  });

  test('A file without plans imports as before', () => {
    const parsed = parseProgressFile(JSON.stringify(file()));
    assert.ok(parsed.file);
    assert.deepStrictEqual(planImportOfPlans(parsed.file, () => plan()), []);
  });

  test('The plan made later wins', () => {
    const made = at('2025-03-03');
    const parsed = parseProgressFile(JSON.stringify(withPlans(file(), [plan({ roadmapId: 'a', since: made + 100 }), plan({ roadmapId: 'b', since: made + 100 })])));
    const local = new Map([['a', plan({ roadmapId: 'a', since: made + 50 })], ['b', plan({ roadmapId: 'b', since: made + 200 })]]);
    assert.deepStrictEqual(planImportOfPlans(parsed.file!, (id) => local.get(id)).map((p) => p.roadmapId), ['a']);
  });

  test('A plan with hours out of range, or made in the future, rejects the file and says where', () => {
    const now = at('2026-01-15');
    const withPlan = (fields: Record<string, unknown>) => JSON.stringify({ ...file(), plans: { a: { ...toStoredPlan(plan({ roadmapId: 'a' })), ...fields } } });
    assert.strictEqual(parseProgressFile(withPlan({ hoursPerWeek: 1e-300 }), now).error, 'plans.a: hours per week must be from 0.5 to 100; got 1e-300');
    assert.strictEqual(parseProgressFile(withPlan({ hoursPerWeek: 1000 }), now).error, 'plans.a: hours per week must be from 0.5 to 100; got 1000');
    assert.match(parseProgressFile(withPlan({ since: 1e300 }), now).error ?? '', /^plans\.a: since: 1e\+300 \(beyond any date\) is in the future; times more than a day ahead/);
    assert.match(parseProgressFile(withPlan({ since: now + 30 * 86_400_000 }), now).error ?? '', /^plans\.a: since: \d+ \(2026-02-14T12:00:00\.000Z\) is in the future/);
    assert.ok(parseProgressFile(withPlan({ since: now + 3_600_000 }), now).file, 'another machine\'s clock may be a little ahead');
  });

  test('A bad plan rejects the file and says where', () => {
    const bad = { ...file(), plans: { a: { ...toStoredPlan(plan({ roadmapId: 'a' })), start: '2025-02-30' } } };
    assert.strictEqual(parseProgressFile(JSON.stringify(bad)).error, 'plans.a: the start date must be a date like 2025-03-01; got "2025-02-30"');
    const misfiled = { ...file(), plans: { a: toStoredPlan(plan({ roadmapId: 'b' })) } };
    assert.strictEqual(parseProgressFile(JSON.stringify(misfiled)).error, 'plans.a.roadmapId: expected "a", the key it is stored under');
    assert.strictEqual(parseProgressFile(JSON.stringify({ ...file(), plans: [] })).error, 'plans: expected an object of study plans by roadmap id');
  });
});

suite('Study plans: derived, not raced, and written under one policy', () => {
  const roadmap = () => roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 10, 7) }]);

  test('A listener of the tracker registered before the plans service still reads the new schedule', async () => {
    const now = { value: at('2025-03-03') };
    const progress = new ProgressStore(new InMemoryMemento(), () => assert.fail('no warning'), () => now.value);
    const tracker = new ProgressTracker(progress);
    const r = roadmap();
    const seen: number[] = [];
    // This view listens first: the plans service is made after it.
    tracker.onDidChange(() => seen.push(plans.progressOf(r)!.deltaDays));
    const plans = new StudyPlans(new PlanStore(new InMemoryMemento(), () => assert.fail('no warning')), tracker, (id) => finishTimes(progress.allEntries().get(id)), () => assert.fail('no warning'), () => now.value, utc);
    await plans.set(r, plan({ hoursPerWeek: 7, since: at('2025-03-03', 0) }));
    assert.strictEqual(plans.progressOf(r)!.deltaDays, 0);
    await tracker.setState([r.taskIndex.get('t-1')!, r.taskIndex.get('t-2')!], 'done');
    assert.deepStrictEqual(seen, [14]);
  });

  test('A roadmap the write policy refuses gets neither progress nor a plan, and the refusal is asked once per write', async () => {
    const r = roadmap();
    const asked: string[] = [];
    const writes = { mayWrite: (target: { id: string }) => (asked.push(target.id), false) };
    const progress = new ProgressStore(new InMemoryMemento(), () => assert.fail('no warning'));
    const tracker = new ProgressTracker(progress, writes);
    const changes: unknown[] = [];
    tracker.onDidChange((c) => changes.push(c));
    assert.strictEqual(await tracker.setState([r.taskIndex.get('t-1')!, r.taskIndex.get('t-2')!], 'done'), false);
    assert.strictEqual(tracker.stateOf(r.taskIndex.get('t-1')!), 'notStarted');
    assert.strictEqual(await tracker.reset(r), undefined);
    const store = new PlanStore(new InMemoryMemento(), () => assert.fail('no warning'));
    const plans = new StudyPlans(store, tracker, () => new Map(), () => assert.fail('no warning'), Date.now, utc, undefined, writes);
    const planEvents: string[][] = [];
    plans.onDidChangePlans((ids) => planEvents.push([...ids]));
    assert.strictEqual(await plans.set(r, plan()), false);
    assert.strictEqual(store.planOf('r'), undefined);
    assert.deepStrictEqual([asked, changes, planEvents], [['r', 'r', 'r'], [], []]);
  });

  test('Plans made and cleared through the service reach onDidChangePlans; a plan is saved only as its own roadmap’s', async () => {
    const r = roadmap();
    const plans = new StudyPlans(new PlanStore(new InMemoryMemento(), () => assert.fail('no warning')), new ProgressTracker(new ProgressStore(new InMemoryMemento(), () => undefined)), () => new Map(), () => assert.fail('no warning'));
    const planEvents: string[][] = [];
    plans.onDidChangePlans((ids) => planEvents.push([...ids]));
    assert.strictEqual(await plans.set(r, plan()), true);
    await assert.rejects(plans.set(r, plan({ roadmapId: 'other' })), /cannot be saved as the plan of "r"/);
    assert.deepStrictEqual(plans.all().map((p) => p.roadmapId), ['r']);
    assert.strictEqual(await plans.clear('r'), true);
    assert.deepStrictEqual(planEvents, [['r'], ['r']]);
  });
});
