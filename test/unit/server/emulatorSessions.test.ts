// @vitest-environment node
/** Sessions in the emulator (FLOWS.md §2), over real HTTP on a real SQLite file that restarts. */
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SITE } from '../../../src/server'
import { PASSWORD, siteWith, uniqueEmail } from '../../support/emulatorHarness'
import { startRestartable, type Body, type Restartable } from './sessionTfaSupport'

const NEW_PASSWORD = 'Brand-new-42'
const usernameSite = siteWith('3_usernames', { accountOptions: { loginIdentifiers: 'email,username' } })
const expirySite = siteWith('3_expiry', { gigyaPlugins: { sessionExpiration: 120 } })
const UNAUTHORIZED = { errorCode: 403005, errorMessage: 'Unauthorized user', errorDetails: 'Unauthorized user' }

let e: Restartable

beforeAll(async () => {
  e = await startRestartable([DEFAULT_SITE, usernameSite, expirySite])
})

afterAll(async () => {
  await e.close()
})

/** A registered account and the cookie value of its registration's session. */
async function account(site = DEFAULT_SITE, extra: Record<string, unknown> = {}) {
  const email = uniqueEmail('session')
  const body = await e.register(email, site, extra)
  expect(body.errorCode).toBe(0)
  const { cookieValue } = body.sessionInfo as { cookieValue: string }
  return { email, UID: body.UID as string, token: cookieValue }
}

const login = (loginID: string, extra: Record<string, unknown> = {}, password = PASSWORD, site = DEFAULT_SITE) =>
  e.call('accounts.login', { loginID, password, ...extra }, site)
const info = (login_token: string, extra: Record<string, unknown> = {}, site = DEFAULT_SITE) =>
  e.call('accounts.getAccountInfo', { login_token, ...extra }, site)
const cookieOf = (body: Body) => (body.sessionInfo as { cookieValue: string }).cookieValue

describe('issuing sessions', () => {
  it('answers each targetEnv with its shape, and each token works as a login_token', async () => {
    const { email, UID } = await account()
    const browser = await login(email)
    expect(browser.sessionInfo).toEqual({ cookieName: `glt_${DEFAULT_SITE.apiKey}`, cookieValue: expect.any(String) })
    const jssdk = await login(email, { targetEnv: 'jssdk' })
    expect(jssdk.sessionInfo).toEqual({ login_token: expect.stringMatching(/^st2\.s\./), expires_in: '0' })
    const mobile = await login(email, { targetEnv: 'mobile', sessionExpiration: '3600' })
    expect(mobile.sessionInfo).toEqual({
      sessionToken: expect.stringMatching(/^st2\.s\./),
      sessionSecret: expect.any(String),
      expires_in: '3600',
    })
    const tokens = [
      cookieOf(browser),
      (jssdk.sessionInfo as { login_token: string }).login_token,
      (mobile.sessionInfo as { sessionToken: string }).sessionToken,
    ]
    for (const token of tokens) expect(await info(token)).toMatchObject({ errorCode: 0, UID })
  })

  it('getAccountInfo: SAP’s default include, lastLogin, and extra profile fields only when named', async () => {
    const { email, UID, token } = await account(DEFAULT_SITE, {
      profile: { firstName: 'Ada', zip: '10001', bio: 'Hi' },
    })
    const body = await info(token)
    expect(body).toMatchObject({
      errorCode: 0,
      UID,
      isRegistered: true,
      profile: { email, firstName: 'Ada', zip: '10001' },
      data: { terms: true },
      subscriptions: {},
      lastLogin: new Date(e.clock.now).toISOString(),
      lastLoginTimestamp: e.clock.now,
    })
    expect(body).not.toHaveProperty('preferences')
    expect(body.profile).not.toHaveProperty('bio')
    await expect(info(token, { extraProfileFields: 'bio', include: 'profile,emails' })).resolves.toMatchObject({
      profile: { bio: 'Hi' },
      emails: { verified: [email] },
    })
  })

  it('answers 403005 "Unauthorized user" for no, unknown, tampered or foreign tokens', async () => {
    const { token } = await account()
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`
    for (const params of [{}, { login_token: 'VC1_nope' }, { login_token: tampered }]) {
      expect(await e.call('accounts.getAccountInfo', params)).toMatchObject(UNAUTHORIZED)
    }
    // Another site does not know this site's sessions.
    expect(await info(token, {}, usernameSite)).toMatchObject(UNAUTHORIZED)
  })

  it('expires after sessionExpiration seconds, falls back to the site default, and 0 never expires on the server', async () => {
    const { email } = await account()
    const short = cookieOf(await login(email, { sessionExpiration: '60' }))
    const browser = await login(email, { sessionExpiration: '0' })
    expect(browser.sessionInfo).toMatchObject({ expires_in: '0' })
    const siteDefault = await account(expirySite)
    const defaultLogin = await login(siteDefault.email, {}, PASSWORD, expirySite)
    expect(defaultLogin.sessionInfo).toMatchObject({ expires_in: '120' })
    expect(await login(email, { sessionExpiration: '-3' })).toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid sessionExpiration',
    })
    const start = e.clock.now
    try {
      e.clock.now = start + 61_000
      expect(await info(short)).toMatchObject(UNAUTHORIZED)
      expect(await info(cookieOf(browser))).toMatchObject({ errorCode: 0 })
      expect(await info(cookieOf(defaultLogin), {}, expirySite)).toMatchObject({ errorCode: 0 })
      e.clock.now = start + 121_000
      expect(await info(cookieOf(defaultLogin), {}, expirySite)).toMatchObject(UNAUTHORIZED)
      e.clock.now = start + 365 * 24 * 3600_000
      expect(await info(cookieOf(browser))).toMatchObject({ errorCode: 0 })
    } finally {
      e.clock.now = start
    }
  })
})

describe('ending sessions', () => {
  it('logout ends that session only, for good (restart included)', async () => {
    const { email, token } = await account()
    const other = cookieOf(await login(email))
    expect(await e.call('accounts.logout', { login_token: token })).toEqual(expect.objectContaining({ errorCode: 0 }))
    expect(await info(token)).toMatchObject(UNAUTHORIZED)
    expect(await e.call('accounts.logout', { login_token: token })).toMatchObject(UNAUTHORIZED)
    expect(await e.call('accounts.logout', {})).toMatchObject(UNAUTHORIZED)
    await e.restart()
    expect(await info(token)).toMatchObject(UNAUTHORIZED)
    expect(await info(other)).toMatchObject({ errorCode: 0 })
  })

  it('server logout({ UID }) ends every session of the account; a new login works at once', async () => {
    const { email, UID, token } = await account()
    const other = cookieOf(await login(email))
    expect(await e.call('accounts.logout', { UID })).toMatchObject({ errorCode: 403007 })
    expect(await e.admin('accounts.logout', { UID: 'nobody' })).toMatchObject(UNAUTHORIZED)
    expect(await e.admin('accounts.logout', { UID })).toMatchObject({ errorCode: 0 })
    expect(await info(token)).toMatchObject(UNAUTHORIZED)
    expect(await info(other)).toMatchObject(UNAUTHORIZED)
    expect(await info(cookieOf(await login(email)))).toMatchObject({ errorCode: 0, UID })
  })

  it('a deleted account’s session answers 403005', async () => {
    const { UID, token } = await account()
    expect(await info(token)).toMatchObject({ errorCode: 0 })
    await e.restart()
    const db = new Database(e.dbPath)
    try {
      db.prepare('DELETE FROM accounts WHERE uid = ?').run(UID)
    } finally {
      db.close()
    }
    expect(await info(token)).toMatchObject(UNAUTHORIZED)
    expect(await e.admin('accounts.getAccountInfo', { UID })).toMatchObject(UNAUTHORIZED)
  })
})

describe('regToken before session', () => {
  it('getAccountInfo uses the regToken’s account (even an interrupted one) when both come', async () => {
    const { token } = await account()
    const { regToken } = await e.call('accounts.initRegistration', {})
    const pendingEmail = uniqueEmail('pending')
    const pending = await e.call('accounts.register', { regToken, email: pendingEmail, password: PASSWORD })
    expect(pending.errorCode).toBe(206001)
    const body = await info(token, { regToken: pending.regToken })
    expect(body).toMatchObject({
      errorCode: 0,
      UID: pending.UID,
      isRegistered: false,
      profile: { email: pendingEmail },
    })
    expect(await info(token, { regToken: 'RT1_forged.sig' })).toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid regToken',
    })
  })
})

describe('setAccountInfo on a session', () => {
  const write = (login_token: string, params: Record<string, unknown>, site = DEFAULT_SITE) =>
    e.call('accounts.setAccountInfo', { login_token, ...params }, site)

  it('writes client fields; a clientCreate field with a value and a serverOnly field are 400025', async () => {
    const { token } = await account()
    expect(await write(token, { profile: { lastName: 'Lovelace' }, data: { householdSize: 3 } })).toMatchObject({
      errorCode: 0,
    })
    expect(await info(token)).toMatchObject({ profile: { lastName: 'Lovelace' }, data: { householdSize: 3 } })
    expect(await write(token, { data: { householdSize: 4 } })).toMatchObject({
      errorCode: 400025,
      validationErrors: [expect.objectContaining({ fieldName: 'data.householdSize' })],
    })
    expect(await write(token, { profile: { photoURL: 'https://x' } })).toMatchObject({ errorCode: 400025 })
    expect(await write('VC1_nope', { profile: { lastName: 'X' } })).toMatchObject(UNAUTHORIZED)
  })

  it('answers every field error, the new password’s policy and a taken user name in one 400009', async () => {
    const name = `taken${Date.now()}`
    await account(usernameSite, { username: name })
    const { token } = await account(usernameSite)
    const body = await write(
      token,
      { profile: { zip: 'abc', gender: 'x' }, username: name, password: PASSWORD, newPassword: 'short' },
      usernameSite,
    )
    expect(body).toMatchObject({ errorCode: 400009 })
    const fields = (body.validationErrors as Array<{ fieldName: string; errorCode: number }>).map((error) => [
      error.fieldName,
      error.errorCode,
    ])
    expect(fields).toEqual(
      expect.arrayContaining([
        ['username', 400003],
        ['profile.zip', 400026],
        ['profile.gender', 400026],
        ['newPassword', 400009],
      ]),
    )
    expect(fields).toHaveLength(4)
  })

  it('refuses a user name another account logs in with (400009 / 400003), and sets a free one', async () => {
    const name = `ada${Date.now()}`
    await account(usernameSite, { username: name })
    const { token } = await account(usernameSite)
    expect(await write(token, { username: name.toUpperCase() }, usernameSite)).toMatchObject({
      errorCode: 400009,
      validationErrors: [{ errorCode: 400003, fieldName: 'username', message: 'Username already exists' }],
    })
    expect(await write(token, { username: `${name}x` }, usernameSite)).toMatchObject({ errorCode: 0 })
    expect(await login(`${name}x`, {}, PASSWORD, usernameSite)).toMatchObject({ errorCode: 0 })
  })

  it('changes the password: 403042 wrong current, 401030 reused, then every other session ends (restart included)', async () => {
    const { email, token } = await account()
    const other = cookieOf(await login(email))
    expect(await write(token, { password: 'Not-it-123', newPassword: NEW_PASSWORD })).toMatchObject({
      errorCode: 403042,
    })
    expect(await write(token, { password: PASSWORD, newPassword: PASSWORD })).toMatchObject({ errorCode: 401030 })
    expect(await write(token, { newPassword: NEW_PASSWORD })).toMatchObject({ errorCode: 400002 })
    expect(await info(other)).toMatchObject({ errorCode: 0 })
    expect(await write(token, { password: PASSWORD, newPassword: NEW_PASSWORD })).toMatchObject({ errorCode: 0 })
    expect(await info(other)).toMatchObject(UNAUTHORIZED)
    expect(await info(token)).toMatchObject({ errorCode: 0 })
    const fresh = cookieOf(await login(email, {}, NEW_PASSWORD))
    expect(await login(email)).toMatchObject({ errorCode: 403042 })
    await e.restart()
    expect(await info(other)).toMatchObject(UNAUTHORIZED)
    expect(await info(token)).toMatchObject({ errorCode: 0 })
    expect(await info(fresh)).toMatchObject({ errorCode: 0 })
  })
})

describe('changing the login email on a session (otp.sendCode + otp.update)', () => {
  async function codeTo(address: string) {
    const outbox = (await e.admin('emulator.getOutbox', {})).messages as Array<{ to: string; code?: string }>
    return outbox.filter((message) => message.to === address).at(-1)?.code as string
  }

  it('sends a code to the new address; the right code makes it the login email', async () => {
    const { email, UID, token } = await account()
    const taken = await account()
    expect(await e.call('accounts.otp.sendCode', { login_token: token, email: taken.email })).toMatchObject({
      errorCode: 400009,
      validationErrors: [{ errorCode: 400003, fieldName: 'email' }],
    })
    expect(await e.call('accounts.otp.sendCode', { login_token: token, email: 'not-an-email' })).toMatchObject({
      errorCode: 400009,
      validationErrors: [{ fieldName: 'email' }],
    })
    const next = uniqueEmail('moved')
    const sent = await e.call('accounts.otp.sendCode', { login_token: token, email: next })
    expect(sent).toMatchObject({ errorCode: 0, vToken: expect.stringMatching(/^VT1_/) })
    const code = await codeTo(next)
    const wrong = code === '000000' ? '111111' : '000000'
    expect(await e.call('accounts.otp.update', { login_token: token, vToken: sent.vToken, code: wrong })).toMatchObject(
      {
        errorCode: 400006,
        errorDetails: 'Invalid code',
      },
    )
    expect(await e.call('accounts.otp.update', { login_token: token, vToken: sent.vToken, code })).toMatchObject({
      errorCode: 0,
    })
    expect(await info(token, { include: 'profile,loginIDs' })).toMatchObject({
      profile: { email: next },
      loginIDs: { emails: [next] },
    })
    expect(await login(next)).toMatchObject({ errorCode: 0, UID })
    expect(await login(email)).toMatchObject({ errorCode: 403042 })
  })
})
