/**
 * Which lazily loaded parts of the extension have been evaluated. Heavy modules record
 * themselves at load, so the benchmark can show that activation and the first tree render
 * leave them alone.
 */
const loaded: string[] = [];

export function recordModuleLoad(name: string): void {
  loaded.push(name);
}

export function loadedModules(): readonly string[] {
  return loaded;
}
