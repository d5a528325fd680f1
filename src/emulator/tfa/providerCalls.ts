/** `accounts.tfa.getProviders` and `accounts.tfa.initTFA`: which providers, and the assertion that starts one. */
import type { CallContext, Handler } from '../context'
import { fail } from '../envelope'
import { invalidRegToken, invalidValue } from '../errors'
import { pendingAccount, readToken } from '../registrationSupport'
import { readSession } from '../sessions'
import type { AccountRecord } from '../types'
import { issueAssertion, type Assertion, type TfaFlowMode } from './assertions'
import { activeProviders, enabledProviders } from './tfaPolicy'

/** Managing providers on a session needs a login this recent (403110). */
export const RECENT_LOGIN_MS = 5 * 60 * 1000
const MODES: readonly TfaFlowMode[] = ['register', 'verify', 'add', 'edit']

/** The account of the call and its flow: the regToken of an interrupted login (first), else the session. */
async function flowOf(
  context: CallContext,
): Promise<{ account: AccountRecord; flow: Assertion['flow']; sessionIssuedAt?: number }> {
  if (context.params.has('regToken')) {
    const claims = await readToken(context, 'full')
    const account = await pendingAccount(context, claims)
    if (!account.isRegistered) throw invalidRegToken()
    return { account, flow: { kind: 'regToken', id: claims.id } }
  }
  const session = await readSession(context)
  return { account: session.account, flow: { kind: 'session', id: session.id }, sessionIssuedAt: session.issuedAt }
}

export const getProviders: Handler = async (context) => {
  const { account } = await flowOf(context)
  const active = activeProviders(account, context.site)
  const inactive = enabledProviders(context.site).filter((name) => !active.includes(name))
  return {
    errorCode: 0,
    activeProviders: active.map((name) => ({ name })),
    inactiveProviders: inactive.map((name) => ({ name })),
    pendingOptin: [],
  }
}

/**
 * Which modes fit: an interrupted login verifies an active provider (403101) or, with none active,
 * registers one (403102); a session adds a provider or edits an active one, within minutes of its
 * login (`register` counts as `add` there).
 */
export const initTFA: Handler = async (context) => {
  const { site, params, now } = context
  const provider = params.required('provider')
  const mode = params.required('mode') as TfaFlowMode
  if (!MODES.includes(mode)) throw invalidValue('mode')
  const { account, flow, sessionIssuedAt } = await flowOf(context)
  if (!enabledProviders(site).includes(provider)) throw invalidValue('provider')
  if (sessionIssuedAt !== undefined && now - sessionIssuedAt > RECENT_LOGIN_MS) {
    throw fail(403110, 'Account Pending Recent Login', 'Account Pending Recent Login')
  }
  const active = activeProviders(account, site)
  const fits =
    flow.kind === 'regToken'
      ? (mode === 'verify' && active.includes(provider)) || (mode === 'register' && active.length === 0)
      : mode !== 'verify' && (mode === 'edit') === active.includes(provider)
  if (!fits) throw invalidValue('mode')
  return { errorCode: 0, gigyaAssertion: await issueAssertion(context, { UID: account.UID, provider, mode, flow }) }
}
