import { describe, expect, it } from 'vitest'
import { fillRegistration } from '../../scripts/defaultSiteForm.mjs'
import { axeViolations } from './axe'
import { setUpDemoSession, uniqueEmail } from './demoSession'

/**
 * After sign-up, on the real `npm start` stack in Chromium with the demo's TFA site
 * (`SITE=demo/sites/tfa.json`: every login and registration asks for a second factor): a person
 * registers, sets up an authenticator app, is signed in (the demo shows the account), edits the
 * profile, changes the password, logs out and logs in again with the new password and a code from
 * the app. The authenticator's codes come from the emulator (`emulator.getAuthenticatorCode`, what
 * the app would show for the secret of the scanned QR code); axe-core scans every screen.
 */
const NEW_PASSWORD = 'Changed-456'
const LONG = 180_000

const demo = setUpDemoSession('demo/sites/tfa.json')
const { form, admin } = demo

const registration = () => form().locator('[data-screenset="registration"]')
const profile = () => form().locator('[data-screenset="profile"]')
const button = (name: string) => form().getByRole('button', { name, exact: true })

async function expectNoAxeViolations() {
  expect(await axeViolations(demo.page)).toEqual([])
}

async function reach(screenset: 'registration' | 'profile', screen: string) {
  await form().locator(`[data-screenset="${screenset}"][data-screen="${screen}"]`).waitFor()
}

async function uidOf(address: string): Promise<string> {
  const account = (await demo.accounts()).find((candidate) => candidate.profile.email === address)
  expect(account).toBeDefined()
  return account?.UID ?? ''
}

/** The code the authenticator app shows now for the account's secret. */
async function authenticatorCode(address: string): Promise<string> {
  const { code } = await admin('emulator.getAuthenticatorCode', { UID: await uidOf(address) })
  return String(code)
}

async function enterAuthenticatorCode(screen: 'tfa-registration' | 'tfa-verification', address: string) {
  await reach('registration', screen)
  await registration().locator('input[name="code"]').waitFor()
  await expectNoAxeViolations()
  await registration()
    .locator('input[name="code"]')
    .fill(await authenticatorCode(address))
  await button('Verify').click()
}

async function expectSignedIn(name: string) {
  await expect.poll(() => demo.page.getByTestId('signed-in-user').textContent()).toBe(name)
  await reach('profile', 'update-profile')
}

describe('after sign-up, in Chromium on the TFA site', () => {
  it(
    'registers with an authenticator app, edits the profile, changes the password, logs out and back in',
    async () => {
      const address = uniqueEmail('after-signup')
      await demo.page.goto(`${demo.baseUrl}/`, { waitUntil: 'networkidle' })
      await reach('registration', 'register')
      await fillRegistration(form(), { email: address })
      await button('Create account').click()

      // 403102: the site requires a second factor and the new account has none.
      await reach('registration', 'tfa-registration')
      await form().getByRole('radio', { name: 'Authenticator app' }).check()
      await button('Continue').click()
      await expect.poll(() => registration().getByRole('img').getAttribute('src')).toMatch(/^data:image\/png;base64,/)
      await enterAuthenticatorCode('tfa-registration', address)

      // Signed in: the demo shows the account and the profile screens.
      await expectSignedIn('Ada')
      await expectNoAxeViolations()

      const firstName = profile().getByRole('textbox', { name: 'First name', exact: true })
      await expect.poll(() => firstName.inputValue()).toBe('Ada')
      await firstName.fill('Grace')
      await button('Save changes').click()
      await profile().getByRole('status').filter({ hasText: 'Your changes have been saved.' }).waitFor()
      await expectSignedIn('Grace')

      await profile()
        .getByRole('navigation', { name: 'Account settings' })
        .getByRole('button', { name: 'Password' })
        .click()
      await reach('profile', 'change-password')
      await expectNoAxeViolations()
      await profile().locator('input[name="password"]').fill('Secret-123')
      await profile().locator('input[name="newPassword"]').fill(NEW_PASSWORD)
      await profile().locator('input[name="passwordRetype"]').fill(NEW_PASSWORD)
      await button('Change password').click()
      await profile().getByRole('status').filter({ hasText: 'Your password has been changed.' }).waitFor()
      await expectNoAxeViolations()

      await button('Log out').click()
      await reach('registration', 'login')
      await expectNoAxeViolations()
      await registration().locator('input[name="loginID"]').fill(address)
      await registration().locator('input[name="password"]').fill(NEW_PASSWORD)
      await button('Log in').click()

      // 403101: the account has an authenticator; this login must show a code from it.
      await enterAuthenticatorCode('tfa-verification', address)
      await expectSignedIn('Grace')
    },
    LONG,
  )
})
