import * as assert from 'assert';
import { burnUpChart, renderDashboard, phaseChart } from '../../src/dashboard/render';
import { burnUp, progressOf, replan, schedule } from '../../src/model/plan/planner';
import { at, context, plan, roadmapOf, tasks, utc } from './plan.test';
import { createMarkdownRenderer } from '../../src/webview/markdown';
import { isSafeExternalLink, parsePageMessage } from '../../src/webview/protocol';
import * as fs from 'fs';
import { ContextKeys, TreeItemContext } from '../../src/constants';
import * as path from 'path';
import { modulePageOffers, renderModulePage } from '../../src/details/render';
import { ActionContext, actionsFor, TASK_ACTIONS, TaskActionId, treeMenuWhen } from '../../src/webview/taskActions';
import { PageAssets } from '../../src/webview/page';
import { countTasks } from '../../src/model/progress';
import { Module, Phase, Roadmap, Task, TaskState, tasksOf } from '../../src/model/types';
import { loadBundled, loadText, miniRoadmap } from './helpers';

const assets: PageAssets = { cspSource: 'vscode-resource:', nonce: 'NONCE123', scriptUris: ['vscode-resource:/media/page.js', 'vscode-resource:/media/details.js'], styleUris: ['vscode-resource:/media/page.css', 'vscode-resource:/media/details.css'] };
const md = createMarkdownRenderer();
const notStarted = (): TaskState => 'notStarted';

function page(module: Module, stateOf: (t: Task) => TaskState = notStarted): string {
  return renderModulePage({ module, stateOf, counts: countTasks(module.tasks, stateOf) }, assets, md);
}

/** A roadmap whose every text field tries to inject markup. */
function hostileModule(): Module {
  const evil = '<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) [cmd](command:workbench.action.quit) ![pic](https://evil.example/x.png)';
  const text = [
    'id: evil',
    'title: "<b>Evil</b> roadmap"',
    'phases:',
    '  - id: p',
    '    title: "<i>Phase</i>"',
    '    modules:',
    '      - id: m',
    '        title: "<script>alert(0)</script>"',
    `        goal: ${JSON.stringify(evil)}`,
    `        tips: [${JSON.stringify(evil)}]`,
    '        tasks:',
    '          - id: t',
    '            title: "\\" onmouseover=\\"alert(4)"',
    `            summary: ${JSON.stringify(evil)}`,
    `            topics: [${JSON.stringify(evil)}]`,
    '        tools:',
    '          - name: "<u>x</u>"',
    '            url: "https://example.com/\\"><script>alert(5)</script>"',
  ].join('\n');
  const result = loadText(text);
  assert.deepStrictEqual(result.errors, []);
  return result.roadmap!.phases[0].modules[0];
}

suite('Markdown renderer', () => {
  test('Renders Markdown structure: emphasis, lists, code and tables', () => {
    assert.strictEqual(md.inline('**bold** and `code`'), '<strong>bold</strong> and <code>code</code>');
    assert.match(md.block('- a\n- b'), /<ul>\s*<li>a<\/li>\s*<li>b<\/li>\s*<\/ul>/);
    assert.match(md.block('| a | b |\n|---|---|\n| 1 | 2 |'), /<table>[\s\S]*<td>1<\/td>/);
  });

  test('Shows raw HTML as text', () => {
    assert.strictEqual(md.inline('<b>x</b>'), '&lt;b&gt;x&lt;/b&gt;');
  });

  test('Turns web links into links the extension opens, and drops other schemes', () => {
    assert.strictEqual(md.inline('[Kaggle](https://www.kaggle.com/)'), '<a href="#" data-href="https://www.kaggle.com/" title="https://www.kaggle.com/" class="external-link">Kaggle</a>');
    assert.ok(!md.inline('[x](javascript:alert(1))').includes('<a'));
    assert.ok(!md.inline('[x](command:workbench.action.quit)').includes('<a'));
    assert.ok(!md.inline('[x](file:///etc/passwd)').includes('<a'));
  });

  test('Shows images as their alt text, so nothing loads from the network', () => {
    assert.strictEqual(md.inline('![a chart](https://example.com/c.png)'), 'a chart');
  });
});

suite('Details page', () => {
  test('Has a strict CSP with the nonce, and loads only the shared and its own scripts and styles, in order', () => {
    const html = page(loadText(miniRoadmap()).roadmap!.phases[0].modules[0]);
    assert.match(html, /content="default-src 'none'; style-src vscode-resource:; script-src 'nonce-NONCE123'; img-src vscode-resource:; font-src vscode-resource:"/);
    assert.strictEqual((html.match(/<script/g) ?? []).length, 2);
    assert.match(html, /<script nonce="NONCE123" src="vscode-resource:\/media\/page.js"><\/script>\n<script nonce="NONCE123" src="vscode-resource:\/media\/details.js"><\/script>/);
    assert.match(html, /<link rel="stylesheet" href="vscode-resource:\/media\/page.css">\n<link rel="stylesheet" href="vscode-resource:\/media\/details.css">/);
    assert.ok(!/style="/.test(html), 'no inline styles');
  });

  test('Shows the breadcrumb, title, meta, goal, objectives, tasks, projects, tips, tools and advice', () => {
    const course = loadBundled('machine-learning-course.yaml');
    const module = course.phases[0].modules[0];
    const html = page(module);
    assert.match(html, /<nav class="breadcrumb"[^>]*><span>Machine Learning Roadmap<\/span><span class="sep" aria-hidden="true">›<\/span><span>Beginner: ML Foundations<\/span><\/nav>/);
    assert.match(html, /<h1>Module 1: Foundations of Machine Learning<\/h1>/);
    assert.match(html, /<section id="objectives"[\s\S]*Understand ML concepts, applications, and workflow\./);
    assert.match(html, /<section id="tasks"[\s\S]*Introduction[\s\S]*What is Machine Learning\?/);
    assert.match(html, /<section id="projects"[\s\S]*Exploratory Data Analysis on a Real Dataset/);
    const weeks = loadBundled('master-24-week.yaml');
    const week1 = page(weeks.phases[0].modules[0]);
    assert.match(week1, /<section id="goal"[\s\S]*Master Python &amp; data handling\./);
    assert.match(week1, /<section id="tips"[\s\S]*<strong>reusable preprocessing functions<\/strong>/);
    const dl = loadBundled('deep-learning.yaml');
    assert.ok(dl.tools.length > 0);
  });

  test('Renders each task with its current state in the checkbox and the state list', () => {
    const module = loadText(miniRoadmap()).roadmap!.phases[0].modules[0];
    const html = page(module, (t) => (t.id === 'calculus' ? 'skipped' : t.id === 'linear-algebra' ? 'inProgress' : 'notStarted'));
    assert.match(html, /<li class="task" data-task-id="calculus" data-state="skipped">[\s\S]*?id="check-calculus" data-task-id="calculus" checked/);
    assert.match(html, /data-task-id="linear-algebra" data-state="inProgress">[\s\S]*?<option value="inProgress" selected>In progress<\/option>/);
    assert.match(html, /<span id="summary" aria-live="polite">1\/3 · 33%<\/span>/);
  });

  test('Gives every control a screen-reader label', () => {
    const html = page(loadText(miniRoadmap()).roadmap!.phases[0].modules[0]);
    for (const control of html.match(/<(select|input|button)\b[^>]*>/g)!) assert.match(control, /aria-label="[^"]+"/, control);
  });

  test('Keeps hostile roadmap content inert', () => {
    const html = page(hostileModule());
    const body = html.slice(html.indexOf('<body'));
    assert.deepStrictEqual(body.match(/<script[^>]*>/g), assets.scriptUris.map((uri) => `<script nonce="NONCE123" src="${uri}">`), 'only our nonce scripts');
    assert.ok(!/<img/i.test(body), 'no images');
    // Real tags only, with their quoted values removed: what is left are attribute names.
    const attributeNames = (body.match(/<[a-z][^>]*>/gi) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""'));
    assert.ok(!attributeNames.some((tag) => /\son[a-z]+=/i.test(tag)), 'no event handler attributes');
    assert.ok(!/href="(javascript|command):/i.test(body), 'no script or command links');
    assert.ok(!/<(b|i|u)>/.test(body), 'no markup from titles');
    assert.match(body, /&lt;script&gt;alert\(0\)&lt;\/script&gt;/);
    assert.match(body, /data-href="https:\/\/example.com\/&quot;&gt;&lt;script&gt;alert\(5\)&lt;\/script&gt;"/);
  });

  test('A phase without modules shows the phase itself', () => {
    const weeks = loadBundled('master-24-week.yaml');
    const html = page(weeks.phases[0].modules[0]);
    assert.match(html, /<h1>Week 1: Python &amp; Data Foundations<\/h1>/);
    assert.match(html, /<nav class="breadcrumb"[^>]*><span>24-Week Complete Master Roadmap<\/span><\/nav>/);
  });
});

suite('Page messages', () => {
  test('Accepts the messages the page sends', () => {
    assert.deepStrictEqual(parsePageMessage({ type: 'setState', taskId: 'numpy', state: 'done' }), { type: 'setState', taskId: 'numpy', state: 'done' });
    assert.deepStrictEqual(parsePageMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parsePageMessage({ type: 'openLink', href: 'https://arxiv.org/' }), { type: 'openLink', href: 'https://arxiv.org/' });
    assert.deepStrictEqual(parsePageMessage({ type: 'taskAction', action: 'reveal', taskId: 'numpy' }), { type: 'taskAction', action: 'reveal', taskId: 'numpy' });
  });

  test('Drops anything else', () => {
    const bad: unknown[] = [
      null, 'setState', [], { type: 'setState', taskId: 'numpy', state: 'finished' }, { type: 'setState', taskId: '../x', state: 'done' },
      { type: 'setState', taskId: 'numpy', state: 'done', extra: 1 }, { type: 'openLink', href: 'command:workbench.action.quit' },
      { type: 'openLink', href: 'javascript:alert(1)' }, { type: 'openLink', href: 'file:///etc/passwd' }, { type: 'taskAction', action: 'rm', taskId: 'x' },
      { type: 'eval', code: '1' }, { type: 'ready', x: 1 },
    ];
    for (const message of bad) assert.strictEqual(parsePageMessage(message), undefined, JSON.stringify(message));
  });

  test('Lets only web and mail links out', () => {
    assert.ok(isSafeExternalLink('https://paperswithcode.com/'));
    assert.ok(isSafeExternalLink('mailto:a@b.c'));
    for (const href of ['vscode://x', 'command:x', 'javascript:x', 'data:text/html,x', 'not a url']) assert.ok(!isSafeExternalLink(href), href);
  });

  test('Refuses links that the URL parser forgives but VS Code would not open: blanks, tabs, NUL, no host', () => {
    for (const href of [' https://example.com/', 'https://example.com/ ', 'https://exa\tmple.com/', 'https://example.com/\u0000', 'https://example.com/a\nb', 'https://', 'https:']) {
      assert.ok(!isSafeExternalLink(href), JSON.stringify(href));
      assert.strictEqual(parsePageMessage({ type: 'openLink', href }), undefined, JSON.stringify(href));
    }
  });
});

suite('What a module page offers', () => {
  const module = loadText(miniRoadmap()).roadmap!.phases[0].modules[0];
  const [first] = module.tasks;
  const onlyNotes = (): readonly TaskActionId[] => ['openNotes'];

  test('Accepts messages about the tasks it shows and the actions it gave them', () => {
    assert.ok(modulePageOffers({ type: 'setState', taskId: first.id, state: 'done' }, module, onlyNotes));
    assert.ok(modulePageOffers({ type: 'taskAction', action: 'openNotes', taskId: first.id }, module, onlyNotes));
  });

  test('Refuses another module’s task and an action it never offered', () => {
    assert.ok(!modulePageOffers({ type: 'setState', taskId: 'not-on-this-page', state: 'done' }, module, onlyNotes));
    assert.ok(!modulePageOffers({ type: 'taskAction', action: 'createProject', taskId: first.id }, module, onlyNotes));
    assert.ok(!modulePageOffers({ type: 'taskAction', action: 'openNotes', taskId: 'not-on-this-page' }, module, onlyNotes));
  });
});

suite('Task actions', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    contributes: { commands: { command: string }[]; menus: Record<string, { command: string; when?: string }[]> };
  };

  test('Every action runs a command the extension declares', () => {
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const action of TASK_ACTIONS) assert.ok(declared.has(action.command), action.command);
  });

  /** Every context an action can be offered in: trusted or not, a Node host or the web worker one. */
  const contexts: readonly ActionContext[] = [true, false].flatMap((trusted) => (['node', 'web'] as const).map((host) => ({ trusted, host })));

  /**
   * Whether a `when` clause holds on a task item with this contextValue, in this context (without
   * one, whether it is about this item at all). It knows the terms the tree's task menus use and
   * nothing else: an unknown term fails the test, so a menu cannot depend on something the action
   * table does not decide.
   */
  const holds = (when: string | undefined, contextValue: string, context?: ActionContext): boolean =>
    (when ?? '').split('&&').every((raw) => {
      const term = raw.trim();
      const viewItem = /^viewItem =~ \/(.*)\/$/.exec(term);
      if (viewItem) return new RegExp(viewItem[1]).test(contextValue);
      if (term === 'view == mlRoadmaps.tree') return true;
      if (term === 'isWorkspaceTrusted') return context?.trusted ?? true;
      // Set only by the web worker extension host (see ContextKeys.webWorkerHost).
      if (term === `!${ContextKeys.webWorkerHost}`) return context ? context.host === 'node' : true;
      assert.fail(`a term the action table does not decide: ${term} (in ${when})`);
    });

  test('The tree’s context menu offers each action exactly where the page does: its tasks, trusted or not, on the web or not', () => {
    const menu = manifest.contributes.menus['view/item/context'];
    const roadmap = loadText(miniRoadmap()).roadmap!;
    assert.deepStrictEqual([...new Set(tasksOf(roadmap).map((t) => t.kind))].sort(), ['project', 'topic'], 'both kinds of task');
    for (const action of TASK_ACTIONS.filter((a) => a.inTreeMenu)) {
      for (const task of tasksOf(roadmap)) {
        const contextValue = TreeItemContext.task('notStarted', task.kind);
        // Every entry of the command on this item, the inline button as well as the menu's.
        const entries = menu.filter((entry) => entry.command === action.command && holds(entry.when, contextValue));
        for (const context of contexts) {
          const offered = actionsFor(task, context).includes(action.id);
          for (const entry of entries) assert.strictEqual(holds(entry.when, contextValue, context), offered, `${action.id} on ${contextValue}, ${JSON.stringify(context)}: ${entry.when}`);
          if (offered) assert.ok(entries.length > 0, `${action.id} in the menu of ${contextValue}`);
        }
      }
    }
  });

  test('Every tree-menu entry of an action has the `when` clause the table generates from the action’s one declaration', () => {
    const menu = manifest.contributes.menus['view/item/context'];
    for (const action of TASK_ACTIONS) {
      const entries = menu.filter((entry) => entry.command === action.command);
      assert.strictEqual(entries.length > 0, action.inTreeMenu, `${action.id}: in the tree menu or not, as declared`);
      for (const entry of entries) assert.strictEqual(entry.when, treeMenuWhen(action), `${action.id} (${action.command})`);
    }
  });

  test('A project gets a starter only in a trusted workspace, checks only with Node too; a topic neither', () => {
    const roadmap = loadText(miniRoadmap()).roadmap!;
    const project = tasksOf(roadmap).find((t) => t.kind === 'project')!;
    const topic = tasksOf(roadmap).find((t) => t.kind === 'topic')!;
    assert.deepStrictEqual(actionsFor(project, { trusted: true, host: 'node' }), ['reveal', 'openNotes', 'createProject', 'runChecks', 'linkFolder']);
    assert.deepStrictEqual(actionsFor(project, { trusted: true, host: 'web' }), ['reveal', 'openNotes', 'createProject', 'linkFolder']);
    assert.deepStrictEqual(actionsFor(project, { trusted: false, host: 'node' }), ['reveal', 'openNotes', 'linkFolder']);
    assert.deepStrictEqual(actionsFor(project, { trusted: false, host: 'web' }), ['reveal', 'openNotes', 'linkFolder']);
    for (const context of contexts) assert.deepStrictEqual(actionsFor(topic, context), ['reveal', 'openNotes', 'linkFolder']);
  });

  test('The page renders a button for each action the table offers, and accepts no other', () => {
    const roadmap = loadText(miniRoadmap()).roadmap!;
    const project = tasksOf(roadmap).find((t) => t.kind === 'project')!;
    const module = project.module;
    for (const context of contexts) {
      const offered = (task: Task) => actionsFor(task, context);
      const html = renderModulePage({ module, stateOf: notStarted, counts: countTasks(module.tasks, notStarted), actionsFor: offered }, assets, md);
      const buttons = [...html.matchAll(new RegExp(`data-action="([a-zA-Z]+)" data-task-id="${project.id}"`, 'g'))].map((m) => m[1]);
      assert.deepStrictEqual(buttons, offered(project), JSON.stringify(context));
      for (const action of TASK_ACTIONS) {
        const accepted = modulePageOffers({ type: 'taskAction', action: action.id, taskId: project.id }, module, offered);
        assert.strictEqual(accepted, buttons.includes(action.id), `${action.id} accepted from the page, ${JSON.stringify(context)}`);
      }
    }
  });
});

suite('Dashboard page', () => {
  test('Draws one bar per phase, scaled to its progress', () => {
    const roadmap = loadText(miniRoadmap()).roadmap!;
    const states: Record<string, TaskState> = { 'linear-algebra': 'done', calculus: 'skipped', numpy: 'inProgress' };
    const stateOf = (t: Task) => states[t.id] ?? 'notStarted';
    const svg = phaseChart(roadmap.phases, (p) => countTasks(tasksOf(p), stateOf));
    assert.strictEqual((svg.match(/class="phase-row"/g) ?? []).length, 2);
    assert.match(svg, /<rect class="bar-done" x="260" y="4" width="120"/);
    assert.match(svg, /<rect class="bar-skipped" x="380" y="4" width="120"/);
    assert.match(svg, /<rect class="bar-progress" x="260" y="32" width="180"/);
    assert.match(svg, />66%<\/text>/);
  });

  test('Lists counts by state, recent finishes with dates and a Continue button', () => {
    const roadmap = loadText(miniRoadmap()).roadmap!;
    const numpy = roadmap.taskIndex.get('numpy')!;
    const stateOf = (t: Task): TaskState => (t === numpy ? 'done' : 'notStarted');
    const html = renderDashboard(
      { roadmap, countsOf: (n) => countTasks(tasksOf(n), stateOf), recent: [{ task: numpy, finishedAt: Date.UTC(2026, 10, 20) }], next: roadmap.taskIndex.get('calculus') },
      assets,
      md,
    );
    assert.match(html, /<div class="card" data-state="done"><span class="number">1<\/span>/);
    assert.match(html, /<div class="card" data-state="notStarted"><span class="number">4<\/span>/);
    assert.match(html, /<li>NumPy <time datetime="2026-11-20T00:00:00.000Z">2026-11-20<\/time><\/li>/);
    assert.match(html, /<button type="button" class="primary" data-continue>Continue: Calculus<\/button>/);
  });
});

suite('Dashboard: the study plan', () => {
  const plannedRoadmap = () => roadmapOf([{ id: 'p', title: 'P', tasks: tasks('t', 10, 7) }]);
  // 7 h a week, every day from Monday 3 March: a task a week. Today is Monday 17 March; one task done on the 5th.
  const planned = (now = at('2025-03-17'), finished: Record<string, number> = { 't-1': at('2025-03-05') }) => {
    const s = schedule(plannedRoadmap(), plan({ hoursPerWeek: 7 }), context(now, finished));
    return { plan: s.plan, progress: progressOf(s), burnUp: burnUp(s), plannedEnd: s.end };
  };

  test('Draws planned and done hours, today and the projected finish, with a label that says the numbers', () => {
    const { progress, burnUp: b } = planned();
    const svg = burnUpChart(b, progress);
    assert.match(svg, /^<svg class="chart burnup" role="img" aria-label="Burn-up chart: 7 of 70 hours done by 2025-03-17, where the plan had 14; projected finish 2025-07-29\."/);
    // 11 weekly points from 3 March; the time axis runs to the projected finish (7 h in 15 days
    // is 3.3 h a week: the 63 h left take 135 days), 148 days on.
    const plannedLine = /<polyline class="planned-line" points="([^"]+)"/.exec(svg)![1].split(' ');
    assert.strictEqual(plannedLine.length, 11);
    assert.strictEqual(plannedLine[0], '56,248');
    const doneLine = /<polyline class="done-line" points="([^"]+)"/.exec(svg)![1].split(' ');
    assert.deepStrictEqual(doneLine, ['56,248', '82.5,228.4', '109,228.4'], 'nothing on the 3rd, 7 h by the 10th and today, the 17th');
    const todayX = Number(/<line class="today-line" x1="([\d.]+)"/.exec(svg)![1]);
    assert.strictEqual(todayX, Math.round((56 + (14 / 148) * 560) * 10) / 10);
    assert.match(svg, /<line class="projection" x1="109" y1="228.4" x2="616" y2="52"><\/line>/);
    assert.match(svg, /<text class="projection-label"[^>]*>projected 2025-07-29<\/text>/);
  });

  test('Has the chart’s data as a table, the projected finish and the pace of the last weeks', () => {
    const html = renderDashboard({ roadmap: plannedRoadmap(), countsOf: (n) => countTasks(tasksOf(n), () => 'notStarted'), recent: [], next: undefined, plan: planned() }, assets, md);
    assert.match(html, /<section id="plan" aria-labelledby="plan-heading"><h2 id="plan-heading">Study plan<\/h2>/);
    assert.match(html, /<p class="plan-status" data-status="behind"><strong>7 days behind<\/strong> · 7 of 70 planned hours done since the plan was made on 2025-03-03<\/p>/);
    assert.match(html, /<dd id="planned-finish"><time datetime="2025-05-11">2025-05-11<\/time><\/dd>/);
    assert.match(html, /<dd id="projected-finish"><time datetime="2025-07-29">2025-07-29<\/time> <span class="meta">at your pace of the last four weeks<\/span><\/dd>/);
    assert.match(html, /<dd id="pace">3\.3 hours a week since 2025-03-03 \(planned: 7\)<\/dd>/);
    const table = /<details class="chart-data"><summary>Chart data<\/summary><table>([\s\S]*?)<\/table><\/details>/.exec(html)![1];
    assert.match(table, /<tr><th scope="row"><time datetime="2025-03-10">2025-03-10<\/time><\/th><td>7<\/td><td>7<\/td><\/tr>/);
    assert.match(table, /<tr><th scope="row"><time datetime="2025-03-24">2025-03-24<\/time><\/th><td>21<\/td><td><\/td><\/tr>/, 'no done hours in the future');
    assert.match(table, /<tr class="today"><th scope="row">today \(2025-03-17\)<\/th><td><\/td><td>7<\/td><\/tr>/);
  });

  /**
   * The boxes of the chart's labels, from their position and anchor, at a width per character
   * no narrower than the 12-pixel UI font's digits and lower-case letters (about 6.7 pixels).
   */
  function labelBoxes(svg: string): { text: string; left: number; right: number; top: number; bottom: number }[] {
    const size = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!;
    const boxes = [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map(([, attributes, text]) => {
      const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attributes)?.[1];
      const x = Number(attribute('x'));
      const y = Number(attribute('y'));
      const width = text.length * 7;
      const anchor = attribute('text-anchor') ?? 'start';
      const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
      // Centred on y, or standing on it as a baseline with a little below.
      const [top, bottom] = attribute('dominant-baseline') === 'middle' ? [y - 7, y + 7] : [y - 11, y + 4];
      return { text, left, right: left + width, top, bottom };
    });
    for (const box of boxes) {
      assert.ok(box.left >= 0 && box.right <= Number(size[1]) && box.top >= 0 && box.bottom <= Number(size[2]), `"${box.text}" lies inside the chart: ${JSON.stringify(box)}`);
    }
    return boxes;
  }

  test('Lays out the burn-up chart\'s labels so that none overlaps another', () => {
    const chart = (now: number, finished: Record<string, number>) => {
      const s = schedule(plannedRoadmap(), plan({ hoursPerWeek: 7 }), context(now, finished));
      return burnUpChart(burnUp(s), progressOf(s));
    };
    const allButOne = Object.fromEntries(tasks('t', 9).map((t, i) => [t.id, at('2025-03-03') + i * 3_600_000]));
    const cases = {
      'projected at the right edge, under the legend': chart(at('2025-03-17'), { 't-1': at('2025-03-05') }),
      'projected the day after today': chart(at('2025-03-20'), allButOne),
      'today at the left edge': chart(at('2025-03-03', 13), { 't-1': at('2025-03-03', 9) }),
    };
    for (const [name, svg] of Object.entries(cases)) {
      const boxes = labelBoxes(svg);
      assert.ok(boxes.some((b) => b.text.startsWith('projected ')), `${name}: the projected finish is labelled`);
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          assert.ok(apart, `${name}: "${a.text}" ${JSON.stringify(a)} overlaps "${b.text}" ${JSON.stringify(b)}`);
        }
      }
    }
  });

  test('Says that the plan\'s hours and pace count from when it was made, and what was finished before', () => {
    // Three tasks finished in the morning, re-planned at noon, looked at in the afternoon.
    const finished = { 't-1': at('2025-03-17', 9), 't-2': at('2025-03-17', 10), 't-3': at('2025-03-17', 11) };
    const made = replan(plan({ hoursPerWeek: 7 }), at('2025-03-17', 12), utc);
    const s = schedule(plannedRoadmap(), made, context(at('2025-03-17', 15), finished));
    const progress = progressOf(s);
    const html = renderDashboard({ roadmap: plannedRoadmap(), countsOf: (n) => countTasks(tasksOf(n), () => 'notStarted'), recent: [], next: undefined, plan: { plan: s.plan, progress, burnUp: burnUp(s), plannedEnd: s.end } }, assets, md);
    assert.match(html, /<p class="plan-status" data-status="onTrack"><strong>on track<\/strong> · 0 of 49 planned hours done since the plan was made on 2025-03-17<\/p>/);
    assert.match(html, /<dd id="pace">0 hours a week since 2025-03-17 \(planned: 7\)<\/dd>/);
    assert.match(html, /<dt>Not counted<\/dt><dd id="plan-history">3 task\(s\) finished before the plan was made<\/dd>/);
    // Without a re-plan there is nothing to set aside.
    assert.doesNotMatch(renderDashboard({ roadmap: plannedRoadmap(), countsOf: (n) => countTasks(tasksOf(n), () => 'notStarted'), recent: [], next: undefined, plan: planned() }, assets, md), /plan-history/);
  });

  test('Has no plan section without a plan, and says when a plan has not started', () => {
    const counts = (n: Roadmap | Phase) => countTasks(tasksOf(n), () => 'notStarted');
    assert.doesNotMatch(renderDashboard({ roadmap: plannedRoadmap(), countsOf: counts, recent: [], next: undefined }, assets, md), /id="plan"/);
    const early = planned(at('2025-02-20'), {});
    const html = renderDashboard({ roadmap: plannedRoadmap(), countsOf: counts, recent: [], next: undefined, plan: early }, assets, md);
    assert.match(html, /data-status="notStarted"><strong>plan starts 2025-03-03<\/strong>/);
    assert.match(burnUpChart(early.burnUp, early.progress), /<text x="56" y="272">2025-02-20<\/text>/, 'the time axis starts today, before the plan');
  });
});
