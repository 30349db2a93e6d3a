/**
 * A plan as an iCalendar file (RFC 5545) that Google Calendar, Outlook and Apple Calendar
 * import: all-day events, one per phase, or one per week of the plan for roadmaps whose phases
 * are weeks, with the tasks in the description. Pure: no `vscode`.
 *
 * What RFC 5545 asks and this does: CRLF line ends (3.1); lines folded at 75 octets with a CRLF
 * and a space, never inside a character (3.1); TEXT escaped: backslash, semicolon, comma and
 * newline (3.3.11), other control characters dropped; VERSION and PRODID (3.7); per event a UID
 * stable across exports, so importing again updates rather than duplicates (3.8.4.7), DTSTAMP in
 * UTC (3.8.7.2), and DTSTART/DTEND as VALUE=DATE with DTEND the day after the last (3.6.1).
 */
import type { Phase, Roadmap } from '../types';
import { dateOfDay } from './dates';
import type { PlannedTask, Schedule } from './planner';
import { utf8ByteLength } from '../../util/utf8';

export interface CalendarOptions {
  /** When the file is written (DTSTAMP). */
  readonly now: number;
  /** `auto` (the default): per week when every phase is estimated at one week, else per phase. */
  readonly per?: 'phase' | 'week' | 'auto';
}

export const PRODID = '-//ML Roadmaps//Study Plan//EN';
const UID_DOMAIN = 'study-plan.ml-roadmaps';
const MAX_LINE_OCTETS = 75;

/** Whether a roadmap's phases are weeks: each estimated at exactly one week. */
export function isWeekBased(roadmap: Roadmap): boolean {
  return roadmap.phases.length > 0 && roadmap.phases.every((p) => p.estimate?.unit === 'weeks' && p.estimate.min === 1 && p.estimate.max === 1);
}

export function planToIcs(schedule: Schedule, options: CalendarOptions): string {
  const { roadmap } = schedule;
  const per = options.per === undefined || options.per === 'auto' ? (isWeekBased(roadmap) ? 'week' : 'phase') : options.per;
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(roadmap.title)}`];
  const stamp = utcStamp(options.now);
  const events = per === 'week' ? weekEvents(schedule) : phaseEvents(schedule);
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}@${UID_DOMAIN}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(event.startDay)}`,
      `DTEND;VALUE=DATE:${compactDate(event.endDay + 1)}`,
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

interface CalendarEvent {
  readonly uid: string;
  readonly startDay: number;
  readonly endDay: number;
  readonly summary: string;
  readonly description: string;
}

// Tasks are planned back to back in order, so the last task of a group ends last.
function phaseEvents(schedule: Schedule): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  let i = 0;
  const { tasks, roadmap } = schedule;
  while (i < tasks.length) {
    const phase = tasks[i].task.module.phase;
    const mine: PlannedTask[] = [];
    while (i < tasks.length && tasks[i].task.module.phase === phase) mine.push(tasks[i++]);
    events.push({
      uid: `${roadmap.id}.${phase.id}`,
      startDay: mine[0].startDay,
      endDay: mine[mine.length - 1].endDay,
      summary: `${roadmap.title}: ${phase.title}`,
      description: describe(roadmap, mine),
    });
  }
  return events;
}

function weekEvents(schedule: Schedule): CalendarEvent[] {
  const { tasks, roadmap, days } = schedule;
  const byWeek = new Map<number, PlannedTask[]>();
  for (const t of tasks) {
    const first = Math.floor((t.startDay - days.startDay) / 7);
    const last = Math.floor((t.endDay - days.startDay) / 7);
    for (let week = first; week <= last; week++) {
      let list = byWeek.get(week);
      if (!list) byWeek.set(week, (list = []));
      list.push(t);
    }
  }
  const events: CalendarEvent[] = [];
  for (const [week, mine] of byWeek) {
    const weekStart = days.startDay + week * 7;
    const phases = new Set<Phase>(mine.map((t) => t.task.module.phase));
    const [only] = phases;
    // Tasks start and end on study days, but a task that runs over into the next week would have
    // the week's event end on the window's last day, a day off perhaps: both ends go to study days.
    events.push({
      uid: `${roadmap.id}.week-${compactDate(weekStart)}`,
      startDay: days.firstOnOrAfter(Math.max(weekStart, mine[0].startDay)),
      endDay: days.lastOnOrBefore(Math.min(weekStart + 6, mine[mine.length - 1].endDay)),
      summary: `${roadmap.title}: week ${week + 1}${phases.size === 1 ? ` (${only.title})` : ''}`,
      description: describe(roadmap, mine),
    });
  }
  return events;
}

function describe(roadmap: Roadmap, tasks: readonly PlannedTask[]): string {
  const lines = [roadmap.title, ''];
  for (const t of tasks) {
    const mark = t.finishedDay === undefined ? '[ ]' : '[x]';
    const when = t.start === t.end ? t.start : `${t.start} to ${t.end}`;
    lines.push(`${mark} ${t.task.title} (${hours(t.effort.hours)}, ${when})`);
  }
  return lines.join('\n');
}

function hours(value: number): string {
  return `${Math.round(value * 10) / 10} h`;
}

/** TEXT as RFC 5545 3.3.11 has it: `\` `;` `,` escaped, newlines as `\n`, other controls dropped. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[^\P{Cc}\t]/gu, '');
}

/** Folds a content line into lines of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  if (utf8ByteLength(line) <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8ByteLength(ch);
    // Continuation lines begin with a space, which counts toward their 75 octets.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function compactDate(day: number): string {
  return dateOfDay(day).replace(/-/g, '');
}

function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
