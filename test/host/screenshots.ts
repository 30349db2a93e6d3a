import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { defaultExtensionPath, delay, startWorkbench } from './workbench';

/** Saves what the page shows (the whole workbench, at the viewport's size) as a PNG. */
export async function capture(page: Page, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await page.screenshot({ path: file });
}

/** Clicks the activity bar item whose aria-label starts with `label` ("Explorer", or a view container's title). */
export async function openActivity(page: Page, label: string): Promise<void> {
  const escaped = label.replace(/["\\]/g, '\\$&');
  await page.locator(`.activitybar [aria-label^="${escaped}"]`).first().click({ timeout: 15_000 });
  // Otherwise the item's hover tooltip ends up in the screenshot.
  await page.mouse.move(0, 0);
}

const USAGE = `usage: node out/test/host/screenshots.js <file.png> [activity-bar label] [workspace folder]
env: MLR_EXTENSION_PATH (default: the project), MLR_VIEWPORT=1280x800, MLR_SCREENSHOT_WAIT_MS=2000`;

async function main(): Promise<void> {
  const [file, label, folder] = process.argv.slice(2);
  if (!file || file.startsWith('-')) {
    console.error(USAGE);
    process.exit(2);
  }
  const [width, height] = (process.env.MLR_VIEWPORT ?? '1280x800').split('x').map(Number);
  const settle = Number(process.env.MLR_SCREENSHOT_WAIT_MS) || 2000;

  const workbench = await startWorkbench({
    extensionDevelopmentPath: defaultExtensionPath(),
    workspaceFolder: folder ? path.resolve(folder) : undefined,
    // No welcome page or tips over the views being shown.
    userSettings: { 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false },
    viewport: { width: width || 1280, height: height || 800 },
    browser: true,
  });
  try {
    const page = workbench.page as Page;
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    // Give the extension host time to start and contribute its views.
    await delay(settle);
    if (label) {
      await openActivity(page, label);
      await delay(settle);
    }
    await capture(page, file);
    console.log(`screenshot: ${path.resolve(file)}`);
  } finally {
    await workbench.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
