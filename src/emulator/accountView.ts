import type { JsonObject } from '../accounts/types'
import { hmac, randomBytes, toBase64Url } from './crypto'
import { randomHex32 } from './envelope'
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

/** A new session in the shape `targetEnv` asks for (`browser` cookie, `mobile` token + secret, or both). */
export function sessionInfo(
  site: SiteConfig,
  targetEnv: string | undefined,
  sessionExpiration: number | undefined,
): JsonObject {
  const cookie = { cookieName: `glt_${site.apiKey}`, cookieValue: `VC1_${randomHex32().toUpperCase()}` }
  const mobile = { sessionToken: `st2.s.${toBase64Url(randomBytes(24))}`, sessionSecret: toBase64Url(randomBytes(20)) }
  const expiry = sessionExpiration === undefined ? {} : { expires_in: String(sessionExpiration) }
  if (targetEnv === 'mobile') return { ...mobile, ...expiry }
  if (targetEnv === 'both') return { ...cookie, ...mobile, ...expiry }
  return { ...cookie, ...expiry }
}

/** An account as the inspection calls show it: everything but the secrets. */
export function inspectAccount(account: AccountRecord): Body {
  const { passwordHash, secretAnswerHash, ...visible } = account
  return { ...visible, hasPassword: passwordHash !== undefined, hasSecretAnswer: secretAnswerHash !== undefined }
}
