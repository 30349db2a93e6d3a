/**
 * Loads a CommonJS file the way `require` does, but compiled with V8's code cache: the bytecode V8
 * made for it at an earlier start, kept in a folder of the user's own (never the temp folder,
 * where another local user could plant bytecode). A start then skips parsing the file and
 * compiling the functions it ran. Node only, and no `vscode`, so it is unit-tested.
 *
 * V8 checks a cache against the source, its own version and its flags, and refuses one that does
 * not match: the file then compiles as usual and the cache is made again. The cache's name also
 * carries the file's size and time, so an update never reads the old one, and removes it.
 */
import * as fs from 'fs';
import Module from 'module';
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
 * Loads `file` into Node's module cache, so that a later `require` of it gets the same instance,
 * compiled with the code cache kept in `cacheFolder` (none without a folder).
 */
export function requireWithCodeCache<T>(file: string, cacheFolder: string | undefined): CachedLoad<T> {
  const source = fs.readFileSync(file, 'utf8');
  const cacheFile = cacheFolder === undefined ? undefined : path.join(cacheFolder, cacheName(file));
  const cachedData = cacheFile === undefined ? undefined : readIfThere(cacheFile);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;

  const module = new Module(file);
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(folder: string): string[] })._nodeModulePaths(path.dirname(file));
  // In the module cache before it runs, as `require` does, so that a require back to it finds it.
  require.cache[file] = module;
  try {
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  module.loaded = true;

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
