// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SITE } from '../../../src/server'
import {
  COMPLETE,
  PASSWORD,
  rejection,
  siteWith,
  startHarness,
  uniqueEmail,
  type Harness,
} from '../../support/emulatorHarness'
import { loadFixture } from '../../support/fixtures'

const codeSite = siteWith('3_code', { accountOptions: { verifyEmail: true, useCodeVerification: true } })
const lenientSite = siteWith('3_code_lenient', {
  accountOptions: { verifyEmail: true, useCodeVerification: true, allowUnverifiedLogin: true },
})
const linkSite = siteWith('3_link', { accountOptions: { verifyEmail: true } })
const SITES = [codeSite, lenientSite, linkSite]
const MINUTE = 60_000

let h: Harness

beforeAll(async () => {
  h = await startHarness([DEFAULT_SITE, ...SITES])
})

afterAll(async () => {
  await h.close()
})

type Body = Record<string, unknown>
const call = (method: string, params: Record<string, string>, apiKey = codeSite.apiKey) =>
  h.raw(method, { apiKey, ...params })

/** A registration on a code-verification site: its 206006 answer, email and regToken. */
async function pendingRegistration(apiKey = codeSite.apiKey) {
  const email = uniqueEmail('code')
  const body = await h.register({ email, include: 'profile,data' }, apiKey)
  return { email, body, UID: body.UID as string, regToken: body.regToken as string }
}

async function messagesOf(UID: string, apiKey = codeSite.apiKey): Promise<Body[]> {
  const site = SITES.find((s) => s.apiKey === apiKey)
  const { messages } = (await h.admin('emulator.getOutbox', {}, site)) as { messages: Body[] }
  return messages.filter((message) => message.UID === UID)
}

async function sendCode(regToken: string, email: string, UID: string) {
  const body = await call('accounts.otp.sendCode', { regToken, email })
  expect(body).toMatchObject({ errorCode: 0, vToken: expect.stringMatching(/^VT1_/) })
  const code = (await messagesOf(UID)).at(-1)?.code as string
  return { vToken: body.vToken as string, code }
}

const update = (regToken: string, vToken: string, code: string) =>
  call('accounts.otp.update', { regToken, vToken, code })

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

describe('206006: email verification by code', () => {
  it('answers register like the fixture and sends nothing by itself', async () => {
    const { email, body, UID } = await pendingRegistration()
    const fixture = loadFixture('register-pending-code-verification')
    expect(Object.keys(body)).toEqual(expect.arrayContaining(Object.keys(fixture)))
    expect(body).toMatchObject({
      errorCode: 206006,
      errorMessage: fixture.errorMessage,
      errorDetails: fixture.errorDetails,
      statusCode: 206,
      isRegistered: true,
      isVerified: false,
      newUser: true,
      emails: { verified: [], unverified: [email] },
      regToken: expect.stringMatching(/^RT1_/),
    })
    expect(body).not.toHaveProperty('sessionInfo')
    expect(await messagesOf(UID)).toEqual([])
  })

  it('sends a 6-digit code, checks it, and finalizes to a session; login works after', async () => {
    const { email, UID, regToken } = await pendingRegistration()
    const sent = await call('accounts.otp.sendCode', { regToken, email: email.toUpperCase() })
    const fixture = loadFixture('otp-sendCode')
    expect(Object.keys(sent).sort()).toEqual(Object.keys(fixture).sort())
    const [message] = await messagesOf(UID)
    expect(message).toMatchObject({ kind: 'code-verification', to: email, code: expect.stringMatching(/^\d{6}$/) })
    expect(message?.body).toContain(message?.code as string)

    // Before the code, finalizing is the same interruption again.
    const early = await call('accounts.finalizeRegistration', { regToken })
    expect(early).toMatchObject({ errorCode: 206006, regToken: expect.stringMatching(/^RT1_/) })
    expect(await call('accounts.login', { loginID: email, password: PASSWORD })).toMatchObject({
      errorCode: 206006,
    })

    const vToken = sent.vToken as string
    expect(await update(regToken, vToken, wrong(message?.code as string))).toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid code',
    })
    expect(await update(regToken, vToken, ` ${message?.code as string} `)).toMatchObject({ errorCode: 0 })
    expect(await call('accounts.finalizeRegistration', { regToken, include: 'emails' })).toMatchObject({
      errorCode: 0,
      UID,
      isVerified: true,
      newUser: true,
      emails: { verified: [email], unverified: [] },
      sessionInfo: expect.objectContaining({ cookieName: `glt_${codeSite.apiKey}` }),
    })
    expect(await call('accounts.login', { loginID: email, password: PASSWORD })).toMatchObject({ errorCode: 0, UID })
    expect(await update(regToken, vToken, message?.code as string)).toMatchObject({ errorCode: 400006 })
  })

  it('runs through the typed client', async () => {
    const client = h.client(codeSite.apiKey)
    const email = uniqueEmail('client')
    const { regToken: initial } = await client.initRegistration()
    const pending = await rejection(
      client.register({ regToken: initial, email, password: PASSWORD, ...COMPLETE, finalizeRegistration: true }),
    )
    expect(pending.errorCode).toBe(206006)
    const regToken = pending.regToken as string
    const { vToken } = await client.otp.sendCode({ email, regToken })
    const UID = pending.response?.UID as string
    const code = (await messagesOf(UID)).at(-1)?.code as string
    await expect(client.otp.update({ vToken, code, regToken })).resolves.toMatchObject({ errorCode: 0 })
    await expect(client.finalizeRegistration({ regToken })).resolves.toMatchObject({ UID, isVerified: true })
  })

  it('answers login of an unverified account 206006, or a session when the site allows unverified logins', async () => {
    const strict = await pendingRegistration()
    const login = await call('accounts.login', { loginID: strict.email, password: PASSWORD })
    expect(login).toMatchObject({ errorCode: 206006, UID: strict.UID, regToken: expect.stringMatching(/^RT1_/) })
    const { vToken, code } = await sendCode(login.regToken as string, strict.email, strict.UID)
    expect(await update(login.regToken as string, vToken, code)).toMatchObject({ errorCode: 0 })
    expect(await call('accounts.finalizeRegistration', { regToken: login.regToken as string })).toMatchObject({
      errorCode: 0,
      newUser: false,
    })

    const lenient = await pendingRegistration(lenientSite.apiKey)
    expect(lenient.body.errorCode).toBe(206006)
    expect(
      await call('accounts.login', { loginID: lenient.email, password: PASSWORD }, lenientSite.apiKey),
    ).toMatchObject({ errorCode: 0 })
  })

  it('keeps link mode (206002 with an email) when the site does not verify by code', async () => {
    const { body, UID } = await pendingRegistration(linkSite.apiKey)
    expect(body.errorCode).toBe(206002)
    expect(await messagesOf(UID, linkSite.apiKey)).toEqual([expect.objectContaining({ kind: 'verification' })])
  })

  it('expires the vToken after 10 minutes: 403002 vToken expired', async () => {
    const { email, UID, regToken } = await pendingRegistration()
    const { vToken, code } = await sendCode(regToken, email, UID)
    try {
      h.clock.now += 10 * MINUTE + 1
      expect(await update(regToken, vToken, code)).toMatchObject({ errorCode: 403002, errorDetails: 'vToken expired' })
    } finally {
      h.clock.now = Date.now()
    }
  })

  it('burns the vToken after 5 wrong codes; a new code revokes the older vToken', async () => {
    const { email, UID, regToken } = await pendingRegistration()
    const first = await sendCode(regToken, email, UID)
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await update(regToken, first.vToken, wrong(first.code))).toMatchObject({ errorDetails: 'Invalid code' })
    }
    expect(await update(regToken, first.vToken, first.code)).toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid vToken',
    })
    const second = await sendCode(regToken, email, UID)
    const third = await sendCode(regToken, email, UID)
    expect(await update(regToken, second.vToken, second.code)).toMatchObject({ errorDetails: 'Invalid vToken' })
    expect(await update(regToken, third.vToken, third.code)).toMatchObject({ errorCode: 0 })
  })

  it('counts parallel guesses against the limit', async () => {
    const { email, UID, regToken } = await pendingRegistration()
    const { vToken, code } = await sendCode(regToken, email, UID)
    const guesses = await Promise.all(Array.from({ length: 12 }, () => update(regToken, vToken, wrong(code))))
    expect(guesses.filter((guess) => guess.errorDetails === 'Invalid code')).toHaveLength(5)
    expect(await update(regToken, vToken, code)).toMatchObject({ errorDetails: 'Invalid vToken' })
  })

  it('limits sending to 5 codes in 10 minutes: 403048', async () => {
    const { email, UID, regToken } = await pendingRegistration()
    for (let sent = 0; sent < 5; sent += 1) await sendCode(regToken, email, UID)
    expect(await call('accounts.otp.sendCode', { regToken, email })).toMatchObject({ errorCode: 403048 })
    expect(await messagesOf(UID)).toHaveLength(5)
    try {
      h.clock.now += 10 * MINUTE
      await sendCode(regToken, email, UID)
    } finally {
      h.clock.now = Date.now()
    }
  })

  it('refuses an email not on the account, no regToken nor session, and another account’s vToken', async () => {
    const { email, UID, regToken } = await pendingRegistration()
    expect(await call('accounts.otp.sendCode', { regToken, email: uniqueEmail() })).toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid email',
    })
    // Without a regToken the call is the signed-in user's email change, which needs a session.
    expect(await call('accounts.otp.sendCode', { email })).toMatchObject({
      errorCode: 403005,
      errorDetails: 'Unauthorized user',
    })
    const other = await pendingRegistration()
    const { vToken, code } = await sendCode(other.regToken, other.email, other.UID)
    expect(await update(regToken, vToken, code)).toMatchObject({ errorCode: 400006, errorDetails: 'Invalid vToken' })
    expect(await update(regToken, 'VT1_forged.sig', code)).toMatchObject({ errorDetails: 'Invalid vToken' })
    expect(await call('accounts.otp.update', { regToken, vToken })).toMatchObject({ errorCode: 400002 })
    expect(await messagesOf(UID)).toEqual([])
  })

  it('takes a UID instead of the regToken only with the server credentials', async () => {
    const { email, UID, regToken } = await pendingRegistration()
    const { vToken, code } = await sendCode(regToken, email, UID)
    expect(await call('accounts.otp.update', { UID, vToken, code })).toMatchObject({ errorCode: 403007 })
    expect(await h.admin('accounts.otp.update', { UID, vToken, code }, codeSite)).toMatchObject({ errorCode: 0 })
  })
})
