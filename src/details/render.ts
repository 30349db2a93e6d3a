/**
 * The details page of one module as an HTML string. Pure: it knows nothing of VS Code beyond the
 * few strings the panel passes in (CSP source, nonce, asset URIs), so it is unit-tested as text.
 *
 * Every piece of roadmap text goes through the Markdown renderer or `escapeHtml`; nothing from a
 * roadmap reaches the page as raw HTML. The page's own words go through the `Translate` the caller
 * passes (English by default), and are escaped too.
 */
import { Counts, formatCounts, percent } from '../model/progress';
import { stateName } from '../model/stateNames';
import { Module, Resource, SectionInfo, Task, TaskState, TASK_STATES, Tool } from '../model/types';
import { factLines } from '../checks/failure';
import { evidenceState, evidenceText, type CheckRecord, type TaskChecks } from '../storage/checkStore';
import { english, type Translate } from '../util/translate';
import { escapeHtml, MarkdownRenderer, withinBudget } from '../webview/markdown';
import { PageAssets, renderPage } from '../webview/page';
import type { PageMessageOf } from '../webview/protocol';
import { taskAction, TaskActionId } from '../webview/taskActions';

export interface ModulePageInput {
  readonly module: Module;
  readonly stateOf: (task: Task) => TaskState;
  readonly counts: Counts;
  /** Per-task buttons the extension can serve right now (e.g. no scaffolds in Restricted Mode). */
  readonly actionsFor?: (task: Task) => readonly TaskActionId[];
  /** The last results of a project's checks, when they ran. */
  readonly checksOf?: (task: Task) => TaskChecks | undefined;
  /** Saved with the page so a reload restores a pinned panel as pinned. */
  readonly pinned?: boolean;
}

export function renderModulePage(input: ModulePageInput, assets: PageAssets, renderer: MarkdownRenderer, t: Translate = english): string {
  const md = withinBudget(renderer);
  const { module, counts } = input;
  const phase = module.phase;
  const roadmap = phase.roadmap;
  // A phase written without modules is shown as its own module: its goal, tips and so on.
  const info: SectionInfo = module.implicit ? phase : module;
  const topics = module.tasks.filter((t) => t.kind === 'topic');
  const projects = module.tasks.filter((t) => t.kind === 'project');
  const crumbs = module.implicit ? [roadmap.title] : [roadmap.title, phase.title];
  const meta = [info.duration, info.level].filter((s): s is string => Boolean(s));

  const body = `
<nav class="breadcrumb" aria-label="${escapeHtml(t('Breadcrumb'))}">${crumbs.map((c) => `<span>${escapeHtml(c)}</span>`).join('<span class="sep" aria-hidden="true">›</span>')}</nav>
<header>
  <h1>${escapeHtml(info.title)}</h1>
  ${meta.length ? `<p class="meta">${meta.map(escapeHtml).join(' · ')}</p>` : ''}
  <div class="progress-line">
    <progress id="progress" max="${counts.total}" value="${counts.done + counts.skipped}" aria-label="${escapeHtml(t('Module progress'))}"></progress>
    <span id="summary" aria-live="polite">${escapeHtml(formatCounts(counts))}</span>
  </div>
</header>
<main>
${info.goal ? section('goal', t('Goal'), md.block(info.goal)) : ''}
${info.description ? section('description', t('About'), md.block(info.description)) : ''}
${info.objectives.length ? section('objectives', t('Objectives'), list(info.objectives, md)) : ''}
${topics.length ? section('tasks', t('What to learn'), taskList(topics, input, md, t)) : ''}
${projects.length ? section('projects', t('Practice projects'), taskList(projects, input, md, t)) : ''}
${info.tips.length ? section('tips', t('Tips'), list(info.tips, md)) : ''}
${info.tools.length ? section('tools', t('Tools'), toolList(info.tools, md)) : ''}
${info.resources.length ? section('resources', t('Resources'), resourceList(info.resources, md)) : ''}
${info.advice.length ? section('advice', t('Advice'), list(info.advice, md)) : ''}
</main>`;
  return renderPage(assets, info.title, body, { view: 'module', roadmap: roadmap.id, module: module.id, pinned: String(Boolean(input.pinned)), percent: String(percent(counts)) });
}

function section(id: string, heading: string, content: string): string {
  return `<section id="${id}" aria-labelledby="${id}-heading"><h2 id="${id}-heading">${escapeHtml(heading)}</h2>${content}</section>`;
}

function list(items: readonly string[], md: MarkdownRenderer): string {
  return `<ul>${items.map((item) => `<li>${md.inline(item)}</li>`).join('')}</ul>`;
}

function taskList(tasks: readonly Task[], input: ModulePageInput, md: MarkdownRenderer, t: Translate): string {
  return `<ul class="tasks">${tasks.map((task) => taskRow(task, input, md, t)).join('')}</ul>`;
}

function taskRow(task: Task, input: ModulePageInput, md: MarkdownRenderer, t: Translate): string {
  const state = input.stateOf(task);
  const id = escapeHtml(task.id);
  const title = escapeHtml(task.title);
  const finished = state === 'done' || state === 'skipped';
  const options = TASK_STATES.map((s) => `<option value="${s}"${s === state ? ' selected' : ''}>${escapeHtml(stateName(s, t))}</option>`).join('');
  const actions = (input.actionsFor?.(task) ?? ['reveal']).map((action) => actionButton(action, task, t)).join('');
  const badge = task.kind === 'project' ? `<span class="badge">${escapeHtml(task.optional ? t('optional') : t('project'))}</span>` : '';
  return `<li class="task" data-task-id="${id}" data-state="${state}">
  <div class="task-head">
    <input type="checkbox" id="check-${id}" data-task-id="${id}"${finished ? ' checked' : ''} aria-label="${escapeHtml(t('Done: {0}', task.title))}">
    <label for="check-${id}" class="task-title">${title}</label>${badge}
    <select class="state" data-task-id="${id}" aria-label="${escapeHtml(t('State of {0}', task.title))}">${options}</select>
  </div>
  ${task.summary ? `<div class="task-summary">${md.block(task.summary)}</div>` : ''}
  ${task.topics.length ? `<ul class="topics">${task.topics.map((t) => `<li>${md.inline(t)}</li>`).join('')}</ul>` : ''}
  ${task.resources.length ? resourceList(task.resources, md) : ''}
  ${checkList(input.checksOf?.(task), task, input, t)}
  <div class="task-actions">${actions}</div>
</li>`;
}

/** A task action's button, with the words its entry in the table of actions gives it. */
function actionButton(action: TaskActionId, task: Task, t: Translate): string {
  const { text, label } = taskAction(action);
  return `<button type="button" class="link-button" data-action="${action}" data-task-id="${escapeHtml(task.id)}" aria-label="${escapeHtml(t(label, task.title))}">${escapeHtml(t(text))}</button>`;
}

const OUTCOME_TEXT = { passed: 'passed', failed: 'failed', error: 'error', skipped: 'skipped' } as const;

/**
 * A project's checks as they last ran: `checks 1/2`, the evidence (verified, stale with the way to
 * run them again, or unknown), each check with its state, its hint and what actually happened.
 */
function checkList(record: TaskChecks | undefined, task: Task, input: ModulePageInput, t: Translate): string {
  if (!record) return '';
  const passed = record.checks.filter((c) => c.outcome === 'passed').length;
  const state = evidenceState(record);
  const evidence = evidenceText(record, t);
  const runAgain =
    state === 'stale' || state === 'unknown'
      ? (input.actionsFor?.(task) ?? []).includes('runChecks')
        ? ` ${actionButton('runChecks', task, t)}`
        : ''
      : '';
  const items = record.checks.map(checkItem(t)).join('');
  return `<div class="checks"><p class="checks-summary">${escapeHtml(t('checks {0}/{1}', passed, record.total))}${evidence ? ` · <span class="verified" data-evidence="${state}">${escapeHtml(evidence)}</span>${runAgain}` : ''}</p><ul class="check-list">${items}</ul></div>`;
}

/** One check: its state and title, then its hint and, below it, what happened and where (never a raw traceback). */
function checkItem(t: Translate): (check: CheckRecord) => string {
  return (c) => {
    const facts = c.facts ? factLines(c.facts, t) : [];
    return `<li class="check" data-check-id="${escapeHtml(c.id)}" data-outcome="${c.outcome}"><span class="check-state">${escapeHtml(t(OUTCOME_TEXT[c.outcome]))}</span> <span class="check-title">${escapeHtml(c.title)}</span>${c.hint ? `<div class="check-hint">${escapeHtml(c.hint)}</div>` : ''}${facts.length > 0 ? `<div class="check-facts">${facts.map((line) => `<div class="check-fact">${escapeHtml(line)}</div>`).join('')}</div>` : ''}</li>`;
  };
}

function toolList(tools: readonly Tool[], md: MarkdownRenderer): string {
  const item = (tool: Tool) => {
    const name = tool.url ? link(tool.url, tool.name) : `<strong>${escapeHtml(tool.name)}</strong>`;
    return `<li>${name}${tool.note ? ` — ${md.inline(tool.note)}` : ''}</li>`;
  };
  return `<ul class="tools">${tools.map(item).join('')}</ul>`;
}

function resourceList(resources: readonly Resource[], md: MarkdownRenderer): string {
  return `<ul class="resources">${resources.map((r) => `<li>${link(r.url, r.title)}${r.note ? ` — ${md.inline(r.note)}` : ''}</li>`).join('')}</ul>`;
}

/** A link the page script opens through the extension; same shape as the Markdown renderer's. */
function link(url: string, text: string): string {
  return `<a href="#" data-href="${escapeHtml(url)}" title="${escapeHtml(url)}" class="external-link">${escapeHtml(text)}</a>`;
}

/**
 * Whether a module page, as rendered, offers what a message from it asks: a task it shows, and for
 * an action, one it gave that task. A page cannot act on another module's tasks or invent an
 * action. Which messages reach this at all is the page's entry in `pages.ts`.
 */
export function modulePageOffers(message: PageMessageOf<'setState' | 'taskAction'>, module: Module, actionsFor: (task: Task) => readonly TaskActionId[]): boolean {
  const task = module.tasks.find((t) => t.id === message.taskId);
  if (!task) return false;
  return message.type === 'setState' || actionsFor(task).includes(message.action);
}
