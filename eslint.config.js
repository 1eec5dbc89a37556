// Lint: TypeScript rules everywhere, React hooks rules in the UI, the fence around src/sim — the
// engine stays pure (no UI, no DOM, no clocks, no Math.random) so it runs anywhere and replays — and
// the fences between layers (docs/ARCHITECTURE.md): a feature never imports another feature; only
// the store, the lab package and the drawing code import the engine's values (pages may import its
// types); generic components know nothing of the engine or the stores.

import js from '@eslint/js'
import { readdirSync } from 'node:fs'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const impure = [
  { name: 'window', message: 'src/sim is pure: no DOM.' },
  { name: 'document', message: 'src/sim is pure: no DOM.' },
  { name: 'setTimeout', message: 'src/sim is pure: time comes from the event queue.' },
  { name: 'setInterval', message: 'src/sim is pure: time comes from the event queue.' },
  { name: 'requestAnimationFrame', message: 'src/sim is pure: frames are driven by src/store/playback.ts.' },
  { name: 'performance', message: 'src/sim is pure: no wall clock.' },
]

// A specifier (relative or not) that reaches into src/<dir>/.
const into = (dir) => `(^|/)${dir}/`
/** One fence: files in `files` may not import from the listed source folders. */
const fence = (files, rules, ignores = []) => ({
  files,
  ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'src/**/testFixtures.ts', 'src/**/testArbitraries.ts', ...ignores],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: rules.map(({ dir, message, types }) => ({ regex: into(dir), message, ...(types ? { allowTypeImports: true } : {}) })),
      },
    ],
  },
})
const FEATURES = readdirSync(new URL('./src/features/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
const engineForPages = { dir: 'sim', types: true, message: 'Pages take engine values through src/lab-ui/engine.ts (types may be imported directly).' }

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', 'content/**/*.mdx'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...impure],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'src/sim is pure: use the seeded rng (src/sim/rng.ts).' },
        { object: 'Date', property: 'now', message: 'src/sim is pure: time is simulated.' },
        { object: 'window', message: 'src/sim is pure: no DOM.' },
        { object: 'globalThis', message: 'src/sim is pure: no globals.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'src/sim is pure: time is simulated.' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/sim is pure: no React.' },
            { group: ['zustand', 'zustand/*'], message: 'src/sim is pure: no store.' },
            { group: ['framer-motion', 'motion', 'motion/*'], message: 'src/sim is pure: no animation.' },
            { group: ['**/store/**', '**/features/**', '**/components/**', '**/app/**'], message: 'src/sim is the bottom layer: it imports nothing above it.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/sim runs in the browser too: no Node APIs.' },
          ],
        },
      ],
    },
  },
  fence(['src/draw/**/*.ts'], [
    ...['store', 'lab-ui', 'features', 'components', 'app', 'course', 'embed'].map((dir) => ({ dir, message: 'src/draw is framework-free drawing: it imports only the engine.' })),
  ]),
  fence(['src/store/**/*.{ts,tsx}'], [
    ...['lab-ui', 'features', 'components', 'app', 'course', 'embed', 'draw'].map((dir) => ({ dir, message: 'src/store sits under the UI: it imports only the engine.' })),
  ]),
  fence(['src/course/**/*.{ts,tsx}'], [
    ...['store', 'lab-ui', 'features', 'components', 'app', 'embed', 'draw'].map((dir) => ({ dir, message: 'src/course is content data: it imports only the engine\'s catalog.' })),
  ]),
  fence(['src/components/**/*.{ts,tsx}'], [
    ...['sim', 'store', 'lab-ui', 'features', 'course', 'embed', 'draw'].map((dir) => ({ dir, message: 'src/components are generic UI primitives: no engine, store or feature knowledge.' })),
  ]),
  fence(['src/lms/**/*.{ts,tsx}'], [
    ...['sim', 'store', 'lab-ui', 'features', 'app', 'embed', 'draw', 'course'].map((dir) => ({ dir, message: 'src/lms talks SCORM and packages builds: it knows no lessons, pages or engine (the lessons feature connects it).' })),
  ]),
  fence(['src/lab-ui/**/*.{ts,tsx}'], [
    ...['features', 'app', 'embed', 'course'].map((dir) => ({ dir, message: 'src/lab-ui is a package used by pages: it never imports a page or an entry.' })),
  ]),
  fence(['src/embed/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}'], [
    engineForPages,
    { dir: 'features', message: 'Entries reach pages only through route.ts discovery.' },
  ]),
  ...FEATURES.map((name) =>
    fence([`src/features/${name}/**/*.{ts,tsx}`], [
      engineForPages,
      { dir: 'embed', message: 'A page never imports the embed entry.' },
      ...FEATURES.filter((other) => other !== name).map((other) => ({
        dir: other,
        message: `A feature never imports another feature (${name} → ${other}): move the shared piece into src/lab-ui, src/course or src/components.`,
      })),
    ], [`src/features/${name}/build/**`]),
  ),
)
