// Production builds of the bench pages (bench/keystroke/pages/*.tsx): our source tree-shaken as in an
// app, with an HTML file for each page.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import { PAGES } from './settings.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const pagesDir = `${root}bench/keystroke/pages/`

/** Builds every page into `outDir`: `<page>.html` loading `<page>.js`, shared code under `chunks/`. */
export async function buildPages(outDir) {
  await build({
    configFile: false,
    root,
    mode: 'production',
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
      rolldownOptions: {
        input: Object.fromEntries(PAGES.map((page) => [page, `${pagesDir}${page}.tsx`])),
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  })
  for (const page of PAGES) {
    writeFileSync(
      join(outDir, `${page}.html`),
      `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${page}</title></head>\n` +
        `<body><div id="root"></div><script type="module" src="./${page}.js"></script></body>\n</html>\n`,
    )
  }
}
