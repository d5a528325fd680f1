/**
 * Explicit lite progression (FLOWS.md §7): the site's server gets a lite token for a lite account
 * (`accounts.getLiteToken`), the page exchanges it for a registration token bound to that account
 * (`accounts.initProgression`), and `accounts.register` with it makes the lite account a full one,
 * keeping its UID.
 */
import type { Handler } from './context'
import { expired, invalidRegToken, invalidValue, loginIDNotFound, needsServerCredentials } from './errors'
import { newToken } from './registrationSupport'
import { issueSignedToken, readSignedToken } from './signedToken'

const PREFIX = 'LT1_'
const DEFAULT_LIFETIME_S = 3600

/** Server only: `{ email, sessionExpiration? }` → `{ token }`, valid `sessionExpiration` seconds (3600). */
export const getLiteToken: Handler = async (context) => {
  const { env, site, params, now } = context
  if (!context.serverAuthorized) throw needsServerCredentials('getLiteToken')
  const email = params.required('email').trim()
  const lifetime = params.integer('sessionExpiration') ?? DEFAULT_LIFETIME_S
  if (lifetime <= 0) throw invalidValue('sessionExpiration')
  const lite = await env.store.findLiteAccount(site.apiKey, email)
  if (!lite) throw loginIDNotFound('There is no lite account with that email')
  const { token } = await issueSignedToken(env.tokenKey, PREFIX, {
    apiKey: site.apiKey,
    UID: lite.UID,
    issuedAt: now,
    expiresAt: now + lifetime * 1000,
  })
  return { errorCode: 0, token }
}

/**
 * `{ regToken: <lite token> }` → `{ regToken }` for `accounts.register`. The lite token may be
 * exchanged again until it expires (a reloaded page), but only while its account is still lite.
 */
export const initProgression: Handler = async (context) => {
  const { env, site, params, now } = context
  const claims = await readSignedToken(env.tokenKey, PREFIX, params.required('regToken'), site.apiKey)
  if (!claims) throw invalidRegToken()
  if (now > claims.expiresAt) throw expired('regToken')
  const lite = await env.store.getAccount(site.apiKey, claims.UID)
  if (!lite || lite.kind !== 'lite') throw invalidRegToken()
  return { errorCode: 0, regToken: await newToken(context, false, { UID: lite.UID, step: 'progression' }) }
}
