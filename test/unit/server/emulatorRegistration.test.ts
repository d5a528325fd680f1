// @vitest-environment node
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AccountsError } from '../../../src'
import {
  COMPLETE,
  PASSWORD,
  rejection,
  siteWith,
  startHarness,
  uniqueEmail,
  type Harness,
} from '../../support/emulatorHarness'
import { DEFAULT_SITE } from '../../../src/server'

const verifySite = siteWith('3_verify', { accountOptions: { verifyEmail: true } })
const ignoreSite = siteWith('3_ignore', { accountOptions: { loginIdentifierConflict: 'ignore' } })
const usernameSite = siteWith('3_username', { accountOptions: { loginIdentifiers: 'username' } })
const eitherSite = siteWith('3_either', { accountOptions: { loginIdentifiers: 'email, username' } })
const captchaSite = siteWith('3_captcha', { registration: { requireCaptcha: true } })
const questionSite = siteWith('3_question', { registration: { requireSecurityQuestion: true } })
const coppaSite = siteWith('3_coppa', { registration: { enforceCoppa: true } })
const regexpSite = siteWith('3_regexp', {
  passwordComplexity: { minLength: 6, minCharGroups: 0, regExp: '(?i)^[a-z]+[0-9]+$' },
})

let h: Harness

beforeAll(async () => {
  h = await startHarness([
    DEFAULT_SITE,
    verifySite,
    ignoreSite,
    usernameSite,
    eitherSite,
    captchaSite,
    questionSite,
    coppaSite,
    regexpSite,
  ])
})

afterAll(async () => {
  await h.close()
})

async function registerComplete(apiKey = DEFAULT_SITE.apiKey, extra: Record<string, unknown> = {}) {
  const client = h.client(apiKey)
  const { regToken } = await client.initRegistration()
  const email = uniqueEmail()
  const response = await client.register({
    regToken,
    email,
    password: PASSWORD,
    ...COMPLETE,
    finalizeRegistration: true,
    ...extra,
  })
  return { client, email, response }
}

describe('registration over HTTP, judged by the emulator', () => {
  it('registers a complete account in one call: session, signature, included parts', async () => {
    const { email, response } = await registerComplete(DEFAULT_SITE.apiKey, {
      include: ['profile', 'data', 'emails', 'loginIDs', 'subscriptions', 'preferences'],
      subscriptions: { offers: { email: { isSubscribed: true } } },
      regSource: 'https://shop.example.com/signup',
      lang: 'de',
    })
    expect(response).toMatchObject({
      errorCode: 0,
      isRegistered: true,
      isVerified: true,
      newUser: true,
      loginProvider: 'site',
      sessionInfo: { cookieName: 'glt_3_screensets_dev', cookieValue: expect.stringMatching(/^VC1_/) },
      profile: { email, firstName: 'Ada', zip: '10001' },
      data: { terms: true },
      emails: { verified: [email], unverified: [] },
      loginIDs: { emails: [email], unverifiedEmails: [] },
      subscriptions: { offers: { email: { isSubscribed: true, doubleOptIn: { status: 'NotConfirmed' } } } },
      preferences: { terms: { tos: { isConsentGranted: true } } },
      UIDSignature: expect.any(String),
      signatureTimestamp: expect.stringMatching(/^\d+$/),
    })
    expect(response.UID).toMatch(/^[0-9a-f]{32}$/)
    const { accounts } = (await h.admin('emulator.listAccounts')) as { accounts: Array<Record<string, unknown>> }
    const stored = accounts.find((account) => account.UID === response.UID)
    expect(stored).toMatchObject({ regSource: 'https://shop.example.com/signup', lang: 'de', hasPassword: true })
    expect(stored).not.toHaveProperty('passwordHash')
  })

  it('stores the password only as a salted PBKDF2 hash (not in the SQLite file in clear)', async () => {
    const { response } = await registerComplete()
    expect(response.UID).toBeDefined()
    const file = readFileSync(h.dbPath).toString('latin1') + readFileSync(`${h.dbPath}-wal`).toString('latin1')
    expect(file).not.toContain(PASSWORD)
    expect(file).toContain('pbkdf2-sha256$1000$')
  })

  it('returns a mobile session for targetEnv=mobile and takes siteUID as the UID', async () => {
    const siteUID = `crm-${Date.now()}`
    const { response } = await registerComplete(DEFAULT_SITE.apiKey, { targetEnv: 'mobile', siteUID })
    expect(response.UID).toBe(siteUID)
    expect(response.sessionInfo).toEqual({
      sessionToken: expect.stringMatching(/^st2\.s\./),
      sessionSecret: expect.any(String),
    })
  })

  it.each([
    ['too long', 'x'.repeat(253)],
    ['not ASCII', 'üid-1'],
  ])('refuses a siteUID that is %s (400006)', async (_label, siteUID) => {
    const client = h.client()
    const { regToken } = await client.initRegistration()
    const error = await rejection(
      client.register({
        regToken,
        email: uniqueEmail(),
        password: PASSWORD,
        ...COMPLETE,
        siteUID,
        finalizeRegistration: true,
      }),
    )
    expect(error).toMatchObject({ errorCode: 400006, errorDetails: 'Invalid siteUID' })
  })

  it('refuses a siteUID another account has', async () => {
    const siteUID = `dup-${Date.now()}`
    await registerComplete(DEFAULT_SITE.apiKey, { siteUID })
    const error = await rejection(registerComplete(DEFAULT_SITE.apiKey, { siteUID }))
    expect(error.fieldErrors()).toEqual([{ errorCode: 400003, message: 'UID already exists', fieldName: 'siteUID' }])
  })

  it('leaves a registration with missing required fields pending (206001), then completes it', async () => {
    const client = h.client()
    const { regToken } = await client.initRegistration()
    const email = uniqueEmail()
    const pending = await rejection(
      client.register({
        regToken,
        email,
        password: PASSWORD,
        profile: { firstName: 'Ada' },
        finalizeRegistration: true,
      }),
    )
    expect(pending).toBeInstanceOf(AccountsError)
    expect(pending).toMatchObject({
      errorCode: 206001,
      isPendingRegistration: true,
      errorDetails: 'Missing required fields for registration: profile.zip, data.terms, preferences.terms.tos',
      statusCode: 206,
      regToken: expect.stringMatching(/^RT1_/),
    })
    expect(pending.regToken).not.toBe(regToken)
    expect(pending.response).toMatchObject({ isRegistered: false, profile: { email, firstName: 'Ada' } })

    await expect(
      client.setAccountInfo({ regToken: pending.regToken as string, profile: { zip: '10001' }, data: { terms: true } }),
    ).resolves.toMatchObject({ errorCode: 0 })
    const stillPending = await rejection(client.finalizeRegistration({ regToken: pending.regToken as string }))
    expect(stillPending).toMatchObject({
      errorCode: 206001,
      errorDetails: 'Missing required fields for registration: preferences.terms.tos',
    })

    await client.setAccountInfo({ regToken: stillPending.regToken as string, preferences: COMPLETE.preferences })
    const done = await client.finalizeRegistration({
      regToken: stillPending.regToken as string,
      include: ['profile', 'data'],
    })
    expect(done).toMatchObject({
      errorCode: 0,
      isRegistered: true,
      profile: { email, firstName: 'Ada', zip: '10001' },
      data: { terms: true },
    })

    const reused = await rejection(client.finalizeRegistration({ regToken: stillPending.regToken as string }))
    expect(reused).toMatchObject({ errorCode: 400006, errorDetails: 'Invalid regToken' })
  })

  it('does not finalize a complete registration unless asked (finalizeRegistration defaults to false)', async () => {
    const client = h.client()
    const { regToken } = await client.initRegistration()
    const pending = await rejection(
      client.register({ regToken, email: uniqueEmail(), password: PASSWORD, ...COMPLETE }),
    )
    expect(pending).toMatchObject({ errorCode: 206001, errorDetails: 'Account Pending Registration' })
    await expect(client.finalizeRegistration({ regToken: pending.regToken as string })).resolves.toMatchObject({
      isRegistered: true,
    })
  })

  it.each([
    ['failOnSiteConflictingIdentity (the default)', DEFAULT_SITE.apiKey],
    ['ignore', ignoreSite.apiKey],
  ])(
    'answers a taken email with 400009 / 400003 on the email field, whatever loginIdentifierConflict (%s)',
    async (_policy, apiKey) => {
      const { email } = await registerComplete(apiKey)
      const error = await rejection(registerComplete(apiKey, { email: email.toUpperCase() }))
      expect(error).toMatchObject({ errorCode: 400009, isLoginIdentifierConflict: false, regToken: undefined })
      expect(error.fieldErrors()).toEqual([{ errorCode: 400003, message: 'email already exists', fieldName: 'email' }])
      expect(error.takenLoginIDs()).toEqual(['email'])
    },
  )

  it('speaks the lang of the call in validation messages', async () => {
    const { email } = await registerComplete(ignoreSite.apiKey)
    const client = h.client(ignoreSite.apiKey, 'de')
    const { regToken } = await client.initRegistration()
    const error = await rejection(
      client.register({ regToken, email, password: PASSWORD, ...COMPLETE, finalizeRegistration: true }),
    )
    expect(error.fieldErrors()[0]?.message).toBe('E-Mail-Adresse existiert bereits')
  })

  it('checks email syntax and requires the password', async () => {
    const client = h.client()
    const { regToken } = await client.initRegistration()
    const error = await rejection(
      client.call('accounts.register', { regToken, email: 'not-an-email', ...COMPLETE } as never),
    )
    expect(error.fieldErrors()).toEqual([
      { errorCode: 400026, message: 'Email address is invalid', fieldName: 'email' },
      { errorCode: 400027, message: 'This field is required', fieldName: 'password' },
    ])
  })

  it.each([
    ['too short', 'Ab1'],
    ['one character group', 'abcdefghij'],
  ])('refuses a password that is %s with a password field error', async (_label, password) => {
    const client = h.client()
    const { regToken } = await client.initRegistration()
    const error = await rejection(
      client.register({ regToken, email: uniqueEmail(), password, ...COMPLETE, finalizeRegistration: true }),
    )
    expect(error.fieldErrors()).toEqual([
      { errorCode: 400009, message: 'Password does not meet complexity requirements', fieldName: 'password' },
    ])
  })

  it('applies passwordComplexity.regExp (a .NET pattern with an inline option)', async () => {
    const client = h.client(regexpSite.apiKey)
    const { regToken } = await client.initRegistration()
    const weak = await rejection(
      client.register({ regToken, email: uniqueEmail(), password: '123abc', ...COMPLETE, finalizeRegistration: true }),
    )
    expect(weak.fieldErrors()[0]?.fieldName).toBe('password')
    await expect(registerComplete(regexpSite.apiKey, { password: 'ABCdef123' })).resolves.toMatchObject({
      response: { errorCode: 0 },
    })
  })

  it('identifies by username when the policy says so', async () => {
    const client = h.client(usernameSite.apiKey)
    const { regToken } = await client.initRegistration()
    const missing = await rejection(
      client.register({ regToken, email: uniqueEmail(), password: PASSWORD, ...COMPLETE, finalizeRegistration: true }),
    )
    expect(missing.fieldErrors()).toEqual([
      { errorCode: 400027, message: 'This field is required', fieldName: 'username' },
    ])
    const username = `ada${Date.now()}`
    await registerComplete(usernameSite.apiKey, { username })
    const taken = await rejection(registerComplete(usernameSite.apiKey, { username: username.toUpperCase() }))
    expect(taken.fieldErrors()).toEqual([
      { errorCode: 400003, message: 'Username already exists', fieldName: 'username' },
    ])
    await expect(h.client(usernameSite.apiKey).login({ loginID: username, password: PASSWORD })).resolves.toMatchObject(
      { errorCode: 0 },
    )
  })

  it('accepts either identifier when both are allowed, and needs one', async () => {
    const client = h.client(eitherSite.apiKey)
    const { regToken } = await client.initRegistration()
    const none = await rejection(
      client.register({ regToken, password: PASSWORD, ...COMPLETE, finalizeRegistration: true }),
    )
    expect(none.fieldErrors().map((error) => error.fieldName)).toEqual(['email'])
    const username = `grace${Date.now()}`
    // profile.email is required by the schema, independently of the login identifier.
    const profile = { ...COMPLETE.profile, email: uniqueEmail() }
    const { response } = await registerComplete(eitherSite.apiKey, { email: undefined, username, profile })
    expect(response).toMatchObject({ errorCode: 0, profile: { email: profile.email } })
  })

  it('requires a CAPTCHA when the policy does (400021), and accepts the test token', async () => {
    const missing = await rejection(registerComplete(captchaSite.apiKey))
    expect(missing).toMatchObject({ errorCode: 400021, errorMessage: 'CAPTCHA verification failed' })
    const wrong = await rejection(registerComplete(captchaSite.apiKey, { captchaToken: 'bot' }))
    expect(wrong.errorCode).toBe(400021)
    const { response } = await registerComplete(captchaSite.apiKey, {
      captchaToken: 'test-captcha-pass',
      captchaType: 'reCaptchaV2',
    })
    expect(response.errorCode).toBe(0)
  })

  it('requires the security question and answer when the policy does', async () => {
    const missing = await rejection(registerComplete(questionSite.apiKey))
    expect(missing.fieldErrors().map((error) => [error.fieldName, error.errorCode])).toEqual([
      ['secretQuestion', 400027],
      ['secretAnswer', 400027],
    ])
    const { response } = await registerComplete(questionSite.apiKey, {
      secretQuestion: 'First pet?',
      secretAnswer: 'Fluffy the cat',
    })
    const { accounts } = (await h.admin('emulator.listAccounts', {}, questionSite)) as {
      accounts: Array<Record<string, unknown>>
    }
    expect(accounts.find((account) => account.UID === response.UID)).toMatchObject({
      secretQuestion: 'First pet?',
      hasSecretAnswer: true,
    })
    expect(JSON.stringify(accounts)).not.toContain('Fluffy the cat')
  })

  it('refuses an under-age user under COPPA (403044)', async () => {
    const year = new Date().getUTCFullYear() - 10
    const error = await rejection(
      registerComplete(coppaSite.apiKey, { profile: { ...COMPLETE.profile, birthYear: year } }),
    )
    expect(error).toMatchObject({ errorCode: 403044 })
    const { response } = await registerComplete(coppaSite.apiKey, { profile: { ...COMPLETE.profile, birthYear: 1990 } })
    expect(response.errorCode).toBe(0)
  })
})

describe('one call, one answer, every field error (REFERENCE.md §2)', () => {
  it('lists a taken email, the password, the security answer, a format and a type in one 400009', async () => {
    const { email } = await registerComplete(questionSite.apiKey, { secretQuestion: 'Pet?', secretAnswer: 'Rex' })
    const client = h.client(questionSite.apiKey)
    const { regToken } = await client.initRegistration()
    const error = await rejection(
      client.register({
        regToken,
        email,
        password: 'short',
        secretQuestion: 'First pet?',
        profile: { firstName: 'Ada', zip: 'ABCDE', birthYear: 'nineteen' as unknown as number },
        data: { terms: true },
        finalizeRegistration: true,
      }),
    )
    expect(error.errorCode).toBe(400009)
    expect(error.fieldErrors()).toEqual(
      expect.arrayContaining([
        { errorCode: 400003, message: 'email already exists', fieldName: 'email' },
        { errorCode: 400009, message: 'Password does not meet complexity requirements', fieldName: 'password' },
        { errorCode: 400027, message: 'This field is required', fieldName: 'secretAnswer' },
        { errorCode: 400026, message: 'Invalid zip', fieldName: 'profile.zip' },
        { errorCode: 400026, message: 'Invalid birthYear', fieldName: 'profile.birthYear' },
      ]),
    )
    expect(error.fieldErrors()).toHaveLength(5)
    expect(error.takenLoginIDs()).toEqual(['email'])
  })

  it('answers bad fields before missing ones: 400009 first, 206001 only once the fields are valid', async () => {
    const client = h.client()
    const { regToken } = await client.initRegistration()
    const email = uniqueEmail('order')
    const invalid = await rejection(
      client.register({ regToken, email, password: PASSWORD, profile: { zip: 'nope' }, finalizeRegistration: true }),
    )
    expect(invalid.errorCode).toBe(400009)
    expect(invalid.fieldErrors()).toEqual([expect.objectContaining({ errorCode: 400026, fieldName: 'profile.zip' })])
    const pending = await rejection(
      client.register({ regToken, email, password: PASSWORD, profile: { zip: '10001' }, finalizeRegistration: true }),
    )
    expect(pending).toMatchObject({ errorCode: 206001 })
  })

  it('still refuses unknown fields on their own (400020), before judging values', async () => {
    const client = h.client()
    const { regToken } = await client.initRegistration()
    const error = await rejection(
      client.register({ regToken, email: 'bad', password: 'x', profile: { nope: 1 }, finalizeRegistration: true }),
    )
    expect(error).toMatchObject({ errorCode: 400020 })
  })

  it('answers a user name taken while completing a registration with 400003 on username', async () => {
    const takenName = `taken${Date.now()}`
    await registerComplete(eitherSite.apiKey, { username: takenName })
    const client = h.client(eitherSite.apiKey)
    const { regToken } = await client.initRegistration()
    const pending = await rejection(
      client.register({ regToken, email: uniqueEmail('complete'), password: PASSWORD, finalizeRegistration: true }),
    )
    expect(pending.errorCode).toBe(206001)
    const error = await rejection(
      client.call('accounts.setAccountInfo', {
        regToken: pending.regToken as string,
        username: takenName.toUpperCase(),
        profile: { zip: 'bad' },
      } as never),
    )
    expect(error.errorCode).toBe(400009)
    expect(error.fieldErrors()).toEqual([
      { errorCode: 400003, message: 'Username already exists', fieldName: 'username' },
      expect.objectContaining({ errorCode: 400026, fieldName: 'profile.zip' }),
    ])
    await client.call('accounts.setAccountInfo', {
      regToken: pending.regToken as string,
      username: `free${Date.now()}`,
      ...COMPLETE,
    } as never)
    await expect(client.finalizeRegistration({ regToken: pending.regToken as string })).resolves.toMatchObject({
      isRegistered: true,
    })
  })
})

describe('email verification', () => {
  it('registers as pending verification (206002), writes the outbox, resends, and lets login in once confirmed', async () => {
    const client = h.client(verifySite.apiKey)
    const { regToken } = await client.initRegistration()
    const email = uniqueEmail('verify')
    const error = await rejection(
      client.register({ regToken, email, password: PASSWORD, ...COMPLETE, finalizeRegistration: true }),
    )
    expect(error).toMatchObject({
      errorCode: 206002,
      isPendingVerification: true,
      regToken: expect.stringMatching(/^RT1_/),
      response: expect.objectContaining({
        isRegistered: true,
        isVerified: false,
        emails: { verified: [], unverified: [email] },
        UID: expect.any(String),
      }),
    })
    const UID = error.response?.UID as string

    await expect(client.resendVerificationCode({ regToken: error.regToken as string })).resolves.toMatchObject({
      errorCode: 0,
    })
    const { messages } = (await h.admin('emulator.getOutbox', {}, verifySite)) as {
      messages: Array<Record<string, unknown>>
    }
    expect(messages.filter((message) => message.UID === UID)).toEqual([
      expect.objectContaining({ kind: 'verification', to: email }),
      expect.objectContaining({ kind: 'verification', to: email }),
    ])

    const blocked = await rejection(client.login({ loginID: email, password: PASSWORD }))
    expect(blocked).toMatchObject({ errorCode: 206002, regToken: expect.any(String) })

    await expect(h.admin('emulator.confirmEmail', { UID }, verifySite)).resolves.toMatchObject({ errorCode: 0 })
    await expect(client.login({ loginID: email, password: PASSWORD, include: ['emails'] })).resolves.toMatchObject({
      errorCode: 0,
      isVerified: true,
      emails: { verified: [email], unverified: [] },
    })
  })

  it('refuses to resend for an email the account does not have', async () => {
    const client = h.client(verifySite.apiKey)
    const { regToken } = await client.initRegistration()
    const error = await rejection(
      client.register({ regToken, email: uniqueEmail(), password: PASSWORD, ...COMPLETE, finalizeRegistration: true }),
    )
    await expect(
      rejection(client.resendVerificationCode({ regToken: error.regToken as string, email: 'other@example.com' })),
    ).resolves.toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid email',
    })
  })
})

describe('login and availability', () => {
  it('logs in with the right password only (403042 otherwise), by email in any case', async () => {
    const { email, client } = await registerComplete()
    await expect(client.login({ loginID: email.toUpperCase(), password: PASSWORD })).resolves.toMatchObject({
      errorCode: 0,
      newUser: false,
      sessionInfo: expect.any(Object),
    })
    await expect(rejection(client.login({ loginID: email, password: 'Wrong-123' }))).resolves.toMatchObject({
      errorCode: 403042,
    })
    await expect(rejection(client.login({ loginID: uniqueEmail(), password: PASSWORD }))).resolves.toMatchObject({
      errorCode: 403042,
    })
  })

  it('sends a pending account from login to complete-registration with a token that register accepts', async () => {
    const client = h.client()
    const { regToken } = await client.initRegistration()
    const email = uniqueEmail()
    await rejection(
      client.register({
        regToken,
        email,
        password: PASSWORD,
        profile: { firstName: 'Ada' },
        finalizeRegistration: true,
      }),
    )
    const pending = await rejection(client.login({ loginID: email, password: PASSWORD }))
    expect(pending).toMatchObject({
      errorCode: 206001,
      errorDetails: 'Missing required fields for registration: profile.zip, data.terms, preferences.terms.tos',
    })
    const done = await client.register({
      regToken: pending.regToken as string,
      password: PASSWORD,
      profile: { zip: '10001' },
      data: { terms: true },
      preferences: COMPLETE.preferences,
      finalizeRegistration: true,
    })
    expect(done).toMatchObject({ errorCode: 0, isRegistered: true })
  })

  it('tells whether a login ID is free', async () => {
    const { email, client } = await registerComplete()
    await expect(client.isAvailableLoginID({ loginID: email })).resolves.toMatchObject({ isAvailable: false })
    await expect(client.isAvailableLoginID({ loginID: uniqueEmail() })).resolves.toMatchObject({ isAvailable: true })
    await expect(rejection(client.call('accounts.isAvailableLoginID', {} as never))).resolves.toMatchObject({
      errorCode: 400002,
    })
  })
})
