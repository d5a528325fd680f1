/**
 * The emulator over real HTTP on a real SQLite file that a test can restart (same file, same clock),
 * for the session and TFA tests: revocation and TFA state must survive a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulatorServer, type RunningEmulatorServer, type SiteConfig } from '../../../src/server'
import { COMPLETE, PASSWORD } from '../../support/emulatorHarness'

export type Body = Record<string, unknown>

export interface Restartable {
  clock: { now: number }
  dbPath: string
  /** A client call (no credentials) to `site` (the first site by default). */
  call(method: string, params: Record<string, unknown>, site?: SiteConfig): Promise<Body>
  /** A call with the site's server credentials. */
  admin(method: string, params: Record<string, unknown>, site?: SiteConfig): Promise<Body>
  /** A finalized registration with every required field. */
  register(email: string, site?: SiteConfig, extra?: Record<string, unknown>): Promise<Body>
  /** Stops the server and starts it again on the same file. */
  restart(): Promise<void>
  close(): Promise<void>
}

export async function startRestartable(sites: SiteConfig[]): Promise<Restartable> {
  const dir = mkdtempSync(join(tmpdir(), 'screensets-sessions-'))
  const dbPath = join(dir, 'accounts.db')
  const clock = { now: Date.now() }
  const start = () =>
    startEmulatorServer({
      db: dbPath,
      sites,
      passwordHashIterations: 1000,
      now: () => clock.now,
      rateLimit: false,
      warn: () => {},
    })
  let server: RunningEmulatorServer = await start()
  const [first] = sites as [SiteConfig]
  const post = async (method: string, params: Record<string, unknown>) => {
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined) body.append(key, typeof value === 'string' ? value : JSON.stringify(value))
    }
    const response = await fetch(`${server.url}/${method}`, { method: 'POST', body })
    return (await response.json()) as Body
  }
  const call = (method: string, params: Record<string, unknown>, site = first) =>
    post(method, { apiKey: site.apiKey, ...params })
  return {
    clock,
    dbPath,
    call,
    admin: (method, params, site = first) =>
      post(method, { apiKey: site.apiKey, userKey: site.userKey, secret: site.secret, ...params }),
    async register(email, site = first, extra = {}) {
      const { regToken } = await call('accounts.initRegistration', {}, site)
      return call(
        'accounts.register',
        { regToken, email, password: PASSWORD, ...COMPLETE, finalizeRegistration: 'true', ...extra },
        site,
      )
    },
    async restart() {
      await server.close()
      server = await start()
    },
    async close() {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
