import type { FlowCall } from './machine'
import type { RegistrationMachineOptions, RegistrationScreen, RegistrationState } from './registrationMachine'

/** What screen-sets ask the account calls to return: everything a success screen or the host may show. */
export const SCREEN_SET_INCLUDE = 'profile,data,emails,loginIDs,subscriptions,preferences'

/** The parts of an account a complete-registration form may write. */
const ACCOUNT_SECTIONS = ['profile', 'data', 'subscriptions', 'preferences'] as const

type Values = Readonly<Record<string, unknown>>

/** A screen as it opens: nothing missing, added or resent yet; only the given parts. */
export function freshState(screen: RegistrationScreen, parts: Partial<RegistrationState> = {}): RegistrationState {
  return { screen, missing: [], extra: [], resend: { status: 'idle' }, prefill: {}, ...parts }
}

/** The values among `names` that the form gave (absent and undefined ones are left out). */
function pick(values: Values, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.flatMap((name) => (values[name] === undefined ? [] : [[name, values[name]]])))
}

/** The interruption's regToken, for the calls that resolve it (none before an interruption). */
export function heldToken(state: RegistrationState): { regToken?: string } {
  return state.regToken === undefined ? {} : { regToken: state.regToken }
}

function include(options: RegistrationMachineOptions) {
  return options.include ?? SCREEN_SET_INCLUDE
}

/** The end of every interruption: the account's session (or the next interruption). */
export function finalizeCall(state: RegistrationState, options: RegistrationMachineOptions): FlowCall {
  return { method: 'accounts.finalizeRegistration', params: { ...heldToken(state), include: include(options) } }
}

/** Mails a code to the first unverified address of the interrupted registration (206006). */
export function sendCodeCall(state: RegistrationState): FlowCall {
  const email = state.verification?.emails[0]
  return { method: 'accounts.otp.sendCode', params: { ...(email === undefined ? {} : { email }), ...heldToken(state) } }
}

/** What "resend" asks for on the screen it is pressed on; `undefined` where there is nothing to resend. */
export function resendCall(state: RegistrationState): FlowCall | undefined {
  switch (state.screen) {
    case 'verification-pending':
    case 'verification-sent':
      return state.regToken === undefined
        ? undefined
        : { method: 'accounts.resendVerificationCode', params: { regToken: state.regToken } }
    case 'email-code-verification':
      return sendCodeCall(state)
    default:
      return undefined
  }
}

function registerCall(values: Values, options: RegistrationMachineOptions, token: FlowCall['token']): FlowCall {
  return {
    method: 'accounts.register',
    params: {
      ...values,
      finalizeRegistration: options.finalizeRegistration ?? true,
      include: include(options),
      ...(options.regSource === undefined ? {} : { regSource: options.regSource }),
    },
    ...(token ? { token } : {}),
  }
}

/**
 * The call a screen's form submits, with the values it was given and what the state holds (the
 * interruption's regToken, the reset link's token, the code's vToken). `undefined` where a screen
 * has no form, or lacks what its call needs.
 */
export function submitCall(
  state: RegistrationState,
  values: Values,
  options: RegistrationMachineOptions,
): FlowCall | undefined {
  switch (state.screen) {
    case 'register':
      return registerCall(values, options, { kind: 'registration' })
    case 'lite-progression':
      return registerCall(
        values,
        options,
        state.liteToken ? { kind: 'progression', liteToken: state.liteToken } : { kind: 'registration' },
      )
    case 'login':
      return { method: 'accounts.login', params: { ...values, include: include(options) } }
    case 'complete-registration': {
      const sections = pick(values, ACCOUNT_SECTIONS)
      // Nothing to write (the user only confirms): finalizing is all that is left.
      if (Object.keys(sections).length === 0) return finalizeCall(state, options)
      return { method: 'accounts.setAccountInfo', params: { ...heldToken(state), ...sections } }
    }
    case 'forgot-password':
      // The answer and new password exist only once the security question is asked (400050): the
      // answer proves the account's owner, and the password changes at once. A CAPTCHA's solution
      // goes along, as the calls that take one name it (FLOWS.md §9).
      return {
        method: 'accounts.resetPassword',
        params: pick(values, ['loginID', 'secretAnswer', 'newPassword', 'captchaToken', 'captchaType', 'captchaText']),
      }
    case 'reset-password':
      if (state.reset?.invalid !== false) return undefined
      return {
        method: 'accounts.resetPassword',
        params: { passwordResetToken: state.reset.token, ...pick(values, ['newPassword']) },
      }
    case 'password-change-required':
      return {
        method: 'accounts.setAccountInfo',
        params: { ...heldToken(state), ...pick(values, ['password', 'newPassword']) },
      }
    case 'email-code-verification': {
      const vToken = state.code?.vToken
      // No code was sent (its request failed): "resend" asks for one first.
      if (vToken === undefined) return undefined
      return { method: 'accounts.otp.update', params: { vToken, ...pick(values, ['code']), ...heldToken(state) } }
    }
    default:
      return undefined
  }
}
