import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as esbuild from 'esbuild';
import { PROJECT_ROOT } from '../host/workbench';

// Start-up (dist/extension.js) and the rest of the extension (dist/start.js) are bundles that share
// no module (esbuild.js): a module both import has a copy in each. That is safe only for modules
// without state of their own, whose objects are not told apart by `instanceof` (start-up hands its
// objects to the rest). These tests read what each bundle holds the way the build bundles it.

async function inputsOf(entry: string): Promise<string[]> {
  const { metafile } = await esbuild.build({
    entryPoints: [path.join(PROJECT_ROOT, entry)],
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    metafile: true,
    outdir: 'unused',
    external: ['vscode', 'ml-roadmaps:*', 'yaml', 'markdown-it'],
    supported: { 'dynamic-import': false },
    logLevel: 'silent',
  });
  return Object.keys(metafile.inputs).filter((input) => input.startsWith('src/'));
}

/** What makes a module unsafe to have twice: state at its top level, or `instanceof`. */
function stateOf(source: string): string[] {
  const found: string[] = [];
  source.split('\n').forEach((line, i) => {
    if (/^(export )?(let|var) /.test(line)) found.push(`line ${i + 1}: module-level variable`);
    // A RegExp keeps state between uses only with the g or y flag.
    const statelessPattern = /= new RegExp\(/.test(line) && !/, ['"`][a-z]*[gy]/.test(line);
    if (/^(export )?const \w+(: [^=]+)? = new /.test(line) && !statelessPattern) found.push(`line ${i + 1}: module-level object`);
    if (/\binstanceof\b/.test(line.replace(/\/\/.*|^\s*\*.*/, ''))) found.push(`line ${i + 1}: instanceof`);
  });
  return found;
}

suite('Start-up bundle', () => {
  let first: string[];
  let rest: Set<string>;
  suiteSetup(async () => {
    first = await inputsOf('src/startup/main.ts');
    rest = new Set(await inputsOf('src/extension.ts'));
  });

  test('holds start-up, the view and the progress store, and not the model, the catalog or any feature', () => {
    for (const needed of ['src/startup/index.ts', 'src/tree/view.ts', 'src/storage/progressStore.ts']) assert.ok(first.includes(needed), needed);
    const beyond = first.filter((input) => /^src\/(core|checks|plan|dashboard|details|scaffold|links|notes|search|transfer|webview)\/|^src\/model\/(loader|document)\.ts$/.test(input));
    assert.deepStrictEqual(beyond, []);
  });

  test('shares with the rest only modules without state of their own and without instanceof', () => {
    const shared = first.filter((input) => rest.has(input));
    assert.ok(shared.length > 0, 'the two bundles are read (they share the constants at least)');
    const unsafe = shared.flatMap((input) => stateOf(fs.readFileSync(path.join(PROJECT_ROOT, input), 'utf8')).map((s) => `${input} ${s}`));
    assert.deepStrictEqual(unsafe, []);
  });

  test('the state check finds what it looks for', () => {
    const found = stateOf("let cache = 1;\nexport const registry = new Map();\nif (x instanceof Y) {}\n// a instanceof b\nconst ok = 1;\nconst P = new RegExp('^a$');\nconst G = new RegExp('a', 'g');\n");
    assert.deepStrictEqual(found, ['line 1: module-level variable', 'line 2: module-level object', 'line 3: instanceof', 'line 7: module-level object']);
  });
});
