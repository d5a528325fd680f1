import type { AccountInclude, AccountResponse, CommaList } from '../accounts'
import type { FlowAnswer, FlowCall, FlowMachine, FlowStep } from './machine'
import { registrationAnswer, registrationFailure } from './registrationAnswers'
import { freshState, resendCall, submitCall } from './registrationCalls'
import { isTfaScreen, type TfaState } from './tfa'
import { tfaChooseAgain, tfaSendCodeCall, tfaSubmit } from './tfaSteps'

/** SAP's `Default-RegistrationLogin` screens, named as its `gigya-…-screen` ids without prefix and suffix. */
export type RegistrationScreen =
  | 'register'
  | 'login'
  | 'complete-registration'
  | 'verification-pending'
  | 'verification-sent'
  | 'email-code-verification'
  | 'success'
  | 'forgot-password'
  | 'forgot-password-success'
  | 'reset-password'
  | 'reset-password-success'
  | 'password-change-required'
  | 'lite-progression'
  | 'tfa-verification'
  | 'tfa-registration'

/** The screens a user can open with a link or a button (no token needed). */
export type LinkedScreen = 'register' | 'login' | 'forgot-password'

export interface RegistrationState {
  screen: RegistrationScreen
  /** The last `regToken` an interruption brought; every call that resolves it sends it (FLOWS.md §1). */
  regToken?: string
  /** complete-registration: the input names the server says are missing. */
  missing: string[]
  /** Fields a server answer named that the screen's own list lacks; shown until the screen changes. */
  extra: string[]
  /** verification-pending / verification-sent / email-code-verification: the account and its addresses. */
  verification?: { UID?: string; emails: string[] }
  /** email-code-verification (and a TFA code by email): the code request (`vToken` of `otp.sendCode`) and when it was sent. */
  code?: { vToken?: string; sentAt?: number }
  /** Resending the verification link or code: where it stands, and when the last one went out. */
  resend: { status: 'idle' | 'sending' | 'sent' | 'failed'; sentAt?: number }
  /** reset-password: the emailed link's token; `invalid` once the server refused it (expired, used, unknown). */
  reset?: { token: string; invalid: boolean }
  /**
   * forgot-password on an account that must prove itself (`passwordReset.requireSecurityCheck`, or no
   * email to send a link to): the question a 400050 answer named. The form then asks for its answer
   * and the new password, and the reset happens at once (FLOWS.md §3).
   */
  security?: { question: string }
  /** Values the next screen's inputs start with (login's and forgot-password's `loginID`, a progression's `email`). */
  prefill: Record<string, string>
  /** lite-progression: the lite token the site's server got (`accounts.getLiteToken`), if any. */
  liteToken?: string
  /** tfa-verification / tfa-registration: the second factor so far (FLOWS.md §8). */
  tfa?: TfaState
  /** success: the account as the last call returned it. */
  account?: AccountResponse
}

export type RegistrationEvent =
  /** A link or button to another screen; `prefill` carries what the user already typed. */
  | { type: 'go'; screen: LinkedScreen; prefill?: Record<string, string> }
  /**
   * The current screen's form, validated: API-shaped values (`email`, `password`, `profile`, …,
   * `loginID`, `newPassword`, `code`, and a CAPTCHA's solution). Never stored in the state.
   */
  | { type: 'submit'; values: Readonly<Record<string, unknown>>; at: number }
  /** Resend the verification email (verification-pending / -sent) or the code (email-code-verification). */
  | { type: 'resend'; at: number }
  /** A failure named fields the screen lacks: show them (see `fieldsToAdd`). */
  | { type: 'show-fields'; names: string[] }
  /** A TFA screen whose user chose one of several providers: back to the choice ("Use another method"). */
  | { type: 'choose-another-tfa-method' }

export interface RegistrationMachineOptions {
  /** The first screen when no token or progression email opens another (default `register`). */
  startScreen?: 'register' | 'login'
  /** Opens on reset-password with this token (the `pwrt` of the emailed link). */
  passwordResetToken?: string
  /** Opens on lite-progression with this email (a `gig_email` parameter, or the app's own). */
  progressionEmail?: string
  /** With lite-progression: the lite token from the site's server, for `accounts.initProgression`. */
  liteToken?: string
  /** Finish the registration in the register call when nothing is missing (screen-sets do). Default true. */
  finalizeRegistration?: boolean
  /** What register, login and finalizeRegistration return (the screen-sets' default list by default). */
  include?: CommaList<AccountInclude>
  /** Where the registration came from (stored on the account); the page URL by default at SAP. */
  regSource?: string
}

export type RegistrationMachine = FlowMachine<RegistrationState, RegistrationEvent>
export type RegistrationStep = FlowStep<RegistrationState>
export type { FlowAnswer }

/**
 * Where a registration flow opens: the reset screen when the page came from an emailed reset link,
 * the lite-progression screen when it came for a lite account's email, else `startScreen`.
 */
export function initialRegistrationState(options: RegistrationMachineOptions = {}): RegistrationState {
  if (options.passwordResetToken) {
    return freshState('reset-password', { reset: { token: options.passwordResetToken, invalid: false } })
  }
  if (options.progressionEmail) {
    return freshState('lite-progression', {
      prefill: { email: options.progressionEmail },
      ...(options.liteToken ? { liteToken: options.liteToken } : {}),
    })
  }
  return freshState(options.startScreen ?? 'register')
}

/**
 * SAP's `Default-RegistrationLogin` as a pure machine. A submit asks for the screen's call; an
 * answer moves on (success, a success screen, or the call that follows); an interruption (206001,
 * 206002, 206006, 403100, 403101 / 403102) holds its regToken and opens the screen that resolves it, whose call ends
 * with `finalizeRegistration` (FLOWS.md §1). Any other failure keeps the screen and is handed back
 * as `failure` for the form to show.
 */
export function createRegistrationMachine(options: RegistrationMachineOptions = {}): RegistrationMachine {
  return {
    transition(state, event): RegistrationStep {
      switch (event.type) {
        case 'go':
          return { state: freshState(event.screen, { prefill: { ...event.prefill } }) }
        case 'show-fields': {
          const added = event.names.filter(
            (name, index) => !state.extra.includes(name) && event.names.indexOf(name) === index,
          )
          return { state: added.length === 0 ? state : { ...state, extra: [...state.extra, ...added] } }
        }
        case 'submit':
          if (isTfaScreen(state.screen)) return tfaSubmit(state, event.values, options)
          return withCall(state, submitCall(state, event.values, options))
        case 'resend': {
          if (state.resend.status === 'sending') return { state }
          const call = isTfaScreen(state.screen) ? tfaSendCodeCall(state) : resendCall(state)
          return call ? { state: { ...state, resend: { ...state.resend, status: 'sending' } }, call } : { state }
        }
        case 'choose-another-tfa-method':
          return tfaChooseAgain(state)
        case 'answered':
          return registrationAnswer(state, event, options)
        case 'failed':
          return registrationFailure(state, event, options)
        default:
          return { state }
      }
    },
  }
}

function withCall(state: RegistrationState, call: FlowCall | undefined): RegistrationStep {
  return call ? { state, call } : { state }
}
