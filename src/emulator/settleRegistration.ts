import { missingRequiredFields } from './accountRules'
import type { CallContext } from './context'
import type { Body } from './envelope'
import { pendingCodeVerification, pendingLinkVerification, verifiesByCode } from './interruptions'
import { include, pendingRegistration, saveAccount, sendVerification, sessionBody } from './registrationSupport'
import { requireTfa } from './tfa/tfaPolicy'
import type { AccountRecord } from './types'

/**
 * Where a full registration goes once its fields are written: pending (206001, listing what is
 * missing) until complete and finalized; then registered, and pending verification (206002) when
 * the site verifies emails, then TFA registration (403102) when the site requires TFA. The token that
 * brought it here is already used up.
 */
export async function settleRegistration(
  context: CallContext,
  account: AccountRecord,
  finalize: boolean,
): Promise<Body> {
  const { site, now } = context
  const missing = missingRequiredFields(account, site)

  if (missing.length > 0 || !finalize) {
    await saveAccount(context, account)
    throw await pendingRegistration(context, account, missing)
  }

  const verifyEmail = site.policies.accountOptions?.verifyEmail === true
  account.isRegistered = true
  account.registered = now
  account.lastUpdated = now
  if (!verifyEmail) {
    account.isVerified = true
    account.verified = now
    account.emails = {
      verified: [...new Set([...account.emails.verified, ...account.emails.unverified])],
      unverified: [],
    }
  }
  await saveAccount(context, account)

  if (verifyEmail && account.emails.unverified.length > 0) {
    // By code, the screen asks for the first code itself (FLOWS.md §5.2): nothing is sent here.
    if (verifiesByCode(site)) throw await pendingCodeVerification(context, account, true)
    await sendVerification(context, account, account.emails.unverified)
    throw await pendingLinkVerification(context, account, true)
  }
  await requireTfa(context, account)
  return sessionBody(context, account, include(context), true)
}
