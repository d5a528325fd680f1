import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * The memory test's page, built for production (as a host ships it): both components over the
 * in-browser emulator, mounted and unmounted on command.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  logLevel: 'error',
  build: { emptyOutDir: true, reportCompressedSize: false },
})
