import { describe, expect, it } from 'vitest'
import { AccountsError, type AccountsMethod } from '../../../src/accounts'
import { classifyError } from '../../../src/flows'

function errorFrom(body: Record<string, unknown>, method: string = 'accounts.register'): AccountsError {
  return new AccountsError({
    method,
    errorCode: body.errorCode as number,
    errorMessage: String(body.errorMessage ?? ''),
    ...(typeof body.errorDetails === 'string' ? { errorDetails: body.errorDetails } : {}),
    validationErrors: (body.validationErrors as never) ?? [],
    response: body,
  })
}

const rendered = new Set(['email', 'password', 'passwordRetype', 'profile.zip'])

describe('the calls of forgot/reset password, password change and code verification', () => {
  const screens: Record<string, Set<string>> = {
    forgot: new Set(['loginID', 'captcha']),
    security: new Set(['loginID', 'secretAnswer', 'newPassword', 'passwordRetype']),
    reset: new Set(['newPassword', 'passwordRetype']),
    change: new Set(['password', 'newPassword', 'passwordRetype']),
    code: new Set(['code']),
    login: new Set(['loginID', 'password']),
  }
  it.each<[string, AccountsMethod, Record<string, unknown>, keyof typeof screens, string, string]>([
    [
      '403047 unknown loginID',
      'accounts.resetPassword',
      { errorCode: 403047 },
      'forgot',
      'loginID',
      'there_is_no_user_with_that_username_or_email',
    ],
    [
      '401030 a password used before',
      'accounts.resetPassword',
      { errorCode: 401030 },
      'reset',
      'newPassword',
      'old_password_cannot_be_the_same_as_new_password',
    ],
    [
      '401030 on a password change',
      'accounts.setAccountInfo',
      { errorCode: 401030 },
      'change',
      'newPassword',
      'old_password_cannot_be_the_same_as_new_password',
    ],
    [
      'errorDetailsCode 100001',
      'accounts.setAccountInfo',
      { errorCode: 400006, errorDetailsCode: 100001 },
      'change',
      'newPassword',
      'old_password_cannot_be_the_same_as_new_password',
    ],
    [
      '403042 on a password change: the current password',
      'accounts.setAccountInfo',
      { errorCode: 403042 },
      'change',
      'password',
      'wrong_password',
    ],
    [
      'errorDetailsCode 100002',
      'accounts.setAccountInfo',
      { errorCode: 400006, errorDetailsCode: '100002' },
      'change',
      'password',
      'wrong_password',
    ],
    [
      'otp.update 400006 a wrong code',
      'accounts.otp.update',
      { errorCode: 400006, errorDetails: 'Invalid code' },
      'code',
      'code',
      'please_enter_a_valid_code',
    ],
    [
      'otp.update 403002 an expired code (not a regToken)',
      'accounts.otp.update',
      { errorCode: 403002, errorDetails: 'vToken expired' },
      'code',
      'code',
      'otp_code_expired',
    ],
    ['otp.sendCode 403002', 'accounts.otp.sendCode', { errorCode: 403002 }, 'code', 'code', 'otp_code_expired'],
    [
      '400009 on newPassword',
      'accounts.resetPassword',
      {
        errorCode: 400009,
        validationErrors: [
          { errorCode: 400009, fieldName: 'newPassword', message: 'Password does not meet complexity requirements' },
        ],
      },
      'reset',
      'newPassword',
      'password_does_not_meet_complexity_requirements',
    ],
  ])('%s → %s on the field', (_label, method, body, screen, name, messageId) => {
    const outcome = classifyError(
      errorFrom({ errorMessage: 'x', ...body }, method),
      screens[screen] as Set<string>,
      method,
    )
    expect(outcome).toMatchObject({ kind: 'fields', fields: [{ name, messageId, errorCode: body.errorCode }] })
  })

  it.each<[string, AccountsMethod | undefined, number, string, boolean]>([
    ['otp.sendCode 403048: the code limit', 'accounts.otp.sendCode', 403048, 'code_frequency_limit_reached', true],
    ['403048 elsewhere stays the rate limit', 'accounts.login', 403048, 'rate_limit_exceeded', true],
    ['403041 a disabled account', 'accounts.login', 403041, 'account_is_disabled', false],
    ['403120 a locked account', 'accounts.login', 403120, 'account_temporarily_locked_out', false],
    ['403042 on login stays the login message', 'accounts.login', 403042, 'invalid_login_or_password', false],
    ['403042 without the method stays the login message', undefined, 403042, 'invalid_login_or_password', false],
    ['resetPassword 400006: an invalid link', 'accounts.resetPassword', 400006, 'invalid_password_reset_token', false],
    ['resetPassword 403002: an expired link', 'accounts.resetPassword', 403002, 'invalid_password_reset_token', false],
    [
      'resetPassword 403025: SAP’s invalid token',
      'accounts.resetPassword',
      403025,
      'invalid_password_reset_token',
      false,
    ],
  ])('%s → form %s', (_label, method, errorCode, messageId, retryable) => {
    expect(
      classifyError(errorFrom({ errorCode, errorMessage: 'x' }), screens.login as Set<string>, method),
    ).toMatchObject({
      kind: 'form',
      form: { messageId, errorCode, retryable },
    })
  })

  it('puts a field message on the form when the screen lacks the field', () => {
    expect(
      classifyError(
        errorFrom({ errorCode: 403047, errorMessage: 'Login ID does not exist' }),
        new Set(),
        'accounts.resetPassword',
      ),
    ).toEqual({
      kind: 'form',
      form: {
        messageId: 'there_is_no_user_with_that_username_or_email',
        fallback: 'Login ID does not exist',
        errorCode: 403047,
        retryable: false,
      },
    })
  })

  it('400050: "the answer is not right" on the answer once the question is asked; the server’s words before', () => {
    const error = errorFrom(
      { errorCode: 400050, errorMessage: 'Security verification failed', secretQuestion: 'Your first pet?' },
      'accounts.resetPassword',
    )
    expect(classifyError(error, screens.security as Set<string>, 'accounts.resetPassword')).toEqual({
      kind: 'fields',
      fields: [
        {
          name: 'secretAnswer',
          messageId: 'security_verification_failed',
          fallback: 'Security verification failed',
          errorCode: 400050,
        },
      ],
    })
    // A site that names no question: "the answer is not right" would speak of an answer never asked for.
    expect(classifyError(error, screens.forgot as Set<string>, 'accounts.resetPassword')).toEqual({
      kind: 'form',
      form: {
        messageId: 'error_400050',
        fallback: 'Security verification failed',
        errorCode: 400050,
        retryable: false,
      },
    })
  })

  it('still reads a 403002 on a registration call as a refused regToken', () => {
    expect(classifyError(errorFrom({ errorCode: 403002, errorMessage: 'x' }), rendered, 'accounts.register')).toEqual({
      kind: 'token-rejected',
    })
  })
})

describe('the TFA calls', () => {
  const code = new Set(['code', 'rememberDevice'])
  it.each<[string, AccountsMethod, Record<string, unknown>, unknown]>([
    [
      'totp.verify 400006: a wrong code, on the code',
      'accounts.tfa.totp.verify',
      { errorCode: 400006, errorDetails: 'Invalid code' },
      { kind: 'fields', fields: [{ name: 'code', messageId: 'please_enter_a_valid_code', errorCode: 400006 }] },
    ],
    [
      'email.completeVerification 400006: a wrong code, on the code',
      'accounts.tfa.email.completeVerification',
      { errorCode: 400006 },
      { kind: 'fields', fields: [{ name: 'code', messageId: 'please_enter_a_valid_code' }] },
    ],
    [
      '400006 Invalid jwt: the step expired, on the form',
      'accounts.tfa.totp.verify',
      { errorCode: 400006, errorDetails: 'Invalid jwt' },
      { kind: 'form', form: { messageId: 'tfa_registration_expired', errorCode: 400006 } },
    ],
    [
      '403002 on finalizeTFA: the assertion expired',
      'accounts.tfa.finalizeTFA',
      { errorCode: 403002, errorDetails: 'gigyaAssertion expired' },
      { kind: 'form', form: { messageId: 'tfa_registration_expired', errorCode: 403002 } },
    ],
    [
      '403002 naming the regToken: the general handling',
      'accounts.tfa.totp.verify',
      { errorCode: 403002, errorDetails: 'regToken expired' },
      { kind: 'token-rejected' },
    ],
    [
      '400006 Invalid regToken on a code call: not the code',
      'accounts.tfa.email.completeVerification',
      { errorCode: 400006, errorDetails: 'Invalid regToken' },
      { kind: 'token-rejected' },
    ],
    [
      'sendVerificationCode 403048: the code limit',
      'accounts.tfa.email.sendVerificationCode',
      { errorCode: 403048 },
      { kind: 'form', form: { messageId: 'code_frequency_limit_reached', retryable: true } },
    ],
    [
      'a 400006 elsewhere is no code message',
      'accounts.tfa.initTFA',
      { errorCode: 400006, errorDetails: 'Invalid provider' },
      { kind: 'form', form: { messageId: 'error_400006' } },
    ],
  ])('%s', (_label, method, body, outcome) => {
    expect(classifyError(errorFrom({ errorMessage: 'x', ...body }, method), code, method)).toMatchObject(
      outcome as object,
    )
  })
})
