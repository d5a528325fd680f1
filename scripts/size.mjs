// Bundle sizes, min + gzip (level 9), from Vite production builds:
//  1. each package entry with its peers external (what the library itself weighs);
//  2. real pages (React, the peers and our code, tree-shaken), minus a bare React page: what a page
//     pays for our components.
// Prints tables, each figure against its budget in scripts/size-budgets.json, and the product goals
// (reported, never enforced). Exits non-zero on a build error.
//
//   --check      also fail (exit 1) when a figure is over its budget, or when tree-shaking breaks: the
//                LiteSubscribe page must not carry registration code, the RegistrationScreenSet page
//                no LiteSubscribe code, the main entry and the pages no CAPTCHA adapter (each is an entry
//                of its own), and no initial JS a non-English catalog or the .NET pattern translator and its
//                backtracking guard (those load on demand).
//   --breakdown  what each page's initial JS is made of: per peer package and per module of ours.
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { build, minifySync } from 'vite'

const flags = process.argv.slice(2)
const unknown = flags.filter((flag) => !['--check', '--breakdown'].includes(flag))
if (unknown.length > 0) {
  console.error(`usage: node scripts/size.mjs [--check] [--breakdown] (unknown: ${unknown.join(' ')})`)
  process.exit(2)
}
const check = flags.includes('--check')
const breakdown = flags.includes('--breakdown')

const root = fileURLToPath(new URL('..', import.meta.url))
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const limits = JSON.parse(readFileSync(new URL('./size-budgets.json', import.meta.url), 'utf8'))
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
/** Problems found by --check; each is printed, and any makes the run fail. */
const problems = []

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
    initialCode: [...initial].map((chunk) => chunk.code).join('\n'),
    lazyCode: lazy.map((chunk) => chunk.code).join('\n'),
    /** The on-demand chunks, with their min + gzip size. */
    lazyChunks: lazy.map((chunk) => ({ code: chunk.code, gz: gzip(chunk.code) })),
    /** The modules rendered into the initial JS (path from the repo root → rendered code). */
    initialModules: new Map(
      [...initial].flatMap((chunk) =>
        Object.entries(chunk.modules)
          .filter(([, module]) => module.renderedLength > 0)
          .map(([id, module]) => [id.startsWith(root) ? id.slice(root.length) : id.replace(/^\0/, ''), module.code]),
      ),
    ),
  }
}

/** Figures by section and name, as in the budgets file (bytes, min + gzip). */
const measured = { entries: {}, css: {}, pagesOverBareReact: {} }

const entries = [
  ['react-screensets', 'src/index.ts'],
  ['react-screensets/prefetch', 'src/prefetch.ts'],
  ['react-screensets/testing', 'src/testing/index.ts'],
  ['react-screensets/server', 'src/server/index.ts'],
  ['react-screensets/captcha/recaptcha', 'src/captcha/recaptcha.ts'],
  ['react-screensets/captcha/funcaptcha', 'src/captcha/funcaptcha.ts'],
]
const entryBuilds = new Map()
console.log('| entry (peers external) | min | min + gzip |')
console.log('|---|---:|---:|')
for (const [name, entry] of entries) {
  const result = await jsOf({
    lib: { entry, formats: ['es'], fileName: 'entry' },
    rolldownOptions: { external },
  })
  entryBuilds.set(name, result)
  measured.entries[name] = result.gz
  const { min, gz, lazyCount, lazyGz } = result
  const lazy = lazyCount > 0 ? ` (+ ${lazyCount} on-demand chunks, largest ${kb(lazyGz)})` : ''
  console.log(`| ${name} | ${kb(min)} | ${kb(gz)}${lazy} |`)
}
const css = ['tokens.css', 'theme.css'].map((file) => readFileSync(`${root}src/theme/${file}`, 'utf8')).join('\n')
const minifiedCss = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ')
measured.css['react-screensets/styles.css'] = gzip(minifiedCss)
console.log(`| react-screensets/styles.css | ${kb(Buffer.byteLength(minifiedCss))} | ${kb(gzip(minifiedCss))} |`)

const page = (file) => jsOf({ rolldownOptions: { input: `${root}bench/pages/${file}` } }, [react()])
const bare = await page('bare.tsx')
const pages = new Map([['bare React 19 page', bare]])
console.log('\n| page (production build, initial JS) | min + gzip | over bare React |')
console.log('|---|---:|---:|')
console.log(`| bare React 19 page | ${kb(bare.gz)} | — |`)
for (const [name, file] of [
  ['RegistrationScreenSet', 'registration.tsx'],
  ['LiteSubscribe', 'lite.tsx'],
  ['both components', 'both.tsx'],
]) {
  const result = await page(file)
  pages.set(name, result)
  measured.pagesOverBareReact[name] = result.gz - bare.gz
  console.log(`| ${name} | ${kb(result.gz)} | ${kb(result.gz - bare.gz)} |`)
}

// The .NET pattern translator and its backtracking guard load on demand, only for a site with patterns.
const PATTERN_SUPPORT_MARKERS = {
  modules: ['src/schema/translateDotnetRegex.ts', 'src/shared/backtracking.ts'],
  // A refusal of the backtracking guard and one of the translator: strings that survive minification.
  strings: ['overlapping alternatives in a repeated group', 'balancing group'],
}
console.log('\n| on-demand chunk: pattern support (translator + backtracking guard) | min + gzip |')
console.log('|---|---:|')
for (const [name, result] of pages) {
  if (result === bare) continue
  const chunk = result.lazyChunks.find(({ code }) =>
    PATTERN_SUPPORT_MARKERS.strings.every((marker) => code.includes(marker)),
  )
  console.log(`| ${name} | ${chunk ? kb(chunk.gz) : 'not found'} |`)
}

// Peers with the same 6 fields (bench/pages/peers; dev-only dependencies), for ratios in this run. Not in
// the budgets, and skipped by --check (CI) to keep it quick.
if (!check) {
  const both = pages.get('both components')
  console.log(
    '\n| peer page, 6 fields (production build, initial JS) | min + gzip | over bare React | both our components / it |',
  )
  console.log('|---|---:|---:|---:|')
  for (const [name, file] of [
    ['hand-written: react-hook-form + zod + TanStack Query', 'peers/handwritten.tsx'],
    ['react-jsonschema-form (@rjsf/core + validator-ajv8)', 'peers/rjsf.tsx'],
  ]) {
    const result = await page(file)
    const over = result.gz - bare.gz
    console.log(`| ${name} | ${kb(result.gz)} | ${kb(over)} | ${((both.gz - bare.gz) / over).toFixed(2)}× |`)
  }
}

// Budgets: every figure has one, and every budget a figure (a renamed entry must not go unchecked).
const sectionTitles = { entries: 'entry', css: 'stylesheet', pagesOverBareReact: 'page, over bare React' }
console.log(`\n| budget (min + gzip) | measured | budget | |`)
console.log('|---|---:|---:|---|')
for (const [section, title] of Object.entries(sectionTitles)) {
  const budgets = limits.budgets?.[section] ?? {}
  for (const name of new Set([...Object.keys(measured[section]), ...Object.keys(budgets)])) {
    const value = measured[section][name]
    const budget = budgets[name]
    const label = `${title}: ${name}`
    if (value === undefined) {
      problems.push(`budget for "${label}" measures nothing: remove it from scripts/size-budgets.json`)
      console.log(`| ${label} | — | ${kb(budget)} | STALE |`)
    } else if (typeof budget !== 'number') {
      problems.push(`no budget for "${label}" (${value} B): add one to scripts/size-budgets.json`)
      console.log(`| ${label} | ${kb(value)} | — | NO BUDGET |`)
    } else if (value > budget) {
      const over = `${value - budget} B (${(((value - budget) / budget) * 100).toFixed(1)}%)`
      problems.push(`${label}: ${value} B, ${over} over its budget of ${budget} B`)
      console.log(`| ${label} | ${kb(value)} | ${kb(budget)} | OVER by ${over} |`)
    } else {
      console.log(`| ${label} | ${kb(value)} | ${kb(budget)} | ok, ${budget - value} B to spare |`)
    }
  }
}

// Goals: where the product wants to be. Reported, not enforced.
console.log('\n| goal (over bare React, min + gzip) | measured | goal | |')
console.log('|---|---:|---:|---|')
for (const [name, goal] of Object.entries(limits.goals?.pagesOverBareReact ?? {})) {
  const value = measured.pagesOverBareReact[name]
  if (value === undefined) {
    problems.push(`goal for "${name}" measures nothing: fix scripts/size-budgets.json`)
    continue
  }
  const status = value <= goal ? 'MET' : `NOT MET, ${kb(value - goal)} to go`
  console.log(`| ${name} | ${kb(value)} | ${kb(goal)} | ${status} |`)
}
for (const [name, goal] of Object.entries(limits.goals?.ownCode ?? {})) {
  const result = pages.get(name)
  if (result === undefined) {
    problems.push(`own-code goal for "${name}" measures nothing: fix scripts/size-budgets.json`)
    continue
  }
  const value = ownCodeOf(result)
  const status = value <= goal ? 'MET' : `NOT MET, ${kb(value - goal)} to go`
  console.log(`| ${name}: our own code | ${kb(value)} | ${kb(goal)} | ${status} |`)
}

if (check) treeShakingChecks()
if (breakdown) for (const [name, result] of pages) if (result !== bare) printBreakdown(name, result)

if (problems.length > 0) {
  const verdict = check ? 'size check failed' : 'would fail `npm run size:check`'
  console.error(`\n${verdict}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
  if (check) {
    console.error('(`node scripts/size.mjs --breakdown` shows what each page is made of)')
    process.exitCode = 1
  }
} else if (check) {
  console.log('\nsize check passed: every figure within budget, tree-shaking intact')
}

/**
 * Importing one component must not bring the other's code, and the language catalogs must stay
 * on-demand chunks. Checked twice: by the modules rendered into the initial JS, and by strings
 * that survive minification. Every marker must be found where it belongs (registration markers on
 * the RegistrationScreenSet page, each catalog's marker in an on-demand chunk), so a renamed
 * module or string makes the check fail instead of pass vacuously.
 */
function treeShakingChecks() {
  const registrationOnly = {
    // The registration screen-set: the component, its hook and its state machine.
    modules: [
      'src/components/RegistrationScreenSet.tsx',
      'src/react/useRegistrationScreenSet.ts',
      'src/flows/registrationMachine.ts',
    ],
    // In the built code only these three modules have it (src/react/screenSetEvents.ts names it in a
    // type). Not usable: 'complete-registration' (also src/schema/deriveFields.ts, shared) and
    // 'finalizeRegistration' (also the accounts client, shared).
    strings: ['verification-pending'],
  }
  const liteOnly = {
    modules: ['src/components/LiteSubscribe.tsx', 'src/react/useLiteSubscribe.ts'],
    // The thank-you screen and its outcome, the inline layout attribute.
    strings: ['thank-you', 'pending-confirmation', 'data-layout'],
  }
  // One phrase per non-English catalog, read from the catalogs themselves: the register button.
  const catalogDir = `${root}src/i18n/catalogs/`
  const catalogs = readdirSync(catalogDir)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => {
      const match = /\bsubmit_register: '([^'\\]+)'/.exec(readFileSync(catalogDir + file, 'utf8'))
      if (!match) problems.push(`no \`submit_register: '…'\` in src/i18n/catalogs/${file} to mark that catalog by`)
      return { lang: file.replace(/\.ts$/, ''), marker: match?.[1] }
    })
    .filter(({ marker }) => marker !== undefined)

  const lines = []
  const expect = (ok, description, failure) => {
    lines.push(`| ${description} | ${ok ? 'ok' : 'FAIL'} |`)
    if (!ok) problems.push(failure)
  }
  /** A page (bench/pages) or a package entry, by name, and how to call it in a message. */
  const buildOf = (name) => pages.get(name) ?? entryBuilds.get(name)
  const titleOf = (name) => (pages.has(name) ? `${name} page` : `entry ${name}`)
  const mustHave = (name, markers, what) => {
    const result = buildOf(name)
    for (const module of markers.modules)
      expect(
        result.initialModules.has(module),
        `${titleOf(name)} has ${module}`,
        `marker module ${module} (${what}) is not in the ${titleOf(name)}: update the marker list in scripts/size.mjs`,
      )
    for (const string of markers.strings)
      expect(
        result.initialCode.includes(string),
        `${titleOf(name)} has '${string}'`,
        `marker string '${string}' (${what}) is not in the ${titleOf(name)}: update the marker list in scripts/size.mjs`,
      )
  }
  const mustNotHave = (name, markers, what) => {
    const result = buildOf(name)
    const broken = `tree-shaking is broken, follow the imports from ${pages.has(name) ? 'bench/pages' : 'the entry'}`
    for (const module of markers.modules)
      expect(
        !result.initialModules.has(module),
        `${titleOf(name)} has no ${module}`,
        `the initial JS of the ${titleOf(name)} contains ${module} (${what}): ${broken}`,
      )
    for (const string of markers.strings)
      expect(
        !result.initialCode.includes(string),
        `${titleOf(name)} has no '${string}'`,
        `the initial JS of the ${titleOf(name)} contains '${string}' (${what}): ${broken}`,
      )
  }

  // The pattern translator and the backtracking guard: never in a page's initial JS, always in a chunk of
  // its own (so the check cannot pass by the strings having been renamed).
  for (const name of ['RegistrationScreenSet', 'LiteSubscribe', 'both components']) {
    mustNotHave(
      name,
      PATTERN_SUPPORT_MARKERS,
      'the .NET pattern translator or the backtracking guard, loaded on demand',
    )
    const { lazyCode } = pages.get(name)
    for (const string of PATTERN_SUPPORT_MARKERS.strings)
      expect(
        lazyCode.includes(string),
        `${name} page: '${string}' in an on-demand chunk`,
        `the ${name} page has no on-demand chunk with '${string}' (pattern support, src/schema/patternSupport.ts): update the markers in scripts/size.mjs`,
      )
  }

  mustHave('RegistrationScreenSet', registrationOnly, 'registration-only code')
  mustHave('LiteSubscribe', liteOnly, 'LiteSubscribe-only code')
  mustNotHave('LiteSubscribe', registrationOnly, 'registration-only code')
  mustNotHave('RegistrationScreenSet', liteOnly, 'LiteSubscribe-only code')
  // The register and login screens' field machinery: the lite form works out its own fields without it,
  // and loads the general resolver only for extra `fields` (liteExtrasQueryOptions).
  mustNotHave(
    'LiteSubscribe',
    {
      modules: ['src/schema/fixedFields.ts', 'src/schema/liteExtraFields.ts', 'src/schema/resolveField.ts'],
      strings: [],
    },
    "the register and login screens' field machinery",
  )
  // The profile screen-set is for signed-in users: a sign-up or newsletter page never carries it, and
  // the TFA screens load only when a login or registration meets a second factor.
  const profileScreenSet = {
    modules: [
      'src/components/ProfileScreenSet.tsx',
      'src/react/useProfileScreenSet.ts',
      'src/flows/profileMachine.ts',
      'src/i18n/enProfile.ts',
    ],
    strings: [],
  }
  mustHave('react-screensets', profileScreenSet, 'the profile screen-set')
  const tfaScreens = { modules: ['src/components/screens/tfaScreens.tsx'], strings: [] }
  for (const name of ['RegistrationScreenSet', 'LiteSubscribe', 'both components']) {
    mustNotHave(name, profileScreenSet, 'the profile screen-set')
    mustNotHave(name, tfaScreens, 'the TFA screens, loaded on demand')
  }
  // Developer warnings leave production builds (process.env.NODE_ENV guards): one string per module.
  for (const name of ['RegistrationScreenSet', 'LiteSubscribe', 'both components'])
    mustNotHave(
      name,
      { modules: [], strings: ['is not rendered: ', 'is not checked in the browser', 'showing the English text'] },
      'a development warning',
    )

  // The CAPTCHA adapters are entries of their own, so that a site pays only for the vendor it uses: the
  // main entry may import their types, never their code.
  const recaptchaAdapter = {
    modules: ['src/captcha/recaptcha.ts', 'src/captcha/loadScript.ts'],
    strings: ['https://www.google.com/recaptcha/'],
  }
  const funcaptchaAdapter = {
    modules: ['src/captcha/funcaptcha.ts', 'src/captcha/loadScript.ts'],
    strings: ['https://client-api.arkoselabs.com/v2/'],
  }
  mustHave('react-screensets/captcha/recaptcha', recaptchaAdapter, 'the reCAPTCHA adapter')
  mustHave('react-screensets/captcha/funcaptcha', funcaptchaAdapter, 'the FunCaptcha adapter')
  const anyAdapter = {
    modules: [...new Set([...recaptchaAdapter.modules, ...funcaptchaAdapter.modules])],
    strings: [...recaptchaAdapter.strings, ...funcaptchaAdapter.strings],
  }
  for (const name of ['react-screensets', 'RegistrationScreenSet', 'LiteSubscribe', 'both components'])
    mustNotHave(name, anyAdapter, 'CAPTCHA adapter code')

  const builds = [...[...entryBuilds].filter(([name]) => name === 'react-screensets'), ...pages]
  for (const [name, result] of builds) {
    const eager = [...result.initialModules.keys()].filter((module) => module.startsWith('src/i18n/catalogs/'))
    const inlined = catalogs.filter(({ marker }) => result.initialCode.includes(marker))
    expect(
      eager.length === 0 && inlined.length === 0,
      `${name}: no catalog in initial JS`,
      `the initial JS of ${name} contains a non-English catalog (${[...eager, ...inlined.map(({ lang, marker }) => `${lang}: '${marker}'`)].join(', ')}): catalogs must stay on-demand chunks (src/i18n/loadCatalog.ts)`,
    )
    if (result === bare) continue
    const missing = catalogs.filter(({ marker }) => !result.lazyCode.includes(marker))
    expect(
      missing.length === 0,
      `${name}: every catalog in an on-demand chunk`,
      `${name} has no on-demand chunk with ${missing.map(({ lang, marker }) => `${lang} ('${marker}')`).join(', ')}`,
    )
  }

  console.log('\n| tree-shaking (initial JS) | |')
  console.log('|---|---|')
  for (const line of lines) console.log(line)
}

/** A page's initial JS grouped by peer package and by module of ours, each minified alone. */
function minifiedGroups(result) {
  const groupOf = (id) => {
    const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)
    return inPackage ? inPackage[1] : id
  }
  const groups = new Map()
  for (const [id, code] of result.initialModules) {
    const group = groupOf(id)
    groups.set(group, `${groups.get(group) ?? ''}${code}\n`)
  }
  return new Map(
    [...groups].map(([group, code]) => [
      group,
      minifySync('module.js', code, { compress: false, mangle: { toplevel: true } }).code,
    ]),
  )
}

/** Our own code's share of a page (min + gzip): the whole, less the peers gzipped alone. */
function ownCodeOf(result) {
  const minified = minifiedGroups(result)
  const peers = [...minified].filter(([group]) => !group.startsWith('src/')).map(([, code]) => code)
  return gzip([...minified.values()].join('\n')) - gzip(peers.join('\n'))
}

/**
 * What a page's initial JS is made of: each peer package and each module of ours, minified alone
 * (whitespace and names; `min` sums close to the real figure), and what leaving it out would save
 * of the page's min + gzip (the other groups gzipped without it).
 */
function printBreakdown(name, result) {
  const minified = minifiedGroups(result)
  const all = gzip([...minified.values()].join('\n'))
  const rows = [...minified].map(([group, code]) => ({
    group,
    min: Buffer.byteLength(code),
    saves:
      all -
      gzip(
        [...minified]
          .filter(([other]) => other !== group)
          .map(([, other]) => other)
          .join('\n'),
      ),
  }))
  rows.sort((a, b) => b.saves - a.saves)
  const ours = rows.filter((row) => row.group.startsWith('src/'))
  const sumOf = (list, key) => list.reduce((total, row) => total + row[key], 0)
  console.log(`\n| ${name} page: package or module | min | min + gzip saved without it |`)
  console.log('|---|---:|---:|')
  for (const row of rows.filter((row) => !row.group.startsWith('src/') || row.saves >= 256))
    console.log(`| ${row.group} | ${kb(row.min)} | ${kb(row.saves)} |`)
  console.log(
    `| (all of src/, ${ours.length} modules) | ${kb(sumOf(ours, 'min'))} | ${kb(
      all -
        gzip(
          rows
            .filter((row) => !row.group.startsWith('src/'))
            .map((row) => minified.get(row.group))
            .join('\n'),
        ),
    )} |`,
  )
}
