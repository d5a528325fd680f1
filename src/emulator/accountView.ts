import { hmac } from './crypto'
import type { Body } from './envelope'
import type { AccountRecord, SiteConfig } from './types'

export const DEFAULT_INCLUDE = ['profile']
const INCLUDABLE = new Set([
  'profile',
  'data',
  'emails',
  'loginIDs',
  'subscriptions',
  'preferences',
  'missing-required-fields',
  'irank',
  'identities-active',
  'identities-all',
])

const iso = (epochMs: number | undefined) => (epochMs === undefined ? undefined : new Date(epochMs).toISOString())

/** What every account answer carries, plus the parts `include` asked for. */
export function accountBody(account: AccountRecord, include: readonly string[], missing: readonly string[] = []): Body {
  const body: Body = {
    UID: account.UID,
    isRegistered: account.isRegistered,
    isActive: account.isActive,
    isVerified: account.isVerified,
    created: iso(account.created),
    createdTimestamp: account.created,
    lastUpdated: iso(account.lastUpdated),
    lastUpdatedTimestamp: account.lastUpdated,
    socialProviders: 'site',
    loginProvider: 'site',
  }
  if (account.registered !== undefined) {
    body.registered = iso(account.registered)
    body.registeredTimestamp = account.registered
  }
  if (account.verified !== undefined) {
    body.verified = iso(account.verified)
    body.verifiedTimestamp = account.verified
  }
  if (account.lastLogin !== undefined) {
    body.lastLogin = iso(account.lastLogin)
    body.lastLoginTimestamp = account.lastLogin
  }
  for (const part of include) {
    if (!INCLUDABLE.has(part)) continue
    if (part === 'profile') body.profile = account.profile
    else if (part === 'data') body.data = account.data
    else if (part === 'subscriptions') body.subscriptions = account.subscriptions
    else if (part === 'preferences') body.preferences = account.preferences
    else if (part === 'emails') body.emails = account.emails
    else if (part === 'loginIDs') {
      const emails = account.loginIDs.emails
      body.loginIDs = {
        emails: emails.filter((email) => account.emails.verified.includes(email)),
        unverifiedEmails: emails.filter((email) => !account.emails.verified.includes(email)),
        ...(account.loginIDs.username === undefined ? {} : { username: account.loginIDs.username }),
      }
    } else if (part === 'missing-required-fields') body.missingRequiredFields = [...missing]
    else if (part === 'irank') body.irank = 0
    else body.identities = [{ provider: 'site', providerUID: account.UID, isLoginIdentity: true }]
  }
  return body
}

/** `UIDSignature` as SAP computes it: base64 HMAC-SHA1 of `<timestamp>_<UID>` with the site secret. */
export async function signUID(site: SiteConfig, UID: string, now: number): Promise<Body> {
  const signatureTimestamp = String(Math.floor(now / 1000))
  const signature = await hmac(site.secret, `${signatureTimestamp}_${UID}`, 'SHA-1')
  return { UIDSignature: btoa(String.fromCharCode(...signature)), signatureTimestamp }
}

/** An account as the inspection calls show it: everything but the secrets (TFA: only which providers). */
export function inspectAccount(account: AccountRecord): Body {
  const { passwordHash, secretAnswerHash, tfa, ...visible } = account
  return {
    ...visible,
    hasPassword: passwordHash !== undefined,
    hasSecretAnswer: secretAnswerHash !== undefined,
    ...(tfa === undefined
      ? {}
      : { tfa: { activeProviders: tfa.active, totp: tfa.totp ? 'active' : tfa.pendingTotp ? 'pending' : 'none' } }),
  }
}
