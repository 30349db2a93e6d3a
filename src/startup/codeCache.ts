/**
 * Loads a CommonJS file much as `require` does, but compiled with V8's code cache: the bytecode V8
 * made for it at an earlier start, kept in a folder of the user's own (never the temp folder,
 * where another local user could plant bytecode). A start then skips parsing the file and
 * compiling the functions it ran. Node only, and no `vscode`, so it is unit-tested.
 *
 * V8 checks a cache against the source, its own version and its flags, and refuses one that does
 * not match: the file then compiles as usual and the cache is made again. The cache's name also
 * carries the file's size and time, so an update never reads the old one, and removes it.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import * as vm from 'vm';

export interface CachedLoad<T> {
  readonly exports: T;
  /** Whether V8 took a cache: false when there was none, or one it refused. */
  readonly fromCache: boolean;
  /**
   * Writes the cache when V8 took none. Call it once the file's code has run, so that the cache
   * also holds the functions compiled while it ran. Never throws: without a cache the next start
   * compiles as usual.
   */
  save(): Promise<void>;
}

/**
 * Runs `file` as a CommonJS module of its own, compiled with the code cache kept in `cacheFolder`
 * (none without a folder). Only public Node APIs: the file gets the usual module variables, and
 * its `require` resolves from its own folder. Nothing requires the file by name, so it is not put
 * in Node's module cache.
 */
export function requireWithCodeCache<T>(file: string, cacheFolder: string | undefined): CachedLoad<T> {
  const source = fs.readFileSync(file, 'utf8');
  const cacheFile = cacheFolder === undefined ? undefined : path.join(cacheFolder, cacheName(file));
  const cachedData = cacheFile === undefined ? undefined : readIfThere(cacheFile);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;

  const module: { exports: unknown } = { exports: {} };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));

  return {
    exports: module.exports as T,
    fromCache,
    async save() {
      if (fromCache || cacheFile === undefined) return;
      const folder = path.dirname(cacheFile);
      try {
        await fs.promises.mkdir(folder, { recursive: true });
        const stale = (await fs.promises.readdir(folder)).filter((name) => name.startsWith(cachePrefix(file)) && name !== path.basename(cacheFile));
        await Promise.all(stale.map((name) => fs.promises.rm(path.join(folder, name), { force: true })));
        // Written whole under another name first, so that a start never reads half a cache.
        const partial = `${cacheFile}.${process.pid}.partial`;
        await fs.promises.writeFile(partial, script.createCachedData());
        await fs.promises.rename(partial, cacheFile);
      } catch {
        // A read-only or full disk: the next start compiles as usual.
      }
    },
  };
}

function cachePrefix(file: string): string {
  return `${path.basename(file)}.`;
}

function cacheName(file: string): string {
  const { size, mtimeMs } = fs.statSync(file);
  return `${cachePrefix(file)}${size}-${Math.round(mtimeMs)}-v8-${process.versions.v8}.codecache`;
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}
