import { describe, expect, it } from 'vitest'
import type { AccountsError } from '../../../src/accounts'
import {
  createRegistrationMachine,
  type FlowAnswer,
  type FlowCall,
  type RegistrationState,
  type RegistrationStep,
} from '../../../src/flows'
import {
  account,
  AT,
  answered,
  changePassword,
  codeScreen,
  fail,
  failed,
  finalize,
  login,
  otpUpdate,
  register,
  resetByLoginID,
  resetByToken,
  sendCode,
  st,
} from './registrationTables'

const pending206001 = fail('accounts.register', 206001, {
  regToken: 'RT2',
  errorDetails: 'Missing required fields for registration: profile.zip, preferences.terms.tos',
})
const pending206002 = fail('accounts.login', 206002, {
  regToken: 'RT2',
  UID: 'u1',
  emails: { verified: [], unverified: ['a@example.com'] },
})
const pending206006 = fail('accounts.register', 206006, {
  regToken: 'RT2',
  UID: 'u1',
  emails: { verified: [], unverified: ['a@example.com', 'b@example.com'] },
})
const pending403100 = fail('accounts.login', 403100, { regToken: 'RT2' })

describe('registration machine: answers', () => {
  const machine = createRegistrationMachine()
  it.each<[string, RegistrationState, FlowAnswer, RegistrationStep]>([
    [
      'register answered → success',
      st('register'),
      answered(register({}), account),
      { state: st('success', { account }) },
    ],
    ['login answered → success', st('login'), answered(login, account), { state: st('success', { account }) }],
    [
      'finalizeRegistration answered → success, the regToken dropped',
      st('complete-registration', { regToken: 'RT' }),
      answered(finalize('RT'), account),
      { state: st('success', { account }) },
    ],
    [
      'setAccountInfo answered on complete-registration → finalizeRegistration',
      st('complete-registration', { regToken: 'RT' }),
      answered({ method: 'accounts.setAccountInfo', params: { regToken: 'RT', profile: {} } }),
      { state: st('complete-registration', { regToken: 'RT' }), call: finalize('RT') },
    ],
    [
      'setAccountInfo answered on password-change-required → finalizeRegistration',
      st('password-change-required', { regToken: 'RT' }),
      answered(changePassword),
      { state: st('password-change-required', { regToken: 'RT' }), call: finalize('RT') },
    ],
    [
      'otp.update answered → finalizeRegistration',
      codeScreen,
      answered(otpUpdate),
      { state: codeScreen, call: finalize('RT') },
    ],
    [
      'otp.sendCode answered as the screen opens: the vToken and when it was sent',
      st('email-code-verification', { regToken: 'RT', verification: { emails: ['a@example.com'] } }),
      answered(sendCode('RT'), { errorCode: 0, vToken: 'VT2' }),
      {
        state: st('email-code-verification', {
          regToken: 'RT',
          verification: { emails: ['a@example.com'] },
          code: { vToken: 'VT2', sentAt: AT },
        }),
      },
    ],
    [
      'otp.sendCode answered for a resend: new vToken, resend sent',
      { ...codeScreen, resend: { status: 'sending' } },
      answered(sendCode('RT'), { errorCode: 0, vToken: 'VT2' }),
      { state: { ...codeScreen, code: { vToken: 'VT2', sentAt: AT }, resend: { status: 'sent', sentAt: AT } } },
    ],
    [
      'resendVerificationCode answered → verification-sent',
      st('verification-pending', {
        regToken: 'RT',
        verification: { emails: ['a@example.com'] },
        resend: { status: 'sending' },
      }),
      answered({ method: 'accounts.resendVerificationCode', params: { regToken: 'RT' } }),
      {
        state: st('verification-sent', {
          regToken: 'RT',
          verification: { emails: ['a@example.com'] },
          resend: { status: 'sent', sentAt: AT },
        }),
      },
    ],
    [
      'resetPassword by loginID answered → forgot-password-success',
      st('forgot-password'),
      answered(resetByLoginID),
      { state: st('forgot-password-success') },
    ],
    [
      'resetPassword by token answered → reset-password-success',
      st('reset-password', { reset: { token: 'PRT', invalid: false } }),
      answered(resetByToken, { errorCode: 0, UID: 'u1' }),
      { state: st('reset-password-success') },
    ],
  ])('%s', (_label, state, event, step) => {
    expect(machine.transition(state, event)).toEqual(step)
  })
})

describe('registration machine: failures', () => {
  const machine = createRegistrationMachine()
  const interruptions: [string, FlowCall, AccountsError, RegistrationStep][] = [
    [
      '206001 → complete-registration with the missing fields',
      register({}),
      pending206001,
      {
        state: st('complete-registration', {
          regToken: 'RT2',
          missing: ['profile.zip', 'preferences.terms.tos.isConsentGranted'],
        }),
      },
    ],
    [
      '206002 → verification-pending',
      login,
      pending206002,
      {
        state: st('verification-pending', { regToken: 'RT2', verification: { UID: 'u1', emails: ['a@example.com'] } }),
      },
    ],
    [
      '206006 → email-code-verification, and a code to the first unverified address',
      register({}),
      pending206006,
      {
        state: st('email-code-verification', {
          regToken: 'RT2',
          verification: { UID: 'u1', emails: ['a@example.com', 'b@example.com'] },
        }),
        call: sendCode('RT2'),
      },
    ],
    [
      '403100 → password-change-required',
      login,
      pending403100,
      { state: st('password-change-required', { regToken: 'RT2' }) },
    ],
    [
      '206001 again from finalizeRegistration (the loop)',
      finalize('RT'),
      pending206001,
      {
        state: st('complete-registration', {
          regToken: 'RT2',
          missing: ['profile.zip', 'preferences.terms.tos.isConsentGranted'],
        }),
      },
    ],
    [
      'an interruption without a regToken keeps the one held',
      finalize('RT'),
      fail('accounts.finalizeRegistration', 206001, { errorDetails: 'Missing required fields: data.terms' }),
      { state: st('complete-registration', { regToken: 'RT', missing: ['data.terms'] }) },
    ],
  ]
  it.each(interruptions)('%s', (_label, call, error, step) => {
    expect(machine.transition(st('login', { regToken: 'RT', extra: ['captcha'] }), failed(call, error))).toEqual(step)
  })

  it.each([400006, 403002, 403025])(
    'a refused reset link (%i) → the invalid-link state, with no failure',
    (errorCode) => {
      const state = st('reset-password', { reset: { token: 'PRT', invalid: false } })
      const error = fail('accounts.resetPassword', errorCode, { errorDetails: 'Invalid passwordResetToken' })
      expect(machine.transition(state, failed(resetByToken, error))).toEqual({
        state: st('reset-password', { reset: { token: 'PRT', invalid: true } }),
      })
    },
  )

  const kept: [string, RegistrationState, FlowCall, AccountsError][] = [
    ['403047 on forgot-password', st('forgot-password'), resetByLoginID, fail('accounts.resetPassword', 403047)],
    [
      '401030 on reset-password',
      st('reset-password', { reset: { token: 'PRT', invalid: false } }),
      resetByToken,
      fail('accounts.resetPassword', 401030),
    ],
    [
      '400009 newPassword on reset-password',
      st('reset-password', { reset: { token: 'PRT', invalid: false } }),
      resetByToken,
      fail('accounts.resetPassword', 400009, {
        validationErrors: [
          { errorCode: 400009, fieldName: 'newPassword', message: 'Password does not meet complexity requirements' },
        ],
      }),
    ],
    [
      '403042 on password-change-required',
      st('password-change-required', { regToken: 'RT' }),
      changePassword,
      fail('accounts.setAccountInfo', 403042),
    ],
    [
      '401030 on password-change-required',
      st('password-change-required', { regToken: 'RT' }),
      changePassword,
      fail('accounts.setAccountInfo', 401030),
    ],
    ['otp.update 400006 (wrong code)', codeScreen, otpUpdate, fail('accounts.otp.update', 400006)],
    ['otp.update 403002 (expired code)', codeScreen, otpUpdate, fail('accounts.otp.update', 403002)],
    ['otp.sendCode 403048 as the screen opens', codeScreen, sendCode('RT'), fail('accounts.otp.sendCode', 403048)],
    ['403042 on login', st('login'), login, fail('accounts.login', 403042)],
    ['400009 on register', st('register'), register({}), fail('accounts.register', 400009)],
    [
      'a regToken still refused after the runner renewed it',
      st('register'),
      register({}),
      fail('accounts.register', 400006, { errorDetails: 'Invalid regToken' }),
    ],
    [
      'a 206001 from setAccountInfo is not read as an interruption',
      st('complete-registration', { regToken: 'RT' }),
      { method: 'accounts.setAccountInfo', params: {} },
      pending206001,
    ],
  ]
  it.each(kept)('%s keeps the screen and hands back the failure', (_label, state, call, error) => {
    expect(machine.transition(state, failed(call, error))).toEqual({ state, failure: { error, call } })
  })

  it('a reset-password failure that is not about the link stays a failure', () => {
    const state = st('reset-password', { reset: { token: 'PRT', invalid: false } })
    const error = new TypeError('offline')
    expect(machine.transition(state, failed(resetByToken, error))).toEqual({
      state,
      failure: { error, call: resetByToken },
    })
  })

  it.each<[string, RegistrationState, FlowCall, number]>([
    [
      'a resent link',
      st('verification-pending', { regToken: 'RT', resend: { status: 'sending', sentAt: AT - 1000 } }),
      { method: 'accounts.resendVerificationCode', params: { regToken: 'RT' } },
      403002,
    ],
    ['a resent code', { ...codeScreen, resend: { status: 'sending' } }, sendCode('RT'), 403048],
  ])('%s that failed: resend failed, and the failure', (_label, state, call, errorCode) => {
    const error = fail(call.method, errorCode)
    expect(machine.transition(state, failed(call, error))).toEqual({
      state: { ...state, resend: { ...state.resend, status: 'failed' } },
      failure: { error, call },
    })
  })
})
