import { AccountsError } from '../accounts'
import type { FlowAnswer, FlowCall } from './machine'
import { finalizeCall, freshState, heldToken } from './registrationCalls'
import type { RegistrationMachineOptions, RegistrationState, RegistrationStep } from './registrationMachine'
import { TFA_METHODS, tfaStage, type TfaAddress, type TfaState } from './tfa'

type Values = Readonly<Record<string, unknown>>
type TfaScreen = 'tfa-verification' | 'tfa-registration'

const isRegistering = (state: RegistrationState) => state.screen === 'tfa-registration'

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** Sends the code to the chosen address (as the screen opens, and for "send a new code"). */
export function tfaSendCodeCall(state: RegistrationState): FlowCall | undefined {
  const { gigyaAssertion, emailID } = state.tfa ?? {}
  if (gigyaAssertion === undefined || emailID === undefined) return undefined
  return {
    method: 'accounts.tfa.email.sendVerificationCode',
    params: { gigyaAssertion, emailID, ...heldToken(state) },
  }
}

/**
 * The call the flow makes before the user can act (FLOWS.md §8: providers, assertion, QR code,
 * addresses, code; after the code, finalizeTFA then finalizeRegistration), or undefined when it
 * waits for a choice or a code.
 */
function pendingCall(state: RegistrationState, options: RegistrationMachineOptions): FlowCall | undefined {
  const tfa = state.tfa ?? {}
  const token = heldToken(state)
  const { provider, gigyaAssertion, providerAssertion } = tfa
  if (tfa.finalized) return finalizeCall(state, options)
  if (!tfa.providers) return { method: 'accounts.tfa.getProviders', params: token }
  if (!provider) return undefined
  if (gigyaAssertion === undefined) {
    const mode = isRegistering(state) ? 'register' : 'verify'
    return { method: 'accounts.tfa.initTFA', params: { ...token, provider, mode } }
  }
  if (providerAssertion !== undefined) {
    const tempDevice = tfa.tempDevice ?? true
    return { method: 'accounts.tfa.finalizeTFA', params: { gigyaAssertion, providerAssertion, ...token, tempDevice } }
  }
  if (provider === 'gigyaTotp') {
    return isRegistering(state) && !tfa.qrCode
      ? { method: 'accounts.tfa.totp.register', params: { gigyaAssertion } }
      : undefined
  }
  if (!tfa.emails) return { method: 'accounts.tfa.email.getEmails', params: { gigyaAssertion } }
  return tfa.phvToken === undefined ? tfaSendCodeCall(state) : undefined
}

function goOn(state: RegistrationState, options: RegistrationMachineOptions): RegistrationStep {
  const call = pendingCall(state, options)
  return call ? { state, call } : { state }
}

/** 403101 / 403102: the TFA screen, which asks for the account's providers as it opens. */
export function tfaEntry(
  screen: TfaScreen,
  held: Partial<RegistrationState>,
  options: RegistrationMachineOptions,
): RegistrationStep {
  return goOn(freshState(screen, { ...held, tfa: {} }), options)
}

/**
 * A TFA screen's form: the provider or address chosen, or the code (with "remember this device");
 * where the flow waits for a call that failed, the submit makes it again.
 */
export function tfaSubmit(
  state: RegistrationState,
  values: Values,
  options: RegistrationMachineOptions,
): RegistrationStep {
  const tfa: TfaState = { ...state.tfa, expired: undefined }
  const stage = tfaStage(state)
  if (stage === 'provider') tfa.provider = TFA_METHODS.find((name) => name === values.provider)
  if (stage === 'email') tfa.emailID = tfa.emails?.find(({ id }) => id === values.emailID)?.id
  if (stage !== 'code') return goOn({ ...state, tfa }, options)
  const call = codeCall(state, values)
  return call ? { state: { ...state, tfa: { ...tfa, tempDevice: values.rememberDevice !== true } }, call } : { state }
}

/**
 * "Use another method" where the user acts (never under a call): the choice again, the provider given
 * up checked; its assertion, QR code and code request are dropped.
 */
export function tfaChooseAgain(state: RegistrationState): RegistrationStep {
  const { providers = [], provider } = state.tfa ?? {}
  const stage = tfaStage(state)
  if (!provider || providers.length < 2 || stage === 'wait' || stage === 'provider') return { state }
  return {
    state: { ...state, tfa: { providers, previousProvider: provider }, code: undefined, resend: { status: 'idle' } },
  }
}

/** The code, to the provider in use: it answers with the proof `finalizeTFA` takes. */
function codeCall(state: RegistrationState, values: Values): FlowCall | undefined {
  const { provider, gigyaAssertion, phvToken, sctToken } = state.tfa ?? {}
  const code = text(values.code)
  if (gigyaAssertion === undefined || code === undefined) return undefined
  const token = heldToken(state)
  if (provider === 'gigyaTotp') {
    // Registering pairs the code with the new secret; verifying checks it against the active one.
    const pairing = isRegistering(state) && sctToken !== undefined ? { sctToken } : {}
    return { method: 'accounts.tfa.totp.verify', params: { gigyaAssertion, code, ...pairing, ...token } }
  }
  if (phvToken === undefined) return undefined
  return { method: 'accounts.tfa.email.completeVerification', params: { gigyaAssertion, phvToken, code, ...token } }
}

function addresses(value: unknown): TfaAddress[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((entry: { id?: unknown; obfuscated?: unknown } | null) => {
    const id = text(entry?.id)
    return id === undefined ? [] : [{ id, obfuscated: String(entry?.obfuscated ?? '') }]
  })
}

type TfaToken = 'gigyaAssertion' | 'qrCode' | 'sctToken' | 'phvToken' | 'providerAssertion'

/** What each provider call answers with, kept for the calls that follow (FLOWS.md §8). */
const ANSWERED_TOKENS: Readonly<Partial<Record<string, readonly TfaToken[]>>> = {
  'accounts.tfa.initTFA': ['gigyaAssertion'],
  'accounts.tfa.totp.register': ['qrCode', 'sctToken'],
  'accounts.tfa.email.sendVerificationCode': ['phvToken'],
  'accounts.tfa.totp.verify': ['providerAssertion'],
  'accounts.tfa.email.completeVerification': ['providerAssertion'],
}

/** Records what a TFA call answered and makes the next call, if the flow needs one before the user acts. */
export function tfaAnswer(
  state: RegistrationState,
  { call, response, at }: Extract<FlowAnswer, { type: 'answered' }>,
  options: RegistrationMachineOptions,
): RegistrationStep {
  const body = (response ?? {}) as Record<string, unknown>
  const tfa: TfaState = { ...state.tfa }
  for (const token of ANSWERED_TOKENS[call.method] ?? []) tfa[token] = text(body[token])
  let next: RegistrationState = { ...state, tfa }
  switch (call.method) {
    case 'accounts.tfa.getProviders': {
      // 403101 offers what the account has set up, 403102 what it may set up.
      const listed = body[isRegistering(state) ? 'inactiveProviders' : 'activeProviders']
      const names = Array.isArray(listed) ? listed.map((entry: { name?: unknown } | null) => entry?.name) : []
      tfa.providers = TFA_METHODS.filter((name) => names.includes(name))
      if (tfa.providers.length === 1) tfa.provider = tfa.providers[0]
      break
    }
    case 'accounts.tfa.email.getEmails':
      tfa.emails = addresses(body.emails)
      if (tfa.emails.length === 1) tfa.emailID = tfa.emails[0]?.id
      break
    case 'accounts.tfa.email.sendVerificationCode': {
      const resend = state.resend.status === 'sending' ? { status: 'sent' as const, sentAt: at } : state.resend
      next = { ...next, code: { sentAt: at }, resend }
      break
    }
    case 'accounts.tfa.finalizeTFA':
      // The assertions are used up: nothing of the provider is kept.
      next = { ...state, tfa: { finalized: true } }
      break
  }
  const step = goOn(next, options)
  // An answer without what it should bring would ask for the same call forever: the user retries instead.
  return step.call?.method === call.method ? { state: next } : step
}

/**
 * The assertion of `initTFA` expired or belongs to another flow (400006 `Invalid jwt`, or 403002),
 * as opposed to a refused regToken, whose details name it.
 */
export function isTfaAssertionRejected(error: unknown): boolean {
  if (!(error instanceof AccountsError)) return false
  const details = error.errorDetails ?? ''
  if (/regToken/i.test(details)) return false
  return error.errorCode === 403002 || (error.errorCode === 400006 && /jwt|assertion/i.test(details))
}

/**
 * A provider call refused its assertion: the provider starts again with a fresh one, and the screen
 * says why (`expired`). Once only: a second refusal before the user acts is a failure like any other.
 */
export function tfaFailure(
  state: RegistrationState,
  { call, error }: Extract<FlowAnswer, { type: 'failed' }>,
  options: RegistrationMachineOptions,
): RegistrationStep | undefined {
  const { providers, provider, expired } = state.tfa ?? {}
  if (!('gigyaAssertion' in call.params) || expired || !isTfaAssertionRejected(error)) return undefined
  return goOn({ ...state, tfa: { providers, provider, expired: true }, resend: { status: 'idle' } }, options)
}
