import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { demoEmulator } from './emulatorPlugin.ts'

/**
 * The policy of a site with strict security headers: no inline script or style, no eval, nothing from
 * another origin. The preview of the built demo sends it (test/e2e/csp.test.ts holds the page to it).
 */
// img-src adds data: for the text CAPTCHA's image (a data URL), on sites that ask for one.
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"

/**
 * `npm start`: the emulator with the default site (or SITE) and a page that embeds the components
 * the way an app would. PORT, EMULATOR_PORT, EMULATOR_DB and SITE override the defaults.
 * `npm run demo:build` then `npm run demo:preview`: the same page, built, under STRICT_CSP.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
    demoEmulator({
      port: Number(process.env.EMULATOR_PORT ?? 8787),
      db: process.env.EMULATOR_DB ?? ':memory:',
      siteFile: process.env.SITE,
    }),
  ],
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: process.env.PORT !== undefined,
    host: '127.0.0.1',
    fs: { allow: ['..'] },
  },
  preview: {
    port: Number(process.env.PORT ?? 4173),
    strictPort: process.env.PORT !== undefined,
    host: '127.0.0.1',
    headers: { 'Content-Security-Policy': STRICT_CSP },
  },
  // Known up front, so the first page load never triggers a re-optimisation and a reload.
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-dev-runtime',
      'react-dom/client',
      '@tanstack/react-query',
      'react-hook-form',
      'zod/mini',
    ],
  },
  clearScreen: false,
})
