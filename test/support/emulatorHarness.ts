import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAccountsClient, type AccountsClient, type AccountsError } from '../../src'
import { DEFAULT_SITE, startEmulatorServer, type RunningEmulatorServer, type SiteConfig } from '../../src/server'

export const PASSWORD = 'Secret-123'

/** DEFAULT_SITE with another apiKey and some policy sections merged over its own. */
export function siteWith(
  apiKey: string,
  policies: Record<string, Record<string, unknown>> = {},
  extra: Partial<SiteConfig> = {},
): SiteConfig {
  const site = structuredClone(DEFAULT_SITE)
  site.apiKey = apiKey
  const sections = site.policies as Record<string, Record<string, unknown>>
  for (const [section, values] of Object.entries(policies)) sections[section] = { ...sections[section], ...values }
  return { ...site, ...extra }
}

/** The fields DEFAULT_SITE requires, all filled. */
export const COMPLETE = {
  profile: { firstName: 'Ada', zip: '10001' },
  data: { terms: true },
  preferences: { terms: { tos: { isConsentGranted: true } } },
}

export interface Harness {
  server: RunningEmulatorServer
  dbPath: string
  clock: { now: number }
  client(apiKey?: string, lang?: string): AccountsClient
  /** A call with the site's server credentials (the inspection calls, getAccountInfo, setSchema). */
  admin(method: string, params?: Record<string, unknown>, site?: SiteConfig): Promise<Record<string, unknown>>
  /** A raw form POST, for parameters the typed client would not send. */
  raw(method: string, params: Record<string, string>): Promise<Record<string, unknown>>
  /**
   * A finalized `accounts.register` over a raw POST, with a fresh regToken and every field the
   * default site requires (`COMPLETE`); `params` adds or replaces (`email`, `password`, …).
   */
  register(params: Record<string, string>, apiKey?: string): Promise<Record<string, unknown>>
  close(): Promise<void>
}

/** The emulator over real HTTP with a real SQLite file, a clock the test moves, fast hashing. */
export async function startHarness(
  sites: SiteConfig[] = [DEFAULT_SITE],
  rateLimit: { max: number; windowMs: number } | false = false,
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'screensets-emulator-'))
  const dbPath = join(dir, 'accounts.db')
  const clock = { now: Date.now() }
  const server = await startEmulatorServer({
    db: dbPath,
    sites,
    passwordHashIterations: 1000,
    now: () => clock.now,
    rateLimit,
    warn: () => {},
  })
  const post = async (method: string, params: Record<string, unknown>) => {
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries(params))
      body.append(key, typeof value === 'string' ? value : JSON.stringify(value))
    const response = await fetch(`${server.url}/${method}`, { method: 'POST', body })
    return (await response.json()) as Record<string, unknown>
  }
  return {
    server,
    dbPath,
    clock,
    client: (apiKey = DEFAULT_SITE.apiKey, lang) =>
      createAccountsClient({ apiKey, baseUrl: server.url, ...(lang ? { lang } : {}) }),
    admin: (method, params = {}, site = DEFAULT_SITE) =>
      post(method, { apiKey: site.apiKey, userKey: site.userKey, secret: site.secret, ...params }),
    raw: (method, params) => post(method, params),
    async register(params, apiKey = DEFAULT_SITE.apiKey) {
      const { regToken } = await post('accounts.initRegistration', { apiKey })
      return post('accounts.register', {
        apiKey,
        regToken,
        password: PASSWORD,
        profile: COMPLETE.profile,
        data: COMPLETE.data,
        preferences: COMPLETE.preferences,
        finalizeRegistration: 'true',
        ...params,
      })
    },
    async close() {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

let counter = 0
/** A fresh email per call, so tests sharing a server never collide by accident. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1
  return `${prefix}.${counter}.${Date.now()}@example.com`
}

export async function rejection(promise: Promise<unknown>): Promise<AccountsError> {
  return promise.then(
    () => {
      throw new Error('expected the call to reject')
    },
    (error: unknown) => error as AccountsError,
  )
}
