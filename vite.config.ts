/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig, type Plugin } from 'vite'
import pkg from './package.json' with { type: 'json' }
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs'

const root = fileURLToPath(new URL('.', import.meta.url))

/** Debian's Chromium, launched the way this workplace's closed network needs (no downloads, no sync). */
const chromium = playwright({
  launchOptions: {
    executablePath: chromiumPath,
    args: chromiumArgs,
  },
})

/** Emits `styles.css` (tokens + theme) beside the JS entries. */
function stylesheet(): Plugin {
  return {
    name: 'react-screensets:stylesheet',
    apply: 'build',
    generateBundle() {
      const read = (file: string) => readFileSync(`${root}src/theme/${file}`, 'utf8')
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: `${read('tokens.css')}\n${read('theme.css')}` })
    },
  }
}

/**
 * React 18 beside the root's React 19 for the `unit-react18` project: test/react18 has its own
 * node_modules, so react-dom 18 loads react 18 there, and these aliases send every `react`/`react-dom`
 * import that Vite transforms (our code, the tests, the inlined libraries below) to the same copy.
 */
const react18 = `${root}test/react18/node_modules/`
const onReact18 = [
  { find: /^react(\/.*)?$/, replacement: `${react18}react$1` },
  { find: /^react-dom(\/.*)?$/, replacement: `${react18}react-dom$1` },
]

const external = [
  ...Object.keys(pkg.peerDependencies),
  /^react\//,
  /^react-dom\//,
  /^zod\//,
  /^node:/,
  'better-sqlite3',
]

export default defineConfig({
  plugins: [react(), stylesheet()],
  // Pre-bundled up front: a dependency discovered mid-run makes Vite reload the browser tests, and a
  // second copy of React breaks hooks.
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-dev-runtime',
      'react-dom',
      'react-dom/client',
      'react-dom/server',
      '@tanstack/react-query',
      'react-hook-form',
      'zod/mini',
      '@testing-library/react',
      '@testing-library/user-event',
      '@testing-library/jest-dom/vitest',
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        prefetch: 'src/prefetch.ts',
        server: 'src/server/index.ts',
        testing: 'src/testing/index.ts',
        cli: 'src/server/cli.ts',
        'captcha/recaptcha': 'src/captcha/recaptcha.ts',
        'captcha/funcaptcha': 'src/captcha/funcaptcha.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      // The main entry is a client module for React Server Components frameworks. The directive goes in
      // as a banner because bundling drops module-level directives; the chunks it imports need none.
      output: { banner: (chunk) => (chunk.isEntry && chunk.name === 'index' ? "'use client';" : '') },
    },
  },
  test: {
    reporters: ['default', './test/summaryReporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Projects run in groups, one after another, so the browser-heavy ones never share the
          // machine's two cores with each other (timing-sensitive end-to-end steps stay reliable).
          sequence: { groupOrder: 0 },
          environment: 'jsdom',
          include: ['test/unit/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup.unit.ts'],
        },
      },
      {
        extends: true,
        resolve: { alias: onReact18, mainFields: ['module', 'jsnext:main', 'jsnext'] },
        test: {
          name: 'unit-react18',
          sequence: { groupOrder: 0 },
          environment: 'jsdom',
          include: ['test/unit/components/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup.unit.ts'],
          // Loaded by Node, these would import the root's React 19; transformed by Vite, they get the alias.
          // `mainFields` above picks Testing Library's ESM build: its CJS `main` would `require` React 19.
          server: { deps: { inline: ['@testing-library/react', '@tanstack/react-query', 'react-hook-form'] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 3 },
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        // Every story is a test: it renders, its play function runs, and axe finds no violation.
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('.storybook', import.meta.url)) })],
        test: {
          name: 'storybook',
          sequence: { groupOrder: 1 },
          setupFiles: ['.storybook/vitest.setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [{ browser: 'chromium' }],
            viewport: { width: 1024, height: 900 },
            screenshotFailures: false,
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          sequence: { groupOrder: 2 },
          include: ['test/browser/**/*.test.{ts,tsx}'],
          globalSetup: ['test/browser/globalSetup.ts'],
          setupFiles: ['test/setup.browser.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [{ browser: 'chromium' }],
            viewport: { width: 1024, height: 900 },
            screenshotFailures: false,
          },
        },
      },
    ],
  },
})
