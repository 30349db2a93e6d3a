import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, resetAll, roadmap, task } from './helpers';
import { inPage } from './page';

/** Built-in themes of each kind, with the kind VS Code gives the webview's `<body>`. */
const THEMES = [
  { name: 'Default Light Modern', kind: 'vscode-light' },
  { name: 'Default Light+', kind: 'vscode-light' },
  { name: 'Default Dark Modern', kind: 'vscode-dark' },
  { name: 'Default Dark+', kind: 'vscode-dark' },
  { name: 'Default High Contrast', kind: 'vscode-high-contrast' },
  { name: 'Default High Contrast Light', kind: 'vscode-high-contrast-light' },
] as const;

/**
 * A progress bar's track must show where the bar ends, so that the fill reads as a share of it.
 * 1.5:1 against the page makes it plain at a glance (a track drawn in the page's own colour, the
 * bug this guards against, measures 1:1). The bar is not the only carrier of the figure (the
 * counts beside it say `3/7 · 42%`), so WCAG's 3:1 for graphics that carry information (1.4.11)
 * is asked of what carries it alone: the outline high-contrast themes draw around controls, and
 * a ticked checkbox's box, which says "done".
 */
const MIN_TRACK_CONTRAST = 1.5;
const MIN_INFORMATION_CONTRAST = 3;

type Rgba = readonly [number, number, number, number];

/** A computed colour, `rgb(…)` or `rgba(…)`, as Chromium writes it; anything else fails the test. */
function parseColor(text: string): Rgba {
  const match = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(text.trim());
  assert.ok(match, `a colour: ${JSON.stringify(text)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])];
}

/** The colour a translucent one shows over an opaque background. */
function over(top: Rgba, background: Rgba, opacity = 1): Rgba {
  const alpha = top[3] * opacity;
  const mix = (i: 0 | 1 | 2) => top[i] * alpha + background[i] * (1 - alpha);
  return [mix(0), mix(1), mix(2), 1];
}

/** WCAG 2.1's relative luminance and contrast ratio. */
function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

async function useTheme(theme: (typeof THEMES)[number], view: string): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme.name, vscode.ConfigurationTarget.Global);
  // The workbench sends the page its new colours and theme kind together.
  await eventually(async () => (await inPage.count(view, `body[data-vscode-theme-kind="${theme.kind}"][data-vscode-theme-id="${theme.name}"]`)) === 1, `the page in ${theme.name}`, 10_000);
}

/** The page's background, which must be opaque for the ratios to mean anything. */
async function pageBackground(view: string): Promise<Rgba> {
  const background = parseColor((await inPage.style(view, 'body', ['background-color']))['background-color']);
  assert.strictEqual(background[3], 1, 'the page paints an opaque background');
  return background;
}

/** A further measure of a page in one theme: the shortfall it finds, if any. */
type Measure = (view: string, theme: (typeof THEMES)[number], page: Rgba) => Promise<string | undefined>;

/** An SVG shape's fill against the page, e.g. a phase bar's track. */
const fillOf =
  (selector: string, what: string): Measure =>
  async (view, theme, page) => {
    const shape = await inPage.style(view, selector, ['fill', 'fill-opacity']);
    const ratio = contrast(over(parseColor(shape.fill), page, Number(shape['fill-opacity'])), page);
    return ratio < MIN_TRACK_CONTRAST ? `${theme.name}: ${what} ${shape.fill} × ${shape['fill-opacity']} is ${ratio.toFixed(2)}:1` : undefined;
  };

/** A ticked checkbox's box (drawn in its accent colour) against the task row it sits on. */
const tickedBox: Measure = async (view, theme, page) => {
  const row = parseColor((await inPage.style(view, 'li.task[data-state="done"]', ['background-color']))['background-color']);
  const accent = (await inPage.style(view, 'li.task[data-state="done"] input[type="checkbox"]:checked', ['accent-color']))['accent-color'];
  const behind = over(row, page);
  const ratio = contrast(over(parseColor(accent), behind), behind);
  return ratio < MIN_INFORMATION_CONTRAST ? `${theme.name}: a ticked box ${accent} on its row ${behind.join()} is ${ratio.toFixed(2)}:1` : undefined;
};

/**
 * Measures the header's progress bar, and whatever else the page asks, in every theme; collects
 * every shortfall, so that one failure shows all the figures.
 */
async function measure(view: string, more: readonly Measure[] = []): Promise<string[]> {
  const shortfalls: string[] = [];
  for (const theme of THEMES) {
    await useTheme(theme, view);
    const page = await pageBackground(view);
    const bar = await inPage.style(view, 'progress#progress', ['background-color', 'border-top-width', 'border-top-style', 'border-top-color']);
    const track = contrast(over(parseColor(bar['background-color']), page), page);
    if (track < MIN_TRACK_CONTRAST) shortfalls.push(`${theme.name}: the header bar's track ${bar['background-color']} on ${page.join()} is ${track.toFixed(2)}:1`);
    if (theme.kind.startsWith('vscode-high-contrast')) {
      const drawn = bar['border-top-style'] !== 'none' && parseFloat(bar['border-top-width']) >= 1;
      const outline = drawn ? contrast(over(parseColor(bar['border-top-color']), page), page) : 0;
      if (!drawn) shortfalls.push(`${theme.name}: the header bar has no outline`);
      else if (outline < MIN_INFORMATION_CONTRAST) shortfalls.push(`${theme.name}: the header bar's outline ${bar['border-top-color']} is ${outline.toFixed(2)}:1`);
    }
    for (const one of more) {
      const shortfall = await one(view, theme, page);
      if (shortfall) shortfalls.push(shortfall);
    }
  }
  return shortfalls;
}

suite('Pages in light, dark and high-contrast themes', () => {
  let themeBefore: string | undefined;

  suiteSetup(() => {
    themeBefore = vscode.workspace.getConfiguration('workbench').inspect<string>('colorTheme')?.globalValue;
  });
  setup(async () => {
    await resetAll();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));
  suiteTeardown(() => vscode.workspace.getConfiguration('workbench').update('colorTheme', themeBefore, vscode.ConfigurationTarget.Global));

  test('The details page’s progress bar has a visible track, and a ticked box stands out, in every theme', async function () {
    this.timeout(90_000);
    await vscode.commands.executeCommand('mlRoadmaps.markDone', await task('ml-dl-condensed', 'numpy'));
    await vscode.commands.executeCommand('mlRoadmaps.openDetails', await task('ml-dl-condensed', 'numpy'));
    await inPage.read('module', 'li.task[data-state="done"] input[type="checkbox"]:checked');
    assert.deepStrictEqual(await measure('module', [tickedBox]), []);
  });

  test('The dashboard’s progress bar and phase bars have visible tracks in every theme', async function () {
    this.timeout(90_000);
    await vscode.commands.executeCommand('mlRoadmaps.markDone', await task('ml-dl-condensed', 'numpy'));
    await vscode.commands.executeCommand('mlRoadmaps.openDashboard', await roadmap('ml-dl-condensed'));
    await inPage.read('dashboard', 'progress#progress');
    assert.deepStrictEqual(await measure('dashboard', [fillOf('svg.chart .track', 'a phase bar’s track')]), []);
  });
});
