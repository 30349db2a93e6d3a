// Lint: typescript-eslint's type-checked recommended rules over the extension, its tests and the
// page scripts, and the layers of `src/` (eslint.layers.mjs). `npm run lint` runs it, and
// `npm test` runs lint first.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layerRules, unplaced } from './eslint.layers.mjs';

// A folder or top-level file of src/ that no layer names would escape the layer rules unseen.
const sourceEntries = readdirSync(new URL('./src', import.meta.url), { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
const strays = unplaced(sourceEntries.filter((entry) => entry.endsWith('/') || entry.endsWith('.ts')));
if (strays.length > 0) throw new Error(`src/ has ${strays.join(', ')} in no layer: place each in LAYERS in eslint.layers.mjs.`);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'roadmaps/scaffolds/**', 'test/fixtures/**', '.vscode-test/**'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Unused arguments named with a leading underscore say "required by the signature".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layerRules('src'),
  {
    // Short functions: a command's work lives in a named function beside its registration, where it
    // reads and tests alone. Registration (a feature's index.ts, the entries) gets less room.
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src/*/index.ts', 'src/extension.ts', 'src/extension.web.ts', 'src/features.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['media/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } },
  },
  {
    files: ['eslint.layers.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
  {
    files: ['esbuild.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
);
