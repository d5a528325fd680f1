// @vitest-environment node
/**
 * The `screensets-server` CLI as a user runs it: built with Vite, started as a child process on a
 * SQLite file, killed with SIGKILL right after a registration was acknowledged, and started again.
 * What was acknowledged must still be there, and tokens issued before the crash must still verify.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { AccountsError, createAccountsClient } from '../../../src/accounts'
import { DEFAULT_SITE } from '../../../src/emulator'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const API_KEY = DEFAULT_SITE.apiKey
const PASSWORD = 'Secret-123'
const COMPLETE = {
  profile: { firstName: 'Ada', zip: '10001' },
  data: { terms: true },
  preferences: { terms: { tos: { isConsentGranted: true } } },
  finalizeRegistration: true,
}

/** Inside the repository, so the built CLI resolves better-sqlite3 from its node_modules. */
const outDir = join(ROOT, 'node_modules', '.cache', `screensets-durability-${randomBytes(6).toString('hex')}`)
const dataDir = mkdtempSync(join(tmpdir(), 'screensets-durability-'))
let cliPath = ''

const children = new Set<ChildProcess>()

interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
}

function exited(child: ChildProcess): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
}

function spawnCli(args: readonly string[]): { child: ChildProcess; output: { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, [cliPath, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  child.once('exit', () => children.delete(child))
  const output = { stdout: '', stderr: '' }
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk))
  return { child, output }
}

/** Starts the CLI and resolves once it prints the URL it listens on. */
async function startCli(args: readonly string[]): Promise<{ child: ChildProcess; url: string; stdout: () => string }> {
  const { child, output } = spawnCli(['--port', '0', ...args])
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 15 s; stderr: ${output.stderr}`)), 15_000)
    const onData = () => {
      const match = /react-screensets emulator listening on (http:\/\/\S+)/.exec(output.stdout)
      if (!match) return
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      resolve(match[1] as string)
    }
    child.stdout?.on('data', onData)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`CLI exited (${code ?? signal}) before listening; stderr: ${output.stderr}`))
    })
  })
  return { child, url, stdout: () => output.stdout }
}

/** Runs the CLI to its end (for the options that make it exit). */
async function runCli(args: readonly string[]): Promise<Exit & { stdout: string; stderr: string }> {
  const { child, output } = spawnCli(args)
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
  const exit = await exited(child)
  clearTimeout(timer)
  return { ...exit, ...output }
}

async function kill(child: ChildProcess): Promise<Exit> {
  child.kill('SIGKILL')
  return exited(child)
}

/** A form POST with the site's server credentials, as a developer inspects the emulator. */
async function adminCall(url: string, method: string, site: { apiKey: string; userKey: string; secret: string }) {
  const response = await fetch(`${url}/${method}`, {
    method: 'POST',
    body: new URLSearchParams({ apiKey: site.apiKey, userKey: site.userKey, secret: site.secret }),
  })
  return (await response.json()) as Record<string, unknown>
}

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true })
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(ROOT, 'src/server/cli.ts'), formats: ['es'], fileName: 'cli' },
      rolldownOptions: { external: [/^node:/, 'better-sqlite3'] },
    },
  })
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((item) => ('output' in item ? item.output : []))
  const entry = outputs.find((chunk) => chunk.type === 'chunk' && chunk.isEntry)
  // `cli.js` today (an ES library in a `"type": "module"` package); read it from the build to be sure.
  expect(entry?.fileName).toMatch(/^cli\.m?js$/)
  cliPath = join(outDir, entry?.fileName as string)
  expect(existsSync(cliPath)).toBe(true)
}, 60_000)

afterEach(async () => {
  await Promise.all([...children].map(kill))
})

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

describe('the screensets-server CLI', { timeout: 60_000 }, () => {
  it('keeps an acknowledged registration, and its token key, across a SIGKILL', async () => {
    const db = join(dataDir, 'accounts.db')
    const args = ['--db', db, '--hash-iterations', '1000']
    const email = `durable-${Date.now()}@example.com`

    const first = await startCli(args)
    const before = createAccountsClient({ apiKey: API_KEY, baseUrl: first.url })
    const heldToken = (await before.initRegistration()).regToken
    const usedToken = (await before.initRegistration()).regToken
    const registered = await before.register({ regToken: usedToken, email, password: PASSWORD, ...COMPLETE })
    // The crash comes right after the acknowledgement: no clean shutdown, no checkpoint.
    const exit = await kill(first.child)
    expect(registered.UID).toMatch(/^[0-9a-f]{32}$/)
    expect(exit.signal).toBe('SIGKILL')
    expect(existsSync(`${db}-wal`)).toBe(true)

    const second = await startCli(args)
    expect(second.url).not.toBe('')
    const after = createAccountsClient({ apiKey: API_KEY, baseUrl: second.url })

    // (a) the account is listed, registered
    const listed = await adminCall(second.url, 'emulator.listAccounts', DEFAULT_SITE)
    expect(listed.errorCode).toBe(0)
    const accounts = listed.accounts as Array<{ UID: string; isRegistered: boolean; loginIDs: { emails: string[] } }>
    const account = accounts.find((candidate) => candidate.UID === registered.UID)
    expect(account).toMatchObject({ isRegistered: true, loginIDs: { emails: [email] } })

    // (b) its password still logs in
    const login = await after.login({ loginID: email, password: PASSWORD })
    expect(login.UID).toBe(registered.UID)

    // (c) a token issued before the crash still verifies (the signing key is in the file) ...
    const secondEmail = `durable-second-${Date.now()}@example.com`
    const another = await after.register({ regToken: heldToken, email: secondEmail, password: PASSWORD, ...COMPLETE })
    expect(another.UID).toMatch(/^[0-9a-f]{32}$/)
    expect(another.UID).not.toBe(registered.UID)
    // ... and the one used before the crash stays used.
    const reuse = await after
      .register({ regToken: usedToken, email: `reuse-${Date.now()}@example.com`, password: PASSWORD, ...COMPLETE })
      .catch((error: unknown) => error)
    expect(reuse).toBeInstanceOf(AccountsError)
    expect(reuse).toMatchObject({ errorCode: 400006, errorDetails: 'Invalid regToken' })
  })

  it('prints its usage for --help and exits 0', async () => {
    const result = await runCli(['--help'])
    expect(result).toMatchObject({ code: 0, signal: null, stderr: '' })
    expect(result.stdout).toContain('screensets-server')
    for (const option of ['--port', '--host', '--db', '--site', '--rate-limit', '--hash-iterations', '--help']) {
      expect(result.stdout).toContain(option)
    }
    expect(result.stdout).not.toContain('listening')
  })

  it.each([
    ['invalid JSON', '{ "apiKey": "3_x", ', /screensets-server: .*JSON/],
    [
      'a non-string apiKey',
      JSON.stringify({ apiKey: 42, userKey: 'u', secret: 's' }),
      /"apiKey" must be a non-empty string/,
    ],
    ['a missing secret', JSON.stringify({ apiKey: '3_x', userKey: 'u' }), /"secret" must be a non-empty string/],
    [
      'an unknown field type',
      JSON.stringify({
        apiKey: '3_x',
        userKey: 'u',
        secret: 's',
        schema: { profileSchema: { fields: { zip: { type: 'zipcode' } } } },
      }),
      /schema\.profileSchema\.fields\["zip"\]\.type "zipcode" is not one of/,
    ],
    [
      'policies that are not an object',
      JSON.stringify({ apiKey: '3_x', userKey: 'u', secret: 's', policies: [] }),
      /"policies" must be an object/,
    ],
  ])('refuses a --site file with %s: non-zero exit, a readable message', async (_name, contents, message) => {
    const file = join(dataDir, `site-${randomBytes(4).toString('hex')}.json`)
    writeFileSync(file, contents)
    const result = await runCli(['--port', '0', '--site', file])
    expect(result.code).not.toBe(0)
    expect(result.code).not.toBeNull()
    expect(result.stderr).toMatch(/^screensets-server: /)
    expect(result.stderr).toMatch(message)
    // One line for a person, not a stack trace.
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stdout).not.toContain('listening')
  })

  it('refuses a --site file that does not exist', async () => {
    const missing = join(dataDir, 'no-such-site.json')
    const result = await runCli(['--port', '0', '--site', missing])
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/^screensets-server: .*no-such-site\.json/)
  })

  it('serves the apiKey of a custom --site file', async () => {
    const site = { apiKey: '3_custom_site', userKey: 'custom-user-key', secret: 'custom-secret' }
    const file = join(dataDir, 'custom-site.json')
    writeFileSync(file, JSON.stringify(site))
    const { url, stdout } = await startCli(['--site', file, '--hash-iterations', '1000'])
    // The banner names the site's apiKey (its lines may arrive after the URL).
    await vi.waitFor(() => expect(stdout()).toMatch(/apiKey +3_custom_site/))

    const custom = createAccountsClient({ apiKey: site.apiKey, baseUrl: url })
    const schema = await custom.getSchema()
    // A site file without a profileSchema gets SAP's reserved profile fields.
    expect(Object.keys(schema.profileSchema?.fields ?? {})).toEqual(expect.arrayContaining(['email', 'firstName']))
    expect((await adminCall(url, 'emulator.listAccounts', site)).errorCode).toBe(0)

    const other = createAccountsClient({ apiKey: API_KEY, baseUrl: url })
    await expect(other.getSchema()).rejects.toMatchObject({ errorCode: 400093 })
  })
})
