// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SITE } from '../../../src/server'
import { PASSWORD, rejection, siteWith, startHarness, uniqueEmail, type Harness } from '../../support/emulatorHarness'
import { loadFixture } from '../../support/fixtures'

const NEW_PASSWORD = 'Brand-new-42'
const DAY = 24 * 60 * 60 * 1000
const intervalSite = siteWith('3_interval', { security: { passwordChangeInterval: 30 } })
const noHistorySite = siteWith('3_nohistory', { security: { passwordHistorySize: 0 } })
const SITES = [DEFAULT_SITE, intervalSite, noHistorySite]

let h: Harness

beforeAll(async () => {
  h = await startHarness(SITES)
})

afterAll(async () => {
  await h.close()
})

const call = (method: string, params: Record<string, string>, apiKey = DEFAULT_SITE.apiKey) =>
  h.raw(method, { apiKey, ...params })
const siteOf = (apiKey: string) => SITES.find((site) => site.apiKey === apiKey)

async function registered(apiKey = DEFAULT_SITE.apiKey) {
  const email = uniqueEmail('change')
  const body = await h.register({ email }, apiKey)
  expect(body.errorCode).toBe(0)
  return { email, UID: body.UID as string }
}

const login = (loginID: string, password = PASSWORD, apiKey = DEFAULT_SITE.apiKey) =>
  call('accounts.login', { loginID, password }, apiKey)

const force = (UID: string, value = 'true', apiKey = DEFAULT_SITE.apiKey) =>
  h.admin('accounts.setAccountInfo', { UID, requirePasswordChange: value }, siteOf(apiKey))

const change = (regToken: string, password: string, newPassword: string, apiKey = DEFAULT_SITE.apiKey) =>
  call('accounts.setAccountInfo', { regToken, password, newPassword }, apiKey)

/** A registered account flagged by the server, and the regToken of its 403100 login. */
async function pendingChange() {
  const account = await registered()
  expect(await force(account.UID)).toMatchObject({ errorCode: 0 })
  const body = await login(account.email)
  expect(body.errorCode).toBe(403100)
  return { ...account, regToken: body.regToken as string }
}

describe('403100: a password change required at login', () => {
  it('answers a flagged account like the fixture: a regToken, no session', async () => {
    const { email, UID } = await registered()
    expect(await login(email)).toMatchObject({ errorCode: 0 })
    expect(await force(UID)).toMatchObject({ errorCode: 0 })
    const body = await login(email)
    expect(body).toMatchObject({
      ...loadFixture('login-password-change-required'),
      regToken: expect.stringMatching(/^RT1_/),
      callId: body.callId,
      time: body.time,
    })
    expect(body).not.toHaveProperty('sessionInfo')
    expect(await login(email, 'Wrong-pass-1')).toMatchObject({ errorCode: 403042 })
  })

  it('flags an account only with the server credentials, and lifts the flag with false', async () => {
    const { email, UID } = await registered()
    expect(await call('accounts.setAccountInfo', { UID, requirePasswordChange: 'true' })).toMatchObject({
      errorCode: 403007,
    })
    await force(UID)
    await force(UID, 'false')
    expect(await login(email)).toMatchObject({ errorCode: 0 })
    expect(await h.admin('accounts.setAccountInfo', { UID, requirePasswordChange: 'maybe' })).toMatchObject({
      errorCode: 400006,
    })
  })

  it('resolves with setAccountInfo({ regToken, password, newPassword }) then finalizeRegistration', async () => {
    const { email, UID, regToken } = await pendingChange()
    // Before the change, finalizing is the same interruption again.
    const early = await call('accounts.finalizeRegistration', { regToken })
    expect(early).toMatchObject({ errorCode: 403100, regToken: expect.stringMatching(/^RT1_/) })
    expect(early).not.toHaveProperty('sessionInfo')

    expect(await change(regToken, PASSWORD, NEW_PASSWORD)).toMatchObject({ errorCode: 0 })
    const finalized = await call('accounts.finalizeRegistration', { regToken })
    expect(finalized).toMatchObject({
      errorCode: 0,
      UID,
      sessionInfo: { cookieName: `glt_${DEFAULT_SITE.apiKey}` },
      newUser: false,
    })
    expect(await call('accounts.finalizeRegistration', { regToken })).toMatchObject({ errorCode: 400006 })
    expect(await login(email, NEW_PASSWORD)).toMatchObject({ errorCode: 0, UID })
    expect(await login(email, PASSWORD)).toMatchObject({ errorCode: 403042 })
  })

  it('runs through the typed client', async () => {
    const { email, UID } = await registered()
    await force(UID)
    const client = h.client()
    const error = await rejection(client.login({ loginID: email, password: PASSWORD }))
    expect(error).toMatchObject({ errorCode: 403100, regToken: expect.stringMatching(/^RT1_/) })
    const regToken = error.regToken as string
    await expect(
      client.setAccountInfo({ regToken, password: PASSWORD, newPassword: NEW_PASSWORD }),
    ).resolves.toMatchObject({ errorCode: 0 })
    await expect(client.finalizeRegistration({ regToken })).resolves.toMatchObject({ UID })
  })

  it('answers a wrong current password 403042 invalid password, a reused one 401030, a weak one 400009', async () => {
    const { regToken } = await pendingChange()
    expect(await change(regToken, 'Not-the-password-1', NEW_PASSWORD)).toMatchObject({
      errorCode: 403042,
      errorDetails: 'invalid password',
    })
    expect(await change(regToken, PASSWORD, PASSWORD)).toMatchObject({
      errorCode: 401030,
      errorMessage: 'Old password used',
    })
    expect(await change(regToken, PASSWORD, 'weak')).toMatchObject({
      errorCode: 400009,
      validationErrors: [
        { errorCode: 400009, fieldName: 'newPassword', message: 'Password does not meet complexity requirements' },
      ],
    })
    expect(await call('accounts.setAccountInfo', { regToken, newPassword: NEW_PASSWORD })).toMatchObject({
      errorCode: 400002,
      errorDetails: 'Missing required parameter: password',
    })
    // None of those changed anything: the interruption still stands.
    expect(await call('accounts.finalizeRegistration', { regToken })).toMatchObject({ errorCode: 403100 })
  })

  it('refuses an earlier password from the history, and only the current one when the size is 0', async () => {
    const { email, UID, regToken } = await pendingChange()
    expect(await change(regToken, PASSWORD, NEW_PASSWORD)).toMatchObject({ errorCode: 0 })
    await force(UID)
    const again = (await login(email, NEW_PASSWORD)).regToken as string
    expect(await change(again, NEW_PASSWORD, PASSWORD)).toMatchObject({ errorCode: 401030 })

    const other = await registered(noHistorySite.apiKey)
    await force(other.UID, 'true', noHistorySite.apiKey)
    const first = (await login(other.email, PASSWORD, noHistorySite.apiKey)).regToken as string
    expect(await change(first, PASSWORD, PASSWORD, noHistorySite.apiKey)).toMatchObject({ errorCode: 401030 })
    expect(await change(first, PASSWORD, NEW_PASSWORD, noHistorySite.apiKey)).toMatchObject({ errorCode: 0 })
    expect(await change(first, NEW_PASSWORD, PASSWORD, noHistorySite.apiKey)).toMatchObject({ errorCode: 0 })
  })

  it('answers 403100 once security.passwordChangeInterval days have passed since the last change', async () => {
    const { email, UID } = await registered(intervalSite.apiKey)
    try {
      h.clock.now += 29 * DAY
      expect(await login(email, PASSWORD, intervalSite.apiKey)).toMatchObject({ errorCode: 0 })
      h.clock.now += DAY
      const body = await login(email, PASSWORD, intervalSite.apiKey)
      expect(body).toMatchObject({ errorCode: 403100 })
      const regToken = body.regToken as string
      expect(await change(regToken, PASSWORD, NEW_PASSWORD, intervalSite.apiKey)).toMatchObject({ errorCode: 0 })
      expect(await call('accounts.finalizeRegistration', { regToken }, intervalSite.apiKey)).toMatchObject({
        errorCode: 0,
        UID,
      })
      h.clock.now += 29 * DAY
      expect(await login(email, NEW_PASSWORD, intervalSite.apiKey)).toMatchObject({ errorCode: 0 })
    } finally {
      h.clock.now = Date.now()
    }
  })

  it('cannot be skipped by registering or completing with the 403100 token', async () => {
    const { regToken } = await pendingChange()
    expect(
      await call('accounts.register', { regToken, finalizeRegistration: 'true', profile: '{"firstName":"Eve"}' }),
    ).toMatchObject({ errorCode: 400006, errorDetails: 'Invalid regToken' })
    expect(await call('accounts.setAccountInfo', { regToken, profile: '{"firstName":"Eve"}' })).toMatchObject({
      errorCode: 400006,
    })
    expect(await call('accounts.finalizeRegistration', { regToken })).toMatchObject({ errorCode: 403100 })
  })

  it('lets a plain 206001 token neither change a password nor finalize a registered account', async () => {
    const { email, regToken: changeToken } = await pendingChange()
    const { regToken: pending } = await call('accounts.initRegistration', {})
    const partial = await call('accounts.register', {
      regToken: pending as string,
      email: uniqueEmail(),
      password: PASSWORD,
    })
    expect(partial.errorCode).toBe(206001)
    expect(await change(partial.regToken as string, PASSWORD, NEW_PASSWORD)).toMatchObject({ errorCode: 400006 })
    expect(await change(changeToken, PASSWORD, NEW_PASSWORD)).toMatchObject({ errorCode: 0 })
    expect(await login(email, NEW_PASSWORD)).toMatchObject({ errorCode: 0 })
  })
})
