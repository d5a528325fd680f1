// Bundle sizes, min + gzip (level 9), from Vite production builds:
//  1. each package entry with its peers external (what the library itself weighs);
//  2. real pages (React, the peers and our code, tree-shaken), minus a bare React page: what a page
//     pays for our components. Prints tables; exits non-zero on a build error.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { build } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const external = [
  ...Object.keys(pkg.peerDependencies),
  /^react\//,
  /^react-dom\//,
  /^zod\//,
  /^node:/,
  'better-sqlite3',
]
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const gzip = (code) => gzipSync(code, { level: 9 }).length

/**
 * Initial JS of a build: the entry chunks and what they import statically. Chunks reached only by
 * `import()` (the language catalogs) are loaded on demand, so they are reported apart.
 */
async function jsOf(buildOptions, plugins = []) {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins,
    build: { write: false, minify: true, ...buildOptions },
  })
  const chunks = (Array.isArray(output) ? output : [output])
    .flatMap((result) => result.output)
    .filter((chunk) => chunk.type === 'chunk')
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
  const initial = new Set()
  const visit = (chunk) => {
    if (!chunk || initial.has(chunk)) return
    initial.add(chunk)
    for (const name of chunk.imports) visit(byName.get(name))
  }
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk)
  const lazy = chunks.filter((chunk) => !initial.has(chunk))
  const sum = (list, measure) => list.reduce((total, chunk) => total + measure(chunk.code), 0)
  return {
    min: sum([...initial], Buffer.byteLength),
    gz: sum([...initial], gzip),
    lazyCount: lazy.length,
    lazyGz: lazy.length === 0 ? 0 : Math.max(...lazy.map((chunk) => gzip(chunk.code))),
  }
}

const entries = [
  ['react-screensets', 'src/index.ts'],
  ['react-screensets/testing', 'src/testing/index.ts'],
  ['react-screensets/server', 'src/server/index.ts'],
]
console.log('| entry (peers external) | min | min + gzip |')
console.log('|---|---:|---:|')
for (const [name, entry] of entries) {
  const { min, gz, lazyCount, lazyGz } = await jsOf({
    lib: { entry, formats: ['es'], fileName: 'entry' },
    rolldownOptions: { external },
  })
  const lazy = lazyCount > 0 ? ` (+ ${lazyCount} on-demand chunks, largest ${kb(lazyGz)})` : ''
  console.log(`| ${name} | ${kb(min)} | ${kb(gz)}${lazy} |`)
}
const css = ['tokens.css', 'theme.css'].map((file) => readFileSync(`${root}src/theme/${file}`, 'utf8')).join('\n')
const minifiedCss = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ')
console.log(`| react-screensets/styles.css | ${kb(Buffer.byteLength(minifiedCss))} | ${kb(gzip(minifiedCss))} |`)

const page = (file) => jsOf({ rolldownOptions: { input: `${root}bench/pages/${file}` } }, [react()])
const bare = await page('bare.tsx')
console.log('\n| page (production build, initial JS) | min + gzip | over bare React |')
console.log('|---|---:|---:|')
console.log(`| bare React 19 page | ${kb(bare.gz)} | — |`)
for (const [name, file] of [
  ['RegistrationScreenSet', 'registration.tsx'],
  ['LiteSubscribe', 'lite.tsx'],
  ['both components', 'both.tsx'],
]) {
  const { gz } = await page(file)
  console.log(`| ${name} | ${kb(gz)} | ${kb(gz - bare.gz)} |`)
}
