// The package as users get it: `npm pack` of the built package (run `npm run build` first), installed
// into a fresh Vite + React app in a temporary folder outside the repository, then:
//   1. `tsc` type-checks the app's main.tsx against the package's types (moduleResolution bundler,
//      skipLibCheck off, so our .d.ts files are checked too) and the app's Node server against
//      `react-screensets/server` (module nodenext, checkJs);
//   2. `vite build` builds the app (it imports `react-screensets` and `react-screensets/styles.css`);
//   3. the app's server (`node serve.mjs`, importing `react-screensets/server` FROM THE INSTALLED
//      PACKAGE) starts the emulator with the memory store (better-sqlite3, an optional peer, is not
//      installed) and serves the built app with Vite's preview server;
//   4. in Chromium, a visitor registers with <RegistrationScreenSet> and subscribes with <LiteSubscribe>,
//      with no page error, the default theme applied, and both accounts in the emulator.
// Any failure exits 1. Timings are printed. KEEP_PACK_TEST=1 keeps the temporary folder.
//
//   npm run build && npm run test:package
import { execFile, spawn } from 'node:child_process'
import { chromiumArgs, chromiumPath } from './chromium.mjs'
import { fillRegistration } from './defaultSiteForm.mjs'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { chromium } from 'playwright-core'

const run = promisify(execFile)
const root = fileURLToPath(new URL('..', import.meta.url))
const started = performance.now()
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`

/** Runs one named step, printing its duration; a failure ends the script with the step's name. */
async function step(name, action) {
  const since = performance.now()
  process.stdout.write(`  ${name} … `)
  try {
    const result = await action()
    console.log(seconds(since))
    return result
  } catch (error) {
    console.log('FAILED')
    throw new Error(`package test: "${name}" failed`, { cause: error })
  }
}

/** A command in a folder; its output is shown only when it fails. */
async function sh(cwd, command, args, timeout = 300_000) {
  try {
    return await run(command, args, { cwd, timeout, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: '1' } })
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}):\n${error.stdout ?? ''}\n${error.stderr ?? ''}`, {
      cause: error,
    })
  }
}

const versionOf = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version

/** The consumer app: a fresh Vite + React project, as `npm create vite` would make, using the package. */
function writeApp(dir, tarball) {
  const pins = (names) => Object.fromEntries(names.map((name) => [name, versionOf(name)]))
  const files = {
    'package.json': JSON.stringify(
      {
        name: 'react-screensets-consumer',
        private: true,
        type: 'module',
        dependencies: {
          ...pins(['react', 'react-dom', 'react-hook-form', '@tanstack/react-query', 'zod']),
          'react-screensets': `file:./${tarball}`,
        },
        devDependencies: pins([
          'vite',
          '@vitejs/plugin-react',
          'typescript',
          '@types/react',
          '@types/react-dom',
          '@types/node',
        ]),
      },
      null,
      2,
    ),
    'index.html': `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><link rel="icon" href="data:," /><title>consumer</title></head>
  <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>
</html>
`,
    'vite.config.ts': `import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
export default defineConfig({ plugins: [react()] })
`,
    'src/main.tsx': `import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import {
  AccountsProvider,
  LiteSubscribe,
  RegistrationScreenSet,
  createAccountsClient,
  type AccountsClient,
  type RegistrationScreenSetProps,
} from 'react-screensets'
import 'react-screensets/styles.css'

const params = new URLSearchParams(location.search)
const client: AccountsClient = createAccountsClient({
  apiKey: params.get('apiKey') ?? '',
  baseUrl: params.get('emulator') ?? '',
})
const onAfterSubmit: RegistrationScreenSetProps['onAfterSubmit'] = () => {
  document.body.dataset.registered = 'true'
}

const root = document.getElementById('root')
if (!root) throw new Error('no #root')
createRoot(root).render(
  <StrictMode>
    <AccountsProvider client={client}>
      <section aria-label="Registration">
        <RegistrationScreenSet onAfterSubmit={onAfterSubmit} />
      </section>
      <section aria-label="Newsletter">
        <LiteSubscribe />
      </section>
    </AccountsProvider>
  </StrictMode>,
)
`,
    'src/css.d.ts': `declare module '*.css'\n`,
    // The browser app, as a bundler-based project checks it; skipLibCheck off checks our .d.ts files too.
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        module: 'ESNext',
        moduleResolution: 'bundler',
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      include: ['src'],
    }),
    // The Node server, as a Node ESM project checks it: `react-screensets/server` under nodenext.
    'tsconfig.node.json': JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        allowJs: true,
        checkJs: true,
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
      },
      include: ['serve.mjs'],
    }),
    'serve.mjs': `// The emulator (memory store), from the installed package, and the built app on Vite's preview server,
// which also lists the emulator's accounts at /__accounts for the test. Vite closes on SIGTERM, and the
// emulator with it.
import { DEFAULT_SITE, createMemoryStore, startEmulatorServer } from 'react-screensets/server'
import { preview } from 'vite'

const emulator = await startEmulatorServer({ store: createMemoryStore() })
/** @type {import('vite').Plugin} */
const accounts = {
  name: 'accounts',
  configurePreviewServer(server) {
    server.middlewares.use('/__accounts', async (_request, response) => {
      const stored = await emulator.emulator.store.listAccounts(DEFAULT_SITE.apiKey)
      response.setHeader('Content-Type', 'application/json')
      response.end(JSON.stringify(stored.map(({ kind, isRegistered, profile }) => ({ kind, isRegistered, email: profile.email }))))
    })
  },
  closePreviewServer: () => emulator.close(),
}
const app = await preview({ configFile: false, plugins: [accounts], preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' })
console.log(JSON.stringify({ app: app.resolvedUrls?.local[0]?.replace(/\\/$/, ''), emulator: emulator.url, apiKey: DEFAULT_SITE.apiKey }))
`,
  }
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
}

/** Starts `node serve.mjs` in the app and resolves to the URLs it prints. */
function startServer(dir) {
  const child = spawn(process.execPath, ['serve.mjs'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.mjs printed no URLs in 30 s:\n${output}`)), 30_000)
    child.stdout.on('data', (chunk) => {
      output += chunk
      const line = output.split('\n').find((text) => text.startsWith('{'))
      if (line) {
        clearTimeout(timer)
        resolve(JSON.parse(line))
      }
    })
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve.mjs exited with ${code}:\n${output}`))
    })
  })
  return { child, ready }
}

async function main() {
  for (const file of [
    'dist/index.js',
    'dist/server.js',
    'dist/testing.js',
    'dist/styles.css',
    'dist/types/index.d.ts',
  ]) {
    if (!existsSync(join(root, file))) throw new Error(`package test: ${file} is missing; run \`npm run build\` first`)
  }
  const dir = mkdtempSync(join(tmpdir(), 'react-screensets-pack-'))
  console.log(`package test in ${dir}`)
  let server
  let browser
  try {
    const packed = await step('npm pack', async () => {
      const { stdout } = await sh(root, 'npm', ['pack', '--json', '--pack-destination', dir])
      return JSON.parse(stdout.slice(stdout.indexOf('[')))[0]
    })
    console.log(`    ${packed.filename}: ${(packed.size / 1024).toFixed(0)} KB packed, ${packed.entryCount} files`)
    writeApp(dir, packed.filename)
    await step('npm install (fresh Vite + React app, from the npm cache)', () =>
      sh(dir, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']),
    )
    if (existsSync(join(dir, 'node_modules/better-sqlite3'))) {
      throw new Error('package test: better-sqlite3 got installed, but it is an optional peer dependency')
    }
    const tsc = join(dir, 'node_modules/typescript/bin/tsc')
    await step('tsc: main.tsx against the package types (bundler, skipLibCheck off)', () =>
      sh(dir, process.execPath, [tsc, '-p', 'tsconfig.json']),
    )
    await step('tsc: serve.mjs against react-screensets/server (nodenext)', () =>
      sh(dir, process.execPath, [tsc, '-p', 'tsconfig.node.json']),
    )
    await step('vite build', () => sh(dir, process.execPath, [join(dir, 'node_modules/vite/bin/vite.js'), 'build']))

    const running = startServer(dir)
    server = running.child
    const urls = await step('start the emulator and the app (node serve.mjs)', () => running.ready)

    browser = await step('launch Chromium', () =>
      chromium.launch({
        executablePath: chromiumPath,
        args: chromiumArgs,
      }),
    )
    const page = await browser.newPage()
    const pageErrors = []
    page.on('pageerror', (error) => pageErrors.push(String(error)))
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`)
    })
    page.setDefaultTimeout(30_000)
    const stamp = Date.now()
    const registered = `pack.${stamp}@example.com`
    const subscribed = `pack.news.${stamp}@example.com`
    const form = page.getByRole('region', { name: 'Registration' })
    const newsletter = page.getByRole('region', { name: 'Newsletter' })

    await step('open the app: both components render, with the default theme', async () => {
      const query = new URLSearchParams({ emulator: urls.emulator, apiKey: urls.apiKey })
      await page.goto(`${urls.app}/?${query}`)
      await form.getByRole('heading', { name: 'Create your account' }).waitFor()
      await newsletter.getByRole('button', { name: 'Subscribe' }).waitFor()
      const fontFamily = await form
        .locator('[data-screenset="registration"]')
        .evaluate((element) => getComputedStyle(element).getPropertyValue('--_rss-font-family'))
      if (!fontFamily.includes('system-ui'))
        throw new Error(`styles.css not applied (--_rss-font-family: '${fontFamily}')`)
    })
    await step('register with <RegistrationScreenSet> → success screen', async () => {
      await fillRegistration(form, { email: registered, password: 'Secret-123' })
      await form.getByRole('button', { name: 'Create account' }).click()
      await form.getByRole('heading', { name: 'You are registered' }).waitFor()
      if ((await form.locator('[data-screenset]').getAttribute('data-screen')) !== 'success') {
        throw new Error('the registration did not end on data-screen="success"')
      }
    })
    await step('subscribe with <LiteSubscribe> → thank-you screen', async () => {
      await newsletter.getByLabel('Email').fill(subscribed)
      await newsletter.getByRole('checkbox', { name: 'Weekly newsletter' }).check()
      await newsletter.getByRole('checkbox', { name: 'Terms of service' }).check()
      await newsletter.getByRole('button', { name: 'Subscribe' }).click()
      await newsletter.getByText('Please check your inbox to confirm your subscription').waitFor()
      if ((await newsletter.locator('[data-screenset]').getAttribute('data-screen')) !== 'thank-you') {
        throw new Error('the subscription did not end on data-screen="thank-you"')
      }
    })
    await step('the emulator holds both accounts; no page error', async () => {
      const accounts = await (await fetch(`${urls.app}/__accounts`)).json()
      const full = accounts.find((account) => account.email === registered)
      const lite = accounts.find((account) => account.email === subscribed)
      if (full?.kind !== 'full' || full.isRegistered !== true)
        throw new Error(`no registered account: ${JSON.stringify(accounts)}`)
      if (lite?.kind !== 'lite') throw new Error(`no lite account: ${JSON.stringify(accounts)}`)
      if (pageErrors.length > 0) throw new Error(`page errors:\n${pageErrors.join('\n')}`)
    })
  } finally {
    await browser?.close()
    server?.kill('SIGTERM')
    if (process.env.KEEP_PACK_TEST) console.log(`kept ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }
  console.log(`package test: ok, the packed tarball installs, type-checks, builds and runs (${seconds(started)})`)
}

main().catch((error) => {
  console.error(`\n${error.message}`)
  for (let cause = error.cause; cause; cause = cause.cause) console.error(cause.message ?? cause)
  console.error(`package test: FAILED after ${seconds(started)}`)
  process.exit(1)
})
