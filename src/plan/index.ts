/**
 * The study plan in the editor: Plan Study…, Clear Plan, Re-plan from Today and Export Plan to
 * Calendar… (in `commands.ts`), and a timer that moves "today" at midnight. The tree, the status
 * bar and the dashboard read the plans through `services.plans`.
 */
import * as vscode from 'vscode';
import { Commands, ContextKeys } from '../constants';
import type { Services } from '../services';
import type { RoadmapTree } from '../tree';
import { StudyPlanCommands } from './commands';
import { startDayTimer } from './dayTimer';

export function registerStudyPlan(context: vscode.ExtensionContext, services: Services, tree: RoadmapTree): void {
  const { plans } = services;
  const updateHasPlan = () => services.context.set(ContextKeys.hasPlan, plans.all().length > 0);
  updateHasPlan();
  const commands = new StudyPlanCommands(services, tree);

  context.subscriptions.push(
    plans.onDidChangePlans(updateHasPlan),
    vscode.commands.registerCommand(Commands.planStudy, (target?: unknown, options?: unknown) => commands.planStudy(target, options)),
    vscode.commands.registerCommand(Commands.replan, (target?: unknown) => commands.replan(target)),
    vscode.commands.registerCommand(Commands.clearPlan, (target?: unknown, options?: unknown) => commands.clearPlan(target, options)),
    vscode.commands.registerCommand(Commands.exportCalendar, (target?: unknown, destination?: unknown) => commands.exportCalendar(target, destination)),
    // A machine that slept past midnight: look at the clock when the window comes back.
    vscode.window.onDidChangeWindowState((state) => state.focused && plans.checkDay()),
    // "Today" moves at midnight: This Week, ahead/behind and the dashboard with it.
    startDayTimer(() => plans.checkDay()),
  );
}
