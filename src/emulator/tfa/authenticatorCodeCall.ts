import type { Handler } from '../context'
import { invalidParameter, needsServerCredentials, unauthorized } from '../errors'
import { totpCode, totpStep } from '../totp'
import { SCT_LIFETIME_MS } from './totpCalls'

const PERIOD_S = 30

/**
 * Development call `emulator.getAuthenticatorCode({ UID })` (server credentials): what the user's
 * authenticator app shows for the account's TOTP secret, the one being registered while its
 * registration is open, else the active one. `code` is the current step's, or the next step's when
 * the current one was already accepted (a second login within 30 s), so it always passes once.
 */
export const getAuthenticatorCode: Handler = async (context) => {
  const { env, site, params, now } = context
  if (!context.serverAuthorized) throw needsServerCredentials('emulator.getAuthenticatorCode')
  const account = await env.store.getAccount(site.apiKey, params.required('UID'))
  if (!account) throw unauthorized()
  const pending = account.tfa?.pendingTotp
  const open = pending !== undefined && now - pending.created < SCT_LIFETIME_MS ? pending : undefined
  const secret = open ?? account.tfa?.totp
  if (!secret) throw invalidParameter('The account has no TOTP secret')
  const used = secret.lastStep !== undefined && secret.lastStep >= totpStep(now)
  const code = await totpCode(secret.secret, used ? now + PERIOD_S * 1000 : now)
  return { errorCode: 0, code, secret: secret.secret, period: PERIOD_S, pending: open !== undefined }
}
