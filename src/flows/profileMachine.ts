import { isAccountsError } from '../accounts'
import type { FlowAnswer, FlowCall, FlowMachine, FlowStep } from './machine'

/** SAP's `Default-ProfileUpdate` screens, for a signed-in user. */
export type ProfileScreen = 'update-profile' | 'change-password' | 'communication' | 'privacy' | 'change-email'

export const PROFILE_SCREENS: readonly ProfileScreen[] = [
  'update-profile',
  'change-password',
  'communication',
  'privacy',
  'change-email',
]

export interface ProfileState {
  screen: ProfileScreen
  /** The screen whose last submit was saved; its status says so until the next submit or screen. */
  saved?: ProfileScreen
  /** change-email, once a code is on its way: the new address, the code request's `vToken`, when it went out. */
  code?: { email: string; vToken: string; sentAt: number }
  /** "Send a new code": where the last request stands. */
  resend: { status: 'idle' | 'sending' | 'sent' | 'failed' }
  /** The server refused the session (403005): nobody is signed in any more. */
  signedOut: boolean
}

export type ProfileEvent =
  /** The navigation: another screen, fresh. */
  | { type: 'go'; screen: ProfileScreen }
  /**
   * The current screen's form, validated: API-shaped values (`profile`, `data`, `subscriptions`,
   * `preferences`, `password` + `newPassword`, `email`, `code`). Never stored in the state.
   */
  | { type: 'submit'; values: Readonly<Record<string, unknown>>; at: number }
  /** change-email: a new code to the same address. */
  | { type: 'resend'; at: number }
  /** change-email: back from the code to the address. */
  | { type: 'change-address' }

export type ProfileMachine = FlowMachine<ProfileState, ProfileEvent>
export type ProfileStep = FlowStep<ProfileState>

export function initialProfileState(screen: ProfileScreen = 'update-profile'): ProfileState {
  return { screen, resend: { status: 'idle' }, signedOut: false }
}

/** The values the form gave, without the undefined ones. */
function defined(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined))
}

/**
 * What a submit sends. Every screen writes the signed-in account with `setAccountInfo` (the client adds
 * the session); change-email asks for a code to the new address, then sends the code back.
 */
function submitCall(state: ProfileState, values: Readonly<Record<string, unknown>>): FlowCall {
  if (state.screen !== 'change-email') return { method: 'accounts.setAccountInfo', params: defined(values) }
  if (state.code) {
    return { method: 'accounts.otp.update', params: { vToken: state.code.vToken, code: values['code'] } }
  }
  return { method: 'accounts.otp.sendCode', params: { email: values['email'] } }
}

function vTokenOf(response: unknown): string {
  const vToken = (response as { vToken?: unknown } | null)?.vToken
  return typeof vToken === 'string' ? vToken : ''
}

/**
 * The profile screen-set as a pure machine: five screens the user moves between freely, each a form
 * that writes the account; change-email in two steps (address, then the emailed code). A refused
 * session (403005) ends it: the user is signed out.
 */
export function createProfileMachine(): ProfileMachine {
  return {
    transition(state, event: ProfileEvent | FlowAnswer): ProfileStep {
      switch (event.type) {
        case 'go':
          return { state: { ...initialProfileState(event.screen), signedOut: state.signedOut } }
        case 'submit':
          return {
            state: { ...state, saved: undefined, resend: { status: 'idle' } },
            call: submitCall(state, event.values),
          }
        case 'resend':
          if (!state.code) return { state }
          return {
            state: { ...state, saved: undefined, resend: { status: 'sending' } },
            call: { method: 'accounts.otp.sendCode', params: { email: state.code.email } },
          }
        case 'change-address':
          return { state: { ...state, code: undefined, saved: undefined, resend: { status: 'idle' } } }
        case 'answered': {
          if (event.call.method === 'accounts.otp.sendCode') {
            const email = String(event.call.params['email'] ?? '')
            const resent = state.resend.status === 'sending'
            return {
              state: {
                ...state,
                code: { email, vToken: vTokenOf(event.response), sentAt: event.at },
                resend: { status: resent ? 'sent' : 'idle' },
              },
            }
          }
          return { state: { ...state, code: undefined, saved: state.screen } }
        }
        case 'failed': {
          const signedOut = isAccountsError(event.error) && event.error.errorCode === 403005 /* UNAUTHORIZED_USER */
          const resend = state.resend.status === 'sending' ? { status: 'failed' as const } : state.resend
          return {
            state: { ...state, resend, signedOut: state.signedOut || signedOut },
            failure: { error: event.error, call: event.call },
          }
        }
        default:
          return { state }
      }
    },
  }
}
