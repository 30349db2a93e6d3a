/**
 * The three questions of Plan Study… (start date, hours per week, study days). A field handed to
 * the command is not asked for; it is checked like a typed answer when the plan is made.
 */
import * as vscode from 'vscode';
import type { Roadmap } from '../model/types';
import { isRecord } from '../model/ids';
import { isLocalDate, localDateOf, systemUtcOffset, Weekday } from '../model/plan/dates';
import { DEFAULT_HOURS_PER_WEEK } from '../model/plan/effort';
import { PLAN_HOURS_PER_WEEK, readHoursPerWeek, StudyPlan } from '../model/plan/planner';
import { proposedHoursPerWeek, weekdayNames, WORKDAYS } from './proposals';

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

/** The answers, typed or given: a given field is unchecked until the planner reads it. */
export interface PlanAnswers {
  readonly start: unknown;
  readonly hoursPerWeek: unknown;
  readonly studyDays: unknown;
}

/** Asks in turn for what `options` does not give, proposing the existing plan's figures; undefined once a question is dismissed. */
export async function askPlanAnswers(roadmap: Roadmap, existing: StudyPlan | undefined, options: unknown): Promise<PlanAnswers | undefined> {
  const given = isRecord(options) ? options : {};
  const start = 'start' in given ? given.start : await askStart(localDateOf(Date.now(), systemUtcOffset));
  if (start === undefined) return undefined;
  const hoursPerWeek = 'hoursPerWeek' in given ? given.hoursPerWeek : await askHours(roadmap, existing);
  if (hoursPerWeek === undefined) return undefined;
  const studyDays = 'studyDays' in given ? given.studyDays : await askDays(existing?.studyDays ?? WORKDAYS);
  if (studyDays === undefined) return undefined;
  return { start, hoursPerWeek, studyDays };
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
  const prompt = stated
    ? stated.min === stated.max
      ? vscode.l10n.t('The roadmap suggests {0} hours a week.', stated.min)
      : vscode.l10n.t('The roadmap suggests {0}–{1} hours a week.', stated.min, stated.max)
    : vscode.l10n.t('The roadmap states no hours per week; {0} is a common figure.', DEFAULT_HOURS_PER_WEEK);
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Plan Study (2/3): hours per week'),
    prompt,
    value: String(proposedHoursPerWeek(stated, existing?.hoursPerWeek)),
    // The same bounds as a plan read from a file or from storage.
    validateInput: (value) => (readHoursPerWeek(value) === undefined ? vscode.l10n.t('Enter a number of hours from {0} to {1}.', min, max) : undefined),
  });
  return text === undefined ? undefined : readHoursPerWeek(text);
}

async function askDays(proposed: readonly Weekday[]): Promise<Weekday[] | undefined> {
  const items = weekdayNames(vscode.env.language).map(({ day, name }) => ({ label: name, day, picked: proposed.includes(day) }));
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
