/**
 * When TFA stops a login (FLOWS.md §8): a site whose `twoFactorAuth.providers` enables one of the
 * emulated providers asks for it at every login and registration, after every other interruption
 * (SAP's risk-based rule "always"). A regToken flow that passed TFA (`tfa.finalizeTFA`) is recorded
 * in the store, so only that flow's `finalizeRegistration` gets the session, even after a restart.
 */
import type { CallContext } from '../context'
import { fail } from '../envelope'
import type { RegTokenClaims } from '../regToken'
import { newToken } from '../registrationSupport'
import type { AccountRecord, SiteConfig } from '../types'

/** The providers the emulator implements, in the order it offers them. */
export const EMULATED_PROVIDERS: readonly string[] = ['gigyaTotp', 'gigyaEmail']

/** The emulated providers the site's policy enables (`{ name, enabled }` entries; `enabled` defaults to true). */
export function enabledProviders(site: SiteConfig): string[] {
  const listed = site.policies.twoFactorAuth?.providers
  if (!Array.isArray(listed)) return []
  const enabled = new Set<string>()
  for (const entry of listed) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue
    if (typeof entry.name === 'string' && entry.enabled !== false) enabled.add(entry.name)
  }
  return EMULATED_PROVIDERS.filter((name) => enabled.has(name))
}

/** The account's providers that the site still enables. */
export function activeProviders(account: AccountRecord, site: SiteConfig): string[] {
  const active = account.tfa?.active ?? []
  return enabledProviders(site).filter((name) => active.includes(name))
}

const passedId = (flowId: string) => `tfa-passed:${flowId}`

/** Records that the regToken flow `flowId` passed TFA. */
export async function markTfaPassed(context: CallContext, flowId: string): Promise<void> {
  await context.env.store.useToken(passedId(flowId), context.now)
}

/**
 * 403101 (the account has an active provider) or 403102 (none yet) with a regToken and the UID, unless
 * the site does not ask for TFA or `flow` (the regToken being finalized) has passed it.
 */
export async function requireTfa(context: CallContext, account: AccountRecord, flow?: RegTokenClaims): Promise<void> {
  if (enabledProviders(context.site).length === 0) return
  if (flow !== undefined && (await context.env.store.isTokenUsed(passedId(flow.id)))) return
  const verify = activeProviders(account, context.site).length > 0
  throw fail(
    verify ? 403101 : 403102,
    verify ? 'Account Pending TFA Verification' : 'Account Pending TFA Registration',
    'Pending Two-Factor Authentication',
    { UID: account.UID, regToken: await newToken(context, false, { UID: account.UID, step: 'tfa' }) },
  )
}
