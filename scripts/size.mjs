// Minified + gzip size of each package entry, peers external: what a bundler adds to a host page
// for `import … from 'react-screensets'` before tree-shaking. Prints a table; exits non-zero on error.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const external = [
  ...Object.keys(pkg.peerDependencies),
  /^react\//,
  /^react-dom\//,
  /^zod\//,
  /^node:/,
  'better-sqlite3',
]

const entries = [
  ['react-screensets', 'src/index.ts'],
  ['react-screensets/testing', 'src/testing/index.ts'],
  ['react-screensets/server', 'src/server/index.ts'],
]

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`
const rows = []
for (const [name, entry] of entries) {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry, formats: ['es'], fileName: 'entry' },
      rolldownOptions: { external },
    },
  })
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output)
  const code = chunks
    .filter((chunk) => chunk.type === 'chunk')
    .map((chunk) => chunk.code)
    .join('\n')
  rows.push([name, Buffer.byteLength(code), gzipSync(code, { level: 9 }).length])
}
const css = ['tokens.css', 'theme.css'].map((file) => readFileSync(`src/theme/${file}`, 'utf8')).join('\n')
const minifiedCss = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ')
rows.push(['react-screensets/styles.css', Buffer.byteLength(minifiedCss), gzipSync(minifiedCss, { level: 9 }).length])

console.log('| entry (peers external) | min | min + gzip |')
console.log('|---|---:|---:|')
for (const [name, min, gz] of rows) console.log(`| ${name} | ${kb(min)} | ${kb(gz)} |`)
