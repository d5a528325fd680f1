import { missingRequiredFields } from './accountRules'
import type { Handler } from './context'
import { verifySecret } from './crypto'
import { loginInterruption } from './interruptions'
import { failedLogin, requireLoginCaptcha, resetFailedLogins } from './loginCaptcha'
import { include, pendingRegistration, readSessionOptions, sessionBody } from './registrationSupport'
import { requireTfa } from './tfa/tfaPolicy'

/**
 * A password login. A right password may still meet an interruption: an unfinished registration
 * (206001), a password change due (403100), an unverified email (206002 / 206006), then TFA (403101 /
 * 403102).
 */
export const login: Handler = async (context) => {
  const { env, site, params } = context
  const loginID = params.required('loginID').trim()
  const password = params.required('password')
  readSessionOptions(context)
  const account = await env.store.findAccountByLoginID(site.apiKey, loginID)
  await requireLoginCaptcha(context, account)
  const valid = account?.passwordHash !== undefined && (await verifySecret(password, account.passwordHash))
  if (!account || !valid) throw await failedLogin(context, account)
  await resetFailedLogins(context, account)
  if (!account.isRegistered) throw await pendingRegistration(context, account, missingRequiredFields(account, site))
  const interruption = await loginInterruption(context, account)
  if (interruption) throw interruption
  await requireTfa(context, account)
  return sessionBody(context, account, include(context), false)
}

export const isAvailableLoginID: Handler = async (context) => {
  const loginID = context.params.required('loginID').trim()
  return { errorCode: 0, isAvailable: !(await context.env.store.findAccountByLoginID(context.site.apiKey, loginID)) }
}
