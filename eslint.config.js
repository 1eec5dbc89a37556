// Lint: TypeScript rules everywhere, React hooks rules in the UI, and the fence around src/sim —
// the engine stays pure (no UI, no DOM, no clocks, no Math.random) so it runs anywhere and replays.

import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const impure = [
  { name: 'window', message: 'src/sim is pure: no DOM.' },
  { name: 'document', message: 'src/sim is pure: no DOM.' },
  { name: 'setTimeout', message: 'src/sim is pure: time comes from the event queue.' },
  { name: 'setInterval', message: 'src/sim is pure: time comes from the event queue.' },
  { name: 'requestAnimationFrame', message: 'src/sim is pure: only src/store/playback.ts drives frames.' },
  { name: 'performance', message: 'src/sim is pure: no wall clock.' },
]

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'content/**/*.mdx'] },
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
)
