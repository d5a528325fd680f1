import type { RegistrationScreen, RegistrationState } from './registrationMachine'

/** The TFA providers these screens implement (FLOWS.md §8); a site's others are not offered. */
export type TfaMethod = 'gigyaTotp' | 'gigyaEmail'

export const TFA_METHODS: readonly TfaMethod[] = ['gigyaTotp', 'gigyaEmail']

/** An address of the account that can take a code, as `accounts.tfa.email.getEmails` names it. */
export interface TfaAddress {
  id: string
  /** Most characters hidden (`j***@example.com`): server text, shown as text. */
  obfuscated: string
}

/**
 * Where a second factor stands on tfa-verification / tfa-registration: what the calls so far
 * answered. The assertions are secrets of the flow: they live here and in the calls, nowhere else.
 */
export interface TfaState {
  /** The providers the user may use here, once `getProviders` answered. */
  providers?: TfaMethod[]
  /** The provider in use: the only one, or the user's choice. */
  provider?: TfaMethod
  /** "Use another method" gave this provider up: the choice offered again starts on it. */
  previousProvider?: TfaMethod
  /** `initTFA`'s answer: binds the provider's calls to this user, provider and mode. */
  gigyaAssertion?: string
  /** TOTP registration: the QR code to scan (an image URL) and the token that pairs it with the first code. */
  qrCode?: string
  sctToken?: string
  /** Email: the account's addresses, the one the code goes to, and what pairs the code with its request. */
  emails?: TfaAddress[]
  emailID?: string
  phvToken?: string
  /** The code was right: the provider's proof, for `finalizeTFA`. */
  providerAssertion?: string
  /** Not "remember this device": the session is not tied to this device. */
  tempDevice?: boolean
  /** `finalizeTFA` passed: only `finalizeRegistration` is left. */
  finalized?: boolean
  /** The assertion expired or did not match: the provider started again (`tfa_registration_expired`). */
  expired?: boolean
}

/**
 * What a TFA screen shows: `wait` while (or after a failed) call that needs no input, `provider` or
 * `email` for a choice, `code` for the code, `none` when no provider (or address) can be used.
 */
export type TfaStage = 'wait' | 'provider' | 'email' | 'code' | 'none'

/** What TFA answers hold that no event may carry: the assertions, the tokens, and the QR code (it holds the secret). */
const TFA_SECRETS: ReadonlySet<string> = new Set([
  'gigyaAssertion',
  'providerAssertion',
  'sctToken',
  'phvToken',
  'qrCode',
])

/** A response as events may show it: a TFA answer without its secrets; anything else as it is. */
export function withoutTfaSecrets(response: unknown): unknown {
  if (response === null || typeof response !== 'object' || Array.isArray(response)) return response
  return Object.fromEntries(Object.entries(response).filter(([key]) => !TFA_SECRETS.has(key)))
}

export function isTfaScreen(screen: RegistrationScreen): screen is 'tfa-verification' | 'tfa-registration' {
  return screen === 'tfa-verification' || screen === 'tfa-registration'
}

export function tfaStage({ screen, tfa = {} }: Pick<RegistrationState, 'screen' | 'tfa'>): TfaStage {
  const { providers, provider, emails } = tfa
  if (tfa.finalized || tfa.providerAssertion || !providers) return 'wait'
  if (providers.length === 0) return 'none'
  if (!provider) return 'provider'
  if (!tfa.gigyaAssertion) return 'wait'
  if (provider === 'gigyaTotp') return screen === 'tfa-registration' && !tfa.qrCode ? 'wait' : 'code'
  if (!emails) return 'wait'
  if (emails.length === 0) return 'none'
  if (!tfa.emailID) return 'email'
  return tfa.phvToken ? 'code' : 'wait'
}
