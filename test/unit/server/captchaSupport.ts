import { siteWith, startHarness, COMPLETE, PASSWORD, uniqueEmail, type Harness } from '../../support/emulatorHarness'

/** Registration needs a CAPTCHA; login from the third wrong password on. */
export const site = siteWith('3_captcha_text', {
  registration: { requireCaptcha: true },
  security: { captcha: { failedLoginThreshold: 3 } },
})
/** Registration needs a CAPTCHA; login never does. */
export const otherSite = siteWith('3_captcha_other', { registration: { requireCaptcha: true } })
export const TEST_TOKEN = site.captchaTestToken as string

export async function startCaptchaHarness(): Promise<Harness> {
  return startHarness([site, otherSite])
}

/** A fresh challenge and its word, read through the inspection call. */
export async function challenge(h: Harness, from = site) {
  const { captchaToken, captchaImage } = await h.client(from.apiKey).getCaptcha()
  const inspected = await h.admin('emulator.getCaptchaAnswer', { captchaToken }, from)
  return { captchaToken, captchaImage, answer: inspected.captchaText as string }
}

/** Another word of the same length: the first character changed. */
export const wrongWord = (answer: string) => (answer.startsWith('A') ? 'B' : 'A') + answer.slice(1)

/** A complete registration of a fresh email with the given CAPTCHA parameters. */
export async function register(h: Harness, captcha: Record<string, string>, on = site) {
  const client = h.client(on.apiKey)
  const { regToken } = await client.initRegistration()
  const email = uniqueEmail('captcha')
  const response = await client.register({
    regToken,
    email,
    password: PASSWORD,
    ...COMPLETE,
    finalizeRegistration: true,
    ...captcha,
  })
  return { email, response }
}
