/**
 * Our extension keeps V8's code cache of its first bundle in its global storage (src/startup/main.ts), so
 * a user's every start after the first skips compiling it. Every bench host and window starts
 * with an empty user data folder, so the bench carries the cache from one to the next: the
 * figures are those of the daily start. The first start after an install is measured apart.
 */
import * as fs from 'fs';
import * as path from 'path';
import { delay } from '../host/workbench';

/** Where code-server keeps our extension's code cache under a user data folder. */
function cacheIn(extension: string, userDataDir: string): string {
  const { publisher, name } = JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8')) as Record<string, string>;
  return path.join(userDataDir, 'User', 'globalStorage', `${publisher}.${name}`.toLowerCase(), 'code-cache');
}

/** Copies the kept cache (if any) into a user data folder before its workbench starts. */
export function seedCodeCache(extension: string, kept: string, userDataDir: string): void {
  if (fs.existsSync(kept)) fs.cpSync(kept, cacheIn(extension, userDataDir), { recursive: true });
}

/**
 * Waits (at most `timeoutMs`) for the extension to have written its cache into the user data
 * folder, and keeps a copy; false when it wrote none.
 */
export async function keepCodeCache(extension: string, userDataDir: string, kept: string, timeoutMs = 10_000): Promise<boolean> {
  const folder = cacheIn(extension, userDataDir);
  const written = () => fs.existsSync(folder) && fs.readdirSync(folder).some((name) => name.endsWith('.codecache'));
  for (const deadline = Date.now() + timeoutMs; !written() && Date.now() < deadline; ) await delay(50);
  if (!written()) return false;
  fs.rmSync(kept, { recursive: true, force: true });
  fs.cpSync(folder, kept, { recursive: true });
  return true;
}
