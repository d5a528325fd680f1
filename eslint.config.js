import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const noReact = {
  group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
  message: 'This layer is framework-free (DESIGN.md §1).',
}
const noNode = {
  group: ['node:*', 'better-sqlite3'],
  message: 'Browser code must not import Node modules or native packages.',
}
const noNodeSide = {
  group: ['**/emulator', '**/emulator/*', '**/server', '**/server/*', '**/testing', '**/testing/*'],
  message: 'Browser code must not import the emulator, the server or the testing helpers.',
}
const noSchema = {
  group: ['**/schema', '**/schema/*'],
  message: 'The emulator judges independently: it must not import src/schema.',
}

/** The layer rules of DESIGN.md §1, as import restrictions per folder. */
const layers = [
  {
    files: ['src/accounts/**', 'src/captcha/**', 'src/schema/**', 'src/flows/**', 'src/i18n/**'],
    patterns: [noReact, noNode, noNodeSide],
  },
  { files: ['src/react/**', 'src/components/**'], patterns: [noNode, noNodeSide] },
  { files: ['src/emulator/**'], patterns: [noReact, noNode, noSchema] },
  // Leaf utilities every layer may import: they import nothing of ours.
  {
    files: ['src/shared/**'],
    patterns: [
      noReact,
      noNode,
      { group: ['../*', '!../shared'], message: 'src/shared imports nothing from the other layers.' },
    ],
  },
].map(({ files, patterns }) => ({
  files: files.map((glob) => `${glob}/*.{ts,tsx}`),
  ignores: ['**/*.test.{ts,tsx}'],
  rules: { 'no-restricted-imports': ['error', { patterns }] },
}))

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'coverage/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.strict,
  reactHooks.configs.flat['recommended-latest'],
  jsxA11y.flatConfigs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // `boolean | void` is how event callbacks say "return false to cancel, or nothing".
      '@typescript-eslint/no-invalid-void-type': 'off',
    },
  },
  {
    files: [
      'src/server/**',
      'scripts/**',
      'test/**',
      'bench/**',
      'demo/*.config.ts',
      'demo/emulatorPlugin.ts',
      '*.config.{js,ts}',
      '.storybook/**',
      '.ci/**',
    ],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  ...layers,
  prettier,
)
