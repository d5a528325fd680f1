import type { Handler } from './context'
import { invalidParameter, invalidRegToken, invalidValue, needsServerCredentials } from './errors'
import { readRegToken } from './regToken'
import { sendVerification } from './registrationSupport'
import type { AccountRecord } from './types'

/** Link-mode verification (206002): the email again, to every unverified address or to `email`. */
export const resendVerificationCode: Handler = async (context) => {
  const { env, site, params } = context
  let account: AccountRecord | undefined
  if (params.has('regToken')) {
    const claims = await readRegToken(env.tokenKey, params.required('regToken'), site.apiKey, context.now)
    account = claims.UID === undefined || claims.lite ? undefined : await env.store.getAccount(site.apiKey, claims.UID)
    if (!account || account.kind !== 'full') throw invalidRegToken()
  } else {
    const UID = params.required('UID')
    if (!context.serverAuthorized) throw needsServerCredentials('Resending by UID')
    account = await env.store.getAccount(site.apiKey, UID)
    if (!account) throw invalidValue('UID')
  }
  const email = params.string('email')
  const targets =
    email === undefined
      ? account.emails.unverified
      : account.emails.unverified.filter((address) => address.toLowerCase() === email.toLowerCase())
  if (targets.length === 0)
    throw email === undefined ? invalidParameter('No unverified email to verify') : invalidValue('email')
  await sendVerification(context, account, targets)
  return { errorCode: 0 }
}
