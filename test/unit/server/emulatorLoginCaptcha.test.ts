// @vitest-environment node
/** Login after failed attempts (policy security.captcha.failedLoginThreshold) over real HTTP with SQLite. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PASSWORD, rejection, type Harness } from '../../support/emulatorHarness'
import { challenge, otherSite, register, site, startCaptchaHarness, TEST_TOKEN, wrongWord } from './captchaSupport'

let h: Harness

beforeAll(async () => {
  h = await startCaptchaHarness()
})

afterAll(async () => {
  await h.close()
})

describe('login after failed attempts (failedLoginThreshold 3)', () => {
  async function account(on = site) {
    const { email } = await register(h, { captchaToken: TEST_TOKEN }, on)
    const login = (password: string, captcha: Record<string, string> = {}) =>
      h.client(on.apiKey).login({ loginID: email, password, ...captcha })
    return { email, login }
  }
  const failedLogins = async (email: string) => {
    const { accounts } = (await h.admin('emulator.listAccounts', {}, site)) as { accounts: Record<string, unknown>[] }
    return accounts.find((entry) => (entry.profile as { email: string }).email === email)?.failedLogins
  }

  it('asks for a CAPTCHA from the third wrong password on, until a login succeeds', async () => {
    const { email, login } = await account()
    for (let attempt = 1; attempt < 3; attempt += 1) {
      expect(await rejection(login('Wrong-123'))).toMatchObject({ errorCode: 403042, errorFlags: [] })
    }
    expect(await rejection(login('Wrong-123'))).toMatchObject({ errorCode: 403042, errorFlags: ['captchaNeeded'] })
    expect(await failedLogins(email)).toBe(3)

    expect(await rejection(login(PASSWORD))).toMatchObject({
      errorCode: 401020,
      errorMessage: 'Login Failed Captcha Required',
      statusCode: 401,
      errorFlags: ['captchaNeeded'],
    })
    const tried = await challenge(h)
    expect(
      await rejection(login(PASSWORD, { captchaToken: tried.captchaToken, captchaText: wrongWord(tried.answer) })),
    ).toMatchObject({ errorCode: 401021, errorMessage: 'Login Failed Wrong Captcha', errorFlags: ['captchaNeeded'] })
    // The wrong try used that challenge up.
    expect(
      await rejection(login(PASSWORD, { captchaToken: tried.captchaToken, captchaText: tried.answer })),
    ).toMatchObject({ errorCode: 401021 })

    const solved = await challenge(h)
    expect(
      await rejection(login('Wrong-123', { captchaToken: solved.captchaToken, captchaText: solved.answer })),
    ).toMatchObject({ errorCode: 403042, errorFlags: ['captchaNeeded'] })
    expect(await failedLogins(email)).toBe(4)

    const again = await challenge(h)
    const success = await login(PASSWORD, { captchaToken: again.captchaToken, captchaText: again.answer })
    expect(success).toMatchObject({ errorCode: 0, sessionInfo: expect.any(Object) })
    expect(await failedLogins(email)).toBeUndefined()
    expect((await login(PASSWORD)).errorCode).toBe(0)
  })

  it.each([
    ['a provider token', { captchaToken: 'widget-response-token', captchaType: 'reCaptchaEnterpriseScore' }],
    ['the test switch', { captchaToken: TEST_TOKEN }],
  ])('accepts %s as the CAPTCHA', async (_label, captcha) => {
    const { login } = await account()
    for (let attempt = 1; attempt <= 3; attempt += 1) await rejection(login('Wrong-123'))
    expect((await login(PASSWORD, captcha)).errorCode).toBe(0)
  })

  it('never asks an unknown login ID for a CAPTCHA, nor flags it', async () => {
    const client = h.client(site.apiKey)
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const error = await rejection(client.login({ loginID: 'nobody@example.com', password: PASSWORD }))
      expect(error).toMatchObject({ errorCode: 403042, errorFlags: [] })
    }
  })

  it('asks nothing where the site has no threshold', async () => {
    const { login } = await account(otherSite)
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(await rejection(login('Wrong-123'))).toMatchObject({ errorCode: 403042, errorFlags: [] })
    }
    expect((await login(PASSWORD)).errorCode).toBe(0)
  })
})
