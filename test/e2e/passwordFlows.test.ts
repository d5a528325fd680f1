import { describe, expect, it } from 'vitest'
import { fillRegistration, PASSWORD } from '../../scripts/defaultSiteForm.mjs'
import { axeViolations } from './axe'
import { uniqueEmail, setUpDemoSession } from './demoSession'

/**
 * The interruptions of `Default-RegistrationLogin` on the real `npm start` stack in Chromium, as a
 * person meets them: "Forgot password?" and the emailed link (followed from the demo's outbox panel),
 * a password change the site forces at login, and email verification by code. The tests read mail
 * from the emulator's outbox and change the site with server calls (the default site's userKey and
 * secret), as a site's back office would; axe-core scans every screen they reach.
 */
const NEW_PASSWORD = 'Changed-456'
/** Flows of several screens, each with an axe scan: longer than the project's 30 s. */
const LONG = 120_000

const demo = setUpDemoSession()
const { form, admin, newestMessage } = demo

async function uidOf(address: string): Promise<string> {
  const account = (await demo.accounts()).find((candidate) => candidate.profile.email === address)
  expect(account).toBeDefined()
  return account?.UID ?? ''
}

const input = (name: string) => form().locator(`input[name="${name}"]`)
const button = (name: string) => form().getByRole('button', { name, exact: true })

/** Waits for `screen` (its code may load on demand) and its heading. */
async function reach(screen: string, heading: string) {
  await form().locator(`[data-screenset="registration"][data-screen="${screen}"]`).waitFor()
  await form().getByRole('heading', { name: heading, exact: true }).waitFor()
}

/** What a screen reader reads out with the input besides its label: its description and its error. */
function descriptionOf(name: string): Promise<string> {
  return input(name).evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  )
}

async function expectFieldError(name: string, message: string) {
  await expect.poll(() => descriptionOf(name)).toContain(message)
  expect(await input(name).getAttribute('aria-invalid')).toBe('true')
}

/** The page as a visitor who is not signed in (a registration leaves its session in the `glt_` cookie). */
async function open(url = `${demo.baseUrl}/`) {
  await demo.page.context().clearCookies()
  await demo.page.goto(url, { waitUntil: 'networkidle' })
}

async function register(address: string) {
  await open()
  await reach('register', 'Create your account')
  await fillRegistration(form(), { email: address })
  await button('Create account').click()
}

/** The demo page anew, then the login screen through "Log in instead". */
async function openLogin() {
  await open()
  await button('Log in instead').click()
  await reach('login', 'Log in')
}

async function logIn(address: string, password: string) {
  await input('loginID').fill(address)
  await input('password').fill(password)
  await button('Log in').click()
}

describe('password and verification flows of the demo in Chromium', () => {
  it(
    'resets a forgotten password through the emailed link, which then works no more',
    async () => {
      const address = uniqueEmail('reset')
      await register(address)
      await reach('success', 'You are registered')

      await openLogin()
      await input('loginID').fill(address)
      await form().locator('[data-forgot-password]').click()
      await reach('forgot-password', 'Forgot your password?')
      expect(await input('loginID').inputValue()).toBe(address)
      expect(await axeViolations(demo.page)).toEqual([])
      await button('Send the link').click()
      await reach('forgot-password-success', 'Check your inbox')
      expect(await axeViolations(demo.page)).toEqual([])

      // The email's link, followed from the demo's outbox panel as a person would.
      const message = await newestMessage(address, 'password-reset')
      expect(message.link).toContain('pwrt=')
      const link = message.link as string
      expect(new URL(link).origin).toBe(demo.baseUrl)
      const panelLink = demo.page.locator(`[data-outbox] a[href="${link}"]`)
      expect(await panelLink.textContent()).toBe('Open the reset link')
      await panelLink.click()
      await reach('reset-password', 'Choose a new password')

      await input('newPassword').fill(NEW_PASSWORD)
      await input('passwordRetype').fill('Different-789')
      await button('Save the new password').click()
      await expectFieldError('passwordRetype', 'Passwords do not match')
      await input('newPassword').fill(PASSWORD)
      await input('passwordRetype').fill(PASSWORD)
      await button('Save the new password').click()
      await expectFieldError('newPassword', 'Old password cannot be the same as new password')
      expect(await axeViolations(demo.page)).toEqual([])

      await input('newPassword').fill(NEW_PASSWORD)
      await input('passwordRetype').fill(NEW_PASSWORD)
      await button('Save the new password').click()
      await reach('reset-password-success', 'Your password has been changed')
      // The used token leaves the address bar, so a reload or a shared URL does not replay it.
      await expect.poll(() => new URL(demo.page.url()).searchParams.has('pwrt')).toBe(false)
      expect(await axeViolations(demo.page)).toEqual([])

      await button('Log in').click()
      await reach('login', 'Log in')
      await logIn(address, PASSWORD)
      await form().getByText('Invalid login or password').waitFor()
      await logIn(address, NEW_PASSWORD)
      await reach('success', 'You are registered')

      // The link is single use: opened again, it offers a new one.
      await open(link)
      await reach('reset-password', 'Choose a new password')
      await input('newPassword').fill('Another-789')
      await input('passwordRetype').fill('Another-789')
      await button('Save the new password').click()
      await form().getByText('Uh-oh, your link is not valid.', { exact: false }).waitFor()
      expect(await input('newPassword').count()).toBe(0)
      expect(await axeViolations(demo.page)).toEqual([])
      await button('Send a new link').click()
      await reach('forgot-password', 'Forgot your password?')
    },
    LONG,
  )

  it(
    'asks for a new password at login when the site forces a change, then logs in with it',
    async () => {
      const address = uniqueEmail('forced')
      await register(address)
      await reach('success', 'You are registered')
      await admin('accounts.setAccountInfo', { UID: await uidOf(address), requirePasswordChange: true })

      await openLogin()
      await logIn(address, PASSWORD)
      await reach('password-change-required', 'Mandatory password change')
      await input('password').fill('Wrong-999x')
      await input('newPassword').fill(NEW_PASSWORD)
      await input('passwordRetype').fill(NEW_PASSWORD)
      await button('Change password').click()
      await expectFieldError('password', 'The password is incorrect')
      expect(await axeViolations(demo.page)).toEqual([])

      await input('password').fill(PASSWORD)
      await button('Change password').click()
      await reach('success', 'You are registered')

      await openLogin()
      await logIn(address, NEW_PASSWORD)
      await reach('success', 'You are registered')
    },
    LONG,
  )

  it(
    'verifies the email with the code from the outbox when the site verifies by code',
    async () => {
      const before = (await admin('accounts.getPolicies', { sections: 'accountOptions' })) as {
        accountOptions: { verifyEmail?: boolean; useCodeVerification?: boolean }
      }
      await admin('accounts.setPolicies', { accountOptions: { verifyEmail: true, useCodeVerification: true } })
      try {
        const address = uniqueEmail('code')
        await register(address)
        await reach('email-code-verification', 'Verify your email')
        await form().getByText(address).first().waitFor()

        const message = await newestMessage(address, 'code-verification')
        const code = message.code as string
        expect(code).toMatch(/^\d{6}$/)
        // The demo's outbox panel shows the code, for a person trying the flow.
        await demo.page
          .locator('[data-outbox] li', { hasText: address })
          .locator('[data-code]', { hasText: code })
          .waitFor()

        await input('code').fill(code === '000000' ? '111111' : '000000')
        await button('Verify').click()
        await expectFieldError('code', 'Please enter a valid code')
        expect(await axeViolations(demo.page)).toEqual([])

        await input('code').fill(code)
        await button('Verify').click()
        await reach('success', 'You are registered')
        const accounts = await demo.accounts()
        expect(accounts.find((account) => account.profile.email === address)).toMatchObject({
          isRegistered: true,
          isVerified: true,
        })
      } finally {
        await admin('accounts.setPolicies', {
          accountOptions: {
            verifyEmail: before.accountOptions.verifyEmail ?? false,
            useCodeVerification: before.accountOptions.useCodeVerification ?? false,
          },
        })
      }
    },
    LONG,
  )
})
