import type { Browser, Page } from 'playwright-core'
import type { ViteDevServer } from 'vite'
import { fillRegistration } from '../../scripts/defaultSiteForm.mjs'
import { axeViolations } from './axe'
import { startDemo } from './demoServer'
import { launchChromium } from './launchChromium'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

/**
 * The real `npm start` stack (the demo's Vite server with the emulator inside it) driven in Debian's
 * Chromium: what a visitor does, and an axe-core scan of every screen.
 */
const PASSWORD = 'Secret-123'
let vite: ViteDevServer
let browser: Browser
let page: Page
let baseUrl = ''
let emulator: { url: string; apiKey: string }
let counter = 0

const email = (prefix: string) => `${prefix}.${(counter += 1)}.${Date.now()}@example.com`

beforeAll(async () => {
  const demo = await startDemo()
  vite = demo.vite
  baseUrl = demo.baseUrl
  emulator = demo.emulator
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await vite?.close()
})

const pageErrors: string[] = []
beforeEach(async () => {
  pageErrors.length = 0
  page = await browser.newPage()
  page.on('pageerror', (error) => pageErrors.push(String(error)))
})

afterEach(async () => {
  await page.close()
  expect(pageErrors).toEqual([])
})

/** The registration form's region of the demo page (the page also has two newsletter widgets). */
const form = () => page.getByRole('region', { name: 'Registration' })
const newsletter = () => page.getByRole('region', { name: 'Newsletter' })

async function open(query = '') {
  await page.goto(`${baseUrl}/${query}`, { waitUntil: 'networkidle' })
  await form().getByRole('heading', { name: 'Create your account' }).waitFor()
}

async function fill(values: { email: string; zip?: string; retype?: string }) {
  await fillRegistration(form(), { password: PASSWORD, ...values })
}

/** Subscribes `address` to the weekly newsletter in the page's main newsletter widget (double opt-in). */
async function subscribeToNewsletter(address: string) {
  await newsletter().getByLabel('Email').fill(address)
  await newsletter().getByRole('checkbox', { name: 'Weekly newsletter' }).check()
  await newsletter().getByRole('checkbox', { name: 'Terms of service' }).check()
  await newsletter().getByRole('button', { name: 'Subscribe' }).click()
  await newsletter().getByText('Please check your inbox to confirm your subscription').waitFor()
}

async function submit() {
  await form().getByRole('button', { name: 'Create account' }).click()
}

async function accountsInEmulator(): Promise<
  Array<{ profile: { email?: string }; isRegistered: boolean; isVerified: boolean }>
> {
  return ((await (await fetch(`${baseUrl}/__emulator/accounts`)).json()) as { accounts: never[] }).accounts
}

async function admin(method: string, params: Record<string, unknown>) {
  const body = new URLSearchParams({ apiKey: emulator.apiKey, userKey: 'dev-user-key', secret: 'dev-secret-change-me' })
  for (const [key, value] of Object.entries(params)) body.set(key, JSON.stringify(value))
  return (await fetch(`${emulator.url}/${method}`, { method: 'POST', body })).json()
}

describe('the demo in Chromium', () => {
  it('registers a new account end to end, with one getSchema and one getPolicies call, no axe violations', async () => {
    const apiCalls: string[] = []
    page.on('request', (request) => {
      const match = /\/(accounts\.\w+)$/.exec(new URL(request.url()).pathname)
      if (match && request.method() !== 'OPTIONS') apiCalls.push(match[1] as string)
    })
    await open()
    expect(await axeViolations(page)).toEqual([])
    const address = email('e2e')
    await fill({ email: address })
    await submit()
    await form().getByRole('heading', { name: 'You are registered' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    expect(apiCalls.filter((call) => call === 'accounts.getSchema')).toHaveLength(1)
    expect(apiCalls.filter((call) => call === 'accounts.getPolicies')).toHaveLength(1)
    expect(apiCalls.filter((call) => call === 'accounts.initRegistration')).toHaveLength(1)
    expect(apiCalls.filter((call) => call === 'accounts.register')).toHaveLength(1)
    expect((await accountsInEmulator()).find((account) => account.profile.email === address)).toMatchObject({
      isRegistered: true,
    })
  })

  it('shows client-side errors accessibly: a weak password and a bad ZIP, focus on the first', async () => {
    await open()
    await form().getByLabel('Email').fill(email('weak'))
    await form().getByRole('textbox', { name: 'Password', exact: true }).fill('weakpass')
    await form().getByLabel('ZIP code').fill('12')
    await submit()
    await form().getByRole('alert').getByText('There are errors in your form').waitFor()
    const password = form().getByRole('textbox', { name: 'Password', exact: true })
    expect(await password.getAttribute('aria-invalid')).toBe('true')
    expect(await password.evaluate((element) => element === document.activeElement)).toBe(true)
    expect(await axeViolations(page)).toEqual([])
  })

  it('shows a taken email on its field with "log in instead", then logs in', async () => {
    const address = email('dup')
    await open()
    await fill({ email: address })
    await submit()
    await form().getByRole('heading', { name: 'You are registered' }).waitFor()
    await open()
    await fill({ email: address })
    await submit()
    await page
      .locator('[data-field="email"] [data-field-error]')
      .getByText('This email is already registered')
      .waitFor()
    expect(await form().getByLabel('Email').getAttribute('aria-invalid')).toBe('true')
    expect(
      await form()
        .getByLabel('Email')
        .evaluate((element) => element === document.activeElement),
    ).toBe(true)
    await form().locator('[data-conflict] button').click()
    await form().getByRole('heading', { name: 'Log in' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await form().getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD)
    await form().getByRole('button', { name: 'Log in' }).click()
    await form().getByRole('heading', { name: 'You are registered' }).waitFor()
  })

  it('asks for missing required fields on complete-registration, then finishes', async () => {
    await open('?fields=email,password,passwordRetype,profile.firstName')
    await form().getByLabel('Email').fill(email('missing'))
    await form().getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD)
    await form().getByLabel('Confirm password').fill(PASSWORD)
    await form().getByLabel('First name').fill('Ada')
    await submit()
    await form().getByRole('heading', { name: 'Almost done' }).waitFor()
    expect(await form().locator('[data-screenset]').getAttribute('data-screen')).toBe('complete-registration')
    expect(await form().getByLabel('Email').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await form().getByLabel('ZIP code').fill('10001')
    await form().getByRole('checkbox', { name: 'Terms', exact: true }).check()
    await form().getByRole('checkbox', { name: 'Terms of service' }).check()
    await form().getByRole('button', { name: 'Continue' }).click()
    await form().getByRole('heading', { name: 'You are registered' }).waitFor()
  })

  it('lands on verification-pending when the site verifies emails', async () => {
    await admin('accounts.setPolicies', { accountOptions: { verifyEmail: true } })
    try {
      const address = email('verify')
      await open()
      await fill({ email: address })
      await submit()
      await form().getByRole('heading', { name: 'Check your inbox' }).waitFor()
      expect(await form().locator('[data-screenset]').getByText(address).count()).toBe(1)
      expect(await axeViolations(page)).toEqual([])
      await form().getByRole('button', { name: 'Resend the email' }).click()
      await form().getByText('We sent the email again.').waitFor()
    } finally {
      await admin('accounts.setPolicies', { accountOptions: { verifyEmail: false } })
    }
  })

  it('survives the emulator stopping mid-flow: a form error, input kept, success after restart', async () => {
    const address = email('outage')
    await open()
    await fill({ email: address })
    await fetch(`${baseUrl}/__emulator/stop`, { method: 'POST' })
    try {
      await submit()
      await form().getByRole('alert').getByText('We could not reach the server').waitFor()
      expect(await form().getByLabel('Email').inputValue()).toBe(address)
      expect(await form().getByLabel('ZIP code').inputValue()).toBe('10001')
      expect(await axeViolations(page)).toEqual([])
    } finally {
      await fetch(`${baseUrl}/__emulator/start`, { method: 'POST' })
    }
    await submit()
    await form().getByRole('heading', { name: 'You are registered' }).waitFor()
  })

  it('is usable with the keyboard alone', async () => {
    const address = email('keys')
    await open()
    await form().getByLabel('Email').focus()
    await page.keyboard.type(address)
    await page.keyboard.press('Tab')
    await page.keyboard.type(PASSWORD)
    await page.keyboard.press('Tab') // the show-password toggle
    await page.keyboard.press('Tab')
    await page.keyboard.type(PASSWORD)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Ada')
    await page.keyboard.press('Tab')
    await page.keyboard.type('10001')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Space')
    await page.keyboard.press('Enter')
    await form().getByRole('heading', { name: 'You are registered' }).waitFor()
    expect((await accountsInEmulator()).some((account) => account.profile.email === address)).toBe(true)
  })

  it('subscribes to the newsletter: a lite account, Pending under double opt-in, the confirmation in the outbox', async () => {
    const address = email('news')
    await open()
    await subscribeToNewsletter(address)
    expect(await axeViolations(page)).toEqual([])
    const accounts = (await accountsInEmulator()) as unknown as Array<{
      kind: string
      profile: { email?: string }
      subscriptions: Record<string, { email: { doubleOptIn?: { status: string } } }>
    }>
    const lite = accounts.filter((account) => account.profile.email === address)
    expect(lite).toHaveLength(1)
    expect(lite[0]).toMatchObject({
      kind: 'lite',
      subscriptions: { newsletter: { email: { doubleOptIn: { status: 'Pending' } } } },
    })
    const outbox = (
      (await (await fetch(`${baseUrl}/__emulator/outbox`)).json()) as { messages: Array<{ kind: string; to: string }> }
    ).messages
    expect(outbox).toContainEqual(expect.objectContaining({ kind: 'double-opt-in', to: address }))

    // The same email again, from the footer widget: updated, not duplicated.
    const footer = page.getByRole('contentinfo')
    await footer.getByLabel('Email').fill(address)
    await footer.getByRole('checkbox', { name: 'Terms of service' }).check()
    await footer.getByRole('button', { name: 'Subscribe' }).click()
    await footer.getByText('Your subscriptions have been updated.').waitFor()
    const after = ((await accountsInEmulator()) as unknown as typeof accounts).filter(
      (account) => account.profile.email === address,
    )
    expect(after).toHaveLength(1)
    expect(Object.keys(after[0]?.subscriptions ?? {}).sort()).toEqual(['newsletter', 'offers'])
    expect(await axeViolations(page)).toEqual([])
  })

  it('subscribes, then registers with the same email: one account, the lite UID kept, the panel shows one', async () => {
    const address = email('progress')
    await open()
    await subscribeToNewsletter(address)
    type Stored = { UID: string; kind: string; profile: { email?: string }; subscriptions: Record<string, unknown> }
    const mine = async () =>
      ((await accountsInEmulator()) as unknown as Stored[]).filter((account) => account.profile.email === address)
    const [lite] = await mine()
    expect(lite).toMatchObject({ kind: 'lite' })

    await fill({ email: address })
    await submit()
    await form().getByRole('heading', { name: 'You are registered' }).waitFor()
    const after = await mine()
    expect(after).toEqual([
      expect.objectContaining({
        UID: lite?.UID,
        kind: 'full',
        subscriptions: expect.objectContaining({ newsletter: expect.anything() }),
      }),
    ])
    const panelRows = page.locator('[data-accounts] li', { hasText: address })
    await expect.poll(() => panelRows.allTextContents()).toEqual([expect.stringMatching(/— full, registered/)])
    expect(await axeViolations(page)).toEqual([])
  })

  it('keeps the lite and the full regToken apart with both widgets in use', async () => {
    const tokens: Array<{ lite: boolean }> = []
    page.on('request', (request) => {
      if (request.url().endsWith('/accounts.initRegistration') && request.method() === 'POST') {
        tokens.push({ lite: new URLSearchParams(request.postData() ?? '').get('isLite') === 'true' })
      }
    })
    await open()
    await form().getByLabel('Email').click()
    await newsletter().getByLabel('Email').click()
    await expect.poll(() => tokens.length).toBe(2)
    expect(tokens.map((token) => token.lite).sort()).toEqual([false, true])
  })
})
