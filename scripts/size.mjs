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

async function jsOf(buildOptions, plugins = []) {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins,
    build: { write: false, minify: true, ...buildOptions },
  })
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output)
  const code = chunks.filter((chunk) => chunk.type === 'chunk')
  return {
    min: code.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.code), 0),
    gz: code.reduce((sum, chunk) => sum + gzip(chunk.code), 0),
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
  const { min, gz } = await jsOf({ lib: { entry, formats: ['es'], fileName: 'entry' }, rolldownOptions: { external } })
  console.log(`| ${name} | ${kb(min)} | ${kb(gz)} |`)
}
const css = ['tokens.css', 'theme.css'].map((file) => readFileSync(`${root}src/theme/${file}`, 'utf8')).join('\n')
const minifiedCss = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ')
console.log(`| react-screensets/styles.css | ${kb(Buffer.byteLength(minifiedCss))} | ${kb(gzip(minifiedCss))} |`)

const page = (file) => jsOf({ rolldownOptions: { input: `${root}bench/pages/${file}` } }, [react()])
const bare = await page('bare.tsx')
console.log('\n| page (production build, all JS) | min + gzip | over bare React |')
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
