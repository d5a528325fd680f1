/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig, type Plugin } from 'vite'
import pkg from './package.json' with { type: 'json' }

const root = fileURLToPath(new URL('.', import.meta.url))

/** Debian's Chromium, launched the way this workplace's closed network needs (no downloads, no sync). */
const chromium = playwright({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
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
        server: 'src/server/index.ts',
        testing: 'src/testing/index.ts',
        cli: 'src/server/cli.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: { external },
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
