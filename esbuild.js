// Bundles the extension into dist/ (see `buildNode` and `buildWeb`). `--production` minifies, `--watch` rebuilds on change.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * Validates roadmaps/*.yaml with the extension's own loader and returns what the extension shows
 * at start-up without reading or parsing YAML, by the module name the sources import it under:
 * the documents, and the outlines the tree's first rows are drawn from. A broken file fails the build.
 */
async function compileRoadmaps() {
  const compilers = "export { compileBundle } from './src/core/bundle'; export { outlinesOf } from './src/startup/compileOutlines';";
  const { outputFiles } = await esbuild.build({ stdin: { contents: compilers, resolveDir: __dirname, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, require);
  const files = fs.readdirSync('roadmaps').filter((f) => f.endsWith('.yaml')).sort();
  const bundle = module.exports.compileBundle(files.map((name) => ({ name, text: fs.readFileSync(path.join('roadmaps', name), 'utf8') })));
  return {
    'ml-roadmaps:bundled-roadmaps': { file: 'roadmaps.json', data: bundle },
    'ml-roadmaps:roadmap-outlines': { file: 'outlines.json', data: module.exports.outlinesOf(bundle) },
  };
}

/** Matches the names of the modules compileRoadmaps serves. */
const COMPILED_MODULE = /^ml-roadmaps:(bundled-roadmaps|roadmap-outlines)$/;

/**
 * Serves the compiled roadmaps to the web bundle: each as a JSON string inside it (a web worker
 * loads one file). JSON.parse of a string is faster for V8 than the same data as an object literal.
 */
function compiledRoadmapsPlugin(compiled) {
  return {
    name: 'compiled-roadmaps',
    setup(build) {
      build.onResolve({ filter: COMPILED_MODULE }, (args) => ({ path: args.path, namespace: 'compiled-roadmaps' }));
      build.onLoad({ filter: /.*/, namespace: 'compiled-roadmaps' }, (args) => ({ contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(compiled[args.path].data))});`, loader: 'js' }));
    },
  };
}

/**
 * The Node bundle reads the compiled roadmaps from files beside it (dist/roadmaps.json,
 * dist/outlines.json), on first use: as a string inside dist/start.js the 40 KB of documents cost
 * V8 about 5 ms to scan every time the extension loads, before the first rows; Node reads and
 * parses such a file in well under 1 ms.
 */
function compiledRoadmapFilesPlugin(compiled) {
  return {
    name: 'compiled-roadmap-files',
    setup(build) {
      build.onResolve({ filter: COMPILED_MODULE }, (args) => ({ path: `./${compiled[args.path].file}`, external: true }));
    },
  };
}

/** Writes the compiled roadmaps' files. */
function writeCompiledRoadmaps(compiled) {
  fs.mkdirSync('dist', { recursive: true });
  for (const { file, data } of Object.values(compiled)) fs.writeFileSync(path.join('dist', file), JSON.stringify(data));
}

/**
 * Libraries only lazily loaded code needs (the YAML parser for user files, markdown-it for the
 * pages) go to files of their own beside the bundle, so starting the extension does not even
 * read them: `require('yaml')` in the bundle becomes `require('./yaml.js')`.
 */
const LAZY_LIBRARIES = { yaml: 'yaml.js', 'markdown-it': 'markdown-it.js' };

const lazyLibrariesPlugin = {
  name: 'lazy-libraries',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(LAZY_LIBRARIES).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: `./${LAZY_LIBRARIES[args.path]}`, external: true }));
  },
};

/**
 * esbuild gives every module that does `import * as vscode from 'vscode'` its own copy of the
 * API's several hundred properties (its `__toESM` helper); twenty such copies took about 8 ms
 * of a 56 ms CPU profile of our activation. Routing every import through one module that
 * re-exports the API makes that a single copy.
 */
const oneVscodeNamespacePlugin = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/** The lazy libraries, each a file of its own beside the bundle (see LAZY_LIBRARIES). */
async function buildLazyLibraries() {
  await Promise.all(
    Object.entries(LAZY_LIBRARIES).map(([library, file]) =>
      esbuild.build({ stdin: { contents: `module.exports = require(${JSON.stringify(library)});`, resolveDir: __dirname }, bundle: true, format: 'cjs', platform: 'node', target: 'node20', outfile: `dist/${file}`, minify: production, logLevel: 'silent' }),
    ),
  );
}

/**
 * The Node extension, as bundles that share nothing (a module both import is in both, each copy
 * with its own state; see src/startup/main.ts for how start-up hands over):
 *   dist/extension.js    src/startup/main.ts, package.json's `main`: draws the tree's first rows,
 *                        then loads dist/start.js with V8's code cache
 *   dist/start.js        src/extension.ts and everything it imports: the rest of the extension
 *   dist/parseWorker.js  the worker thread that parses workspace roadmaps (src/core/parser.ts)
 */
async function buildNode(roadmaps) {
  writeCompiledRoadmaps(roadmaps);
  const result = await esbuild.build({
    entryPoints: { extension: 'src/startup/main.ts', start: 'src/extension.ts', parseWorker: 'src/core/parseWorker.ts' },
    outdir: 'dist',
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // `import()` of a file beside the bundle becomes a require: main.ts runs start.js as a
    // vm.Script (for the code cache), which has no module loader for a real `import()`.
    supported: { 'dynamic-import': false },
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [oneVscodeNamespacePlugin, lazyLibrariesPlugin, compiledRoadmapFilesPlugin(roadmaps)],
  });
  return result.errors;
}

/** Prints errors as `file:line:column: message` so the editor's problem matcher can link them. */
function reportErrors(errors) {
  for (const { text, location } of errors) {
    console.error(`✘ [ERROR] ${text}`);
    if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
  }
}

/**
 * The web extension (`browser` in package.json) for the web worker extension host of VS Code for
 * the Web: dist/extension.web.js, one file. A worker cannot require a sibling file, so the lazy
 * libraries (yaml, markdown-it) are inside it; esbuild still evaluates their modules only on
 * first use. Importing a Node built-in anywhere fails the build, naming the importer.
 */
const nodeBuiltinsPlugin = {
  name: 'no-node-built-ins',
  setup(build) {
    const builtins = new Set(require('module').builtinModules);
    build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!builtins.has(name) && !builtins.has(name.split('/')[0])) return undefined;
      return { errors: [{ text: `Node built-in "${args.path}" imported by ${require("path").relative(process.cwd(), args.importer)}: the web extension runs in a web worker without Node` }] };
    });
  },
};

async function buildWeb(roadmaps) {
  const result = await esbuild.build({
    entryPoints: ['src/extension.web.ts'],
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    outfile: 'dist/extension.web.js',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [nodeBuiltinsPlugin, oneVscodeNamespacePlugin, compiledRoadmapsPlugin(roadmaps)],
  });
  return result.errors;
}

/** Every bundle; the errors of all of them (a build that throws gives its errors too). */
async function buildEverything(roadmaps) {
  const errorsOf = (build) => build.then((errors) => errors ?? [], (error) => error.errors ?? [{ text: String(error.message ?? error) }]);
  const results = await Promise.all([errorsOf(buildLazyLibraries()), errorsOf(buildNode(roadmaps)), errorsOf(buildWeb(roadmaps))]);
  return results.flat();
}

async function main() {
  // Files an older build wrote and this one does not (a bundle renamed or merged) would still be
  // packaged from dist/; start from an empty folder.
  fs.rmSync('dist', { recursive: true, force: true });
  const roadmaps = await compileRoadmaps();
  if (!watch) {
    const errors = await buildEverything(roadmaps);
    reportErrors(errors);
    if (errors.length) process.exit(1);
    return;
  }
  // Watching: the whole build again after a burst of changes under src/ (the bundled roadmaps are
  // compiled once; restart the watch after editing roadmaps/*.yaml).
  let timer;
  const rebuild = async () => {
    console.log('[watch] build started');
    reportErrors(await buildEverything(roadmaps));
    console.log('[watch] build finished');
  };
  fs.watch('src', { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, 100);
  });
  await rebuild();
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
