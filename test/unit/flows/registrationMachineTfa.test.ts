import { describe, expect, it } from 'vitest'
import {
  createRegistrationMachine,
  tfaStage,
  withoutTfaSecrets,
  type FlowAnswer,
  type RegistrationEvent,
  type RegistrationState,
  type RegistrationStep,
  type TfaState,
} from '../../../src/flows'
import {
  account,
  answered,
  AT,
  fail,
  failed,
  finalize,
  getProviders,
  initTFA,
  login,
  st,
  submit,
  tfaCall,
} from './registrationTables'

const machine = createRegistrationMachine()
const verify = (tfa: TfaState) => st('tfa-verification', { regToken: 'RT', tfa })
const enrol = (tfa: TfaState) => st('tfa-registration', { regToken: 'RT', tfa })
const totp: TfaState = { providers: ['gigyaTotp'], provider: 'gigyaTotp' }
const email: TfaState = { providers: ['gigyaEmail'], provider: 'gigyaEmail' }
const second = { id: 'e2', obfuscated: 'b***@example.com' }
const addresses = [{ id: 'e1', obfuscated: 'a***@example.com' }, second]
const sendCode = tfaCall('email.sendVerificationCode', { gigyaAssertion: 'GA', emailID: 'e2', regToken: 'RT' })
const totpVerify = tfaCall('totp.verify', { gigyaAssertion: 'GA', code: '123456', regToken: 'RT' })
const finalizeTFA = (tempDevice: boolean) =>
  tfaCall('finalizeTFA', { gigyaAssertion: 'GA', providerAssertion: 'PA', regToken: 'RT', tempDevice })

describe('registration machine: TFA interruptions', () => {
  it.each([
    ['403101 from login → tfa-verification', login, 403101, 'tfa-verification'],
    ['403102 from finalizeRegistration → tfa-registration', finalize('RT0'), 403102, 'tfa-registration'],
  ] as const)('%s, asking for the providers with the new regToken', (_label, call, errorCode, screen) => {
    const error = fail(call.method, errorCode, { regToken: 'RT', UID: 'u1' })
    expect(machine.transition(st('login'), failed(call, error))).toEqual({
      state: st(screen, { regToken: 'RT', tfa: {} }),
      call: getProviders,
    })
  })
})

describe('registration machine: TFA answers', () => {
  const providers = (active: string[], inactive: string[]) => ({
    errorCode: 0,
    activeProviders: active.map((name) => ({ name })),
    inactiveProviders: inactive.map((name) => ({ name })),
  })
  it.each<[string, RegistrationState, FlowAnswer, RegistrationStep]>([
    [
      'verify: the one active provider starts at once',
      verify({}),
      answered(getProviders, providers(['gigyaTotp'], ['gigyaEmail'])),
      { state: verify(totp), call: initTFA('gigyaTotp', 'verify') },
    ],
    [
      'register: several inactive providers → a choice, in our order',
      enrol({}),
      answered(getProviders, providers([], ['gigyaEmail', 'gigyaPhone', 'gigyaTotp'])),
      { state: enrol({ providers: ['gigyaTotp', 'gigyaEmail'] }) },
    ],
    [
      'only providers we do not implement → none',
      verify({}),
      answered(getProviders, providers(['gigyaPhone', 'gigyaPush'], [])),
      { state: verify({ providers: [] }) },
    ],
    [
      'initTFA for TOTP registration → totp.register',
      enrol(totp),
      answered(initTFA('gigyaTotp', 'register'), { errorCode: 0, gigyaAssertion: 'GA' }),
      {
        state: enrol({ ...totp, gigyaAssertion: 'GA' }),
        call: tfaCall('totp.register', { gigyaAssertion: 'GA' }),
      },
    ],
    [
      'initTFA for TOTP verification → the code',
      verify(totp),
      answered(initTFA('gigyaTotp', 'verify'), { errorCode: 0, gigyaAssertion: 'GA' }),
      { state: verify({ ...totp, gigyaAssertion: 'GA' }) },
    ],
    [
      'initTFA for email → the addresses',
      verify(email),
      answered(initTFA('gigyaEmail', 'verify'), { errorCode: 0, gigyaAssertion: 'GA' }),
      {
        state: verify({ ...email, gigyaAssertion: 'GA' }),
        call: tfaCall('email.getEmails', { gigyaAssertion: 'GA' }),
      },
    ],
    [
      'totp.register → the QR code and its pairing token',
      enrol({ ...totp, gigyaAssertion: 'GA' }),
      answered(tfaCall('totp.register', { gigyaAssertion: 'GA' }), {
        qrCode: 'data:image/png;base64,AA',
        sctToken: 'S',
      }),
      { state: enrol({ ...totp, gigyaAssertion: 'GA', qrCode: 'data:image/png;base64,AA', sctToken: 'S' }) },
    ],
    [
      'getEmails with one address → the code goes there',
      verify({ ...email, gigyaAssertion: 'GA' }),
      answered(tfaCall('email.getEmails'), { emails: [second] }),
      {
        state: verify({ ...email, gigyaAssertion: 'GA', emails: [second], emailID: 'e2' }),
        call: sendCode,
      },
    ],
    [
      'getEmails with several → a choice',
      verify({ ...email, gigyaAssertion: 'GA' }),
      answered(tfaCall('email.getEmails'), { emails: [...addresses, { obfuscated: 'no id' }] }),
      { state: verify({ ...email, gigyaAssertion: 'GA', emails: addresses }) },
    ],
    [
      'sendVerificationCode → its phvToken and when it went',
      verify({ ...email, gigyaAssertion: 'GA', emails: addresses, emailID: 'e2' }),
      answered(sendCode, { phvToken: 'PH' }),
      {
        state: {
          ...verify({ ...email, gigyaAssertion: 'GA', emails: addresses, emailID: 'e2', phvToken: 'PH' }),
          code: { sentAt: AT },
        },
      },
    ],
    [
      'the code accepted → finalizeTFA, with the device as chosen',
      verify({ ...totp, gigyaAssertion: 'GA', tempDevice: false }),
      answered(totpVerify, { providerAssertion: 'PA' }),
      {
        state: verify({ ...totp, gigyaAssertion: 'GA', tempDevice: false, providerAssertion: 'PA' }),
        call: finalizeTFA(false),
      },
    ],
    [
      'finalizeTFA → finalizeRegistration, the assertions dropped',
      verify({ ...totp, gigyaAssertion: 'GA', providerAssertion: 'PA' }),
      answered(finalizeTFA(true)),
      { state: verify({ finalized: true }), call: finalize('RT') },
    ],
    [
      'finalizeRegistration → success',
      verify({ finalized: true }),
      answered(finalize('RT'), account),
      { state: st('success', { account }) },
    ],
    [
      'an initTFA answer without its assertion asks for no call again',
      verify(totp),
      answered(initTFA('gigyaTotp', 'verify'), { errorCode: 0 }),
      { state: verify({ ...totp, gigyaAssertion: undefined }) },
    ],
  ])('%s', (_label, state, event, step) => {
    expect(machine.transition(state, event)).toEqual(step)
  })
})

describe('registration machine: TFA submits', () => {
  const emailCode = { ...email, gigyaAssertion: 'GA', emails: addresses, emailID: 'e2', phvToken: 'PH' }
  it.each<[string, RegistrationState, RegistrationEvent, RegistrationStep]>([
    [
      'the provider chosen → initTFA',
      enrol({ providers: ['gigyaTotp', 'gigyaEmail'] }),
      submit({ provider: 'gigyaEmail' }),
      {
        state: enrol({ providers: ['gigyaTotp', 'gigyaEmail'], provider: 'gigyaEmail' }),
        call: initTFA('gigyaEmail', 'register'),
      },
    ],
    [
      'the address chosen → the code goes there',
      verify({ ...email, gigyaAssertion: 'GA', emails: addresses }),
      submit({ emailID: 'e2' }),
      { state: verify({ ...email, gigyaAssertion: 'GA', emails: addresses, emailID: 'e2' }), call: sendCode },
    ],
    [
      'a TOTP registration code, device remembered → totp.verify with the pairing token',
      enrol({ ...totp, gigyaAssertion: 'GA', qrCode: 'Q', sctToken: 'S' }),
      submit({ code: '123456', rememberDevice: true }),
      {
        state: enrol({ ...totp, gigyaAssertion: 'GA', qrCode: 'Q', sctToken: 'S', tempDevice: false }),
        call: tfaCall('totp.verify', { gigyaAssertion: 'GA', code: '123456', sctToken: 'S', regToken: 'RT' }),
      },
    ],
    [
      'a TOTP verification code → totp.verify without a pairing token',
      verify({ ...totp, gigyaAssertion: 'GA', expired: true }),
      submit({ code: '123456' }),
      { state: verify({ ...totp, gigyaAssertion: 'GA', tempDevice: true }), call: totpVerify },
    ],
    [
      'an email code → completeVerification',
      verify(emailCode),
      submit({ code: '654321', rememberDevice: false }),
      {
        state: verify({ ...emailCode, tempDevice: true }),
        call: tfaCall('email.completeVerification', {
          gigyaAssertion: 'GA',
          phvToken: 'PH',
          code: '654321',
          regToken: 'RT',
        }),
      },
    ],
    [
      'a submit where a call failed makes it again',
      verify({ finalized: true }),
      submit({}),
      { state: verify({ finalized: true }), call: finalize('RT') },
    ],
    [
      '"send a new code" → sendVerificationCode',
      verify(emailCode),
      { type: 'resend', at: AT },
      { state: { ...verify(emailCode), resend: { status: 'sending' } }, call: sendCode },
    ],
  ])('%s', (_label, state, event, step) => {
    expect(machine.transition(state, event)).toEqual(step)
  })
})

describe('registration machine: "Use another method"', () => {
  const both = ['gigyaTotp', 'gigyaEmail'] as TfaState['providers']
  const another: RegistrationEvent = { type: 'choose-another-tfa-method' }
  const emailCode: TfaState = { providers: both, provider: 'gigyaEmail', gigyaAssertion: 'GA', emails: addresses }
  it.each<[string, RegistrationState, RegistrationState]>([
    [
      'the QR code and its pairing token dropped, the app still the choice',
      enrol({ providers: both, provider: 'gigyaTotp', gigyaAssertion: 'GA', qrCode: 'Q', sctToken: 'S' }),
      enrol({ providers: both, previousProvider: 'gigyaTotp' }),
    ],
    [
      'the email code request dropped, with when it went and how its resend stands',
      {
        ...verify({ ...emailCode, emailID: 'e2', phvToken: 'PH', expired: true }),
        code: { sentAt: AT },
        resend: { status: 'sent', sentAt: AT },
      },
      verify({ providers: both, previousProvider: 'gigyaEmail' }),
    ],
    ['from the choice of address', verify(emailCode), verify({ providers: both, previousProvider: 'gigyaEmail' })],
    [
      'from an email provider without addresses',
      verify({ ...emailCode, emails: [] }),
      verify({ providers: both, previousProvider: 'gigyaEmail' }),
    ],
  ])('%s → the choice again, asking for no call', (_label, state, next) => {
    const step = machine.transition(state, another)
    expect(step).toEqual({ state: next })
    expect(tfaStage(step.state)).toBe('provider')
  })

  it.each<[string, RegistrationState]>([
    ['only one provider', verify({ ...totp, gigyaAssertion: 'GA' })],
    ['still choosing', enrol({ providers: both })],
    ['a call runs (initTFA)', enrol({ providers: both, provider: 'gigyaTotp' })],
    [
      'the code accepted',
      verify({ providers: both, provider: 'gigyaTotp', gigyaAssertion: 'GA', providerAssertion: 'PA' }),
    ],
    ['another screen', st('login')],
  ])('%s: nothing changes', (_label, state) => {
    expect(machine.transition(state, another)).toEqual({ state })
  })

  it('the provider chosen again starts afresh', () => {
    const again = enrol({ providers: both, previousProvider: 'gigyaTotp' })
    expect(machine.transition(again, submit({ provider: 'gigyaEmail' }))).toEqual({
      state: enrol({ providers: both, previousProvider: 'gigyaTotp', provider: 'gigyaEmail' }),
      call: initTFA('gigyaEmail', 'register'),
    })
  })
})

describe('registration machine: TFA failures', () => {
  const waiting = verify({ ...totp, gigyaAssertion: 'GA', tempDevice: true })

  it.each([
    ['400006 Invalid jwt', 400006, 'Invalid jwt'],
    ['403002', 403002, 'Request has expired'],
  ])('%s: the provider starts again with a fresh assertion, saying why', (_label, errorCode, errorDetails) => {
    const error = fail('accounts.tfa.totp.verify', errorCode, { errorDetails })
    expect(machine.transition(waiting, failed(totpVerify, error))).toEqual({
      state: verify({ ...totp, expired: true }),
      call: initTFA('gigyaTotp', 'verify'),
    })
  })

  it.each([
    ['a wrong code', waiting, fail('accounts.tfa.totp.verify', 400006, { errorDetails: 'Invalid code' })],
    ['a refused regToken', waiting, fail('accounts.tfa.totp.verify', 403002, { errorDetails: 'regToken expired' })],
    [
      'a second refused assertion',
      { ...waiting, tfa: { ...waiting.tfa, expired: true } },
      fail('x', 400006, { errorDetails: 'Invalid jwt' }),
    ],
    ['no network', waiting, new TypeError('offline')],
  ])('%s keeps the screen and hands back the failure', (_label, state, error) => {
    expect(machine.transition(state, failed(totpVerify, error))).toEqual({
      state,
      failure: { error, call: totpVerify },
    })
  })
})

describe('tfaStage', () => {
  it.each<[string, RegistrationState, ReturnType<typeof tfaStage>]>([
    ['providers not known yet', verify({}), 'wait'],
    ['no usable provider', verify({ providers: [] }), 'none'],
    ['several providers', verify({ providers: ['gigyaTotp', 'gigyaEmail'] }), 'provider'],
    ['TOTP registration before its QR code', enrol({ ...totp, gigyaAssertion: 'GA' }), 'wait'],
    ['TOTP registration with its QR code', enrol({ ...totp, gigyaAssertion: 'GA', qrCode: 'Q' }), 'code'],
    ['TOTP verification with its assertion', verify({ ...totp, gigyaAssertion: 'GA' }), 'code'],
    ['email without addresses', verify({ ...email, gigyaAssertion: 'GA', emails: [] }), 'none'],
    ['email with several addresses', verify({ ...email, gigyaAssertion: 'GA', emails: addresses }), 'email'],
    [
      'email, the code sent',
      verify({ ...email, gigyaAssertion: 'GA', emails: addresses, emailID: 'e1', phvToken: 'P' }),
      'code',
    ],
    ['the code accepted', verify({ ...totp, gigyaAssertion: 'GA', providerAssertion: 'PA' }), 'wait'],
  ])('%s → %s', (_label, state, stage) => {
    expect(tfaStage(state)).toBe(stage)
  })
})

it('events see a TFA answer without its assertions, tokens and QR code', () => {
  const answer = {
    errorCode: 0,
    gigyaAssertion: 'GA',
    providerAssertion: 'PA',
    sctToken: 'S',
    phvToken: 'P',
    qrCode: 'Q',
    UID: 'u1',
  }
  expect(withoutTfaSecrets(answer)).toEqual({ errorCode: 0, UID: 'u1' })
  expect(withoutTfaSecrets(undefined)).toBeUndefined()
})
