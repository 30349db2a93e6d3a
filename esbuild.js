// Bundles the extension into dist/extension.js. `--production` minifies, `--watch` rebuilds on change.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors as `file:line:column: message` so the editor's problem matcher can link them. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * Validates roadmaps/*.yaml with the extension's own loader and returns the documents the
 * extension shows at start-up without reading or parsing YAML. A broken file fails the build.
 */
async function compileRoadmaps() {
  const fs = require('fs');
  const path = require('path');
  const { outputFiles } = await esbuild.build({ entryPoints: ['src/core/bundle.ts'], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, require);
  const files = fs.readdirSync('roadmaps').filter((f) => f.endsWith('.yaml')).sort();
  return module.exports.compileBundle(files.map((name) => ({ name, text: fs.readFileSync(path.join('roadmaps', name), 'utf8') })));
}

/** Serves `ml-roadmaps:bundled-roadmaps` to the bundle: the compiled roadmaps as a JSON string. */
function bundledRoadmapsPlugin(bundle) {
  return {
    name: 'bundled-roadmaps',
    setup(build) {
      build.onResolve({ filter: /^ml-roadmaps:bundled-roadmaps$/ }, (args) => ({ path: args.path, namespace: 'bundled-roadmaps' }));
      // JSON.parse of a string is faster for V8 than the same data as an object literal.
      build.onLoad({ filter: /.*/, namespace: 'bundled-roadmaps' }, () => ({ contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(bundle))});`, loader: 'js' }));
    },
  };
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

async function buildLazyLibraries() {
  await Promise.all(
    Object.entries(LAZY_LIBRARIES).map(([library, file]) =>
      esbuild.build({ stdin: { contents: `module.exports = require(${JSON.stringify(library)});`, resolveDir: __dirname }, bundle: true, format: 'cjs', platform: 'node', target: 'node20', outfile: `dist/${file}`, minify: production, logLevel: 'silent' }),
    ),
  );
}

/** The worker thread that parses workspace roadmaps off the extension host (src/core/parser.ts). */
async function buildParseWorker() {
  await esbuild.build({ entryPoints: ['src/core/parseWorker.ts'], bundle: true, format: 'cjs', platform: 'node', target: 'node20', outfile: 'dist/parseWorker.js', minify: production, logLevel: 'silent', plugins: [lazyLibrariesPlugin] });
}

async function main() {
  const roadmaps = await compileRoadmaps();
  await buildLazyLibraries();
  await buildParseWorker();
  const ctx = await esbuild.context({
    entryPoints: ['src/extension.ts'],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: 'dist/extension.js',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'silent',
    metafile: true,
    plugins: [oneVscodeNamespacePlugin, lazyLibrariesPlugin, bundledRoadmapsPlugin(roadmaps), ...(watch ? [problemMatcherPlugin] : [])],
  });
  if (watch) {
    await ctx.watch();
    return;
  }
  const result = await ctx.rebuild();
  await ctx.dispose();
  if (result.errors.length) process.exit(1);
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

async function buildWeb() {
  const ctx = await esbuild.context({
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
    plugins: [nodeBuiltinsPlugin, oneVscodeNamespacePlugin, bundledRoadmapsPlugin(await compileRoadmaps()), ...(watch ? [problemMatcherPlugin] : [])],
  });
  if (watch) {
    await ctx.watch();
    return;
  }
  const result = await ctx.rebuild().catch((error) => error);
  await ctx.dispose();
  for (const { text, location } of result.errors) console.error(`✘ [web] ${location ? `${location.file}:${location.line}:${location.column}: ` : ''}${text}`);
  if (result.errors.length) process.exit(1);
}

Promise.all([main(), buildWeb()]).catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
