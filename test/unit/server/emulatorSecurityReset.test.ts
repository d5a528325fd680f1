// @vitest-environment node
/**
 * `accounts.resetPassword` with a security check (FLOWS.md §3, 400050), over HTTP with SQLite: sites
 * with `passwordReset.requireSecurityCheck`, and accounts that have no email to send a link to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SITE, type SiteConfig } from '../../../src/server'
import { ANSWER_WINDOW_MS, MAX_SECURITY_ANSWERS_PER_WINDOW } from '../../../src/emulator/securityReset'
import { PASSWORD, siteWith, startHarness, uniqueEmail, type Harness } from '../../support/emulatorHarness'

const NEW_PASSWORD = 'Brand-new-42'
const QUESTION = 'Name of your first pet?'
const ANSWER = 'Rex the Dog'
const secureSite = siteWith('3_secure', {
  passwordReset: { requireSecurityCheck: true, securityFields: [['firstName', 'zip']] },
})
const usernameSite = siteWith('3_usernames', { accountOptions: { loginIdentifiers: 'username' } })
// Accounts there have no email at all, so the profile must not require one.
;(usernameSite.schema.profileSchema?.fields.email as { required: boolean }).required = false
const SITES = [DEFAULT_SITE, secureSite, usernameSite]

let h: Harness

beforeAll(async () => {
  h = await startHarness(SITES)
})

afterAll(async () => {
  await h.close()
})

type Body = Record<string, unknown>
const siteOf = (apiKey: string) => SITES.find((site) => site.apiKey === apiKey) as SiteConfig
const reset = (apiKey: string, params: Record<string, string>) => h.raw('accounts.resetPassword', { apiKey, ...params })
const login = (apiKey: string, loginID: string, password: string) =>
  h.raw('accounts.login', { apiKey, loginID, password })

interface Registered {
  loginID: string
  UID: string
}

/** A finished registration; with a username only on `usernameSite`, with a question unless `question` is false. */
async function registered(apiKey: string, question = true): Promise<Registered> {
  const byUsername = apiKey === usernameSite.apiKey
  const loginID = byUsername ? `user${Date.now()}${Math.random().toString(36).slice(2, 8)}` : uniqueEmail('secure')
  const body = await h.register(
    {
      ...(byUsername ? { username: loginID } : { email: loginID }),
      ...(question ? { secretQuestion: QUESTION, secretAnswer: ANSWER } : {}),
    },
    apiKey,
  )
  expect(body.errorCode).toBe(0)
  return { loginID, UID: body.UID as string }
}

async function resetMails(apiKey: string, UID: string): Promise<Body[]> {
  const { messages } = (await h.admin('emulator.getOutbox', {}, siteOf(apiKey))) as { messages: Body[] }
  return messages.filter((message) => message.UID === UID && message.kind === 'password-reset')
}

const failed = { errorCode: 400050, errorMessage: 'Security verification failed', statusCode: 400 }

describe('resetPassword({ loginID }) when the security check applies', () => {
  it('answers 400050 with the question and mails nothing when the site requires the check', async () => {
    const { loginID, UID } = await registered(secureSite.apiKey)
    expect(await reset(secureSite.apiKey, { loginID })).toMatchObject({ ...failed, secretQuestion: QUESTION })
    expect(await resetMails(secureSite.apiKey, UID)).toEqual([])
  })

  it('answers 400050 with the question for an account without an email, on any site', async () => {
    const { loginID, UID } = await registered(usernameSite.apiKey)
    expect(await reset(usernameSite.apiKey, { loginID })).toMatchObject({ ...failed, secretQuestion: QUESTION })
    expect(await resetMails(usernameSite.apiKey, UID)).toEqual([])
  })

  it('answers 400050 without a question when the account has none', async () => {
    const { loginID } = await registered(usernameSite.apiKey, false)
    const body = await reset(usernameSite.apiKey, { loginID })
    expect(body).toMatchObject({ ...failed, errorDetails: 'No security question is set for this account' })
    expect(body).not.toHaveProperty('secretQuestion')
    expect(
      await reset(usernameSite.apiKey, { loginID, secretAnswer: ANSWER, newPassword: NEW_PASSWORD }),
    ).toMatchObject(failed)
  })

  it('treats newPassword without a proof as no proof: 400050, the password unchanged', async () => {
    const { loginID } = await registered(secureSite.apiKey)
    expect(await reset(secureSite.apiKey, { loginID, newPassword: NEW_PASSWORD })).toMatchObject({
      ...failed,
      secretQuestion: QUESTION,
    })
    expect(await login(secureSite.apiKey, loginID, PASSWORD)).toMatchObject({ errorCode: 0 })
  })
})

describe('resetPassword({ loginID, secretAnswer, newPassword })', () => {
  it('answers a wrong answer with 400050 and the question, and keeps the password', async () => {
    const { loginID } = await registered(secureSite.apiKey)
    const body = await reset(secureSite.apiKey, { loginID, secretAnswer: 'Felix', newPassword: NEW_PASSWORD })
    expect(body).toMatchObject({ ...failed, secretQuestion: QUESTION })
    expect(await login(secureSite.apiKey, loginID, PASSWORD)).toMatchObject({ errorCode: 0 })
    expect(await login(secureSite.apiKey, loginID, NEW_PASSWORD)).toMatchObject({ errorCode: 403042 })
  })

  it('compares the answer exactly as it was registered (case and spaces count)', async () => {
    const { loginID } = await registered(secureSite.apiKey)
    for (const secretAnswer of [ANSWER.toLowerCase(), ` ${ANSWER}`]) {
      expect(await reset(secureSite.apiKey, { loginID, secretAnswer, newPassword: NEW_PASSWORD })).toMatchObject(failed)
    }
  })

  it('changes the password at once on a right answer and answers { UID }', async () => {
    const { loginID, UID } = await registered(secureSite.apiKey)
    const body = await reset(secureSite.apiKey, { loginID, secretAnswer: ANSWER, newPassword: NEW_PASSWORD })
    expect(body).toMatchObject({ errorCode: 0, UID })
    expect(await login(secureSite.apiKey, loginID, NEW_PASSWORD)).toMatchObject({ errorCode: 0, UID })
    expect(await login(secureSite.apiKey, loginID, PASSWORD)).toMatchObject({ errorCode: 403042 })
    expect(await resetMails(secureSite.apiKey, UID)).toEqual([])
  })

  it('works for an account without an email on a site that does not require the check', async () => {
    const { loginID, UID } = await registered(usernameSite.apiKey)
    const body = await reset(usernameSite.apiKey, { loginID, secretAnswer: ANSWER, newPassword: NEW_PASSWORD })
    expect(body).toMatchObject({ errorCode: 0, UID })
    expect(await login(usernameSite.apiKey, loginID, NEW_PASSWORD)).toMatchObject({ errorCode: 0 })
  })

  it('revokes a pending reset link and clears a forced password change', async () => {
    const { loginID, UID } = await registered(secureSite.apiKey)
    const site = siteOf(secureSite.apiKey)
    // A server may still ask for a token (sendEmail=false): the check is for client calls.
    const issued = await h.admin('accounts.resetPassword', { loginID, sendEmail: 'false' }, site)
    expect(issued).toMatchObject({ errorCode: 0, passwordResetToken: expect.stringMatching(/^PRT1_/) })
    expect(await h.admin('accounts.setAccountInfo', { UID, requirePasswordChange: 'true' }, site)).toMatchObject({
      errorCode: 0,
    })
    expect(await login(secureSite.apiKey, loginID, PASSWORD)).toMatchObject({ errorCode: 403100 })

    expect(await reset(secureSite.apiKey, { loginID, secretAnswer: ANSWER, newPassword: NEW_PASSWORD })).toMatchObject({
      errorCode: 0,
    })
    const token = issued.passwordResetToken as string
    expect(await reset(secureSite.apiKey, { passwordResetToken: token, newPassword: 'Other-pass-77' })).toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid passwordResetToken',
    })
    expect(await login(secureSite.apiKey, loginID, NEW_PASSWORD)).toMatchObject({ errorCode: 0 })
  })

  it('answers 400002 for a secretAnswer without newPassword', async () => {
    const { loginID } = await registered(secureSite.apiKey)
    expect(await reset(secureSite.apiKey, { loginID, secretAnswer: ANSWER })).toMatchObject({
      errorCode: 400002,
      errorDetails: 'Missing required parameter: newPassword',
    })
  })

  it('holds newPassword to the policy (400009) and the history (401030) once the answer is right', async () => {
    const { loginID } = await registered(secureSite.apiKey)
    const weak = await reset(secureSite.apiKey, { loginID, secretAnswer: ANSWER, newPassword: 'short' })
    expect(weak).toMatchObject({
      errorCode: 400009,
      validationErrors: [expect.objectContaining({ errorCode: 400009, fieldName: 'newPassword' })],
    })
    expect(await reset(secureSite.apiKey, { loginID, secretAnswer: ANSWER, newPassword: PASSWORD })).toMatchObject({
      errorCode: 401030,
    })
    // A wrong answer says nothing about the new password.
    expect(await reset(secureSite.apiKey, { loginID, secretAnswer: 'Felix', newPassword: PASSWORD })).toMatchObject(
      failed,
    )
    expect(await login(secureSite.apiKey, loginID, PASSWORD)).toMatchObject({ errorCode: 0 })
  })

  it(`allows ${MAX_SECURITY_ANSWERS_PER_WINDOW} answers per account per window, then 403048 even for the right one`, async () => {
    const { loginID } = await registered(secureSite.apiKey)
    const other = await registered(secureSite.apiKey)
    const guess = (who: string, secretAnswer: string) =>
      reset(secureSite.apiKey, { loginID: who, secretAnswer, newPassword: NEW_PASSWORD })
    const guesses = await Promise.all(
      Array.from({ length: MAX_SECURITY_ANSWERS_PER_WINDOW + 3 }, (_, index) => guess(loginID, `guess ${index}`)),
    )
    const codes = guesses.map((body) => body.errorCode).sort()
    expect(codes).toEqual([
      ...Array<number>(MAX_SECURITY_ANSWERS_PER_WINDOW).fill(400050),
      ...Array<number>(3).fill(403048),
    ])
    expect(await guess(loginID, ANSWER)).toMatchObject({ errorCode: 403048, statusCode: 403 })
    // The limit is per account.
    expect(await guess(other.loginID, ANSWER)).toMatchObject({ errorCode: 0 })
    h.clock.now += ANSWER_WINDOW_MS
    expect(await guess(loginID, ANSWER)).toMatchObject({ errorCode: 0 })
  })
})

describe('resetPassword({ loginID, securityFields, newPassword })', () => {
  const withFields = (loginID: string, fields: unknown) =>
    reset(secureSite.apiKey, { loginID, securityFields: JSON.stringify(fields), newPassword: NEW_PASSWORD })

  it('accepts one whole set of the policy fields, compared case-insensitively', async () => {
    const { loginID, UID } = await registered(secureSite.apiKey, false)
    expect(await withFields(loginID, { firstName: ' ADA ', 'profile.zip': 10001 })).toMatchObject({
      errorCode: 0,
      UID,
    })
    expect(await login(secureSite.apiKey, loginID, NEW_PASSWORD)).toMatchObject({ errorCode: 0 })
  })

  it('answers 400050 for a wrong value, an incomplete set or fields outside the policy', async () => {
    const { loginID } = await registered(secureSite.apiKey)
    for (const fields of [{ firstName: 'Ada', zip: '99999' }, { firstName: 'Ada' }, { lastName: 'x', zip: '10001' }]) {
      expect(await withFields(loginID, fields)).toMatchObject({ ...failed, secretQuestion: QUESTION })
    }
    expect(await login(secureSite.apiKey, loginID, PASSWORD)).toMatchObject({ errorCode: 0 })
  })

  it('needs every proof given to hold: a right answer with wrong fields fails', async () => {
    const { loginID } = await registered(secureSite.apiKey)
    const body = await reset(secureSite.apiKey, {
      loginID,
      secretAnswer: ANSWER,
      securityFields: JSON.stringify({ firstName: 'Bob', zip: '10001' }),
      newPassword: NEW_PASSWORD,
    })
    expect(body).toMatchObject(failed)
  })

  it('answers 400006 for securityFields that are not a JSON object', async () => {
    const { loginID } = await registered(secureSite.apiKey)
    expect(await reset(secureSite.apiKey, { loginID, securityFields: '[1]', newPassword: NEW_PASSWORD })).toMatchObject(
      { errorCode: 400006 },
    )
  })
})

describe('resetPassword({ loginID }) without the check', () => {
  it('ignores secretAnswer and newPassword on an account with an email: the link is mailed (regression guard)', async () => {
    const { loginID, UID } = await registered(DEFAULT_SITE.apiKey)
    const body = await reset(DEFAULT_SITE.apiKey, { loginID, secretAnswer: ANSWER, newPassword: NEW_PASSWORD })
    expect(body).toMatchObject({ errorCode: 0 })
    expect(body).not.toHaveProperty('UID')
    expect(await resetMails(DEFAULT_SITE.apiKey, UID)).toHaveLength(1)
    expect(await login(DEFAULT_SITE.apiKey, loginID, PASSWORD)).toMatchObject({ errorCode: 0 })
  })
})
