import { applyWrite } from './applyWrite'
import { checkCoppa } from './checkCoppa'
import { checkClientWrite } from './checkClientWrite'
import type { Handler } from './context'
import { validationFailure } from './envelope'
import { invalidRegToken, invalidValue, needsServerCredentials } from './errors'
import { setLiteAccountInfo } from './liteAccounts'
import { applyRequirePasswordChange, changePasswordWithToken } from './passwordChange'
import { pendingAccount, readToken, saveAccount } from './registrationSupport'
import { setAccountInfoBySession } from './sessionAccountWrite'
import { validateWrite } from './validateWrite'
import { writeInputOf } from './writeInput'

/**
 * Four callers: a lite token (a newsletter subscription), a full regToken (completing a pending
 * registration, or `password` + `newPassword` for a forced change), the signed-in user's session
 * (`login_token`, or neither token nor `UID`), or the server by `UID`.
 */
export const setAccountInfo: Handler = async (context) => {
  const { env, site, params, now, messages } = context
  if (params.has('regToken')) {
    const claims = await readToken(context, 'any')
    if (claims.lite) return setLiteAccountInfo(context)
    if (params.has('newPassword')) return changePasswordWithToken(context, claims)
    const account = await pendingAccount(context, claims)
    if (account.isRegistered) throw invalidRegToken()
    // Completing a registration may add the user name the site logs in with; taken, it is one more field error.
    const { write, errors } = await checkClientWrite(context, account)
    if (errors.length > 0) throw validationFailure(errors)
    applyWrite(account, write, site, now)
    checkCoppa(context, account)
    await saveAccount(context, account)
    return { errorCode: 0 }
  }
  if (params.has('login_token') || !params.has('UID')) return setAccountInfoBySession(context)
  const UID = params.required('UID')
  if (!context.serverAuthorized) throw needsServerCredentials('Writing an account by UID')
  const account = await env.store.getAccount(site.apiKey, UID)
  if (!account) throw invalidValue('UID')
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
