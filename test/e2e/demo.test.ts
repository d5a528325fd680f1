import { describe, expect, it } from 'vitest'
import { fillRegistration, PASSWORD } from '../../scripts/defaultSiteForm.mjs'
import { axeViolations } from './axe'
import { uniqueEmail, setUpDemoSession } from './demoSession'

/**
 * The real `npm start` stack (the demo's Vite server with the emulator inside it) driven in Debian's
 * Chromium: what a visitor does, and an axe-core scan of every screen.
 */
const demo = setUpDemoSession()
const { form, admin } = demo

const newsletter = () => demo.page.getByRole('region', { name: 'Newsletter' })

/** A visitor who is not signed in (a registration leaves its session in the `glt_` cookie). */
async function open(query = '') {
  await demo.page.context().clearCookies()
  await demo.page.goto(`${demo.baseUrl}/${query}`, { waitUntil: 'networkidle' })
  await form().getByRole('heading', { name: 'Create your account' }).waitFor()
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

describe('the demo in Chromium', () => {
  it('registers a new account end to end, with one getSchema and one getPolicies call, no axe violations', async () => {
    const apiCalls: string[] = []
    demo.page.on('request', (request) => {
      const match = /\/(accounts\.\w+)$/.exec(new URL(request.url()).pathname)
      if (match && request.method() !== 'OPTIONS') apiCalls.push(match[1] as string)
    })
    await open()
    expect(await axeViolations(demo.page)).toEqual([])
    const address = uniqueEmail('e2e')
    await fillRegistration(form(), { email: address })
    await submit()
    await form().getByRole('heading', { name: 'You are registered' }).waitFor()
    expect(await axeViolations(demo.page)).toEqual([])
    expect(apiCalls.filter((call) => call === 'accounts.getSchema')).toHaveLength(1)
    expect(apiCalls.filter((call) => call === 'accounts.getPolicies')).toHaveLength(1)
    expect(apiCalls.filter((call) => call === 'accounts.initRegistration')).toHaveLength(1)
    expect(apiCalls.filter((call) => call === 'accounts.register')).toHaveLength(1)
    expect((await demo.accounts()).find((account) => account.profile.email === address)).toMatchObject({
      isRegistered: true,
    })
  })

  it('shows client-side errors accessibly: a weak password and a bad ZIP, focus on the first', async () => {
    await open()
    await form().getByLabel('Email').fill(uniqueEmail('weak'))
    await form().getByRole('textbox', { name: 'Password', exact: true }).fill('weakpass')
    await form().getByLabel('ZIP code').fill('12')
    await submit()
    await form().getByRole('alert').getByText('There are errors in your form').waitFor()
    const password = form().getByRole('textbox', { name: 'Password', exact: true })
    expect(await password.getAttribute('aria-invalid')).toBe('true')
    expect(await password.evaluate((element) => element === document.activeElement)).toBe(true)
    expect(await axeViolations(demo.page)).toEqual([])
  })

  it('shows a taken email on its field with "log in instead", then logs in', async () => {
    const address = uniqueEmail('dup')
    await open()
    await fillRegistration(form(), { email: address })
    await submit()
    await form().getByRole('heading', { name: 'You are registered' }).waitFor()
    await open()
    await fillRegistration(form(), { email: address })
    await submit()
    await demo.page
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
    expect(await axeViolations(demo.page)).toEqual([])
    await form().getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD)
    await form().getByRole('button', { name: 'Log in' }).click()
    await form().getByRole('heading', { name: 'You are registered' }).waitFor()
  })

  it('asks for missing required fields on complete-registration, then finishes', async () => {
    await open('?fields=email,password,passwordRetype,profile.firstName')
    await form().getByLabel('Email').fill(uniqueEmail('missing'))
    await form().getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD)
    await form().getByLabel('Confirm password').fill(PASSWORD)
    await form().getByLabel('First name').fill('Ada')
    await submit()
    await form().getByRole('heading', { name: 'Almost done' }).waitFor()
    expect(await form().locator('[data-screenset]').getAttribute('data-screen')).toBe('complete-registration')
    expect(await form().getByLabel('Email').count()).toBe(0)
    expect(await axeViolations(demo.page)).toEqual([])
    await form().getByLabel('ZIP code').fill('10001')
    await form().getByRole('checkbox', { name: 'Terms', exact: true }).check()
    await form().getByRole('checkbox', { name: 'Terms of service' }).check()
    await form().getByRole('button', { name: 'Continue' }).click()
    await form().getByRole('heading', { name: 'You are registered' }).waitFor()
  })

  it('lands on verification-pending when the site verifies emails', async () => {
    await admin('accounts.setPolicies', { accountOptions: { verifyEmail: true } })
    try {
      const address = uniqueEmail('verify')
      await open()
      await fillRegistration(form(), { email: address })
      await submit()
      await form().getByRole('heading', { name: 'Check your inbox' }).waitFor()
      expect(await form().locator('[data-screenset]').getByText(address).count()).toBe(1)
      expect(await axeViolations(demo.page)).toEqual([])
      await form().getByRole('button', { name: 'Resend the email' }).click()
      await form().getByText('We sent the email again.').waitFor()
    } finally {
      await admin('accounts.setPolicies', { accountOptions: { verifyEmail: false } })
    }
  })

  it('survives the emulator stopping mid-flow: a form error, input kept, success after restart', async () => {
    const address = uniqueEmail('outage')
    await open()
    await fillRegistration(form(), { email: address })
    await fetch(`${demo.baseUrl}/__emulator/stop`, { method: 'POST' })
    try {
      await submit()
      await form().getByRole('alert').getByText('We could not reach the server').waitFor()
      expect(await form().getByLabel('Email').inputValue()).toBe(address)
      expect(await form().getByLabel('ZIP code').inputValue()).toBe('10001')
      expect(await axeViolations(demo.page)).toEqual([])
    } finally {
      await fetch(`${demo.baseUrl}/__emulator/start`, { method: 'POST' })
    }
    await submit()
    await form().getByRole('heading', { name: 'You are registered' }).waitFor()
  })

  it('is usable with the keyboard alone', async () => {
    const address = uniqueEmail('keys')
    await open()
    await form().getByLabel('Email').focus()
    await demo.page.keyboard.type(address)
    await demo.page.keyboard.press('Tab')
    await demo.page.keyboard.type(PASSWORD)
    await demo.page.keyboard.press('Tab') // the show-password toggle
    await demo.page.keyboard.press('Tab')
    await demo.page.keyboard.type(PASSWORD)
    await demo.page.keyboard.press('Tab')
    await demo.page.keyboard.press('Tab')
    await demo.page.keyboard.type('Ada')
    await demo.page.keyboard.press('Tab')
    await demo.page.keyboard.type('10001')
    await demo.page.keyboard.press('Tab')
    await demo.page.keyboard.press('Space')
    await demo.page.keyboard.press('Tab')
    await demo.page.keyboard.press('Space')
    await demo.page.keyboard.press('Enter')
    await form().getByRole('heading', { name: 'You are registered' }).waitFor()
    expect((await demo.accounts()).some((account) => account.profile.email === address)).toBe(true)
  })

  it('subscribes to the newsletter: a lite account, Pending under double opt-in, the confirmation in the outbox', async () => {
    const address = uniqueEmail('news')
    await open()
    await subscribeToNewsletter(address)
    expect(await axeViolations(demo.page)).toEqual([])
    const lite = (await demo.accounts()).filter((account) => account.profile.email === address)
    expect(lite).toHaveLength(1)
    expect(lite[0]).toMatchObject({
      kind: 'lite',
      subscriptions: { newsletter: { email: { doubleOptIn: { status: 'Pending' } } } },
    })
    const outbox = (
      (await (await fetch(`${demo.baseUrl}/__emulator/outbox`)).json()) as {
        messages: Array<{ kind: string; to: string }>
      }
    ).messages
    expect(outbox).toContainEqual(expect.objectContaining({ kind: 'double-opt-in', to: address }))

    // The same email again, from the footer widget: updated, not duplicated.
    const footer = demo.page.getByRole('contentinfo')
    await footer.getByLabel('Email').fill(address)
    await footer.getByRole('checkbox', { name: 'Terms of service' }).check()
    await footer.getByRole('button', { name: 'Subscribe' }).click()
    await footer.getByText('Your subscriptions have been updated.').waitFor()
    const after = (await demo.accounts()).filter((account) => account.profile.email === address)
    expect(after).toHaveLength(1)
    expect(Object.keys(after[0]?.subscriptions ?? {}).sort()).toEqual(['newsletter', 'offers'])
    expect(await axeViolations(demo.page)).toEqual([])
  })

  it('subscribes, then registers with the same email: one account, the lite UID kept, the panel shows one', async () => {
    const address = uniqueEmail('progress')
    await open()
    await subscribeToNewsletter(address)
    const mine = async () => (await demo.accounts()).filter((account) => account.profile.email === address)
    const [lite] = await mine()
    expect(lite).toMatchObject({ kind: 'lite' })

    await fillRegistration(form(), { email: address })
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
    const panelRows = demo.page.locator('[data-accounts] li', { hasText: address })
    await expect.poll(() => panelRows.allTextContents()).toEqual([expect.stringMatching(/— full, registered/)])
    expect(await axeViolations(demo.page)).toEqual([])
  })

  it('keeps the lite and the full regToken apart with both widgets in use', async () => {
    const tokens: Array<{ lite: boolean }> = []
    demo.page.on('request', (request) => {
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
