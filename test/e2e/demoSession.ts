import { readFileSync } from 'node:fs'
import type { Browser, Locator, Page } from 'playwright-core'
import type { ViteDevServer } from 'vite'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { DEFAULT_SITE } from '../../src/emulator/defaultSite'
import { startDemo } from './demoServer'
import { launchChromium } from './launchChromium'

/** An account as the demo's `/__emulator/accounts` lists it (the fields the tests read). */
export interface StoredAccount {
  UID: string
  kind: string
  profile: { email?: string }
  isRegistered: boolean
  isVerified: boolean
  subscriptions: Record<string, unknown>
}

export interface OutboxMessage {
  id: number
  to: string
  kind: string
  link?: string
  code?: string
}

export interface DemoSession {
  /** This test's page, fresh for each test. */
  readonly page: Page
  /** The page's origin, without a trailing slash. */
  readonly baseUrl: string
  /** The registration form's region of the demo page (the page also has two newsletter widgets). */
  form(): Locator
  /** The accounts in the emulator. */
  accounts(): Promise<StoredAccount[]>
  /** A server call with the default site's credentials, as the site's back office makes it; expects errorCode 0. */
  admin(method: string, params: Record<string, unknown>): Promise<Record<string, unknown>>
  /** The newest message of `kind` sent to `to`, waiting for it to be sent. */
  newestMessage(to: string, kind: string): Promise<OutboxMessage>
}

let counter = 0
/** An address no earlier test of the run has used. */
export const uniqueEmail = (prefix: string) => `${prefix}.${(counter += 1)}.${Date.now()}@example.com`

/**
 * The real `npm start` stack (the demo's Vite server with the emulator inside it, the default site or
 * `SITE=<siteFile>`'s) for the tests of one file: one server and one Chromium for the file, a fresh
 * page for each test, and an uncaught error on that page fails the test.
 */
export function setUpDemoSession(siteFile?: string): DemoSession {
  const credentials: { userKey: string; secret: string } =
    siteFile === undefined ? DEFAULT_SITE : JSON.parse(readFileSync(siteFile, 'utf8'))
  let vite: ViteDevServer | undefined
  let browser: Browser | undefined
  let page: Page | undefined
  let baseUrl = ''
  let emulator = { url: '', apiKey: '' }
  const pageErrors: string[] = []

  beforeAll(async () => {
    const demo = await startDemo(siteFile)
    vite = demo.vite
    baseUrl = demo.baseUrl
    emulator = demo.emulator
    browser = await launchChromium()
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await vite?.close()
  })

  beforeEach(async () => {
    pageErrors.length = 0
    if (browser === undefined) throw new Error('Chromium did not start')
    page = await browser.newPage()
    page.on('pageerror', (error) => pageErrors.push(String(error)))
  })

  afterEach(async () => {
    await page?.close()
    expect(pageErrors).toEqual([])
  })

  const current = () => {
    if (page === undefined) throw new Error('no page outside a test')
    return page
  }
  const json = async <T>(path: string): Promise<T> => (await fetch(`${baseUrl}${path}`)).json() as Promise<T>

  return {
    get page() {
      return current()
    },
    get baseUrl() {
      return baseUrl
    },
    form: () => current().getByRole('region', { name: 'Registration' }),
    accounts: async () => (await json<{ accounts: StoredAccount[] }>('/__emulator/accounts')).accounts,
    admin: async (method, params) => {
      const body = new URLSearchParams({
        apiKey: emulator.apiKey,
        userKey: credentials.userKey,
        secret: credentials.secret,
      })
      for (const [key, value] of Object.entries(params))
        body.set(key, typeof value === 'string' ? value : JSON.stringify(value))
      const response = await fetch(`${emulator.url}/${method}`, { method: 'POST', body })
      const answer = (await response.json()) as Record<string, unknown>
      expect(answer).toMatchObject({ errorCode: 0 })
      return answer
    },
    newestMessage: async (to, kind) => {
      let found: OutboxMessage | undefined
      await expect
        .poll(async () => {
          const { messages } = await json<{ messages: OutboxMessage[] }>('/__emulator/outbox')
          found = messages
            .filter((message) => message.to === to && message.kind === kind)
            .sort((a, b) => a.id - b.id)
            .at(-1)
          return found !== undefined
        })
        .toBe(true)
      return found as OutboxMessage
    },
  }
}
