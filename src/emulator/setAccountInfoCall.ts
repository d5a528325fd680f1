import type { Handler } from './context'
import { fail, validationFailure } from './envelope'
import { setLiteAccountInfo } from './liteAccounts'
import { applyRequirePasswordChange, changePasswordWithToken } from './passwordChange'
import {
  invalidRegToken,
  loginIdentifiers,
  loginIDTaken,
  pendingAccount,
  readToken,
  saveAccount,
} from './registrationSupport'
import { checkCoppa } from './registrationCalls'
import { applyWrite, checkWrite, validateWrite, writeInputOf } from './validateWrite'

/**
 * Three callers: a lite token (a newsletter subscription), a full regToken (completing a pending
 * registration, or `password` + `newPassword` for a forced change), or the server by `UID`.
 */
export const setAccountInfo: Handler = async (context) => {
  const { env, site, params, now, messages } = context
  if (params.has('regToken')) {
    const claims = await readToken(context, 'any')
    if (claims.lite) return setLiteAccountInfo(context)
    if (params.has('newPassword')) return changePasswordWithToken(context, claims)
    const account = await pendingAccount(context, claims)
    if (account.isRegistered) throw invalidRegToken()
    const { write, errors } = checkWrite(writeInputOf(context.params), {
      site,
      client: true,
      existing: account,
      messages,
      warn: env.warn,
    })
    // Completing a registration may add the user name the site logs in with; taken, it is one more field error.
    const username = loginIdentifiers(site).username ? params.string('username')?.trim() : undefined
    if (username !== undefined) {
      const holder = await env.store.findAccountByLoginID(site.apiKey, username)
      if (holder !== undefined && holder.UID !== account.UID) errors.unshift(loginIDTaken(context, 'username'))
      else account.loginIDs.username = username
    }
    if (errors.length > 0) throw validationFailure(errors)
    applyWrite(account, write, site, now)
    checkCoppa(context, account)
    await saveAccount(context, account)
    return { errorCode: 0 }
  }
  const UID = params.required('UID')
  if (!context.serverAuthorized) {
    throw fail(403007, 'Permission denied', 'Writing an account by UID needs the site userKey and secret')
  }
  const account = await env.store.getAccount(site.apiKey, UID)
  if (!account) throw fail(400006, 'Invalid parameter value', 'Invalid UID')
  const write = validateWrite(writeInputOf(context.params), {
    site,
    client: false,
    existing: account,
    messages,
    warn: env.warn,
  })
  applyRequirePasswordChange(context, account)
  applyWrite(account, write, site, now)
  await env.store.updateAccount(account)
  return { errorCode: 0 }
}
