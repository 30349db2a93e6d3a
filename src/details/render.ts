/**
 * The details page of one module as an HTML string. Pure: it knows nothing of VS Code beyond the
 * few strings the panel passes in (CSP source, nonce, asset URIs), so it is unit-tested as text.
 *
 * Every piece of roadmap text goes through the Markdown renderer or `escapeHtml`; nothing from a
 * roadmap reaches the page as raw HTML.
 */
import { Counts, formatCounts, percent } from '../model/progress';
import { Module, Resource, SectionInfo, Task, TaskState, TASK_STATES, Tool } from '../model/types';
import { escapeHtml, MarkdownRenderer } from './markdown';
import { TaskAction } from './protocol';

export interface PageAssets {
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
}

export interface ModulePageInput {
  readonly module: Module;
  readonly stateOf: (task: Task) => TaskState;
  readonly counts: Counts;
  /** Per-task buttons the extension can serve right now (e.g. no scaffolds in Restricted Mode). */
  readonly actionsFor?: (task: Task) => readonly TaskAction[];
  /** Saved with the page so a reload restores a pinned panel as pinned. */
  readonly pinned?: boolean;
}

export const STATE_TEXT: Record<TaskState, string> = {
  notStarted: 'Not started',
  inProgress: 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};

const ACTION_TEXT: Record<TaskAction, string> = {
  reveal: 'Show in tree',
  openNotes: 'Notes',
  createProject: 'Create starter project',
  linkFolder: 'Link folder…',
};

export function renderPage(assets: PageAssets, title: string, body: string, bodyData: Record<string, string>): string {
  const data = Object.entries(bodyData)
    .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
    .join('');
  // default-src 'none': the page may load nothing but our own stylesheet and nonce'd script.
  const csp = [
    "default-src 'none'",
    `style-src ${assets.cspSource}`,
    `script-src 'nonce-${assets.nonce}'`,
    `img-src ${assets.cspSource}`,
    `font-src ${assets.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(assets.styleUri)}">
<title>${escapeHtml(title)}</title>
</head>
<body${data}>
${body}
<script nonce="${assets.nonce}" src="${escapeHtml(assets.scriptUri)}"></script>
</body>
</html>`;
}

export function renderModulePage(input: ModulePageInput, assets: PageAssets, md: MarkdownRenderer): string {
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
<nav class="breadcrumb" aria-label="Breadcrumb">${crumbs.map((c) => `<span>${escapeHtml(c)}</span>`).join('<span class="sep" aria-hidden="true">›</span>')}</nav>
<header>
  <h1>${escapeHtml(info.title)}</h1>
  ${meta.length ? `<p class="meta">${meta.map(escapeHtml).join(' · ')}</p>` : ''}
  <div class="progress-line">
    <progress id="progress" max="${counts.total}" value="${counts.done + counts.skipped}" aria-label="Module progress"></progress>
    <span id="summary" aria-live="polite">${escapeHtml(formatCounts(counts))}</span>
  </div>
</header>
<main>
${info.goal ? section('goal', 'Goal', md.block(info.goal)) : ''}
${info.description ? section('description', 'About', md.block(info.description)) : ''}
${info.objectives.length ? section('objectives', 'Objectives', list(info.objectives, md)) : ''}
${topics.length ? section('tasks', 'What to learn', taskList(topics, input, md)) : ''}
${projects.length ? section('projects', 'Practice projects', taskList(projects, input, md)) : ''}
${info.tips.length ? section('tips', 'Tips', list(info.tips, md)) : ''}
${info.tools.length ? section('tools', 'Tools', toolList(info.tools, md)) : ''}
${info.resources.length ? section('resources', 'Resources', resourceList(info.resources, md)) : ''}
${info.advice.length ? section('advice', 'Advice', list(info.advice, md)) : ''}
</main>`;
  return renderPage(assets, info.title, body, { view: 'module', roadmap: roadmap.id, module: module.id, pinned: String(Boolean(input.pinned)), percent: String(percent(counts)) });
}

function section(id: string, heading: string, content: string): string {
  return `<section id="${id}" aria-labelledby="${id}-heading"><h2 id="${id}-heading">${heading}</h2>${content}</section>`;
}

function list(items: readonly string[], md: MarkdownRenderer): string {
  return `<ul>${items.map((item) => `<li>${md.inline(item)}</li>`).join('')}</ul>`;
}

function taskList(tasks: readonly Task[], input: ModulePageInput, md: MarkdownRenderer): string {
  return `<ul class="tasks">${tasks.map((task) => taskRow(task, input, md)).join('')}</ul>`;
}

function taskRow(task: Task, input: ModulePageInput, md: MarkdownRenderer): string {
  const state = input.stateOf(task);
  const id = escapeHtml(task.id);
  const title = escapeHtml(task.title);
  const finished = state === 'done' || state === 'skipped';
  const options = TASK_STATES.map((s) => `<option value="${s}"${s === state ? ' selected' : ''}>${STATE_TEXT[s]}</option>`).join('');
  const actions = (input.actionsFor?.(task) ?? ['reveal'])
    .map((a) => `<button type="button" class="link-button" data-action="${a}" data-task-id="${id}" aria-label="${escapeHtml(`${ACTION_TEXT[a]}: ${task.title}`)}">${ACTION_TEXT[a]}</button>`)
    .join('');
  const badge = task.kind === 'project' ? `<span class="badge">${task.optional ? 'optional' : 'project'}</span>` : '';
  return `<li class="task" data-task-id="${id}" data-state="${state}">
  <div class="task-head">
    <input type="checkbox" id="check-${id}" data-task-id="${id}"${finished ? ' checked' : ''} aria-label="Done: ${title}">
    <label for="check-${id}" class="task-title">${title}</label>${badge}
    <select class="state" data-task-id="${id}" aria-label="State of ${title}">${options}</select>
  </div>
  ${task.summary ? `<div class="task-summary">${md.block(task.summary)}</div>` : ''}
  ${task.topics.length ? `<ul class="topics">${task.topics.map((t) => `<li>${md.inline(t)}</li>`).join('')}</ul>` : ''}
  ${task.resources.length ? resourceList(task.resources, md) : ''}
  <div class="task-actions">${actions}</div>
</li>`;
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
