// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  classifyError,
  createLiteMachine,
  createRegistrationMachine,
  initialLiteState,
  initialRegistrationState,
  type RegistrationMachineOptions,
  type RegistrationState,
} from '../../../src/flows'
import { DEFAULT_SITE, type SiteConfig } from '../../../src/server'
import { drive, type Driven } from './driveMachine'
import { COMPLETE, PASSWORD, siteWith, startHarness, uniqueEmail, type Harness } from '../../support/emulatorHarness'

const NEW_PASSWORD = 'Brand-new-42'
const codeSite = siteWith('3_machines_code', { accountOptions: { verifyEmail: true, useCodeVerification: true } })
const tfaSite = siteWith('3_machines_tfa', {
  twoFactorAuth: {
    providers: [
      { name: 'gigyaTotp', enabled: true },
      { name: 'gigyaEmail', enabled: true },
    ],
  },
})

let h: Harness
const now = () => h.clock.now

beforeAll(async () => {
  h = await startHarness([DEFAULT_SITE, codeSite, tfaSite])
})

afterAll(async () => {
  await h.close()
})

/** The registration screen-set on a site, from where its options open it. */
function registration(options: RegistrationMachineOptions = {}, site: SiteConfig = DEFAULT_SITE) {
  const machine = createRegistrationMachine(options)
  const client = h.client(site.apiKey)
  let state: RegistrationState = initialRegistrationState(options)
  return {
    get state() {
      return state
    },
    async submit(values: Record<string, unknown>) {
      const driven = await drive(machine, state, { type: 'submit', values, at: h.clock.now }, client, now)
      state = driven.state
      return driven
    },
    async go(screen: 'register' | 'login' | 'forgot-password') {
      state = (await drive(machine, state, { type: 'go', screen }, client, now)).state
    },
    async resend() {
      const driven = await drive(machine, state, { type: 'resend', at: h.clock.now }, client, now)
      state = driven.state
      return driven
    },
  }
}

/** The messages the emulator would have mailed to `to` on a site (its server keys read the outbox). */
async function mailTo(
  to: string,
  site: SiteConfig = DEFAULT_SITE,
): Promise<{ kind: string; link?: string; code?: string }[]> {
  const { messages } = (await h.admin('emulator.getOutbox', {}, site)) as {
    messages: { to: string; kind: string; link?: string; code?: string }[]
  }
  return messages.filter((message) => message.to === to)
}

/** The error outcome the screen would show for a failure, as `classifyError` reads it with the call. */
function shown(driven: Driven<unknown>, names: string[]) {
  expect(driven.failure).toBeDefined()
  const failure = driven.failure as NonNullable<Driven<unknown>['failure']>
  return classifyError(failure.error, new Set(names), failure.call.method)
}

async function registeredAccount(): Promise<{ email: string; UID: string }> {
  const email = uniqueEmail('machine')
  const flow = registration()
  const driven = await flow.submit({ email, password: PASSWORD, ...COMPLETE })
  expect(driven.state.screen).toBe('success')
  return { email, UID: driven.state.account?.UID as string }
}

describe('registration machine against the emulator', () => {
  it('register → success, with a session', async () => {
    const email = uniqueEmail('machine')
    const flow = registration()
    const driven = await flow.submit({ email, password: PASSWORD, ...COMPLETE })
    expect(driven.methods).toEqual(['accounts.register'])
    expect(driven.state).toMatchObject({
      screen: 'success',
      account: { UID: expect.any(String), sessionInfo: expect.anything(), profile: { email } },
    })
  })

  it('register → 206001 → complete-registration → setAccountInfo + finalizeRegistration → success', async () => {
    const email = uniqueEmail('machine')
    const flow = registration()
    const first = await flow.submit({ email, password: PASSWORD })
    expect(first.failure).toBeUndefined()
    expect(first.state).toMatchObject({ screen: 'complete-registration', regToken: expect.any(String) })
    expect(first.state.missing).toEqual(
      expect.arrayContaining([
        'profile.firstName',
        'profile.zip',
        'data.terms',
        'preferences.terms.tos.isConsentGranted',
      ]),
    )
    const done = await flow.submit(COMPLETE)
    expect(done.methods).toEqual(['accounts.setAccountInfo', 'accounts.finalizeRegistration'])
    expect(done.state).toMatchObject({
      screen: 'success',
      account: { profile: { zip: '10001' }, sessionInfo: expect.anything() },
    })
  })

  it('login → 403100 → password-change-required → setAccountInfo + finalizeRegistration → success', async () => {
    const { email, UID } = await registeredAccount()
    await h.admin('accounts.setAccountInfo', { UID, requirePasswordChange: 'true' })
    const flow = registration({ startScreen: 'login' })
    const interrupted = await flow.submit({ loginID: email, password: PASSWORD })
    expect(interrupted.state).toMatchObject({ screen: 'password-change-required', regToken: expect.any(String) })

    const names = ['password', 'newPassword', 'passwordRetype']
    const wrong = await flow.submit({ password: 'Not-the-password-1', newPassword: NEW_PASSWORD })
    expect(shown(wrong, names)).toMatchObject({
      kind: 'fields',
      fields: [{ name: 'password', messageId: 'wrong_password' }],
    })
    const same = await flow.submit({ password: PASSWORD, newPassword: PASSWORD })
    expect(shown(same, names)).toMatchObject({
      kind: 'fields',
      fields: [{ name: 'newPassword', messageId: 'old_password_cannot_be_the_same_as_new_password' }],
    })
    const weak = await flow.submit({ password: PASSWORD, newPassword: 'a' })
    expect(shown(weak, names)).toMatchObject({
      kind: 'fields',
      fields: [{ name: 'newPassword', messageId: 'password_does_not_meet_complexity_requirements' }],
    })

    const done = await flow.submit({ password: PASSWORD, newPassword: NEW_PASSWORD })
    expect(done.methods).toEqual(['accounts.setAccountInfo', 'accounts.finalizeRegistration'])
    expect(done.state).toMatchObject({ screen: 'success', account: { UID, sessionInfo: expect.anything() } })
    const again = await registration({ startScreen: 'login' }).submit({ loginID: email, password: NEW_PASSWORD })
    expect(again.state.screen).toBe('success')
  })

  it('register with code verification → 206006 → the code from the outbox → success', async () => {
    const email = uniqueEmail('machine')
    const flow = registration({}, codeSite)
    const interrupted = await flow.submit({ email, password: PASSWORD, ...COMPLETE })
    expect(interrupted.methods).toEqual(['accounts.register', 'accounts.otp.sendCode'])
    expect(interrupted.failure).toBeUndefined()
    expect(interrupted.state).toMatchObject({
      screen: 'email-code-verification',
      verification: { emails: [email] },
      code: { vToken: expect.any(String), sentAt: h.clock.now },
    })
    const firstCode = (await mailTo(email, codeSite)).filter((m) => m.kind === 'code-verification').at(-1)?.code
    expect(firstCode).toMatch(/^\d{6}$/)

    const resent = await flow.resend()
    expect(resent.methods).toEqual(['accounts.otp.sendCode'])
    expect(resent.state.resend).toMatchObject({ status: 'sent' })
    const code = (await mailTo(email, codeSite)).filter((m) => m.kind === 'code-verification').at(-1)?.code as string

    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const wrong = await flow.submit({ code: wrongCode })
    expect(shown(wrong, ['code'])).toMatchObject({
      kind: 'fields',
      fields: [{ name: 'code', messageId: 'please_enter_a_valid_code' }],
    })

    const done = await flow.submit({ code })
    expect(done.methods).toEqual(['accounts.otp.update', 'accounts.finalizeRegistration'])
    expect(done.state).toMatchObject({ screen: 'success', account: { sessionInfo: expect.anything() } })
  })

  it('forgot-password → the link from the outbox → reset-password-success → login with the new password only', async () => {
    const { email } = await registeredAccount()
    const forgot = registration({ startScreen: 'login' })
    await forgot.go('forgot-password')
    expect(forgot.state.screen).toBe('forgot-password')
    const unknown = await forgot.submit({ loginID: uniqueEmail('nobody') })
    expect(shown(unknown, ['loginID'])).toMatchObject({
      kind: 'fields',
      fields: [{ name: 'loginID', messageId: 'there_is_no_user_with_that_username_or_email' }],
    })
    const sent = await forgot.submit({ loginID: email })
    expect(sent.state.screen).toBe('forgot-password-success')

    const link = (await mailTo(email)).filter((m) => m.kind === 'password-reset').at(-1)?.link as string
    const passwordResetToken = new URL(link).searchParams.get('pwrt') as string
    expect(passwordResetToken).toBeTruthy()
    const reset = registration({ passwordResetToken })
    expect(reset.state.screen).toBe('reset-password')
    const reused = await reset.submit({ newPassword: PASSWORD })
    expect(shown(reused, ['newPassword', 'passwordRetype'])).toMatchObject({
      kind: 'fields',
      fields: [{ name: 'newPassword', messageId: 'old_password_cannot_be_the_same_as_new_password' }],
    })
    const done = await reset.submit({ newPassword: NEW_PASSWORD })
    expect(done.methods).toEqual(['accounts.resetPassword'])
    expect(done.state.screen).toBe('reset-password-success')

    const old = await registration({ startScreen: 'login' }).submit({ loginID: email, password: PASSWORD })
    expect(shown(old, ['loginID', 'password'])).toMatchObject({ kind: 'form', form: { errorCode: 403042 } })
    const fresh = await registration({ startScreen: 'login' }).submit({ loginID: email, password: NEW_PASSWORD })
    expect(fresh.state.screen).toBe('success')

    const usedLink = registration({ passwordResetToken })
    const refused = await usedLink.submit({ newPassword: 'Another-one-77' })
    expect(refused.failure).toBeUndefined()
    expect(refused.state).toMatchObject({ screen: 'reset-password', reset: { invalid: true } })
  })

  it('lite-progression with a lite token → register keeps the lite account', async () => {
    const email = uniqueEmail('machine-lite')
    const lite = await drive(
      createLiteMachine(),
      initialLiteState(),
      {
        type: 'submit',
        values: { profile: { email }, subscriptions: { offers: { email: { isSubscribed: true } } } },
        doubleOptIn: false,
        at: h.clock.now,
      },
      h.client(),
      now,
    )
    expect(lite.state).toEqual({ screen: 'thank-you', outcome: 'subscribed' })
    const lites = (await h.admin('emulator.listAccounts')) as {
      accounts: { UID: string; profile?: { email?: string } }[]
    }
    const liteUID = lites.accounts.find((account) => account.profile?.email === email)?.UID
    const { token } = (await h.admin('accounts.getLiteToken', { email })) as { token: string }
    const flow = registration({ progressionEmail: email, liteToken: token })
    expect(flow.state).toMatchObject({ screen: 'lite-progression', prefill: { email } })
    const done = await flow.submit({ email, password: PASSWORD, ...COMPLETE })
    expect(done.state).toMatchObject({ screen: 'success', account: { UID: liteUID } })
  })
})

describe('registration machine against the emulator: TFA', () => {
  /** What the user's authenticator app shows for the account of `email` now. */
  async function appCode(email: string): Promise<string> {
    const { accounts } = (await h.admin('emulator.listAccounts', {}, tfaSite)) as {
      accounts: { UID: string; profile: { email?: string } }[]
    }
    const UID = accounts.find((account) => account.profile.email === email)?.UID
    return (await h.admin('emulator.getAuthenticatorCode', { UID }, tfaSite)).code as string
  }

  it('register → 403102 → TOTP: QR code, code → success; login → 403101 → a wrong code, the right one → success', async () => {
    const email = uniqueEmail('tfa')
    const flow = registration({}, tfaSite)
    const interrupted = await flow.submit({ email, password: PASSWORD, ...COMPLETE })
    expect(interrupted.methods).toEqual(['accounts.register', 'accounts.tfa.getProviders'])
    expect(interrupted.state).toMatchObject({
      screen: 'tfa-registration',
      tfa: { providers: ['gigyaTotp', 'gigyaEmail'] },
    })
    const chosen = await flow.submit({ provider: 'gigyaTotp' })
    expect(chosen.methods).toEqual(['accounts.tfa.initTFA', 'accounts.tfa.totp.register'])
    expect(chosen.state.tfa?.qrCode).toMatch(/^data:image\/png;base64,/)
    const done = await flow.submit({ code: await appCode(email), rememberDevice: true })
    expect(done.methods).toEqual([
      'accounts.tfa.totp.verify',
      'accounts.tfa.finalizeTFA',
      'accounts.finalizeRegistration',
    ])
    expect(done.state).toMatchObject({ screen: 'success', account: { sessionInfo: expect.anything() } })

    const login = registration({ startScreen: 'login' }, tfaSite)
    const verifying = await login.submit({ loginID: email, password: PASSWORD })
    expect(verifying.methods).toEqual(['accounts.login', 'accounts.tfa.getProviders', 'accounts.tfa.initTFA'])
    expect(verifying.state).toMatchObject({ screen: 'tfa-verification', tfa: { providers: ['gigyaTotp'] } })
    const code = await appCode(email)
    const wrong = await login.submit({ code: code === '000000' ? '111111' : '000000' })
    expect(shown(wrong, ['code', 'rememberDevice'])).toMatchObject({
      kind: 'fields',
      fields: [{ name: 'code', messageId: 'please_enter_a_valid_code' }],
    })
    const verified = await login.submit({ code })
    expect(verified.state).toMatchObject({ screen: 'success', account: { sessionInfo: expect.anything() } })
  })

  it('register → 403102 → email: the code from the outbox → success; login → 403101 → a new code → success', async () => {
    const email = uniqueEmail('tfa')
    const codeTo = async () => (await mailTo(email, tfaSite)).filter((mail) => mail.kind === 'tfa-code').at(-1)?.code
    const flow = registration({}, tfaSite)
    await flow.submit({ email, password: PASSWORD, ...COMPLETE })
    const chosen = await flow.submit({ provider: 'gigyaEmail' })
    expect(chosen.methods).toEqual([
      'accounts.tfa.initTFA',
      'accounts.tfa.email.getEmails',
      'accounts.tfa.email.sendVerificationCode',
    ])
    expect(chosen.state.tfa?.emails).toEqual([
      { id: expect.any(String), obfuscated: expect.stringMatching(/^t\*\*\*@/) },
    ])
    const done = await flow.submit({ code: await codeTo() })
    expect(done.state.screen).toBe('success')

    const login = registration({ startScreen: 'login' }, tfaSite)
    const verifying = await login.submit({ loginID: email, password: PASSWORD })
    expect(verifying.state).toMatchObject({ screen: 'tfa-verification', tfa: { provider: 'gigyaEmail' } })
    const verified = await login.submit({ code: await codeTo() })
    expect(verified.state).toMatchObject({ screen: 'success', account: { sessionInfo: expect.anything() } })
  })
})

describe('lite machine against the emulator', () => {
  it('subscribe → thank-you: subscribed, then updated for the same address, pending with double opt-in', async () => {
    const email = uniqueEmail('machine-lite')
    const machine = createLiteMachine()
    const subscribe = (subscriptions: Record<string, unknown>, doubleOptIn: boolean) =>
      drive(
        machine,
        initialLiteState(),
        { type: 'submit', values: { profile: { email }, subscriptions }, doubleOptIn, at: h.clock.now },
        h.client(),
        now,
      )
    expect((await subscribe({ offers: { email: { isSubscribed: true } } }, false)).state.outcome).toBe('subscribed')
    expect((await subscribe({ offers: { email: { isSubscribed: true } } }, false)).state.outcome).toBe('updated')
    expect((await subscribe({ newsletter: { email: { isSubscribed: true } } }, true)).state.outcome).toBe(
      'pending-confirmation',
    )
  })
})

describe('registration machine against the emulator: time-bound answers', () => {
  // Last in the file: these move the shared clock forward.
  it('an expired code, a new one, and too many codes (otp 403002, 403048)', async () => {
    const email = uniqueEmail('machine')
    const flow = registration({}, codeSite)
    await flow.submit({ email, password: PASSWORD, ...COMPLETE })
    const code = (await mailTo(email, codeSite)).filter((m) => m.kind === 'code-verification').at(-1)?.code as string
    h.clock.now += 11 * 60_000
    const expired = await flow.submit({ code })
    expect(shown(expired, ['code'])).toMatchObject({
      kind: 'fields',
      fields: [{ name: 'code', messageId: 'otp_code_expired' }],
    })
    // The first code went out before the clock moved, out of the window: five more may go.
    for (let sent = 0; sent < 5; sent += 1) expect((await flow.resend()).failure).toBeUndefined()
    const limited = await flow.resend()
    expect(limited.state.resend.status).toBe('failed')
    expect(shown(limited, ['code'])).toMatchObject({
      kind: 'form',
      form: { messageId: 'code_frequency_limit_reached' },
    })
    const latest = (await mailTo(email, codeSite)).filter((m) => m.kind === 'code-verification').at(-1)?.code as string
    const done = await flow.submit({ code: latest })
    expect(done.state.screen).toBe('success')
  })

  it('a reset link older than an hour opens the invalid-link state (resetPassword 403002)', async () => {
    const { email } = await registeredAccount()
    const forgot = registration()
    await forgot.go('forgot-password')
    await forgot.submit({ loginID: email })
    const link = (await mailTo(email)).filter((m) => m.kind === 'password-reset').at(-1)?.link as string
    h.clock.now += 61 * 60_000
    const reset = registration({ passwordResetToken: new URL(link).searchParams.get('pwrt') as string })
    const refused = await reset.submit({ newPassword: NEW_PASSWORD })
    expect(refused.failure).toBeUndefined()
    expect(refused.state).toMatchObject({ screen: 'reset-password', reset: { invalid: true } })
    await reset.go('forgot-password')
    expect(reset.state).toMatchObject({ screen: 'forgot-password' })
    expect(reset.state.reset).toBeUndefined()
  })
})
