import { describe, expect, it } from 'vitest'
import { AccountsError, createAccountsClient, type AccountsClient } from '../../../src'
import { createMockTransport } from '../../../src/testing'
import { fixtureNames, loadFixture } from '../../support/fixtures'

type Call = (client: AccountsClient) => Promise<unknown>

/** A method of the flows still to come (FLOWS.md), through `call` with a cast: only its envelope is read. */
const untyped =
  (method: string, params: Record<string, unknown>): Call =>
  (client) =>
    client.call(method as never, params as never)

const register: Call = (client) =>
  client.register({
    regToken: 'RT1_token',
    email: 'someone@example.com',
    password: 'Sup3r-secret',
    finalizeRegistration: true,
  })

/** What the client makes of each shared fixture: the typed body it resolves with, or the error. */
const expectations: Record<
  string,
  { method: string; call: Call; resolves?: Record<string, unknown>; rejects?: Record<string, unknown> }
> = {
  initRegistration: {
    method: 'accounts.initRegistration',
    call: (client) => client.initRegistration(),
    resolves: { errorCode: 0, regToken: expect.stringMatching(/^RT1_(?!LTE_)/) },
  },
  'initRegistration-lite': {
    method: 'accounts.initRegistration',
    call: (client) => client.initRegistration({ isLite: true }),
    resolves: { errorCode: 0, regToken: expect.stringContaining('_LTE_') },
  },
  'register-success': {
    method: 'accounts.register',
    call: register,
    resolves: {
      UID: 'e862a4500f2c4b1e9d3a7c6b5f4e3d2c',
      isRegistered: true,
      sessionInfo: { cookieName: 'glt_3_demoApiKey', cookieValue: expect.any(String) },
      profile: expect.objectContaining({ zip: '10001' }),
    },
  },
  'finalizeRegistration-success': {
    method: 'accounts.finalizeRegistration',
    call: (client) => client.finalizeRegistration({ regToken: 'st2.s.x' }),
    resolves: {
      UID: 'e862a4500f2c4b1e9d3a7c6b5f4e3d2c',
      isVerified: true,
      emails: { verified: ['someone@example.com'], unverified: [] },
    },
  },
  'setAccountInfo-lite': {
    method: 'accounts.setAccountInfo',
    call: (client) =>
      client.setAccountInfo({
        regToken: 'RT1_LTE_x',
        profile: { email: 'a@example.com' },
        subscriptions: { newsletter: { email: { isSubscribed: true } } },
      }),
    resolves: { UID: 'b7c8d9e0f1a24b3c5d6e7f8a9b0c1d2e', errorCode: 0 },
  },
  getSchema: {
    method: 'accounts.getSchema',
    call: (client) =>
      client.getSchema({ include: ['profileSchema', 'dataSchema', 'subscriptionsSchema', 'preferencesSchema'] }),
    resolves: {
      profileSchema: expect.objectContaining({
        fields: expect.objectContaining({
          zip: expect.objectContaining({ format: "regex('^[0-9]{5}$')", required: true }),
        }),
      }),
      preferencesSchema: { fields: { 'terms.tos': expect.objectContaining({ type: 'consent', format: 'true' }) } },
    },
  },
  getPolicies: {
    method: 'accounts.getPolicies',
    call: (client) => client.getPolicies(),
    resolves: {
      passwordComplexity: { minCharGroups: 2, minLength: 8 },
      accountOptions: expect.objectContaining({ loginIdentifiers: 'email, providerEmail' }),
    },
  },
  'register-pending-registration': {
    method: 'accounts.register',
    call: register,
    rejects: {
      errorCode: 206001,
      isPendingRegistration: true,
      isPendingVerification: false,
      errorDetails: 'Missing required fields for registration: profile.zip, data.terms',
      regToken: expect.stringMatching(/^st2\.s\./),
      statusCode: 206,
    },
  },
  'register-pending-verification': {
    method: 'accounts.register',
    call: register,
    rejects: {
      errorCode: 206002,
      isPendingVerification: true,
      regToken: expect.stringMatching(/^st2\.s\./),
      response: expect.objectContaining({
        UID: 'a9e1c3e5f7a94b2d8c6e4f2a0b9c8d7e',
        emails: { verified: [], unverified: ['user@example.org'] },
      }),
    },
  },
  'register-validation-error': {
    method: 'accounts.register',
    call: register,
    rejects: {
      errorCode: 400009,
      errorMessage: 'Validation error',
      errorDetails: 'Validation failed',
      callId: '96b1a3687f444412a81b9ebebdefe795',
    },
  },
  'register-email-exists': {
    method: 'accounts.register',
    call: register,
    rejects: {
      errorCode: 400009,
      isLoginIdentifierConflict: false,
      regToken: undefined,
      validationErrors: [{ errorCode: 400003, message: 'email already exists', fieldName: 'email' }],
    },
  },
  'socialLogin-login-identifier-exists': {
    method: 'accounts.socialLogin',
    call: untyped('accounts.socialLogin', { x_provider: 'google' }),
    rejects: { errorCode: 403043, isLoginIdentifierConflict: true, regToken: expect.stringMatching(/^st2\.s\./) },
  },
  'register-pending-code-verification': {
    method: 'accounts.register',
    call: register,
    rejects: {
      errorCode: 206006,
      statusCode: 206,
      isPendingRegistration: false,
      isPendingVerification: false,
      regToken: expect.stringMatching(/^st2\.s\./),
      response: expect.objectContaining({ emails: { verified: [], unverified: ['user@example.org'] } }),
    },
  },
  'login-success': {
    method: 'accounts.login',
    call: (client) => client.login({ loginID: 'someone@example.com', password: 'Sup3r-secret' }),
    resolves: {
      UID: 'e862a4500f2c4b1e9d3a7c6b5f4e3d2c',
      sessionInfo: { cookieName: 'glt_3_demoApiKey', cookieValue: expect.stringMatching(/^st2\.s\./) },
      newUser: false,
    },
  },
  'login-password-change-required': {
    method: 'accounts.login',
    call: (client) => client.login({ loginID: 'someone@example.com', password: 'Sup3r-secret' }),
    rejects: { errorCode: 403100, statusCode: 403, regToken: expect.stringMatching(/^st2\.s\./) },
  },
  'login-pending-tfa': {
    method: 'accounts.login',
    call: (client) => client.login({ loginID: 'someone@example.com', password: 'Sup3r-secret' }),
    rejects: {
      errorCode: 403101,
      regToken: expect.stringMatching(/^st2\.s\./),
      response: expect.objectContaining({ UID: 'e862a4500f2c4b1e9d3a7c6b5f4e3d2c' }),
    },
  },
  'resetPassword-email-sent': {
    method: 'accounts.resetPassword',
    call: untyped('accounts.resetPassword', { loginID: 'someone@example.com' }),
    resolves: { errorCode: 0 },
  },
  'resetPassword-unknown-login-id': {
    method: 'accounts.resetPassword',
    call: untyped('accounts.resetPassword', { loginID: 'nobody@example.com' }),
    rejects: { errorCode: 403047, errorMessage: 'Login ID does not exist', isRetryable: false },
  },
  'resetPassword-reused-password': {
    method: 'accounts.resetPassword',
    call: untyped('accounts.resetPassword', { passwordResetToken: 'tok', newPassword: 'Sup3r-secret' }),
    rejects: { errorCode: 401030, statusCode: 401, errorMessage: 'Old password used' },
  },
  'otp-sendCode': {
    method: 'accounts.otp.sendCode',
    call: untyped('accounts.otp.sendCode', { email: 'someone@example.com', lang: 'en' }),
    resolves: { errorCode: 0, vToken: expect.any(String) },
  },
  getConflictingAccount: {
    method: 'accounts.getConflictingAccount',
    call: untyped('accounts.getConflictingAccount', { regToken: 'st2.s.x' }),
    resolves: { conflictingAccount: { loginProviders: ['site'], loginID: 'someone@example.com' } },
  },
  getCaptcha: {
    method: 'accounts.getCaptcha',
    call: (client) => client.getCaptcha(),
    resolves: {
      captchaToken: expect.any(String),
      captchaImage: expect.stringMatching(/^data:image\/svg\+xml;base64,/),
    },
  },
  'register-invalid-regtoken': {
    method: 'accounts.register',
    call: register,
    rejects: { errorCode: 400006, isRegTokenInvalid: true, errorDetails: 'Invalid regToken', isRetryable: false },
  },
  'register-expired-regtoken': {
    method: 'accounts.register',
    call: register,
    rejects: { errorCode: 403002, isRegTokenInvalid: true, errorDetails: 'regToken expired' },
  },
  'register-captcha-failed': {
    method: 'accounts.register',
    call: register,
    rejects: { errorCode: 400021, errorMessage: 'CAPTCHA verification failed', isRetryable: false },
  },
  'rate-limit': {
    method: 'accounts.register',
    call: register,
    rejects: { errorCode: 403048, isRateLimited: true, isRetryable: true, statusCode: 403 },
  },
  'general-server-error': {
    method: 'accounts.register',
    call: register,
    rejects: { errorCode: 500001, errorMessage: 'General Server Error', isRetryable: true, statusCode: 500 },
  },
}

describe('every shared fixture through the client', () => {
  it('has an expectation for each fixture file (a new fixture must be covered here)', () => {
    expect(Object.keys(expectations).sort()).toEqual(fixtureNames())
  })

  it.each(Object.entries(expectations))('%s', async (name, expectation) => {
    const body = loadFixture(name)
    const transport = createMockTransport({ [expectation.method]: body })
    const client = createAccountsClient({ transport })
    const outcome = expectation.call(client)
    if (expectation.resolves) {
      await expect(outcome).resolves.toMatchObject(expectation.resolves)
    } else {
      const error = await outcome.then(
        () => expect.fail('expected a rejection'),
        (reason: unknown) => reason,
      )
      expect(error).toBeInstanceOf(AccountsError)
      expect(error).toMatchObject({ method: expectation.method, callId: body.callId, ...expectation.rejects })
    }
    expect(transport.calls.map((call) => call.method)).toEqual([expectation.method])
  })

  it('reads the per-field errors of the validation fixture', async () => {
    const client = createAccountsClient({
      transport: createMockTransport({ 'accounts.register': loadFixture('register-validation-error') }),
    })
    const error = (await register(client).catch((reason: unknown) => reason)) as AccountsError
    expect(error.fieldErrors()).toEqual([
      { errorCode: 400003, message: 'email already exists', fieldName: 'email' },
      { errorCode: 400009, message: 'Password does not meet complexity requirements', fieldName: 'password' },
      { errorCode: 400026, message: 'Invalid zip', fieldName: 'profile.zip' },
    ])
  })
})
