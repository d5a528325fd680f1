// @vitest-environment node
/** Two-factor authentication in the emulator (FLOWS.md §8), over real HTTP on a real SQLite file that restarts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { totpCode } from '../../../src/testing'
import { PASSWORD, siteWith, uniqueEmail } from '../../support/emulatorHarness'
import { startRestartable, type Body, type Restartable } from './sessionTfaSupport'

const tfaSite = siteWith('3_tfa', {
  twoFactorAuth: {
    providers: [
      { name: 'gigyaTotp', enabled: true },
      { name: 'gigyaEmail', enabled: true },
      { name: 'gigyaPhone', enabled: true },
    ],
  },
})
const INVALID_JWT = { errorCode: 400006, errorDetails: 'Invalid jwt' }

let e: Restartable

beforeAll(async () => {
  e = await startRestartable([tfaSite])
})

afterAll(async () => {
  await e.close()
})

const call = (method: string, params: Record<string, unknown>) => e.call(`accounts.${method}`, params)
const login = (email: string) => call('login', { loginID: email, password: PASSWORD })
const authenticator = async (UID: string) =>
  (await e.admin('emulator.getAuthenticatorCode', { UID })) as Body & { code: string; secret: string }
const other = (code: string) => (code === '000000' ? '111111' : '000000')

/** A new registration, stopped by 403102, with the regToken to continue. */
async function registered() {
  const email = uniqueEmail('tfa')
  const body = await e.register(email)
  expect(body).toMatchObject({
    errorCode: 403102,
    errorMessage: 'Account Pending TFA Registration',
    errorDetails: 'Pending Two-Factor Authentication',
    regToken: expect.stringMatching(/^RT1_/),
    UID: expect.any(String),
  })
  expect(body).not.toHaveProperty('sessionInfo')
  return { email, UID: body.UID as string, regToken: body.regToken as string }
}

/** Registers TOTP for a 403102 flow up to the provider assertion. */
async function registerTotp(regToken: string, UID: string) {
  const { gigyaAssertion } = await call('tfa.initTFA', { regToken, provider: 'gigyaTotp', mode: 'register' })
  const registration = await call('tfa.totp.register', { gigyaAssertion })
  const { code } = await authenticator(UID)
  const verified = await call('tfa.totp.verify', { gigyaAssertion, code, sctToken: registration.sctToken, regToken })
  return { gigyaAssertion: gigyaAssertion as string, registration, verified, code }
}

/** An account with an active TOTP, and its session. */
async function withTotp() {
  const { email, UID, regToken } = await registered()
  const { gigyaAssertion, verified } = await registerTotp(regToken, UID)
  const providerAssertion = verified.providerAssertion
  expect(await call('tfa.finalizeTFA', { gigyaAssertion, providerAssertion, regToken })).toMatchObject({ errorCode: 0 })
  const session = await call('finalizeRegistration', { regToken })
  expect(session).toMatchObject({ errorCode: 0, UID, newUser: false, sessionInfo: expect.any(Object) })
  return { email, UID }
}

describe('403102: TFA registration at the first registration', () => {
  it('offers the enabled providers the emulator has; finalizing before TFA is 403102 again', async () => {
    const { regToken } = await registered()
    expect(await call('tfa.getProviders', { regToken })).toMatchObject({
      errorCode: 0,
      activeProviders: [],
      inactiveProviders: [{ name: 'gigyaTotp' }, { name: 'gigyaEmail' }],
    })
    const again = await call('finalizeRegistration', { regToken })
    expect(again).toMatchObject({ errorCode: 403102, regToken: expect.stringMatching(/^RT1_/) })
    expect(again.regToken).not.toBe(regToken)
  })

  it('registers TOTP: a QR code PNG, the authenticator code, finalizeTFA, then the session', async () => {
    const { UID, regToken } = await registered()
    const { gigyaAssertion } = await call('tfa.initTFA', { regToken, provider: 'gigyaTotp', mode: 'register' })
    const registration = await call('tfa.totp.register', { gigyaAssertion })
    expect(registration).toMatchObject({
      errorCode: 0,
      qrCode: expect.stringMatching(/^data:image\/png;base64,iVBORw0KGgo/),
      sctToken: expect.any(String),
    })
    const dev = await authenticator(UID)
    expect(dev).toMatchObject({
      errorCode: 0,
      period: 30,
      pending: true,
      secret: expect.stringMatching(/^[A-Z2-7]{32}$/),
    })
    expect(dev.code).toBe(await totpCode(dev.secret, e.clock.now))
    const sctToken = registration.sctToken
    expect(await call('tfa.totp.verify', { gigyaAssertion, code: other(dev.code), sctToken })).toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid code',
    })
    expect(await call('tfa.totp.verify', { gigyaAssertion, code: dev.code, sctToken: 'SC1_x.y' })).toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid sctToken',
    })
    const verified = await call('tfa.totp.verify', { gigyaAssertion, code: dev.code, sctToken, regToken })
    expect(verified).toMatchObject({ errorCode: 0, providerAssertion: expect.any(String) })
    const { providerAssertion } = verified
    const finalized = await call('tfa.finalizeTFA', { gigyaAssertion, providerAssertion, regToken, tempDevice: 'true' })
    expect(finalized).toMatchObject({ errorCode: 0 })
    expect(await call('tfa.finalizeTFA', { gigyaAssertion, providerAssertion, regToken })).toMatchObject(INVALID_JWT)
    const session = await call('finalizeRegistration', { regToken })
    expect(session).toMatchObject({
      errorCode: 0,
      UID,
      newUser: false,
      sessionInfo: { cookieValue: expect.any(String) },
    })
    const token = (session.sessionInfo as { cookieValue: string }).cookieValue
    expect(await call('getAccountInfo', { login_token: token })).toMatchObject({ errorCode: 0, UID })
    expect(await call('finalizeRegistration', { regToken })).toMatchObject({ errorCode: 400006 })
    // The inspection call shows which providers, never the secret.
    const accounts = JSON.stringify(await e.admin('emulator.listAccounts', {}))
    expect(accounts).toContain('"activeProviders":["gigyaTotp"]')
    expect(accounts).not.toContain(dev.secret)
  })

  it('registers the email provider: ids that do not reveal the address, a tfa-code in the outbox', async () => {
    const { email, regToken } = await registered()
    const { gigyaAssertion } = await call('tfa.initTFA', { regToken, provider: 'gigyaEmail', mode: 'register' })
    const { emails } = (await call('tfa.email.getEmails', { gigyaAssertion })) as {
      emails: Array<Record<string, string>>
    }
    expect(emails).toEqual([{ id: expect.any(String), obfuscated: `${email[0]}***@example.com` }])
    const id = (emails[0] as { id: string }).id
    expect(id).not.toContain(email.split('@')[0] as string)
    expect(await call('tfa.email.sendVerificationCode', { gigyaAssertion, emailID: 'nope' })).toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid emailID',
    })
    const sent = await call('tfa.email.sendVerificationCode', { gigyaAssertion, emailID: id, regToken })
    expect(sent).toMatchObject({ errorCode: 0, phvToken: expect.any(String) })
    const outbox = (await e.admin('emulator.getOutbox', {})).messages as Array<Record<string, string>>
    const message = outbox.filter((item) => item.to === email && item.kind === 'tfa-code').at(-1)
    expect(message?.code).toMatch(/^\d{6}$/)
    const code = message?.code as string
    const { phvToken } = sent
    expect(await call('tfa.email.completeVerification', { gigyaAssertion, phvToken, code: other(code) })).toMatchObject(
      {
        errorCode: 400006,
        errorDetails: 'Invalid code',
      },
    )
    const done = await call('tfa.email.completeVerification', { gigyaAssertion, phvToken, code, regToken })
    expect(done).toMatchObject({ errorCode: 0, providerAssertion: expect.any(String) })
    const { providerAssertion } = done
    expect(await call('tfa.finalizeTFA', { gigyaAssertion, providerAssertion, regToken })).toMatchObject({
      errorCode: 0,
    })
    expect(await call('finalizeRegistration', { regToken })).toMatchObject({ errorCode: 0 })
    // The next login verifies with the address set up.
    const next = await login(email)
    expect(next).toMatchObject({ errorCode: 403101, errorMessage: 'Account Pending TFA Verification' })
    const verify = await call('tfa.initTFA', { regToken: next.regToken, provider: 'gigyaEmail', mode: 'verify' })
    const listed = await call('tfa.email.getEmails', { gigyaAssertion: verify.gigyaAssertion })
    expect(listed).toMatchObject({ emails: [{ id, lastVerification: new Date(e.clock.now).toISOString() }] })
  })
})

describe('403101: TFA verification at login', () => {
  it('verifies TOTP without an sctToken; a code is never accepted twice; the dev code moves on', async () => {
    const { email, UID } = await withTotp()
    const first = await login(email)
    expect(first).toMatchObject({ errorCode: 403101, UID, regToken: expect.stringMatching(/^RT1_/) })
    const regToken = first.regToken
    expect(await call('tfa.getProviders', { regToken })).toMatchObject({
      activeProviders: [{ name: 'gigyaTotp' }],
      inactiveProviders: [{ name: 'gigyaEmail' }],
    })
    expect(await call('tfa.initTFA', { regToken, provider: 'gigyaEmail', mode: 'register' })).toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid mode',
    })
    expect(await call('tfa.initTFA', { regToken, provider: 'gigyaPhone', mode: 'verify' })).toMatchObject({
      errorDetails: 'Invalid provider',
    })
    const { gigyaAssertion } = await call('tfa.initTFA', { regToken, provider: 'gigyaTotp', mode: 'verify' })
    const { secret } = await authenticator(UID)
    // The registration used this step's code already.
    const replay = await totpCode(secret, e.clock.now)
    expect(await call('tfa.totp.verify', { gigyaAssertion, code: replay, regToken })).toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid code',
    })
    const dev = await authenticator(UID)
    expect(dev).toMatchObject({ pending: false, code: await totpCode(secret, e.clock.now + 30_000) })
    const verified = await call('tfa.totp.verify', { gigyaAssertion, code: dev.code, regToken })
    expect(verified).toMatchObject({ errorCode: 0 })
    const { providerAssertion } = verified
    expect(await call('tfa.finalizeTFA', { gigyaAssertion, providerAssertion, regToken })).toMatchObject({
      errorCode: 0,
    })
    expect(await call('finalizeRegistration', { regToken })).toMatchObject({ errorCode: 0, UID })
  })

  it('burns an assertion after five wrong TOTP codes', async () => {
    const { email, UID } = await withTotp()
    const { regToken } = await login(email)
    const { gigyaAssertion } = await call('tfa.initTFA', { regToken, provider: 'gigyaTotp', mode: 'verify' })
    const right = (await authenticator(UID)).code
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await call('tfa.totp.verify', { gigyaAssertion, code: other(right) })).toMatchObject({
        errorDetails: 'Invalid code',
      })
    }
    expect(await call('tfa.totp.verify', { gigyaAssertion, code: right })).toMatchObject(INVALID_JWT)
  })

  it('keeps TFA passed across a restart, for that regToken only', async () => {
    const { email, UID } = await withTotp()
    const earlier = (await login(email)).regToken
    const { regToken } = await login(email)
    const { gigyaAssertion } = await call('tfa.initTFA', { regToken, provider: 'gigyaTotp', mode: 'verify' })
    const { code } = await authenticator(UID)
    const { providerAssertion } = await call('tfa.totp.verify', { gigyaAssertion, code })
    // An assertion or proof of another flow does not pass this one.
    expect(await call('tfa.finalizeTFA', { gigyaAssertion, providerAssertion, regToken: earlier })).toMatchObject(
      INVALID_JWT,
    )
    expect(await call('tfa.finalizeTFA', { gigyaAssertion, providerAssertion })).toMatchObject({ errorCode: 400002 })
    expect(await call('tfa.finalizeTFA', { gigyaAssertion, providerAssertion, regToken })).toMatchObject({
      errorCode: 0,
    })
    await e.restart()
    expect(await call('finalizeRegistration', { regToken: earlier })).toMatchObject({ errorCode: 403101 })
    expect(await call('finalizeRegistration', { regToken })).toMatchObject({ errorCode: 0, UID })
  })

  it('answers Invalid jwt for a forged, expired or foreign assertion', async () => {
    const { email } = await withTotp()
    const { regToken } = await login(email)
    const { gigyaAssertion } = await call('tfa.initTFA', { regToken, provider: 'gigyaTotp', mode: 'verify' })
    expect(await call('tfa.totp.verify', { gigyaAssertion: 'GA1_x.y', code: '123456' })).toMatchObject(INVALID_JWT)
    expect(await call('tfa.email.getEmails', { gigyaAssertion })).toMatchObject(INVALID_JWT)
    expect(await call('tfa.finalizeTFA', { gigyaAssertion, providerAssertion: 'PA1_x.y', regToken })).toMatchObject(
      INVALID_JWT,
    )
    const start = e.clock.now
    try {
      e.clock.now = start + 6 * 60_000
      expect(await call('tfa.totp.verify', { gigyaAssertion, code: '123456' })).toMatchObject(INVALID_JWT)
    } finally {
      e.clock.now = start
    }
  })

  it('comes after the other interruptions (403100 first)', async () => {
    const { email, UID } = await withTotp()
    expect(await e.admin('accounts.setAccountInfo', { UID, requirePasswordChange: 'true' })).toMatchObject({
      errorCode: 0,
    })
    const first = await login(email)
    expect(first).toMatchObject({ errorCode: 403100 })
    const regToken = first.regToken
    const newPassword = 'Brand-new-42'
    expect(await call('setAccountInfo', { regToken, password: PASSWORD, newPassword })).toMatchObject({ errorCode: 0 })
    expect(await call('finalizeRegistration', { regToken })).toMatchObject({ errorCode: 403101, UID })
  })
})

describe('managing providers on a session', () => {
  it('adds a provider within 5 minutes of the login, else 403110', async () => {
    const { email, UID } = await withTotp()
    const { regToken } = await login(email)
    const { gigyaAssertion } = await call('tfa.initTFA', { regToken, provider: 'gigyaTotp', mode: 'verify' })
    const { providerAssertion } = await call('tfa.totp.verify', {
      gigyaAssertion,
      code: (await authenticator(UID)).code,
    })
    await call('tfa.finalizeTFA', { gigyaAssertion, providerAssertion, regToken })
    const session = await call('finalizeRegistration', { regToken })
    const login_token = (session.sessionInfo as { cookieValue: string }).cookieValue
    expect(await call('tfa.getProviders', { login_token })).toMatchObject({ activeProviders: [{ name: 'gigyaTotp' }] })
    expect(await call('tfa.initTFA', { login_token, provider: 'gigyaEmail', mode: 'add' })).toMatchObject({
      errorCode: 0,
      gigyaAssertion: expect.any(String),
    })
    expect(await call('tfa.initTFA', { login_token, provider: 'gigyaTotp', mode: 'add' })).toMatchObject({
      errorDetails: 'Invalid mode',
    })
    const start = e.clock.now
    try {
      e.clock.now = start + 6 * 60_000
      expect(await call('tfa.initTFA', { login_token, provider: 'gigyaTotp', mode: 'edit' })).toMatchObject({
        errorCode: 403110,
        errorMessage: 'Account Pending Recent Login',
      })
    } finally {
      e.clock.now = start
    }
    expect(await call('tfa.getProviders', { login_token: 'VC1_nope' })).toMatchObject({ errorCode: 403005 })
  })

  it('limits the codes an account is sent (403048)', async () => {
    const { regToken } = await registered()
    const { gigyaAssertion } = await call('tfa.initTFA', { regToken, provider: 'gigyaEmail', mode: 'register' })
    const { emails } = (await call('tfa.email.getEmails', { gigyaAssertion })) as { emails: Array<{ id: string }> }
    const emailID = (emails[0] as { id: string }).id
    for (let sent = 0; sent < 5; sent += 1) {
      expect(await call('tfa.email.sendVerificationCode', { gigyaAssertion, emailID })).toMatchObject({ errorCode: 0 })
    }
    expect(await call('tfa.email.sendVerificationCode', { gigyaAssertion, emailID })).toMatchObject({
      errorCode: 403048,
    })
  })
})
