import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { demoEmulator } from './emulatorPlugin.ts'

/**
 * `npm start`: the emulator with the default site (or SITE) and a page that embeds the components
 * the way an app would. PORT, EMULATOR_PORT, EMULATOR_DB and SITE override the defaults.
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
