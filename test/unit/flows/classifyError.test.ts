import { describe, expect, it } from 'vitest'
import { AccountsError } from '../../../src'
import { classifyError, parseMissingFields, toBindingName } from '../../../src/flows'
import { loadFixture } from '../../support/fixtures'

function errorFrom(body: Record<string, unknown>): AccountsError {
  return new AccountsError({
    method: 'accounts.register',
    errorCode: body.errorCode as number,
    errorMessage: String(body.errorMessage ?? ''),
    ...(typeof body.errorDetails === 'string' ? { errorDetails: body.errorDetails } : {}),
    ...(typeof body.regToken === 'string' ? { regToken: body.regToken } : {}),
    validationErrors: (body.validationErrors as never) ?? [],
    response: body,
  })
}

const rendered = new Set([
  'email',
  'password',
  'passwordRetype',
  'profile.firstName',
  'profile.zip',
  'data.terms',
  'preferences.terms.tos.isConsentGranted',
])

describe('toBindingName / parseMissingFields', () => {
  it.each([
    ['profile.zip', 'profile.zip'],
    ['preferences.terms.tos', 'preferences.terms.tos.isConsentGranted'],
    ['preferences.terms.tos.isConsentGranted', 'preferences.terms.tos.isConsentGranted'],
    ['subscriptions.newsletter', 'subscriptions.newsletter.email.isSubscribed'],
    ['subscriptions.newsletter.email', 'subscriptions.newsletter.email.isSubscribed'],
    ['email', 'email'],
    ['captchaText', 'captcha'],
  ])('%s → %s', (fieldName, binding) => {
    expect(toBindingName(fieldName)).toBe(binding)
  })

  it.each([
    ['Missing required fields for registration: profile.zip, data.terms', ['profile.zip', 'data.terms']],
    ['Missing required fields for registration: preferences.terms.tos', ['preferences.terms.tos.isConsentGranted']],
    ['missing required fields: profile.zip', ['profile.zip']],
    ['Account Pending Registration', []],
    [undefined, []],
    ['Missing required fields for registration: <img src=x>, data.terms', ['data.terms']],
  ])('%j → %j', (details, names) => {
    expect(parseMissingFields(details)).toEqual(names)
  })
})

describe('classifyError', () => {
  it('puts each validation error of the fixture on its field, with a message id by code', () => {
    expect(classifyError(errorFrom(loadFixture('register-validation-error')), rendered)).toEqual({
      kind: 'fields',
      fields: [
        { name: 'email', messageId: 'email_already_exists', fallback: 'email already exists', errorCode: 400003 },
        {
          name: 'password',
          messageId: 'password_does_not_meet_complexity_requirements',
          fallback: 'Password does not meet complexity requirements',
          errorCode: 400009,
        },
        { name: 'profile.zip', messageId: 'invalid_fieldname', fallback: 'Invalid zip', errorCode: 400026 },
      ],
      takenLoginID: 'email',
    })
  })

  it.each([
    [['email', 'password', 'profile.zip', 'data.terms']],
    [['data.terms', 'profile.zip', 'password', 'email']],
    [['profile.zip', 'email', 'data.terms', 'password']],
  ])('lists every entry of one 400009 in the order of the form, whatever the server sent (%j)', (serverOrder) => {
    const entries: Record<string, { errorCode: number; message: string }> = {
      email: { errorCode: 400003, message: 'email already exists' },
      password: { errorCode: 400009, message: 'Password does not meet complexity requirements' },
      'profile.zip': { errorCode: 400026, message: 'Invalid zip' },
      'data.terms': { errorCode: 400027, message: 'Required' },
    }
    const error = errorFrom({
      errorCode: 400009,
      validationErrors: serverOrder.map((fieldName) => ({ fieldName, ...entries[fieldName] })),
    })
    const outcome = classifyError(error, rendered)
    expect(outcome.kind === 'fields' && outcome.fields.map((field) => field.name)).toEqual([
      'email',
      'password',
      'profile.zip',
      'data.terms',
    ])
  })

  it.each<[string, { fieldName: string; errorCode: number }[], Set<string>, string | undefined, boolean]>([
    ['a taken email', [{ fieldName: 'email', errorCode: 400003 }], rendered, 'email', false],
    [
      'a taken email among other field errors',
      [
        { fieldName: 'password', errorCode: 400009 },
        { fieldName: 'email', errorCode: 400003 },
        { fieldName: 'profile.zip', errorCode: 400026 },
      ],
      rendered,
      'email',
      false,
    ],
    [
      'a taken user name',
      [{ fieldName: 'username', errorCode: 400003 }],
      new Set(['username', 'password']),
      'username',
      false,
    ],
    [
      'both, where the email comes first in the form',
      [
        { fieldName: 'username', errorCode: 400003 },
        { fieldName: 'email', errorCode: 400003 },
      ],
      new Set(['email', 'username', 'password']),
      'email',
      false,
    ],
    ['an email that is only invalid', [{ fieldName: 'email', errorCode: 400026 }], rendered, undefined, false],
    ['a taken siteUID (not a login ID)', [{ fieldName: 'siteUID', errorCode: 400003 }], rendered, undefined, true],
  ])('%s: takenLoginID %j, form message %j', (_, validationErrors, names, takenLoginID, formLevel) => {
    const error = errorFrom({
      errorCode: 400009,
      validationErrors: validationErrors.map((entry) => ({ ...entry, message: 'x' })),
    })
    const outcome = classifyError(error, names)
    expect(outcome.kind === 'fields' ? outcome.takenLoginID : undefined).toBe(takenLoginID)
    expect(outcome.kind === 'form').toBe(formLevel)
  })

  it('sends errors of fields the form does not show to the form', () => {
    const error = errorFrom({
      errorCode: 400009,
      validationErrors: [
        { errorCode: 400026, message: 'Invalid zip', fieldName: 'profile.zip' },
        { errorCode: 400026, message: 'Invalid shoe size', fieldName: 'data.shoeSize' },
      ],
    })
    expect(classifyError(error, rendered)).toEqual({
      kind: 'fields',
      fields: [{ name: 'profile.zip', messageId: 'invalid_fieldname', fallback: 'Invalid zip', errorCode: 400026 }],
      form: { messageId: 'error_400009', fallback: 'Invalid shoe size', errorCode: 400009, retryable: false },
    })
    expect(classifyError(error, new Set())).toMatchObject({
      kind: 'form',
      form: { fallback: 'Invalid zip. Invalid shoe size' },
    })
  })

  it.each([
    [
      'register-pending-registration',
      { kind: 'pending-registration', missing: ['profile.zip', 'data.terms'], regToken: expect.stringMatching(/^st2/) },
    ],
    [
      'register-pending-verification',
      { kind: 'pending-verification', emails: ['user@example.org'], UID: 'a9e1c3e5f7a94b2d8c6e4f2a0b9c8d7e' },
    ],
    [
      'register-email-exists',
      {
        kind: 'fields',
        fields: [
          { name: 'email', messageId: 'email_already_exists', fallback: 'email already exists', errorCode: 400003 },
        ],
        takenLoginID: 'email',
      },
    ],
    [
      'socialLogin-login-identifier-exists',
      {
        kind: 'identity-conflict',
        regToken: expect.stringMatching(/^st2/),
        field: {
          name: 'email',
          messageId: 'login_identifier_exists',
          fallback: 'Login identifier exists',
          errorCode: 403043,
        },
      },
    ],
    ['register-invalid-regtoken', { kind: 'token-rejected' }],
    ['register-expired-regtoken', { kind: 'token-rejected' }],
    [
      'register-captcha-failed',
      { kind: 'form', form: { messageId: 'register_captcha_error', errorCode: 400021, retryable: false } },
    ],
    ['rate-limit', { kind: 'form', form: { messageId: 'rate_limit_exceeded', errorCode: 403048, retryable: true } }],
    [
      'general-server-error',
      { kind: 'form', form: { messageId: 'general_error', errorCode: 500001, retryable: true } },
    ],
  ])('%s → %j', (fixture, outcome) => {
    expect(classifyError(errorFrom(loadFixture(fixture)), rendered)).toMatchObject(outcome)
  })

  it('reads a 409003 (link flow v2) as the identity conflict a 403043 is', () => {
    expect(
      classifyError(
        errorFrom({ errorCode: 409003, errorMessage: 'Login identifier exists', regToken: 'RT1_x' }),
        rendered,
      ),
    ).toMatchObject({ kind: 'identity-conflict', regToken: 'RT1_x', field: { name: 'email', errorCode: 409003 } })
  })

  it.each([
    [500026, 'network_error', true],
    [504002, 'request_timeout', true],
    [400093, 'configuration_error', false],
    [403044, 'under_age', false],
    [403042, 'invalid_login_or_password', false],
    [403007, 'forbidden_error', false],
    [400025, 'error_400025', false],
  ])('form-level code %i → %s', (errorCode, messageId, retryable) => {
    expect(classifyError(errorFrom({ errorCode, errorMessage: 'x', errorDetails: 'details' }), rendered)).toMatchObject(
      { kind: 'form', form: { messageId, retryable } },
    )
  })

  it('puts a CAPTCHA failure on the captcha field when there is one', () => {
    expect(classifyError(errorFrom(loadFixture('register-captcha-failed')), new Set(['captcha']))).toMatchObject({
      kind: 'fields',
      fields: [{ name: 'captcha' }],
    })
  })

  it.each([
    [400021, 'register_captcha_error'],
    [401020, 'captcha_required'],
    [401021, 'login_captcha_error'],
  ])('puts %i on the CAPTCHA control, with %s', (errorCode, messageId) => {
    expect(
      classifyError(
        errorFrom({ errorCode, errorMessage: 'Login Failed' }),
        new Set(['loginID', 'password', 'captcha']),
      ),
    ).toEqual({
      kind: 'fields',
      fields: [{ name: 'captcha', messageId, fallback: 'Login Failed', errorCode }],
    })
  })

  it('reads a 400009 whose entry names captchaText (a wrong typed word) as a CAPTCHA failure, beside the other fields', () => {
    const error = errorFrom({
      errorCode: 400009,
      errorMessage: 'Validation error',
      validationErrors: [
        {
          errorCode: 400027,
          message: "The characters you entered didn't match the word verification. Please try again",
          fieldName: 'captchaText',
        },
        { errorCode: 400026, message: 'Invalid zip', fieldName: 'profile.zip' },
      ],
    })
    expect(classifyError(error, new Set([...rendered, 'captcha']))).toEqual({
      kind: 'fields',
      fields: [
        { name: 'profile.zip', messageId: 'invalid_fieldname', fallback: 'Invalid zip', errorCode: 400026 },
        {
          name: 'captcha',
          messageId: 'register_captcha_error',
          fallback: "The characters you entered didn't match the word verification. Please try again",
          errorCode: 400027,
        },
      ],
    })
  })

  it('treats anything that is not an AccountsError as a general, retryable form error', () => {
    expect(classifyError(new TypeError('boom'), rendered)).toEqual({
      kind: 'form',
      form: { messageId: 'general_error', errorCode: 500001, retryable: true },
    })
  })
})
