import type { AccountResponse } from '../accounts'

export type RegistrationScreen = 'register' | 'login' | 'complete-registration' | 'verification-pending' | 'success'

export interface RegistrationState {
  screen: RegistrationScreen
  /** The token that continues a pending registration (complete-registration, verification-pending). */
  pendingToken?: string
  /** complete-registration: the input names the server says are missing. */
  missing: string[]
  /** Fields a server answer named that the screen's own list lacks; shown until the screen changes. */
  extra: string[]
  /** verification-pending: where the email went. */
  verification?: { UID?: string; emails: string[] }
  /** success: the account as the last call returned it. */
  account?: AccountResponse
}

export type RegistrationEvent =
  | { type: 'go'; screen: 'register' | 'login' }
  | { type: 'pending-registration'; regToken: string | undefined; missing: string[] }
  | { type: 'pending-verification'; regToken: string | undefined; UID?: string; emails: string[] }
  | { type: 'registered'; account: AccountResponse }
  | { type: 'show-fields'; names: string[] }

export function initialRegistrationState(screen: 'register' | 'login' = 'register'): RegistrationState {
  return { screen, missing: [], extra: [] }
}

/**
 * The registration screen-set as a pure state machine: register or login → complete-registration
 * (206001) → verification-pending (206002) or success. Errors that keep the screen are not state
 * here: they belong to the form (field and form messages); only the fields they add to it are.
 */
export function registrationReducer(state: RegistrationState, event: RegistrationEvent): RegistrationState {
  switch (event.type) {
    case 'go':
      return initialRegistrationState(event.screen)
    case 'pending-registration':
      return {
        screen: 'complete-registration',
        missing: event.missing,
        extra: [],
        ...(event.regToken === undefined ? {} : { pendingToken: event.regToken }),
      }
    case 'pending-verification':
      return {
        screen: 'verification-pending',
        missing: [],
        extra: [],
        verification: { emails: event.emails, ...(event.UID === undefined ? {} : { UID: event.UID }) },
        ...(event.regToken === undefined ? {} : { pendingToken: event.regToken }),
      }
    case 'registered':
      return { screen: 'success', missing: [], extra: [], account: event.account }
    case 'show-fields':
      return { ...state, extra: [...state.extra, ...event.names.filter((name) => !state.extra.includes(name))] }
    default:
      return state
  }
}
