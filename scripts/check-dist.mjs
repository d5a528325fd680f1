// Checks the built package (run after `npm run build`) for what React Server Components frameworks
// rely on:
//  - the client entry (`exports['.']`, dist/index.js) opens with the 'use client' directive;
//  - no other file of dist carries it: the other entries (`react-screensets/prefetch`, `/server`,
//    `/testing`, the CLI) run on servers, the CAPTCHA adapters (`/captcha/*`) export no component, and
//    the shared and on-demand chunks are imported from both;
//  - no other entry imports the client entry, statically, however indirectly (a server module that
//    reached it would get client references instead of functions).
// Exits 1 with the list of problems, 0 with a one-line summary.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = join(root, 'dist')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

/** A directive is a string statement at the very top, before any other statement or comment. */
const USE_CLIENT = /^(?:#![^\n]*\n)?\s*(['"])use client\1;?/
const STATIC_IMPORT = /^\s*(?:import|export)\b[^'"]*?\bfrom\s*(['"])(\.[^'"]+)\1|^\s*import\s*(['"])(\.[^'"]+)\3/gm

const problems = []
const show = (file) => relative(root, file)
const read = (file) => readFileSync(file, 'utf8')

if (!existsSync(dist)) {
  console.error('check-dist: dist/ is missing; run `npm run build` first')
  process.exit(1)
}

const clientEntry = resolve(root, pkg.exports['.'].default)
const otherEntries = [
  ...Object.entries(pkg.exports)
    .filter(([path, target]) => path !== '.' && typeof target === 'object' && target.default)
    .map(([, target]) => resolve(root, target.default)),
  ...Object.values(pkg.bin ?? {}).map((file) => resolve(root, file)),
]

if (!USE_CLIENT.test(read(clientEntry))) problems.push(`${show(clientEntry)} does not open with 'use client'`)

const chunks = readdirSync(dist)
  .filter((name) => name.endsWith('.js'))
  .map((name) => join(dist, name))
for (const chunk of chunks) {
  if (chunk !== clientEntry && USE_CLIENT.test(read(chunk))) problems.push(`${show(chunk)} carries 'use client'`)
}

/** Every file a module reaches through static imports, itself included. */
function staticClosure(entry) {
  const seen = new Set()
  const queue = [entry]
  while (queue.length > 0) {
    const file = queue.pop()
    if (seen.has(file)) continue
    seen.add(file)
    for (const match of read(file).matchAll(STATIC_IMPORT)) {
      queue.push(resolve(dirname(file), match[2] ?? match[4]))
    }
  }
  return seen
}

for (const entry of otherEntries) {
  if (!existsSync(entry)) {
    problems.push(`${show(entry)} is missing`)
    continue
  }
  if (staticClosure(entry).has(clientEntry))
    problems.push(`${show(entry)} imports the client entry ${show(clientEntry)}`)
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`check-dist: ${problem}`)
  process.exit(1)
}
console.log(
  `check-dist: 'use client' opens ${show(clientEntry)} only; ${otherEntries.length} other entries and ` +
    `${chunks.length - 1} other chunks are free of it and never import the client entry`,
)
