/**
 * The tokens of a TFA flow, all signed with the emulator's key: the `gigyaAssertion` of
 * `tfa.initTFA` (user, provider, mode and flow: a regToken or a session), and the tokens each later
 * step binds to it (`providerAssertion`, `sctToken`, `phvToken`). A forged, expired, used or foreign
 * assertion is 400006 `Invalid jwt`.
 */
import type { CallContext } from '../context'
import { expired, invalidJwt, invalidValue } from '../errors'
import { pendingAccount, readToken } from '../registrationSupport'
import { issueSignedToken, readSignedToken, type SignedClaims } from '../signedToken'
import type { AccountRecord } from '../types'

/** "About 5 minutes", for the assertion and the proof of its provider step. */
export const ASSERTION_LIFETIME_MS = 5 * 60 * 1000
const ASSERTION_PREFIX = 'GA1_'
const PROVIDER_PREFIX = 'PA1_'

export type TfaFlowMode = 'register' | 'verify' | 'add' | 'edit'

export interface Assertion {
  id: string
  UID: string
  provider: string
  mode: TfaFlowMode
  /** The flow it belongs to: the regToken's id, or the session's. */
  flow: { kind: 'regToken' | 'session'; id: string }
}

interface AssertionData {
  p: string
  m: TfaFlowMode
  f: 'r' | 's'
  i: string
}

const usedId = (id: string) => `tfa-assertion:${id}`

export async function issueAssertion(context: CallContext, assertion: Omit<Assertion, 'id'>): Promise<string> {
  const data: AssertionData = {
    p: assertion.provider,
    m: assertion.mode,
    f: assertion.flow.kind === 'regToken' ? 'r' : 's',
    i: assertion.flow.id,
  }
  const { token } = await issueSignedToken(context.env.tokenKey, ASSERTION_PREFIX, {
    apiKey: context.site.apiKey,
    UID: assertion.UID,
    issuedAt: context.now,
    expiresAt: context.now + ASSERTION_LIFETIME_MS,
    data: JSON.stringify(data),
  })
  return token
}

function parseData(claims: SignedClaims): Assertion | undefined {
  try {
    const data = JSON.parse(claims.data ?? '') as AssertionData
    return {
      id: claims.id,
      UID: claims.UID,
      provider: data.p,
      mode: data.m,
      flow: { kind: data.f === 'r' ? 'regToken' : 'session', id: data.i },
    }
  } catch {
    return undefined
  }
}

/**
 * The call's live `gigyaAssertion` (of `provider`, when given) and its account. A `regToken` given
 * with it must be the flow's own; a session flow ends with its session's logout.
 */
export async function readAssertion(
  context: CallContext,
  provider?: string,
): Promise<{ assertion: Assertion; account: AccountRecord }> {
  const { env, site, params, now } = context
  const claims = await readSignedToken(env.tokenKey, ASSERTION_PREFIX, params.required('gigyaAssertion'), site.apiKey)
  const assertion = claims === undefined ? undefined : parseData(claims)
  if (!claims || !assertion || now > claims.expiresAt || (await env.store.isTokenUsed(usedId(claims.id)))) {
    throw invalidJwt()
  }
  if (provider !== undefined && assertion.provider !== provider) throw invalidJwt()
  if (params.has('regToken')) {
    const flow = await readToken(context, 'full')
    if (assertion.flow.kind !== 'regToken' || flow.id !== assertion.flow.id) throw invalidJwt()
    await pendingAccount(context, flow)
  }
  if (assertion.flow.kind === 'session' && (await env.store.isTokenUsed(`session:${assertion.flow.id}`))) {
    throw invalidJwt()
  }
  const account = await env.store.getAccount(site.apiKey, assertion.UID)
  if (!account || account.kind !== 'full') throw invalidJwt()
  return { assertion, account }
}

/** The assertion is spent (by `finalizeTFA`); false when it already was. */
export function spendAssertion(context: CallContext, assertion: Assertion): Promise<boolean> {
  return context.env.store.useToken(usedId(assertion.id), context.now)
}

/** What a passed provider step proves: for a registration, the secret or address it set up. */
export interface ProviderProof {
  /** The TOTP secret's id (`gigyaTotp`). */
  secretId?: string
  /** The address that received the code (`gigyaEmail`). */
  email?: string
}

export async function issueProviderAssertion(
  context: CallContext,
  assertion: Assertion,
  proof: ProviderProof,
): Promise<string> {
  const { token } = await issueSignedToken(context.env.tokenKey, PROVIDER_PREFIX, {
    apiKey: context.site.apiKey,
    UID: assertion.UID,
    issuedAt: context.now,
    expiresAt: context.now + ASSERTION_LIFETIME_MS,
    data: JSON.stringify({ a: assertion.id, ...proof }),
  })
  return token
}

/** The call's `providerAssertion`, when it proves a step of this assertion. */
export async function readProviderAssertion(context: CallContext, assertion: Assertion): Promise<ProviderProof> {
  const { env, site, params, now } = context
  const claims = await readSignedToken(env.tokenKey, PROVIDER_PREFIX, params.required('providerAssertion'), site.apiKey)
  if (!claims || now > claims.expiresAt) throw invalidJwt()
  let proof: ProviderProof & { a?: string }
  try {
    proof = JSON.parse(claims.data ?? '') as ProviderProof & { a?: string }
  } catch {
    throw invalidJwt()
  }
  if (proof.a !== assertion.id) throw invalidJwt()
  return {
    ...(proof.secretId === undefined ? {} : { secretId: proof.secretId }),
    ...(proof.email === undefined ? {} : { email: proof.email }),
  }
}

/**
 * A token a provider step pairs with its assertion (`sctToken`, `phvToken`): of this assertion and
 * account (400006 otherwise), not expired (403002); `name` is the parameter.
 */
export async function readStepToken(
  context: CallContext,
  prefix: string,
  name: string,
  assertion: Assertion,
): Promise<SignedClaims> {
  const { env, site, params, now } = context
  const claims = await readSignedToken(env.tokenKey, prefix, params.required(name), site.apiKey)
  if (!claims || claims.data !== assertion.id || claims.UID !== assertion.UID) throw invalidValue(name)
  if (now > claims.expiresAt) throw expired(name)
  return claims
}

/** A token of a provider step, bound to the assertion, with `id` the step's record names. */
export async function issueStepToken(
  context: CallContext,
  prefix: string,
  assertion: Assertion,
  lifetimeMs: number,
): Promise<{ token: string; id: string }> {
  return issueSignedToken(context.env.tokenKey, prefix, {
    apiKey: context.site.apiKey,
    UID: assertion.UID,
    issuedAt: context.now,
    expiresAt: context.now + lifetimeMs,
    data: assertion.id,
  })
}
