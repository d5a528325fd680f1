/**
 * Passwords over time (FLOWS.md §3, §4): the history that refuses an old password (401030), the
 * policy checks of a new one, and when a change is due (403100).
 */
import { meetsPasswordPolicy } from './accountRules'
import type { CallContext } from './context'
import { hashSecret, verifySecret } from './crypto'
import { fail, validationFailure } from './envelope'
import { weakPassword } from './errors'
import type { AccountRecord, SiteConfig } from './types'

/** Earlier passwords refused besides the current one when the site sets no `passwordHistorySize`. */
export const DEFAULT_PASSWORD_HISTORY_SIZE = 5
/** A bound on what a site file may ask, since each entry costs a slow hash check per change. */
const MAX_PASSWORD_HISTORY_SIZE = 50
const DAY_MS = 24 * 60 * 60 * 1000

function securityNumber(site: SiteConfig, name: string): number | undefined {
  const value = site.policies.security?.[name]
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined
}

/** How many earlier passwords are kept (the current one is always refused on top of these). */
export function passwordHistorySize(site: SiteConfig): number {
  return Math.min(
    securityNumber(site, 'passwordHistorySize') ?? DEFAULT_PASSWORD_HISTORY_SIZE,
    MAX_PASSWORD_HISTORY_SIZE,
  )
}

/**
 * Whether the next login must change the password (403100): the account was flagged by a server
 * `setAccountInfo({ requirePasswordChange: true })`, or `security.passwordChangeInterval` (days; 0 or
 * absent = never) has passed since the password was last set.
 */
export function passwordChangeDue(account: AccountRecord, site: SiteConfig, now: number): boolean {
  if (account.passwordHash === undefined) return false
  if (account.requirePasswordChange === true) return true
  const days = securityNumber(site, 'passwordChangeInterval') ?? 0
  if (days === 0) return false
  const since = account.passwordChanged ?? account.registered ?? account.created
  return now - since >= days * DAY_MS
}

/** 400009 on `newPassword` when it fails the site's `passwordComplexity`. */
export function checkNewPasswordPolicy(context: CallContext, newPassword: string): void {
  if (meetsPasswordPolicy(newPassword, context.site.policies.passwordComplexity, context.env.warn)) return
  throw validationFailure([weakPassword(context.messages, 'newPassword')])
}

/** 401030 when `newPassword` is the current password or one the history still holds. */
export async function checkNotUsedBefore(context: CallContext, account: AccountRecord, newPassword: string) {
  const used = [
    ...(account.passwordHash === undefined ? [] : [account.passwordHash]),
    ...(account.passwordHistory ?? []).slice(0, passwordHistorySize(context.site)),
  ]
  for (const hash of used) {
    if (await verifySecret(newPassword, hash)) {
      throw fail(
        401030,
        'Old password used',
        'invalid password: the provided password was already in use by this account',
      )
    }
  }
}

/**
 * Sets a new password on the record (the caller saves it): the old hash goes into the history, the
 * change time is now, and a forced change or a pending reset link is settled.
 */
export async function setPassword(context: CallContext, account: AccountRecord, newPassword: string): Promise<void> {
  const size = passwordHistorySize(context.site)
  const history = account.passwordHash === undefined ? [] : [account.passwordHash]
  account.passwordHistory = [...history, ...(account.passwordHistory ?? [])].slice(0, size)
  account.passwordHash = await hashSecret(newPassword, context.env.passwordHashIterations)
  account.passwordChanged = context.now
  account.lastUpdated = context.now
  delete account.requirePasswordChange
  delete account.resetTokenId
}
