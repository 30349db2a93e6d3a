/**
 * The study plan in the editor: Plan Study…, Clear Plan, Re-plan from Today and Export Plan to
 * Calendar…, and a timer that moves "today" at midnight. The tree, the status bar and the
 * dashboard read the plans through `services.plans`.
 */
import * as vscode from 'vscode';
import { Commands, ContextKeys } from '../constants';
import { isModule, isPhase, isRoadmap, isTask, Roadmap, rootOf } from '../model/types';
import { isRecord } from '../model/ids';
import type { Services } from '../services';
import type { RoadmapTree } from '../tree';
import { refuseInRestrictedMode } from '../util/trust';
import { replaceFile, writeNew } from '../util/writeNew';
import { planToIcs } from '../model/plan/calendar';
import { isLocalDate, localDateOf, systemUtcOffset, Weekday, WEEKDAYS } from '../model/plan/dates';
import { DEFAULT_HOURS_PER_WEEK } from '../model/plan/effort';
import { midpoint } from '../model/estimate';
import { createPlan, PLAN_HOURS_PER_WEEK, PlanError, readHoursPerWeek, replan, StudyPlan } from '../model/plan/planner';

/**
 * What Plan Study… accepts as its second argument (keybindings, other extensions, tests): the
 * fields given are not asked for. They are checked like typed answers.
 */
export interface PlanStudyOptions {
  /** The first day, `YYYY-MM-DD`. */
  readonly start?: string;
  readonly hoursPerWeek?: number;
  /** `mon` … `sun`, at least one. */
  readonly studyDays?: readonly Weekday[];
}

/** Study days proposed for a first plan. */
const WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
/** The timer looks at the clock at least this often, so a sleeping machine or a DST change cannot leave "today" stale for long. */
const MAX_TIMER_MS = 6 * 3_600_000;

export function registerStudyPlan(context: vscode.ExtensionContext, services: Services, tree: RoadmapTree): void {
  const { registry, plans, log } = services;
  const today = () => localDateOf(Date.now(), systemUtcOffset);
  const updateHasPlan = () => services.context.set(ContextKeys.hasPlan, plans.all().length > 0);
  updateHasPlan();

  /** The roadmap a command acts on: the clicked one, or one picked (planned ones only, when asked). */
  const roadmapFor = async (target: unknown, plannedOnly: boolean, placeHolder: string): Promise<Roadmap | undefined> => {
    if (isRoadmap(target) || isPhase(target) || isModule(target) || isTask(target)) return rootOf(target);
    const roadmaps = (await registry.roadmaps()).filter((r) => !plannedOnly || plans.planOf(r.id));
    if (roadmaps.length === 0) {
      void vscode.window.showInformationMessage(plannedOnly ? vscode.l10n.t('No roadmap has a study plan. Make one with Plan Study….') : vscode.l10n.t('No roadmap is loaded.'));
      return undefined;
    }
    if (roadmaps.length === 1) return roadmaps[0];
    const focused = await tree.focusedRoadmap();
    const items = roadmaps.map((roadmap) => ({ label: roadmap.title, description: roadmap === focused ? vscode.l10n.t('in focus') : roadmap.source.label, roadmap }));
    items.sort((a, b) => Number(b.roadmap === focused) - Number(a.roadmap === focused));
    return (await vscode.window.showQuickPick(items, { placeHolder }))?.roadmap;
  };

  const planned = async (target: unknown, placeHolder: string): Promise<{ roadmap: Roadmap; plan: StudyPlan } | undefined> => {
    const roadmap = await roadmapFor(target, true, placeHolder);
    const plan = roadmap && plans.planOf(roadmap);
    if (roadmap && !plan) void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" has no study plan. Make one with Plan Study….', roadmap.title));
    return roadmap && plan ? { roadmap, plan } : undefined;
  };

  /**
   * Saves a plan that can be scheduled, says when it finishes and opens This Week on the tree;
   * a plan that cannot (past the horizon, say) is not saved, and the error says why. False then.
   */
  const saved = async (roadmap: Roadmap, plan: StudyPlan, message: (end: string) => string): Promise<boolean> => {
    const problem = plans.problemOf(roadmap, plan);
    if (problem) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The study plan was not saved: {0}', problem));
      return false;
    }
    if (!(await plans.set(roadmap, plan))) return false;
    const end = plans.scheduleOf(roadmap)?.end;
    log.info(`Study plan of ${roadmap.id}: from ${plan.start}, ${plan.hoursPerWeek} h a week on ${plan.studyDays.join(', ')}; planned finish ${end ?? 'none'}.`);
    void vscode.window.showInformationMessage(end ? message(end) : vscode.l10n.t('Every task of "{0}" is finished: the plan has nothing left to schedule.', roadmap.title));
    // What to do next is the first thing to see, even where This Week was closed before.
    await tree.showThisWeek(roadmap);
    return true;
  };

  context.subscriptions.push(
    plans.onDidChangePlans(updateHasPlan),

    vscode.commands.registerCommand(Commands.planStudy, async (target?: unknown, options?: unknown) => {
      const roadmap = await roadmapFor(target, false, vscode.l10n.t('Plan the study of which roadmap?'));
      if (!roadmap) return undefined;
      // Asked before the questions, not only where the plan is saved, so no one answers them for nothing.
      if (!services.writes.mayWrite(roadmap)) return undefined;
      const given = isRecord(options) ? options : {};
      const existing = plans.planOf(roadmap);
      const start = 'start' in given ? given.start : await askStart(today());
      if (start === undefined) return undefined;
      const hoursPerWeek = 'hoursPerWeek' in given ? given.hoursPerWeek : await askHours(roadmap, existing);
      if (hoursPerWeek === undefined) return undefined;
      const studyDays = 'studyDays' in given ? given.studyDays : await askDays(existing?.studyDays ?? WORKDAYS);
      if (studyDays === undefined) return undefined;
      let plan: StudyPlan;
      try {
        plan = createPlan({ roadmapId: roadmap.id, start, hoursPerWeek, studyDays } as Omit<StudyPlan, 'since'>, Date.now());
      } catch (error) {
        if (!(error instanceof PlanError)) throw error;
        void vscode.window.showErrorMessage(vscode.l10n.t('The study plan was not saved: {0}', error.message));
        return undefined;
      }
      const ok = await saved(roadmap, plan, (end) => vscode.l10n.t('Planned "{0}": {1} hours a week from {2}, finishing {3}.', roadmap.title, plan.hoursPerWeek, plan.start, end));
      return ok ? plan : undefined;
    }),

    vscode.commands.registerCommand(Commands.replan, async (target?: unknown) => {
      const found = await planned(target, vscode.l10n.t('Re-plan which roadmap from today?'));
      if (!found) return undefined;
      const plan = replan(found.plan, Date.now(), systemUtcOffset);
      const ok = await saved(found.roadmap, plan, (end) => vscode.l10n.t('Re-planned "{0}" from today: finishing {1}.', found.roadmap.title, end));
      return ok ? plan : undefined;
    }),

    vscode.commands.registerCommand(Commands.clearPlan, async (target?: unknown, options?: unknown) => {
      const found = await planned(target, vscode.l10n.t('Clear the study plan of which roadmap?'));
      if (!found) return false;
      const clear = vscode.l10n.t('Clear Plan');
      const confirmed =
        (isRecord(options) && options.confirmed === true) ||
        (await vscode.window.showWarningMessage(
          vscode.l10n.t('Clear the study plan of "{0}"?', found.roadmap.title),
          { modal: true, detail: vscode.l10n.t('Its dates go; the progress of its tasks stays.') },
          clear,
        )) === clear;
      if (!confirmed) return false;
      await plans.clear(found.roadmap.id);
      log.info(`Cleared the study plan of ${found.roadmap.id}.`);
      return true;
    }),

    vscode.commands.registerCommand(Commands.exportCalendar, async (target?: unknown, destination?: unknown) => {
      if (refuseInRestrictedMode('exportCalendar')) return undefined;
      const found = await planned(target, vscode.l10n.t('Export the study plan of which roadmap?'));
      if (!found) return undefined;
      const schedule = plans.scheduleOf(found.roadmap);
      if (!schedule || schedule.tasks.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('The study plan of "{0}" has no tasks left to put in a calendar.', found.roadmap.title));
        return undefined;
      }
      const defaultFolder = vscode.workspace.workspaceFolders?.[0]?.uri ?? services.platform.homeFolder();
      const given = destination instanceof vscode.Uri;
      const uri = given
        ? destination
        : await vscode.window.showSaveDialog({
            defaultUri: defaultFolder ? vscode.Uri.joinPath(defaultFolder, `${found.roadmap.id}-study-plan.ics`) : undefined,
            filters: { [vscode.l10n.t('Calendar')]: ['ics'] },
            saveLabel: vscode.l10n.t('Export'),
          });
      if (!uri) return undefined;
      const ics = planToIcs(schedule, { now: Date.now() });
      // The save dialog asks before it hands back a file that exists, so a file chosen there is
      // replaced (re-exporting to the same file is how a calendar gets the plan's changes; the
      // events keep their UIDs). A file handed to the command was confirmed by no one: never.
      if (!(await (given ? writeNew(uri, ics) : replaceFile(uri, ics)))) return undefined;
      const events = ics.split('BEGIN:VEVENT').length - 1;
      log.info(`Exported the study plan of ${found.roadmap.id} (${events} events) to ${uri.toString()}.`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} calendar event(s) to {1}. Import the file in Google Calendar, Outlook or Apple Calendar.', events, vscode.workspace.asRelativePath(uri)));
      return uri;
    }),

    // A machine that slept past midnight: look at the clock when the window comes back.
    vscode.window.onDidChangeWindowState((state) => state.focused && plans.checkDay()),
  );

  // "Today" moves at midnight: This Week, ahead/behind and the dashboard with it.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    const now = new Date();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
    timer = setTimeout(
      () => {
        plans.checkDay();
        arm();
      },
      Math.min(MAX_TIMER_MS, midnight.getTime() - now.getTime()),
    );
  };
  arm();
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}

async function askStart(today: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Plan Study (1/3): start date'),
    prompt: vscode.l10n.t('The first day of the plan, as YYYY-MM-DD.'),
    value: today,
    validateInput: (text) => (isLocalDate(text.trim()) ? undefined : vscode.l10n.t('Enter a date like {0}.', today)),
  }).then((text) => text?.trim());
}

async function askHours(roadmap: Roadmap, existing: StudyPlan | undefined): Promise<number | undefined> {
  const stated = roadmap.hoursPerWeek;
  const { min, max } = PLAN_HOURS_PER_WEEK;
  // A roadmap may state up to a week's 168 hours; what is proposed is what a plan may have.
  const proposed = Math.min(max, Math.max(min, existing?.hoursPerWeek ?? (stated ? midpoint(stated) : DEFAULT_HOURS_PER_WEEK)));
  const prompt = stated
    ? stated.min === stated.max
      ? vscode.l10n.t('The roadmap suggests {0} hours a week.', stated.min)
      : vscode.l10n.t('The roadmap suggests {0}–{1} hours a week.', stated.min, stated.max)
    : vscode.l10n.t('The roadmap states no hours per week; {0} is a common figure.', DEFAULT_HOURS_PER_WEEK);
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Plan Study (2/3): hours per week'),
    prompt,
    value: String(proposed),
    // The same bounds as a plan read from a file or from storage.
    validateInput: (value) => (readHoursPerWeek(value) === undefined ? vscode.l10n.t('Enter a number of hours from {0} to {1}.', min, max) : undefined),
  });
  return text === undefined ? undefined : readHoursPerWeek(text);
}

async function askDays(proposed: readonly Weekday[]): Promise<Weekday[] | undefined> {
  const names = new Intl.DateTimeFormat(vscode.env.language, { weekday: 'long', timeZone: 'UTC' });
  // 1 January 2024 was a Monday.
  const items = WEEKDAYS.map((day, i) => ({ label: names.format(Date.UTC(2024, 0, 1 + i)), day, picked: proposed.includes(day) }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Plan Study (3/3): study days'),
    placeHolder: vscode.l10n.t('The days you study on; hours are spread evenly over them.'),
    canPickMany: true,
  });
  if (picked === undefined) return undefined;
  if (picked.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The study plan was not saved: choose at least one study day.'));
    return undefined;
  }
  return picked.map((p) => p.day);
}
