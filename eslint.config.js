// ESLint (flat config): typescript-eslint's recommended rules, no `any`, and the architecture
// as rules (eslint/boundaries.js). `npm run lint`; `npm test` runs it before the unit tests.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layerwise from './eslint/boundaries.js';

// The analyzer's pipeline stages, in order: a stage imports only itself and earlier stages.
// analysis.ts runs parse → rules; simulate sits on it (a build-argument change re-runs the
// analysis); render draws what any of them produced; index.ts re-exports.
const stage = (name, rank) => ({ name: `analyzer/${name}`, path: `src/analyzer/${name}`, rank, packages: false, node: false });
const areas = [
  stage('core', 0),
  stage('image', 1),
  stage('shell', 2),
  stage('parse', 3),
  stage('instructions', 4),
  stage('graph', 5),
  stage('rules', 6),
  { name: 'analyzer/analysis', path: 'src/analyzer/analysis.ts', rank: 7, packages: false, node: false },
  stage('simulate', 8),
  stage('render', 9),
  { name: 'analyzer', path: 'src/analyzer/index.ts', rank: 10, packages: false, node: false },
  // The live example: model code is pure (Astro renders it at build time, the browser runs it).
  { name: 'live/model', path: 'src/live/model', may: ['analyzer'], node: false, packages: false },
  { name: 'live/adapters', path: 'src/live/adapters', may: ['analyzer', 'live/model'], node: false },
  { name: 'live/browser', path: 'src/live/browser', may: ['analyzer', 'live/model', 'live/adapters'], node: false },
  { name: 'live/components', path: 'src/live/components', may: ['analyzer', 'live/model', 'live/adapters', 'live/browser', 'authoring'] },
  { name: 'authoring', path: 'src/authoring', may: ['analyzer', 'live/model'] },
  { name: 'search', path: 'src/search', may: [], node: false },
  { name: 'links', path: 'src/links', may: ['live/model'], node: false },
  { name: 'policy', path: 'src/policy', may: ['analyzer'], node: false },
  { name: 'changelog', path: 'src/changelog', may: ['analyzer'], node: false },
  { name: 'embed', path: 'src/embed', may: ['live/model', 'authoring'], node: false },
  // The build draws the examples' graphs with the browser's own Mermaid adapter.
  { name: 'integrations', path: 'src/integrations', may: ['analyzer', 'live/model', 'live/adapters', 'authoring'] },
  { name: 'cli', path: 'src/cli', may: ['analyzer'] },
];
// The analyzer facade and its public types are what the rest of the tree imports.
for (const area of areas.filter((a) => a.rank === undefined)) area.may = [...new Set([...(area.may ?? []), ...(area.may?.includes('analyzer') ? areas.filter((a) => a.rank !== undefined).map((a) => a.name) : [])])];

export default tseslint.config(
  { ignores: ['dist*/**', 'node_modules/**', '.astro/**', 'test-results/**', 'playwright-report/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,js,mjs}'],
    plugins: { layerwise },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'layerwise/imports': ['error', { areas }],
      'layerwise/file-names': 'error',
    },
  },
  {
    // Plain JavaScript files (configs, bin/) run in Node.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
);
