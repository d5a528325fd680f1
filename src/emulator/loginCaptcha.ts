/**
 * CAPTCHA after failed logins (FLOWS.md §9): policy `security.captcha.failedLoginThreshold` (N > 0;
 * 0 or absent turns it off). Failures are counted per account; from the Nth on, a login must carry a
 * CAPTCHA before its password is even looked at.
 */
import { isPlainObject } from '../shared/plainObjects'
import { verifyCaptcha } from './captcha'
import type { CallContext } from './context'
import { fail } from './envelope'
import { invalidLoginID } from './errors'
import type { AccountRecord } from './types'

/** What SAP's login markup keys its CAPTCHA block on (`data-error-flags="captchaNeeded"`). */
const captchaNeeded = { errorFlags: 'captchaNeeded' }

function threshold(context: CallContext): number {
  const captcha = context.site.policies.security?.captcha
  const value = isPlainObject(captcha) ? captcha.failedLoginThreshold : 0
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0
}

/** 401020 / 401021 unless the account is below the threshold or the call's CAPTCHA passes. */
export async function requireLoginCaptcha(context: CallContext, account: AccountRecord | undefined): Promise<void> {
  const limit = threshold(context)
  if (account === undefined || limit === 0 || (account.failedLogins ?? 0) < limit) return
  const verdict = await verifyCaptcha(context)
  if (verdict === 'missing')
    throw fail(401020, 'Login Failed Captcha Required', 'Login Failed Captcha Required', captchaNeeded)
  if (verdict === 'failed')
    throw fail(401021, 'Login Failed Wrong Captcha', 'Login Failed Wrong Captcha', captchaNeeded)
}

/**
 * The 403042 of a wrong password, counted. The account is read again right before the write, so a
 * change made meanwhile (the password hash takes a while) is not written back over.
 */
export async function failedLogin(context: CallContext, account: AccountRecord | undefined): Promise<Error> {
  const limit = threshold(context)
  const fresh = account && limit > 0 ? await context.env.store.getAccount(context.site.apiKey, account.UID) : undefined
  let flags = {}
  if (fresh) {
    fresh.failedLogins = (fresh.failedLogins ?? 0) + 1
    await context.env.store.updateAccount(fresh)
    if (fresh.failedLogins >= limit) flags = captchaNeeded
  }
  return invalidLoginID('invalid loginID or password', flags)
}

/** A right password starts the count again. */
export async function resetFailedLogins(context: CallContext, account: AccountRecord): Promise<void> {
  if (account.failedLogins === undefined) return
  const fresh = await context.env.store.getAccount(context.site.apiKey, account.UID)
  if (!fresh) return
  delete fresh.failedLogins
  await context.env.store.updateAccount(fresh)
}
