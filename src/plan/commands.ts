/**
 * What the study plan commands do: Plan Study…, Re-plan from Today, Clear Plan and Export Plan to
 * Calendar…. Each takes the tree item it was run on (or asks for a roadmap) and returns what it
 * made, so keybindings, other extensions and tests can use the result.
 */
import * as vscode from 'vscode';
import { isModule, isPhase, isRoadmap, isTask, Roadmap, rootOf } from '../model/types';
import { isRecord } from '../model/ids';
import type { Services } from '../services';
import type { RoadmapTree } from '../tree';
import { refuseInRestrictedMode } from '../util/trust';
import { replaceFile, writeNew } from '../util/writeNew';
import { planToIcs } from '../model/plan/calendar';
import { systemUtcOffset } from '../model/plan/dates';
import { createPlan, PlanError, replan, StudyPlan } from '../model/plan/planner';
import { askPlanAnswers } from './questions';

export class StudyPlanCommands {
  constructor(
    private readonly services: Services,
    private readonly tree: RoadmapTree,
  ) {}

  /** Plan Study…: asks what `options` does not give, then saves the plan. The plan saved, or undefined. */
  async planStudy(target?: unknown, options?: unknown): Promise<StudyPlan | undefined> {
    const roadmap = await this.roadmapFor(target, false, vscode.l10n.t('Plan the study of which roadmap?'));
    if (!roadmap) return undefined;
    // Asked before the questions, not only where the plan is saved, so no one answers them for nothing.
    if (!this.services.writes.mayWrite(roadmap)) return undefined;
    const answers = await askPlanAnswers(roadmap, this.services.plans.planOf(roadmap), options);
    if (!answers) return undefined;
    let plan: StudyPlan;
    try {
      plan = createPlan({ roadmapId: roadmap.id, ...answers } as Omit<StudyPlan, 'since'>, Date.now());
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      void vscode.window.showErrorMessage(vscode.l10n.t('The study plan was not saved: {0}', error.message));
      return undefined;
    }
    const ok = await this.saved(roadmap, plan, (end) => vscode.l10n.t('Planned "{0}": {1} hours a week from {2}, finishing {3}.', roadmap.title, plan.hoursPerWeek, plan.start, end));
    return ok ? plan : undefined;
  }

  /** Re-plan from Today: the same plan, started again today. The plan saved, or undefined. */
  async replan(target?: unknown): Promise<StudyPlan | undefined> {
    const found = await this.planned(target, vscode.l10n.t('Re-plan which roadmap from today?'));
    if (!found) return undefined;
    const plan = replan(found.plan, Date.now(), systemUtcOffset);
    const ok = await this.saved(found.roadmap, plan, (end) => vscode.l10n.t('Re-planned "{0}" from today: finishing {1}.', found.roadmap.title, end));
    return ok ? plan : undefined;
  }

  /** Clear Plan, once confirmed (in a dialog, or `{ confirmed: true }`). Whether it was cleared. */
  async clearPlan(target?: unknown, options?: unknown): Promise<boolean> {
    const found = await this.planned(target, vscode.l10n.t('Clear the study plan of which roadmap?'));
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
    await this.services.plans.clear(found.roadmap.id);
    this.services.log.info(`Cleared the study plan of ${found.roadmap.id}.`);
    return true;
  }

  /** Export Plan to Calendar…: the tasks left, as an .ics file at `destination` or one chosen. The file written, or undefined. */
  async exportCalendar(target?: unknown, destination?: unknown): Promise<vscode.Uri | undefined> {
    if (refuseInRestrictedMode('exportCalendar')) return undefined;
    const found = await this.planned(target, vscode.l10n.t('Export the study plan of which roadmap?'));
    if (!found) return undefined;
    const schedule = this.services.plans.scheduleOf(found.roadmap);
    if (!schedule || schedule.tasks.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The study plan of "{0}" has no tasks left to put in a calendar.', found.roadmap.title));
      return undefined;
    }
    const given = destination instanceof vscode.Uri;
    const uri = given ? destination : await this.askCalendarFile(found.roadmap);
    if (!uri) return undefined;
    const ics = planToIcs(schedule, { now: Date.now() });
    // The save dialog asks before it hands back a file that exists, so a file chosen there is
    // replaced (re-exporting to the same file is how a calendar gets the plan's changes; the
    // events keep their UIDs). A file handed to the command was confirmed by no one: never.
    if (!(await (given ? writeNew(uri, ics) : replaceFile(uri, ics)))) return undefined;
    const events = ics.split('BEGIN:VEVENT').length - 1;
    this.services.log.info(`Exported the study plan of ${found.roadmap.id} (${events} events) to ${uri.toString()}.`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} calendar event(s) to {1}. Import the file in Google Calendar, Outlook or Apple Calendar.', events, vscode.workspace.asRelativePath(uri)));
    return uri;
  }

  private async askCalendarFile(roadmap: Roadmap): Promise<vscode.Uri | undefined> {
    const defaultFolder = vscode.workspace.workspaceFolders?.[0]?.uri ?? this.services.platform.homeFolder();
    return vscode.window.showSaveDialog({
      defaultUri: defaultFolder ? vscode.Uri.joinPath(defaultFolder, `${roadmap.id}-study-plan.ics`) : undefined,
      filters: { [vscode.l10n.t('Calendar')]: ['ics'] },
      saveLabel: vscode.l10n.t('Export'),
    });
  }

  /** The roadmap a command acts on: the clicked one, or one picked (planned ones only, when asked). */
  private async roadmapFor(target: unknown, plannedOnly: boolean, placeHolder: string): Promise<Roadmap | undefined> {
    if (isRoadmap(target) || isPhase(target) || isModule(target) || isTask(target)) return rootOf(target);
    const { registry, plans } = this.services;
    const roadmaps = (await registry.roadmaps()).filter((r) => !plannedOnly || plans.planOf(r.id));
    if (roadmaps.length === 0) {
      void vscode.window.showInformationMessage(plannedOnly ? vscode.l10n.t('No roadmap has a study plan. Make one with Plan Study….') : vscode.l10n.t('No roadmap is loaded.'));
      return undefined;
    }
    if (roadmaps.length === 1) return roadmaps[0];
    const focused = await this.tree.focusedRoadmap();
    const items = roadmaps.map((roadmap) => ({ label: roadmap.title, description: roadmap === focused ? vscode.l10n.t('in focus') : roadmap.source.label, roadmap }));
    items.sort((a, b) => Number(b.roadmap === focused) - Number(a.roadmap === focused));
    return (await vscode.window.showQuickPick(items, { placeHolder }))?.roadmap;
  }

  /** The planned roadmap a command acts on, with its plan; undefined (and a word why) when there is none. */
  private async planned(target: unknown, placeHolder: string): Promise<{ roadmap: Roadmap; plan: StudyPlan } | undefined> {
    const roadmap = await this.roadmapFor(target, true, placeHolder);
    const plan = roadmap && this.services.plans.planOf(roadmap);
    if (roadmap && !plan) void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" has no study plan. Make one with Plan Study….', roadmap.title));
    return roadmap && plan ? { roadmap, plan } : undefined;
  }

  /**
   * Saves a plan that can be scheduled, says when it finishes and opens This Week on the tree;
   * a plan that cannot (past the horizon, say) is not saved, and the error says why. False then.
   */
  private async saved(roadmap: Roadmap, plan: StudyPlan, message: (end: string) => string): Promise<boolean> {
    const { plans, log } = this.services;
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
    await this.tree.showThisWeek(roadmap);
    return true;
  }
}
