/**
 * The Test Explorer's "ML Roadmaps checks": one item per project folder linked to a task whose
 * scaffold declares checks, one child per check. Run, Debug and continuous-run profiles; results go
 * to the Test Explorer, the run's output, and the check store (which makes a task done and verified
 * when every check passes). The decisions live in the pure modules beside it (`run.ts`, `junit.ts`,
 * `python.ts`, `environment.ts`) and in `storage/checkStore.ts`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Settings, settingId } from '../constants';
import type { LinksFeature } from '../links';
import { parseTaskKey, taskKey } from '../model/ids';
import { rootOf, Task } from '../model/types';
import type { ScaffoldCatalog, Scaffold } from '../scaffold/catalog';
import type { ScaffoldCheck } from '../scaffold/manifest';
import { isInside } from '../scaffold/plan';
import type { Services } from '../services';
import { CheckOutcome, FailureFacts, passedCount, TaskChecks } from '../storage/checkStore';
import { Disposable } from '../util/disposable';
import { translate, twofold, type Twofold } from '../util/l10n';
import { LOCK_PATH } from '../scaffold/checkLock';
import { lockProblemText, readLockState } from './lockFiles';
import { refusal, refuseInRestrictedMode } from '../util/trust';
import { hashProjectCode } from './codeHash';
import { splitNodeId, testFunctionLine } from './environment';
import { describeFailure, failureText, whereText } from './failure';
import { checksEnv, InterpreterAnswer, InterpreterFinder } from './interpreter';
import { parseJunit, TestResult } from './junit';
import { interpreterLabel, missingModuleMessage, noInterpreterMessage, offerFixes, projectDescription } from './messages';
import { describeTried } from './python';
import type { ChosenInterpreter } from './ranking';
import { pytestArgs, RunResult, runPytest } from './run';

export const CONTROLLER_ID = 'mlRoadmaps.checks';
const DEFAULT_TIMEOUT_SECONDS = 300;
/** Output kept per run: half from the start, half from the end. */
const MAX_OUTPUT_BYTES = 512 * 1024;
/** Saves come in bursts (Save All): wait for them to settle before a continuous rerun. */
const CONTINUOUS_DELAY_MS = 400;
const DEBUGGER_EXTENSIONS = ['ms-python.debugpy', 'ms-python.python'];

export interface ChecksDeps {
  readonly services: Services;
  readonly links: LinksFeature;
  readonly catalog: () => Promise<ScaffoldCatalog>;
}

/** A project folder with checks, as the Test Explorer shows it. */
export interface ChecksProject {
  readonly task: Task;
  readonly key: string;
  readonly folder: vscode.Uri;
  readonly scaffold: Scaffold;
  readonly item: vscode.TestItem;
  readonly checks: readonly { readonly check: ScaffoldCheck; readonly item: vscode.TestItem }[];
}

/** What a run did, for the command that started it (and the tests that drive it). */
export interface ChecksRunSummary {
  /** `missingModule`: the checks ran, and some could not import a module of the project's requirements. */
  readonly status: 'ran' | 'missingModule' | 'restricted' | 'noProject' | 'noInterpreter' | 'cancelled' | 'debugUnavailable' | 'lockMismatch';
  /** The message shown, when the run could not go ahead. */
  readonly message?: string;
  /** The record of each task that ran, after the run. */
  readonly records: readonly { readonly key: string; readonly record: TaskChecks }[];
}

export class ChecksController extends Disposable {
  readonly controller: vscode.TestController;
  readonly runProfile: vscode.TestRunProfile;
  readonly debugProfile: vscode.TestRunProfile;
  private projects: ChecksProject[] = [];
  private resolved: Promise<void> | undefined;
  /** The Testing view asked for the items: from then on their descriptions name each project's interpreter. */
  private shown = false;
  private readonly finder: InterpreterFinder;

  constructor(private readonly deps: ChecksDeps) {
    super();
    const { log } = deps.services;
    this.finder = new InterpreterFinder(log);
    this.controller = this.register(vscode.tests.createTestController(CONTROLLER_ID, vscode.l10n.t('ML Roadmaps checks')));
    this.controller.resolveHandler = async (item) => {
      this.shown = true;
      if (!item) await this.refresh();
    };
    this.controller.refreshHandler = () => {
      this.shown = true;
      return this.refresh();
    };
    this.runProfile = this.register(
      this.controller.createRunProfile(vscode.l10n.t('Run Checks'), vscode.TestRunProfileKind.Run, (request, token) => this.run(request, token).then(() => undefined), true, undefined, true),
    );
    this.debugProfile = this.register(
      this.controller.createRunProfile(vscode.l10n.t('Debug Checks'), vscode.TestRunProfileKind.Debug, (request, token) => this.run(request, token).then(() => undefined), true),
    );
    // Only once the items were asked for: an unopened Test Explorer costs nothing.
    const refreshIfShown = () => void (this.resolved && this.refresh());
    const linksChanged = deps.services.links.onDidChange(refreshIfShown);
    this.register({ dispose: () => linksChanged.dispose() });
    this.register(deps.services.registry.onDidChange(refreshIfShown));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(refreshIfShown));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(settingId(Settings.pythonInterpreterPath)) || e.affectsConfiguration('terminal.integrated.env')) {
          this.finder.clear();
          if (this.shown) void this.describeInterpreters();
        }
      }),
    );
  }

  /** The projects as last resolved; resolves them first if nothing asked yet. */
  async projectsNow(): Promise<readonly ChecksProject[]> {
    await (this.resolved ?? this.refresh());
    return this.projects;
  }

  /** Rebuilds the items from the links, the roadmaps and the scaffolds. */
  refresh(): Promise<void> {
    const next = this.build().catch((error: unknown) => this.deps.services.log.error(`Checks: could not list the projects: ${messageOf(error)}`));
    this.resolved = next;
    return next;
  }

  /** The projects linked to a task (after a fresh look). */
  async projectsOf(task: Task): Promise<ChecksProject[]> {
    await this.refresh();
    const key = taskKey(rootOf(task).id, task.id);
    return this.projects.filter((p) => p.key === key);
  }

  /** Runs what a request asks, in the Test Explorer; a Debug profile's request debugs. */
  async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<ChecksRunSummary> {
    const { log } = this.deps.services;
    if (refuseInRestrictedMode('runChecks')) {
      log.info('Checks: refused in Restricted Mode.');
      return { status: 'restricted', message: refusal('runChecks'), records: [] };
    }
    await this.projectsNow();
    const selected = this.select(request);
    if (selected.size === 0) return { status: 'noProject', records: [] };
    if (request.continuous) {
      await this.watch(request, selected, token);
      return { status: 'ran', records: [] };
    }
    const debug = request.profile?.kind === vscode.TestRunProfileKind.Debug;
    const run = this.controller.createTestRun(request, undefined, true);
    const records: { key: string; record: TaskChecks }[] = [];
    let summary: ChecksRunSummary | undefined;
    try {
      for (const [project, checks] of selected) {
        if (token.isCancellationRequested) break;
        const outcome = await this.runProject(run, project, checks, token, debug);
        if (outcome.record) records.push({ key: project.key, record: outcome.record });
        if (outcome.problem) summary ??= { status: outcome.problem.status, message: outcome.problem.message, records };
      }
    } finally {
      run.end();
    }
    if (token.isCancellationRequested) return { status: 'cancelled', records };
    return summary ?? { status: 'ran', records };
  }

  private async build(): Promise<void> {
    const { services, links } = this.deps;
    const catalog = await this.deps.catalog();
    const projects: ChecksProject[] = [];
    for (const key of services.links.all().keys()) {
      const parsed = parseTaskKey(key);
      const task = parsed && (await services.registry.task(parsed.roadmapId, parsed.taskId));
      if (!task) continue;
      const scaffolds = (await catalog.forTask(rootOf(task).id, task.id)).filter((s) => s.manifest.checks.length > 0);
      if (scaffolds.length === 0) continue;
      for (const linked of await links.foldersOf(task)) {
        if (!linked.exists || !linked.uri) continue;
        const found = await scaffoldIn(linked.uri, scaffolds);
        if (found) projects.push(this.projectItem(task, key, linked.uri, found.scaffold, found.lines));
      }
    }
    this.projects = projects;
    this.controller.items.replace(projects.map((p) => p.item));
    // Which Python each project would run with, shown before any run; probing must not hold up the list,
    // and starts no Python until the Testing view is open.
    if (this.shown) void this.describeInterpreters();
  }

  /** Puts each project's interpreter, and what it lacks, in its item's description. */
  private async describeInterpreters(): Promise<void> {
    const env = checksEnv();
    for (const project of this.projects) {
      try {
        this.describe(project, await this.finder.find(project.folder, env));
      } catch (error) {
        this.deps.services.log.warn(`Checks: could not look for the interpreter of ${project.folder.fsPath}: ${messageOf(error)}`);
      }
    }
  }

  private describe(project: ChecksProject, answer: InterpreterAnswer): void {
    project.item.description = projectDescription(vscode.workspace.asRelativePath(project.folder, true), answer);
  }

  private projectItem(task: Task, key: string, folder: vscode.Uri, scaffold: Scaffold, lines: ReadonlyMap<string, number | undefined>): ChecksProject {
    const item = this.controller.createTestItem(`${key}@${folder.toString()}`, task.title, folder);
    item.description = vscode.workspace.asRelativePath(folder, true);
    item.canResolveChildren = false;
    const checks = scaffold.manifest.checks.map((check, i) => {
      const { file } = splitNodeId(check.test);
      const child = this.controller.createTestItem(`${item.id}#${check.id}`, check.title, vscode.Uri.joinPath(folder, ...file.split('/')));
      const line = lines.get(check.id);
      if (line !== undefined) child.range = new vscode.Range(line, 0, line, 0);
      child.description = vscode.l10n.t('step {0}', check.step);
      child.sortText = String(i).padStart(4, '0');
      item.children.add(child);
      return { check, item: child };
    });
    return { task, key, folder, scaffold, item, checks };
  }

  /**
   * The checks a request includes, by project, without the excluded ones. Matched by item id: a
   * refresh (a link or file changed) may have replaced the items since the request was made.
   */
  private select(request: vscode.TestRunRequest): Map<ChecksProject, ScaffoldCheck[]> {
    const excluded = new Set((request.exclude ?? []).map((item) => item.id));
    const selected = new Map<ChecksProject, ScaffoldCheck[]>();
    const included = request.include ? new Set(request.include.map((item) => item.id)) : undefined;
    for (const project of this.projects) {
      if (excluded.has(project.item.id)) continue;
      const whole = !included || included.has(project.item.id);
      const checks = project.checks.filter((c) => !excluded.has(c.item.id) && (whole || included.has(c.item.id))).map((c) => c.check);
      if (checks.length > 0) selected.set(project, checks);
    }
    return selected;
  }

  private async runProject(
    run: vscode.TestRun,
    project: ChecksProject,
    checks: readonly ScaffoldCheck[],
    token: vscode.CancellationToken,
    debug: boolean,
  ): Promise<{ record?: TaskChecks; problem?: { status: ChecksRunSummary['status']; message: string } }> {
    const { services } = this.deps;
    const itemOf = new Map(project.checks.map((c) => [c.check.test, c.item] as const));
    const items = checks.map((c) => itemOf.get(c.test)).filter((i): i is vscode.TestItem => i !== undefined);
    for (const item of items) run.enqueued(item);
    const env = checksEnv();
    const answer = await this.finder.find(project.folder, env);
    this.describe(project, answer);
    const interpreter = answer.choice.chosen;
    if (!interpreter) {
      const problem = noInterpreterMessage(project.folder, answer);
      services.log.warn(`Checks: ${problem.text}\n${describeTried(answer.tried)}`);
      for (const item of items) run.errored(item, new vscode.TestMessage(problem.text));
      run.appendOutput(`${problem.text}\r\n`);
      void offerFixes(project.folder, problem);
      return { problem: { status: 'noInterpreter', message: problem.text } };
    }
    for (const item of items) run.started(item);
    run.appendOutput(`${header(project, interpreter)}\r\n`);
    // The code the checks run on, hashed before they read it: passing evidence is bound to it.
    const code = await hashProjectCode(project.folder.fsPath);
    if ('tooLarge' in code) services.log.info(`Checks: the code of ${project.folder.fsPath} is not hashed (${code.tooLarge}); its evidence will not be tied to the code.`);
    const lockRefusal = await lockRefusalOf(project.folder);
    const nodeids = checks.map((c) => c.test);
    const abort = new AbortController();
    const cancel = token.onCancellationRequested(() => abort.abort());
    let result: RunResult;
    try {
      if (debug) {
        const debugged = await debugChecks(project.folder, interpreter.probe.command, nodeids, abort.signal);
        if (typeof debugged === 'string') {
          for (const item of items) run.errored(item, new vscode.TestMessage(debugged));
          void vscode.window.showWarningMessage(debugged);
          return { problem: { status: 'debugUnavailable', message: debugged } };
        }
        result = debugged;
      } else {
        result = await runPytest({ python: interpreter.probe.command, cwd: project.folder.fsPath, nodeids, env, timeoutMs: timeoutMs(project.folder), signal: abort.signal, maxOutputBytes: MAX_OUTPUT_BYTES });
      }
    } finally {
      cancel.dispose();
    }
    if (result.output) run.appendOutput(result.output.replace(/\r?\n/g, '\r\n'));
    if (result.error) run.appendOutput(`\r\n${result.error}\r\n`);
    if (result.status === 'cancelled') {
      for (const item of items) run.skipped(item);
      return {};
    }
    const reports = await Promise.all(result.results.map((r, i) => this.report(run, project, itemOf.get(nodeids[i]), r, answer, interpreter)));
    const outcomes = reports.map((r) => r.outcome);
    services.log.info(`Checks: ${project.key} in ${project.folder.fsPath}: ${outcomes.filter((o) => o === 'passed').length}/${outcomes.length} passed (${result.status}, ${result.durationMs} ms).`);
    const declared = project.scaffold.manifest.checks.map((c) => ({ id: c.id, title: c.title }));
    const record = await services.checks.record(
      project.key,
      declared,
      checks.map((check, i) => ({ id: check.id, outcome: outcomes[i], hint: reports[i]?.hint ?? '', ...(reports[i]?.facts ? { facts: reports[i].facts } : {}) })),
      'hash' in code ? code.hash : undefined,
      lockRefusal !== undefined,
    );
    if (lockRefusal) return { record, problem: this.notVerified(run, project, lockRefusal) };
    if (record.total > 0 && passedCount(record) === record.total && services.tracker.stateOf(project.task) !== 'done') {
      await services.tracker.setState([project.task], 'done');
      services.log.info(`Checks: every check of ${project.key} passes; marked it done, verified.`);
    }
    // A module of the project's requirements that a check could not import: the interpreter's fault, not the learner's code.
    const missingModules = [...new Set(reports.map((r) => r.missingModule).filter((m): m is string => m !== undefined))];
    if (missingModules.length > 0) {
      const problem = missingModuleMessage(project.folder, missingModules, interpreter);
      services.log.warn(`Checks: ${problem.text}`);
      void offerFixes(project.folder, problem);
      return { record, problem: { status: 'missingModule', message: problem.text } };
    }
    return { record };
  }

  /** Says, in the run's output, the log and a warning, why a run is not verified (its check files differ from the lock). */
  private notVerified(run: vscode.TestRun, project: ChecksProject, why: Twofold): { status: 'lockMismatch'; message: string } {
    this.deps.services.log.warn(`Checks: ${project.key} in ${project.folder.fsPath}: ${why.message}`);
    run.appendOutput(`\r\n${why.shown}\r\n`);
    void vscode.window.showWarningMessage(why.shown);
    return { status: 'lockMismatch', message: why.shown };
  }

  /**
   * One result into the Test Explorer: the hint and what actually happened, at the learner's line
   * when the learner's code raised, else at the check. Returns what the check store keeps of it.
   */
  private async report(
    run: vscode.TestRun,
    project: ChecksProject,
    item: vscode.TestItem | undefined,
    result: TestResult,
    answer: InterpreterAnswer,
    interpreter: ChosenInterpreter,
  ): Promise<{ outcome: CheckOutcome; hint: string; facts?: FailureFacts; missingModule?: string }> {
    const durationMs = Math.round(result.duration * 1000);
    if (item && result.line !== undefined && item.uri) item.range = new vscode.Range(result.line - 1, 0, result.line - 1, 0);
    if (result.outcome === 'passed' || result.outcome === 'skipped') {
      if (item && result.outcome === 'passed') run.passed(item, durationMs);
      else if (item) run.skipped(item);
      return { outcome: result.outcome, hint: result.message };
    }
    const failure = describeFailure(result, project.folder.fsPath);
    // Only a module the project needs is the interpreter's fault; a typo in an import is the learner's.
    const missingModule = failure.missingModule !== undefined && answer.modules.includes(failure.missingModule) ? failure.missingModule : undefined;
    // A frame that names no file of the project (a garbled report) is no place to show.
    const { where: found, ...rest } = failure.facts;
    const where = found && (await isFile(vscode.Uri.joinPath(project.folder, ...found.file.split('/')))) ? found : undefined;
    const facts: FailureFacts = { ...rest, ...(where ? { where } : {}) };
    const stored = {
      outcome: result.outcome,
      hint: failure.hint || result.message,
      ...(facts.said || facts.raised || facts.where ? { facts } : {}),
      ...(missingModule ? { missingModule } : {}),
    };
    if (!item) return stored;
    const firstLine = result.details.split('\n').find((l) => l.trim() !== '');
    const lines = [failureText({ ...failure, facts }, firstLine || vscode.l10n.t('The check did not pass.'), translate)];
    if (missingModule) lines.push(vscode.l10n.t('{0} does not have {1}: choose an interpreter that has the project’s requirements, or create the project’s environment.', interpreterLabel(interpreter), missingModule));
    const message = new vscode.TestMessage(lines.join('\n'));
    const checkFile = result.file ?? splitNodeId(result.nodeid).file;
    const checkLine = result.failureLine ?? result.line;
    const checkLocation = checkFile && checkLine !== undefined ? new vscode.Location(vscode.Uri.joinPath(project.folder, ...checkFile.split('/')), new vscode.Position(checkLine - 1, 0)) : undefined;
    const learnerLocation = where ? new vscode.Location(vscode.Uri.joinPath(project.folder, ...where.file.split('/')), new vscode.Position(where.line - 1, 0)) : undefined;
    message.location = learnerLocation ?? checkLocation;
    // From the learner's line to the check, for the Test Results view.
    const frames: vscode.TestMessageStackFrame[] = [];
    if (learnerLocation && where) frames.push(new vscode.TestMessageStackFrame(whereText(where, translate), learnerLocation.uri, learnerLocation.range.start));
    if (checkLocation) frames.push(new vscode.TestMessageStackFrame(result.nodeid, checkLocation.uri, checkLocation.range.start));
    if (frames.length > 0) message.stackTrace = frames;
    if (result.outcome === 'failed') run.failed(item, message, durationMs);
    else run.errored(item, message, durationMs);
    return stored;
  }

  /** Reruns a project's checks when a file in it is saved, until the continuous run is stopped. */
  private watch(request: vscode.TestRunRequest, selected: ReadonlyMap<ChecksProject, ScaffoldCheck[]>, token: vscode.CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      const pending = new Set<ChecksProject>();
      let timer: ReturnType<typeof setTimeout> | undefined;
      let running = Promise.resolve();
      const flush = () => {
        const projects = [...pending];
        pending.clear();
        running = running.then(async () => {
          if (token.isCancellationRequested) return;
          const run = this.controller.createTestRun(request, undefined, true);
          try {
            for (const project of projects) await this.runProject(run, project, selected.get(project) ?? [], token, false);
          } finally {
            run.end();
          }
        });
      };
      const saved = vscode.workspace.onDidSaveTextDocument((document) => {
        for (const project of selected.keys()) if (isInside(project.folder.path, document.uri.path) && document.uri.scheme === project.folder.scheme) pending.add(project);
        if (pending.size === 0) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(flush, CONTINUOUS_DELAY_MS);
      });
      const stop = token.onCancellationRequested(() => {
        if (timer) clearTimeout(timer);
        saved.dispose();
        stop.dispose();
        resolve();
      });
    });
  }
}

/** The scaffold whose checks are in the folder (every check's test function found), with each check's line. */
async function scaffoldIn(folder: vscode.Uri, scaffolds: readonly Scaffold[]): Promise<{ scaffold: Scaffold; lines: Map<string, number | undefined> } | undefined> {
  const texts = new Map<string, string | undefined>();
  const textOf = async (file: string) => {
    if (!texts.has(file)) {
      try {
        texts.set(file, new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, ...file.split('/')))));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
  let fallback: { scaffold: Scaffold; lines: Map<string, number | undefined> } | undefined;
  for (const scaffold of scaffolds) {
    const lines = new Map<string, number | undefined>();
    let files = 0;
    for (const check of scaffold.manifest.checks) {
      const { file, name } = splitNodeId(check.test);
      const text = await textOf(file);
      if (text !== undefined) files++;
      lines.set(check.id, text === undefined ? undefined : testFunctionLine(text, name));
    }
    if ([...lines.values()].every((l) => l !== undefined)) return { scaffold, lines };
    // The learner may have renamed a test; the files being there is enough to show the checks.
    if (files > 0) fallback ??= { scaffold, lines };
  }
  return fallback;
}

/**
 * Why a run in the folder cannot be called verified: a check file differs from the project's
 * check lock, is missing, or sits beside them unlocked; or the lock cannot be read. Undefined when
 * the files are as locked, or the project has no lock (made before locks existed).
 */
export async function lockRefusalOf(folder: vscode.Uri): Promise<Twofold | undefined> {
  if (folder.scheme !== 'file') return undefined;
  const state = await readLockState(folder.fsPath);
  if (state.kind === 'none' || (state.kind === 'read' && state.problems.length === 0)) return undefined;
  return twofold((t) =>
    state.kind === 'unreadable'
      ? t('Not verified: the check lock cannot be read ({0}).', state.problem)
      : t('Not verified: {0} ({1}). Restore the checks as the starter created them to verify your work.', state.problems.map((p) => lockProblemText(p, t)).join('; '), LOCK_PATH),
  );
}

function timeoutMs(folder: vscode.Uri): number {
  const seconds = vscode.workspace.getConfiguration(Settings.section, folder).get<number>(Settings.checksTimeoutSeconds, DEFAULT_TIMEOUT_SECONDS);
  return Math.max(1, Number.isFinite(seconds) ? seconds : DEFAULT_TIMEOUT_SECONDS) * 1000;
}

function header(project: ChecksProject, interpreter: ChosenInterpreter): string {
  const { probe } = interpreter;
  const lines = [`${project.task.title} — ${project.folder.fsPath}`, `Python: ${interpreterLabel(interpreter)}, pytest ${probe.pytestVersion ?? '?'}`];
  if (interpreter.missing.length > 0) lines.push(vscode.l10n.t('Note: this interpreter lacks {0} from requirements.txt; checks that need them will fail.', interpreter.missing.join(', ')));
  return lines.join('\r\n');
}

async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.File;
  } catch {
    return false;
  }
}

/**
 * Runs pytest on the node ids under the Python debugger, and reads its report when the session
 * ends. Returns the message to show when no debugger is installed or the session did not start.
 */
async function debugChecks(folder: vscode.Uri, python: string, nodeids: readonly string[], signal: AbortSignal): Promise<RunResult | string> {
  if (!DEBUGGER_EXTENSIONS.some((id) => vscode.extensions.getExtension(id))) {
    return vscode.l10n.t('Debugging the checks needs the Python Debugger extension (ms-python.debugpy). Install it, or run the checks without debugging.');
  }
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-roadmaps-debug-'));
  const junitPath = path.join(tmp, 'junit.xml');
  const runId = `${started}-${Math.random().toString(36).slice(2)}`;
  try {
    const ended = new Promise<void>((resolve) => {
      const listener = vscode.debug.onDidTerminateDebugSession((session) => {
        if (session.configuration.mlRoadmapsRun === runId) {
          listener.dispose();
          resolve();
        }
      });
    });
    const configuration: vscode.DebugConfiguration = {
      type: 'debugpy',
      request: 'launch',
      name: vscode.l10n.t('Checks: {0}', path.posix.basename(folder.path)),
      module: 'pytest',
      args: pytestArgs(nodeids, junitPath).slice(2),
      cwd: folder.fsPath,
      python,
      console: 'integratedTerminal',
      justMyCode: false,
      mlRoadmapsRun: runId,
    };
    const session = new Promise<vscode.DebugSession>((resolve) => {
      const listener = vscode.debug.onDidStartDebugSession((s) => {
        if (s.configuration.mlRoadmapsRun === runId) {
          listener.dispose();
          resolve(s);
        }
      });
    });
    if (!(await vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(folder), configuration))) {
      return vscode.l10n.t('The debugger did not start for the checks of “{0}”. See the Debug Console.', path.posix.basename(folder.path));
    }
    signal.addEventListener('abort', () => void session.then((s) => vscode.debug.stopDebugging(s)), { once: true });
    await ended;
    let xml: string | undefined;
    try {
      xml = fs.readFileSync(junitPath, 'utf8');
    } catch {
      xml = undefined;
    }
    const durationMs = Date.now() - started;
    if (signal.aborted) return { status: 'cancelled', exitCode: null, results: [], output: '', truncated: false, durationMs };
    const parsed = xml === undefined ? { results: [], error: 'pytest wrote no report; see the Debug Console' } : parseJunit(xml, { nodeids });
    const byId = new Map(parsed.results.map((r) => [r.nodeid, r] as const));
    const why = parsed.error ?? 'pytest reported no result for it';
    const results = nodeids.map((nodeid) => byId.get(nodeid) ?? { nodeid, outcome: 'error' as const, message: why, details: why, duration: 0 });
    return { status: 'completed', exitCode: null, results, output: '', truncated: false, durationMs, ...(parsed.error ? { error: parsed.error } : {}) };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
