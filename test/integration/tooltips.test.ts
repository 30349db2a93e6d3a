/**
 * The tree's tooltips show a roadmap's words, never its links or images: a roadmap from a cloned
 * repository could otherwise make the workbench fetch an image on hover (telling a tracker the
 * learner's address) or offer a live link to a local file. Checked as the provider hands the
 * tooltip to VS Code, and as the workbench draws it when the pointer rests on the row.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ProgressTracker } from '../../src/core/tracker';
import type { Roadmap } from '../../src/model/types';
import { StudyPlans } from '../../src/core/studyPlans';
import type { MementoLike } from '../../src/storage/memento';
import { PlanStore } from '../../src/storage/planStore';
import { ProgressStore } from '../../src/storage/progressStore';
import { RoadmapTreeProvider } from '../../src/tree/provider';
import { api, eventually, showInTree, workspaceFolder, writeFile } from './helpers';
import { inTree } from './page';

const PIXEL = 'https://tracker.example/pixel.png';
const HOSTILE = `![pixel](${PIXEL}) [passwd](file:///etc/passwd) <img src="${PIXEL}"> <file:///etc/hosts> [ref][r] <b>html</b> &#91;x&#93;(file:///etc/group)`;

/** A workspace roadmap whose every text a tooltip shows tries to load an image or link a file. */
const ROADMAP = [
  'id: hostile-tooltips',
  'title: Hostile tooltips',
  'phases:',
  '  - id: phase',
  '    title: Hostile phase',
  `    goal: ${JSON.stringify(`Goal ${HOSTILE}`)}`,
  '    tasks:',
  '      - id: task',
  '        title: Hostile task',
  `        summary: ${JSON.stringify(`Summary **bold** \`code [c](file:///etc/passwd)\` ${HOSTILE}\n\n[r]: file:///etc/passwd`)}`,
  '        topics:',
  `          - ${JSON.stringify(`Topic ${HOSTILE}`)}`,
  '',
].join('\n');

/** Link, image or HTML syntax in Markdown source that is not escaped (code spans are text). */
function liveSyntax(markdown: string): string | undefined {
  return /(?<!\\)(?:\\\\)*(!\[|\]\(|\]\[|<|&#)/.exec(markdown.replace(/`[^`]*`/g, ''))?.[1];
}

class MemoryMemento implements MementoLike {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Thenable<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

suite('Tree tooltips', function () {
  this.timeout(60_000);
  const file = () => vscode.Uri.joinPath(workspaceFolder(), '.vscode', 'roadmaps', 'hostile-tooltips.roadmap.yaml');
  let hostile: Roadmap;

  suiteSetup(async () => {
    await writeFile(file(), ROADMAP);
    await vscode.commands.executeCommand('mlRoadmaps.refresh');
    hostile = await eventually(async () => (await api()).roadmap('hostile-tooltips'), 'the hostile roadmap loaded', 20_000);
  });

  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(file()).then(undefined, () => undefined);
    await vscode.commands.executeCommand('mlRoadmaps.refresh');
    await eventually(async () => !(await (await api()).roadmap('hostile-tooltips')), 'the hostile roadmap gone', 20_000);
  });

  test('The provider hands VS Code tooltips without live links, images or HTML, untrusted', () => {
    const warn = (message: string) => assert.fail(message);
    const tracker = new ProgressTracker(new ProgressStore(new MemoryMemento(), warn));
    const plans = new StudyPlans(new PlanStore(new MemoryMemento(), warn), tracker, () => new Map(), warn);
    const provider = new RoadmapTreeProvider({ entries: () => Promise.resolve([hostile]), onDidChange: () => new vscode.Disposable(() => undefined) }, tracker, plans, false);
    try {
      const phase = hostile.phases[0];
      const task = phase.modules[0].tasks[0];
      for (const [what, element] of [
        ['task', task],
        ['phase', phase],
      ] as const) {
        const tooltip = provider.resolveTreeItem(provider.getTreeItem(element), element).tooltip;
        assert.ok(tooltip instanceof vscode.MarkdownString, `${what}: a Markdown tooltip`);
        assert.ok(!tooltip.isTrusted, `${what}: not trusted`);
        assert.ok(!tooltip.supportHtml, `${what}: no HTML`);
        assert.strictEqual(liveSyntax(tooltip.value), undefined, `${what}: ${tooltip.value}`);
        assert.ok(tooltip.value.includes('pixel') && tooltip.value.includes('passwd'), `${what}: the words are all there`);
      }
    } finally {
      provider.dispose();
      plans.dispose();
    }
  });

  test('Hovering a task or phase shows its words, with no image fetched and no file linked', async () => {
    const phase = hostile.phases[0];
    const task = phase.modules[0].tasks[0];
    await showInTree(task);
    for (const label of [task.title, phase.title]) {
      const html = await inTree.tooltipHtml(label);
      assert.ok(!/<img\b/i.test(html), `${label}: no image in ${html}`);
      assert.ok(!/<a\b/i.test(html), `${label}: no link in ${html}`);
      assert.match(html, /pixel\.png/, `${label}: the text is shown`);
    }
    const text = await inTree.tooltip(task.title);
    assert.match(text, /Summary bold code \[c\]\(file:\/\/\/etc\/passwd\) !\[pixel\]\(https:\/\/tracker\.example\/pixel\.png\) \[passwd\]\(file:\/\/\/etc\/passwd\) <img src=/);
  });
});
