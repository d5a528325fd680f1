import { AccountsError, type AccountResponse } from '../accounts'
import { isResetTokenRejected, readInterruption, type Interruption } from './interruption'
import type { FlowAnswer } from './machine'
import { finalizeCall, freshState, sendCodeCall } from './registrationCalls'
import type { RegistrationMachineOptions, RegistrationState, RegistrationStep } from './registrationMachine'
import { tfaAnswer, tfaEntry, tfaFailure } from './tfaSteps'

type Answered = Extract<FlowAnswer, { type: 'answered' }>
type Failed = Extract<FlowAnswer, { type: 'failed' }>

/** The calls whose answer is the account's session, or an interruption (FLOWS.md §1). */
const SESSION_CALLS: ReadonlySet<string> = new Set([
  'accounts.register',
  'accounts.login',
  'accounts.finalizeRegistration',
])

/** Where a call that answered leads. */
export function registrationAnswer(
  state: RegistrationState,
  answered: Answered,
  options: RegistrationMachineOptions,
): RegistrationStep {
  const { call, response, at } = answered
  if (SESSION_CALLS.has(call.method)) return { state: freshState('success', { account: response as AccountResponse }) }
  if (call.method.startsWith('accounts.tfa.')) return tfaAnswer(state, answered, options)
  switch (call.method) {
    case 'accounts.setAccountInfo':
      // The missing fields are written, or the password changed: the interruption is resolved.
      return state.screen === 'complete-registration' || state.screen === 'password-change-required'
        ? { state, call: finalizeCall(state, options) }
        : { state }
    case 'accounts.otp.update':
      return { state, call: finalizeCall(state, options) }
    case 'accounts.otp.sendCode': {
      const vToken = (response as { vToken?: unknown } | null)?.vToken
      const resend = state.resend.status === 'sending' ? { status: 'sent' as const, sentAt: at } : state.resend
      return {
        state: { ...state, code: { ...(typeof vToken === 'string' ? { vToken } : {}), sentAt: at }, resend },
      }
    }
    case 'accounts.resendVerificationCode':
      return { state: { ...state, screen: 'verification-sent', resend: { status: 'sent', sentAt: at } } }
    case 'accounts.resetPassword':
      return {
        // Only a request by loginID alone mails a link; a token or a security answer changed the password.
        state: freshState('newPassword' in call.params ? 'reset-password-success' : 'forgot-password-success'),
      }
    default:
      return { state }
  }
}

/** The screen that resolves an interruption, holding its regToken (or the one held, if it brought none). */
function interrupt(
  state: RegistrationState,
  interruption: Interruption,
  options: RegistrationMachineOptions,
): RegistrationStep {
  const regToken = interruption.regToken ?? state.regToken
  const held = regToken === undefined ? {} : { regToken }
  switch (interruption.kind) {
    case 'pending-registration':
      return { state: freshState('complete-registration', { ...held, missing: interruption.missing }) }
    case 'pending-verification':
    case 'pending-code-verification': {
      const { UID, emails } = interruption
      const verification = { emails, ...(UID === undefined ? {} : { UID }) }
      if (interruption.kind === 'pending-verification') {
        return { state: freshState('verification-pending', { ...held, verification }) }
      }
      // No code is mailed by the interruption itself (FLOWS.md §5.2): the screen asks for one as it opens.
      const next = freshState('email-code-verification', { ...held, verification })
      return { state: next, call: sendCodeCall(next) }
    }
    case 'pending-password-change':
      return { state: freshState('password-change-required', held) }
    case 'pending-tfa':
      return tfaEntry(interruption.mode === 'verify' ? 'tfa-verification' : 'tfa-registration', held, options)
  }
}

/**
 * Where a failed call leads: an interruption opens its screen, a refused TFA assertion starts the
 * provider again, a refused reset link turns the reset screen into its "link not valid" state, a security question asks for its answer, and anything else
 * stays on the screen as `failure`.
 */
export function registrationFailure(
  state: RegistrationState,
  failed: Failed,
  options: RegistrationMachineOptions,
): RegistrationStep {
  const { call, error } = failed
  if (SESSION_CALLS.has(call.method)) {
    const interruption = readInterruption(error)
    if (interruption) return interrupt(state, interruption, options)
  }
  const restarted = tfaFailure(state, failed, options)
  if (restarted) return restarted
  if (error instanceof AccountsError) {
    // forgot-password's call asks the account's security question: only its 400050 names one
    // (FLOWS.md §3). The first question is the next step of the reset; one after an answer says the
    // answer was wrong. A 400050 with no question (a wrong answer need not repeat it) is a failure like
    // any other, and the question asked stays.
    const question = state.screen === 'forgot-password' && error.response?.secretQuestion
    if (typeof question === 'string' && question)
      return { state: { ...state, security: { question } }, failure: state.security && { error, call } }
    // Only resetPassword takes a `passwordResetToken`: the emailed link was refused.
    if ('passwordResetToken' in call.params && state.reset && isResetTokenRejected(error))
      return { state: { ...state, reset: { ...state.reset, invalid: true } } }
  }
  const kept =
    state.resend.status === 'sending' ? { ...state, resend: { ...state.resend, status: 'failed' as const } } : state
  return { state: kept, failure: { error, call } }
}
