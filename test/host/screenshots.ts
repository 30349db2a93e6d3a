/**
 * `npm run screenshots`: opens the real workbench with the extension, lets the scenes in
 * test/screenshots set each view up from inside the extension host, and captures the browser
 * for every scene into media/screenshots/. `MLR_SCENES=details-light,dashboard-light` takes only
 * the scenes named (test/screenshots/scenes.ts lists them); `MLR_THEME` sets the workbench's theme.
 *
 * `MLR_WEB=1 npm run screenshots` takes media/screenshots/web.png instead: the extension's
 * `browser` entry in the web worker extension host (test/web/screenshots.ts, test/host/webHost.ts).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { bundleWebTests, runWebTests } from './webHost';
import { defaultExtensionPath, delay, PROJECT_ROOT, startWorkbench } from './workbench';

const OUT_DIR = path.join(PROJECT_ROOT, 'media', 'screenshots');
const SCENES = path.join(PROJECT_ROOT, 'out', 'test', 'screenshots', 'scenes.js');

/** Drags the sash at the sidebar's right edge, so long titles and their counts fit. */
async function widenSidebar(page: Page, by: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const x = box.x + box.width - 1;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + by, y, { steps: 8 });
  await page.mouse.up();
}

/** Saves what the page shows (the whole workbench, at the viewport's size) as a PNG. */
export async function capture(page: Page, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: file });
  // The pictures ship in the .vsix (the README shows them): pngquant, where installed
  // (`apt-get install pngquant`), makes them a third of the size with no visible change.
  spawnSync('pngquant', ['--quality=70-95', '--speed', '1', '--force', '--skip-if-larger', '--output', file, file], { stdio: 'ignore' });
}

const USER_SETTINGS = { 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'workbench.colorTheme': process.env.MLR_THEME ?? 'Default Dark Modern', 'editor.minimap.enabled': false };

/** The web worker extension host's picture: one scene, asked for by the tests over loopback. */
async function webMain(): Promise<void> {
  const bundle = await bundleWebTests({ entry: path.join(PROJECT_ROOT, 'test', 'web', 'screenshots.ts') });
  try {
    const outcome = await runWebTests({
      extensionPath: PROJECT_ROOT,
      testsBundlePath: bundle,
      settings: USER_SETTINGS,
      // Smaller than the other scenes': the .vsix carries the README's pictures and must stay ≤ 2 MB.
      viewport: { width: 1200, height: 720 },
      onShot: async (name, page) => {
        await widenSidebar(page, 120);
        await delay(500);
        const file = path.join(OUT_DIR, `${name}.png`);
        await capture(page, file);
        console.log(`screenshot: ${path.relative(PROJECT_ROOT, file)}`);
      },
    });
    if (outcome.failed > 0 || outcome.passed === 0) throw new Error(outcome.report);
  } finally {
    fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.env.MLR_WEB === '1') return webMain();
  const handshake = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-shots-'));
  const workbench = await startWorkbench({
    extensionDevelopmentPath: defaultExtensionPath(),
    extensionTestsPath: SCENES,
    userSettings: USER_SETTINGS,
    viewport: { width: 1440, height: 900 },
    env: { MLR_SCREENSHOT_DIR: handshake },
    browser: true,
  });
  try {
    const page = workbench.page as Page;
    const deadline = Date.now() + 5 * 60_000;
    for (let n = 1; ; n++) {
      const ready = path.join(handshake, `${n}.ready`);
      while (!fs.existsSync(ready) && !fs.existsSync(path.join(handshake, 'finished'))) {
        if (Date.now() > deadline) throw new Error(`scene ${n} never became ready\n${workbench.diagnostics({ serverOutput: true })}`);
        await delay(100);
      }
      if (!fs.existsSync(ready)) break;
      const { name, settleMs, type } = JSON.parse(fs.readFileSync(ready, 'utf8')) as { name: string; settleMs: number; type?: string };
      if (n === 1) await widenSidebar(page, 170);
      if (type) {
        await delay(800);
        await page.keyboard.type(type, { delay: 30 });
      }
      await delay(settleMs);
      const file = path.join(OUT_DIR, `${name}.png`);
      await capture(page, file);
      console.log(`screenshot: ${path.relative(PROJECT_ROOT, file)}`);
      fs.writeFileSync(path.join(handshake, `${n}.done`), '');
    }
  } finally {
    await workbench.stop();
    fs.rmSync(handshake, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  });
}
