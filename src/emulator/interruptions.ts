/**
 * The interruptions of a registered account whose password was just proven (login) or whose flow is
 * being finished (finalizeRegistration): a forced password change (403100, FLOWS.md §4), then email
 * verification by link (206002) or by code (206006, §5). Each answer carries a regToken.
 */
import { accountBody, signUID } from './accountView'
import type { CallContext } from './context'
import { fail, type ApiFailure } from './envelope'
import { passwordChangeDue } from './passwordHistory'
import { include, newToken, type NewTokenOptions } from './registrationSupport'
import type { AccountRecord, SiteConfig } from './types'

/** `accountOptions.useCodeVerification` together with `verifyEmail`: a code instead of a link. */
export function verifiesByCode(site: SiteConfig): boolean {
  const options = site.policies.accountOptions
  return options?.verifyEmail === true && options.useCodeVerification === true
}

/** A verification answer: the account with its emails, a regToken, and for a new user the UID signature. */
async function pendingVerificationAnswer(
  context: CallContext,
  account: AccountRecord,
  newUser: boolean,
  [errorCode, errorMessage]: [number, string],
  token: NewTokenOptions,
): Promise<ApiFailure> {
  return fail(errorCode, errorMessage, errorMessage, {
    ...accountBody(account, [...include(context), 'emails']),
    ...(newUser ? { ...(await signUID(context.site, account.UID, context.now)), newUser: true } : {}),
    regToken: await newToken(context, false, { UID: account.UID, ...token }),
  })
}

/** 206006 with the body of a 206002; no code is sent until the screen asks (`accounts.otp.sendCode`). */
export function pendingCodeVerification(
  context: CallContext,
  account: AccountRecord,
  newUser: boolean,
): Promise<ApiFailure> {
  return pendingVerificationAnswer(context, account, newUser, [206006, 'Account Pending Code Verification'], {
    step: 'code-verification',
    newUser,
  })
}

/** 206002: the account waits for a link mailed to its emails; its regToken continues the flow. */
export function pendingLinkVerification(
  context: CallContext,
  account: AccountRecord,
  newUser: boolean,
): Promise<ApiFailure> {
  return pendingVerificationAnswer(context, account, newUser, [206002, 'Account Pending Verification'], {})
}

/** What stops a registered account from getting a session now, if anything. */
export async function loginInterruption(
  context: CallContext,
  account: AccountRecord,
  newUser = false,
): Promise<ApiFailure | undefined> {
  const { site, now } = context
  if (passwordChangeDue(account, site, now)) {
    return fail(403100, 'Pending Password Change', 'Pending password change', {
      regToken: await newToken(context, false, { UID: account.UID, step: 'password-change', newUser }),
    })
  }
  const options = site.policies.accountOptions
  if (options?.verifyEmail !== true || account.isVerified || options.allowUnverifiedLogin === true) return undefined
  if (verifiesByCode(site)) return pendingCodeVerification(context, account, newUser)
  return pendingLinkVerification(context, account, false)
}
