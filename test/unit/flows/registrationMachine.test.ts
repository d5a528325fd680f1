import { describe, expect, it } from 'vitest'
import {
  createRegistrationMachine,
  initialRegistrationState,
  type RegistrationEvent,
  type RegistrationMachineOptions,
  type RegistrationState,
  type RegistrationStep,
} from '../../../src/flows'
import {
  AT,
  codeScreen,
  changePassword,
  finalize,
  login,
  register,
  resetByLoginID,
  resetByToken,
  sendCode,
  otpUpdate,
  st,
  submit,
} from './registrationTables'

describe('initialRegistrationState', () => {
  it.each<[string, RegistrationMachineOptions, RegistrationState]>([
    ['register by default', {}, st('register')],
    ['the start screen asked for', { startScreen: 'login' }, st('login')],
    [
      'reset-password with the link token',
      { passwordResetToken: 'PRT', progressionEmail: 'a@example.com', startScreen: 'login' },
      st('reset-password', { reset: { token: 'PRT', invalid: false } }),
    ],
    [
      'lite-progression with the email and lite token',
      { progressionEmail: 'a@example.com', liteToken: 'LT', startScreen: 'login' },
      st('lite-progression', { prefill: { email: 'a@example.com' }, liteToken: 'LT' }),
    ],
    [
      'lite-progression without a lite token',
      { progressionEmail: 'a@example.com' },
      st('lite-progression', { prefill: { email: 'a@example.com' } }),
    ],
  ])('%s', (_label, options, state) => {
    expect(initialRegistrationState(options)).toEqual(state)
  })
})

describe('registration machine: events', () => {
  const machine = createRegistrationMachine()
  it.each<[string, RegistrationState, RegistrationEvent, RegistrationStep]>([
    ['go: register → login', st('register'), { type: 'go', screen: 'login' }, { state: st('login') }],
    [
      'go keeps the prefill and clears what the screen held',
      st('email-code-verification', {
        regToken: 'RT',
        missing: ['profile.zip'],
        extra: ['data.terms'],
        verification: { emails: ['a@example.com'] },
        code: { vToken: 'VT', sentAt: AT },
        resend: { status: 'sent', sentAt: AT },
      }),
      { type: 'go', screen: 'login', prefill: { loginID: 'a@example.com' } },
      { state: st('login', { prefill: { loginID: 'a@example.com' } }) },
    ],
    [
      'go: an invalid reset link → forgot-password',
      st('reset-password', { reset: { token: 'PRT', invalid: true } }),
      { type: 'go', screen: 'forgot-password' },
      { state: st('forgot-password') },
    ],
    [
      'show-fields adds names once each',
      st('register', { extra: ['profile.zip'] }),
      { type: 'show-fields', names: ['data.terms', 'profile.zip', 'data.terms'] },
      { state: st('register', { extra: ['profile.zip', 'data.terms'] }) },
    ],
    [
      'submit on register: accounts.register with a registration token',
      st('register'),
      submit({ email: 'a@example.com', password: 'pw' }),
      { state: st('register'), call: register({ email: 'a@example.com', password: 'pw' }) },
    ],
    [
      'submit on lite-progression with a lite token: a progression token',
      st('lite-progression', { prefill: { email: 'a@example.com' }, liteToken: 'LT' }),
      submit({ email: 'a@example.com', password: 'pw' }),
      {
        state: st('lite-progression', { prefill: { email: 'a@example.com' }, liteToken: 'LT' }),
        call: register({ email: 'a@example.com', password: 'pw' }, { kind: 'progression', liteToken: 'LT' }),
      },
    ],
    [
      'submit on lite-progression without one: a registration token',
      st('lite-progression'),
      submit({ email: 'a@example.com', password: 'pw' }),
      { state: st('lite-progression'), call: register({ email: 'a@example.com', password: 'pw' }) },
    ],
    [
      'submit on login',
      st('login'),
      submit({ loginID: 'a@example.com', password: 'pw' }),
      { state: st('login'), call: login },
    ],
    [
      'submit on complete-registration with values: setAccountInfo of the sections given',
      st('complete-registration', { regToken: 'RT', missing: ['profile.zip'] }),
      submit({
        profile: { zip: '10001' },
        preferences: { terms: { tos: { isConsentGranted: true } } },
        data: undefined,
      }),
      {
        state: st('complete-registration', { regToken: 'RT', missing: ['profile.zip'] }),
        call: {
          method: 'accounts.setAccountInfo',
          params: {
            regToken: 'RT',
            profile: { zip: '10001' },
            preferences: { terms: { tos: { isConsentGranted: true } } },
          },
        },
      },
    ],
    [
      'submit on complete-registration with nothing to write: finalizeRegistration',
      st('complete-registration', { regToken: 'RT' }),
      submit({}),
      { state: st('complete-registration', { regToken: 'RT' }), call: finalize('RT') },
    ],
    [
      'submit on forgot-password: resetPassword by loginID',
      st('forgot-password'),
      submit({ loginID: 'a@example.com' }),
      { state: st('forgot-password'), call: resetByLoginID },
    ],
    [
      'submit on forgot-password with a CAPTCHA: its solution goes along',
      st('forgot-password'),
      submit({ loginID: 'a@example.com', captchaToken: 'CT', captchaType: 'text', captchaText: 'abc', other: 1 }),
      {
        state: st('forgot-password'),
        call: {
          method: 'accounts.resetPassword',
          params: { loginID: 'a@example.com', captchaToken: 'CT', captchaType: 'text', captchaText: 'abc' },
        },
      },
    ],
    [
      'submit on reset-password: resetPassword with the link token',
      st('reset-password', { reset: { token: 'PRT', invalid: false } }),
      submit({ newPassword: 'New-pass-1', passwordRetype: 'New-pass-1' }),
      { state: st('reset-password', { reset: { token: 'PRT', invalid: false } }), call: resetByToken },
    ],
    [
      'submit on reset-password with a refused link: nothing',
      st('reset-password', { reset: { token: 'PRT', invalid: true } }),
      submit({ newPassword: 'New-pass-1' }),
      { state: st('reset-password', { reset: { token: 'PRT', invalid: true } }) },
    ],
    [
      'submit on password-change-required: setAccountInfo with the regToken',
      st('password-change-required', { regToken: 'RT' }),
      submit({ password: 'old', newPassword: 'New-pass-1', passwordRetype: 'New-pass-1' }),
      { state: st('password-change-required', { regToken: 'RT' }), call: changePassword },
    ],
    [
      'submit on email-code-verification: otp.update',
      codeScreen,
      submit({ code: '123456' }),
      { state: codeScreen, call: otpUpdate },
    ],
    [
      'submit on email-code-verification before a code was sent: nothing',
      st('email-code-verification', { regToken: 'RT' }),
      submit({ code: '123456' }),
      { state: st('email-code-verification', { regToken: 'RT' }) },
    ],
    ['submit on a screen without a form: nothing', st('success'), submit({}), { state: st('success') }],
    [
      'resend on verification-pending: resendVerificationCode',
      st('verification-pending', { regToken: 'RT', verification: { emails: ['a@example.com'] } }),
      { type: 'resend', at: AT },
      {
        state: st('verification-pending', {
          regToken: 'RT',
          verification: { emails: ['a@example.com'] },
          resend: { status: 'sending' },
        }),
        call: { method: 'accounts.resendVerificationCode', params: { regToken: 'RT' } },
      },
    ],
    [
      'resend on verification-sent, again',
      st('verification-sent', { regToken: 'RT', resend: { status: 'sent', sentAt: AT - 1000 } }),
      { type: 'resend', at: AT },
      {
        state: st('verification-sent', { regToken: 'RT', resend: { status: 'sending', sentAt: AT - 1000 } }),
        call: { method: 'accounts.resendVerificationCode', params: { regToken: 'RT' } },
      },
    ],
    [
      'resend on email-code-verification: a new code',
      codeScreen,
      { type: 'resend', at: AT },
      { state: { ...codeScreen, resend: { status: 'sending' } }, call: sendCode('RT') },
    ],
    [
      'resend while one is sending: refused',
      st('verification-pending', { regToken: 'RT', resend: { status: 'sending' } }),
      { type: 'resend', at: AT },
      { state: st('verification-pending', { regToken: 'RT', resend: { status: 'sending' } }) },
    ],
    [
      'resend without a regToken: nothing',
      st('verification-pending'),
      { type: 'resend', at: AT },
      { state: st('verification-pending') },
    ],
    ['resend on a screen without one: nothing', st('login'), { type: 'resend', at: AT }, { state: st('login') }],
  ])('%s', (_label, state, event, step) => {
    expect(machine.transition(state, event)).toEqual(step)
  })

  it('sends the options: finalizeRegistration, include and regSource', () => {
    const custom = createRegistrationMachine({
      finalizeRegistration: false,
      include: 'profile',
      regSource: 'https://x',
    })
    expect(custom.transition(st('register'), submit({ email: 'a@example.com' })).call).toEqual({
      method: 'accounts.register',
      params: { email: 'a@example.com', finalizeRegistration: false, include: 'profile', regSource: 'https://x' },
      token: { kind: 'registration' },
    })
    expect(custom.transition(st('complete-registration', { regToken: 'RT' }), submit({})).call).toEqual({
      method: 'accounts.finalizeRegistration',
      params: { regToken: 'RT', include: 'profile' },
    })
  })

  it('keeps the same state object for an unknown event and for show-fields with nothing new', () => {
    const state = st('register', { extra: ['a'] })
    expect(machine.transition(state, { type: 'nope' } as never).state).toBe(state)
    expect(machine.transition(state, { type: 'show-fields', names: ['a'] }).state).toBe(state)
  })
})
