import * as assert from 'assert';
import ICAL from 'ical.js';
import { buildRoadmap, PhaseDocument, RoadmapDocument, TaskDocument } from '../../src/model/document';
import type { Roadmap } from '../../src/model/types';
import { escapeText, foldLine, isWeekBased, planToIcs, PRODID } from '../../src/model/plan/calendar';
import { PlanContext, schedule, Schedule, StudyPlan } from '../../src/model/plan/planner';
import { loadBundled } from './helpers';

function roadmapOf(phases: readonly PhaseDocument[], extra: Partial<RoadmapDocument> = {}): Roadmap {
  return buildRoadmap({ id: 'r', title: 'R', phases, ...extra }, { label: 'r.yaml', location: 'r.yaml', bundled: false });
}

function tasks(prefix: string, count: number, estimate: number): TaskDocument[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i + 1}`, title: `${prefix} ${i + 1}`, estimate }));
}

const START = Date.UTC(2025, 2, 3);
const NOW = Date.UTC(2025, 2, 3, 9, 30, 5);

function planFor(roadmap: Roadmap, fields: Partial<StudyPlan> = {}, finished: Record<string, number> = {}): Schedule {
  const finishedAt = new Map(Object.entries(finished));
  const context: PlanContext = { stateOf: (t) => (finishedAt.has(t.id) ? 'done' : 'notStarted'), finishedAt, now: NOW, utcOffset: () => 0 };
  return schedule(roadmap, { roadmapId: roadmap.id, start: '2025-03-03', hoursPerWeek: 10, studyDays: ['mon', 'tue', 'wed', 'thu', 'fri'], since: START, ...fields }, context);
}

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  allDay: boolean;
}

/** Parses with ical.js, an independent implementation, and reads back what matters. */
function parse(ics: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, summary: event.summary, description: event.description, start: event.startDate.toString(), end: event.endDate.toString(), allDay: event.startDate.isDate && event.endDate.isDate };
  });
  return { calendar, events };
}

suite('Calendar export', () => {
  test('One all-day event per phase with its tasks, read back by an independent parser', () => {
    const roadmap = roadmapOf([
      { id: 'basics', title: 'Basics', tasks: tasks('a', 3, 2) },
      { id: 'more', title: 'More', tasks: tasks('b', 2, 5) },
    ], { title: 'My roadmap' });
    const ics = planToIcs(planFor(roadmap, {}, { 'a-1': NOW }), { now: NOW });
    const { calendar, events } = parse(ics);
    assert.strictEqual(calendar.getFirstPropertyValue('version'), '2.0');
    assert.strictEqual(calendar.getFirstPropertyValue('prodid'), PRODID);
    // 2 h a weekday: Basics' 6 h take Monday to Wednesday, More's 10 h Thursday to the next Wednesday; DTEND is the day after.
    assert.deepStrictEqual(events.map((e) => [e.uid, e.summary, e.start, e.end, e.allDay]), [
      ['r.basics@study-plan.ml-roadmaps', 'My roadmap: Basics', '2025-03-03', '2025-03-06', true],
      ['r.more@study-plan.ml-roadmaps', 'My roadmap: More', '2025-03-06', '2025-03-13', true],
    ]);
    assert.strictEqual(events[0].description, 'My roadmap\n\n[x] a 1 (2 h, 2025-03-03)\n[ ] a 2 (2 h, 2025-03-04)\n[ ] a 3 (2 h, 2025-03-05)');
    const stamp = calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp') as ICAL.Time;
    assert.strictEqual(stamp.toString(), '2025-03-03T09:30:05Z');
  });

  test('Writes CRLF line ends only and folds every line at 75 octets without splitting a character', () => {
    const long = `${'Ünïcødé 🚀 '.repeat(40)}end`;
    const roadmap = roadmapOf([{ id: 'p', title: long, tasks: [{ id: 't', title: long, estimate: 1 }] }]);
    const ics = planToIcs(planFor(roadmap), { now: NOW });
    assert.ok(ics.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(ics) && !/\r[^\n]/.test(ics), 'every line ends in CRLF');
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) {
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${Buffer.byteLength(line, 'utf8')} octets: ${line}`);
      assert.ok(!line.includes('\ufffd'));
    }
    assert.ok(lines.some((l) => l.startsWith(' ')), 'long lines are folded');
    assert.strictEqual(parse(ics).events[0].summary, `R: ${long}`);
    assert.strictEqual(foldLine('short'), 'short');
  });

  test('Escapes hostile titles: commas, semicolons, backslashes, newlines, emoji, control characters', () => {
    const hostile = 'Deploy; then test, \\ and\r\nEND:VEVENT\nBEGIN:VEVENT 🤖\u0007';
    const roadmap = roadmapOf([{ id: 'p', title: hostile, tasks: [{ id: 't', title: `${hostile} task`, estimate: 1 }] }], { title: 'A, B; C' });
    const ics = planToIcs(planFor(roadmap), { now: NOW });
    const { calendar, events } = parse(ics);
    assert.strictEqual(events.length, 1, 'no injected event');
    const clean = 'Deploy; then test, \\ and\nEND:VEVENT\nBEGIN:VEVENT 🤖';
    assert.strictEqual(events[0].summary, `A, B; C: ${clean}`);
    assert.ok(events[0].description.includes(`[ ] ${clean} task (1 h, 2025-03-03)`), events[0].description);
    // An X- property is no TEXT to a generic parser, which hands back the escaped form as written.
    assert.strictEqual(calendar.getFirstPropertyValue('x-wr-calname'), 'A\\, B\\; C');
    assert.strictEqual(escapeText('a\\b;c,d\ne'), 'a\\\\b\\;c\\,d\\ne');
  });

  test('Week-based roadmaps get an event per week of the plan', () => {
    const roadmap = loadBundled('master-24-week.yaml');
    assert.ok(isWeekBased(roadmap));
    assert.ok(!isWeekBased(loadBundled('ml-dl-condensed.yaml')));
    const { events } = parse(planToIcs(planFor(roadmap), { now: NOW }));
    assert.strictEqual(events.length, 24);
    assert.deepStrictEqual([events[0].start, events[0].end, events[0].summary], ['2025-03-03', '2025-03-08', '24-Week Complete Master Roadmap: week 1 (Week 1: Python & Data Foundations)']);
    assert.strictEqual(events[23].start, '2025-08-11');
    assert.strictEqual(new Set(events.map((e) => e.uid)).size, 24);
    assert.ok(events[0].description.includes('Titanic dataset EDA'));
    const perPhase = parse(planToIcs(planFor(roadmap), { now: NOW, per: 'phase' })).events;
    assert.strictEqual(perPhase[1].uid, 'master-24-week.week-02@study-plan.ml-roadmaps');
  });

  test('Every event starts and ends on a study day, whichever day the plan starts on', () => {
    // Monday to Friday, 2 h a day, tasks of 3 h: tasks run over weekends, and the plan's weeks
    // count from its start, a Sunday or a Wednesday.
    const roadmap = roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 12, 3) }, { id: 'q', title: 'Q', tasks: tasks('u', 5, 3) }]);
    const weekday = (date: string) => ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][new Date(`${date}T00:00:00Z`).getUTCDay()];
    const lastDay = (end: string) => new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    for (const start of ['2025-03-02', '2025-03-05', '2025-03-08']) {
      for (const per of ['week', 'phase'] as const) {
        const { events } = parse(planToIcs(planFor(roadmap, { start }), { now: NOW, per }));
        assert.ok(events.length >= 2, `${start} per ${per}`);
        for (const event of events) {
          assert.ok(!['sat', 'sun'].includes(weekday(event.start)), `${event.summary} starts on ${event.start}, a ${weekday(event.start)} (plan from ${start}, per ${per})`);
          assert.ok(!['sat', 'sun'].includes(weekday(lastDay(event.end))), `${event.summary} ends on ${lastDay(event.end)}, a ${weekday(lastDay(event.end))} (plan from ${start}, per ${per})`);
          assert.ok(event.start <= lastDay(event.end), `${event.summary}: ${event.start} to ${lastDay(event.end)}`);
        }
      }
    }
  });

  test('The same plan exported twice has the same UIDs, so a calendar updates its events', () => {
    const roadmap = loadBundled('ml-dl-condensed.yaml');
    const first = parse(planToIcs(planFor(roadmap), { now: NOW })).events.map((e) => e.uid);
    const again = parse(planToIcs(planFor(roadmap, { hoursPerWeek: 5 }), { now: NOW + 86_400_000 })).events.map((e) => e.uid);
    assert.deepStrictEqual(again, first);
    assert.strictEqual(first.length, 4);
  });
});
