/**
 * Sessions (FLOWS.md §2): signed tokens naming the session, its account, site, issue time, expiry and
 * the account's session generation. Stateless to issue; ending one is recorded in the store (the
 * used-token table for a logout, the account's generation for "every session"), so revocation
 * survives a restart.
 */
import type { JsonObject } from '../accounts/types'
import type { CallContext } from './context'
import { randomBytes, toBase64Url } from './crypto'
import { unauthorized } from './errors'
import { issueSignedToken, readSignedToken, type SignedClaims } from './signedToken'
import type { AccountRecord } from './types'

/** The cookie value of a browser session; the token of the other forms, as SAP's look. */
const COOKIE_PREFIX = 'VC1_'
const TOKEN_PREFIX = 'st2.s.'
/** The expiry of a session the server never ends by time (browser sessions, `-1`, `-2`, no site default). */
const NO_EXPIRY = Number.MAX_SAFE_INTEGER

/** A valid session and the account it belongs to. */
export interface Session {
  id: string
  account: AccountRecord
  /** When it was issued (its login), epoch milliseconds. */
  issuedAt: number
}

const generationOf = (account: AccountRecord) => String(account.sessionGeneration ?? 0)
const usedId = (id: string) => `session:${id}`

/** `sessionExpiration` of the call, else the site's `gigyaPlugins.sessionExpiration`; undefined = none. */
function sessionSeconds(context: CallContext): number | undefined {
  const given = context.params.integer('sessionExpiration')
  if (given !== undefined) return given
  const fallback = context.site.policies.gigyaPlugins?.sessionExpiration
  return typeof fallback === 'number' && Number.isInteger(fallback) ? fallback : undefined
}

/** A new session of the account, in the shape `targetEnv` asks for. */
export async function issueSession(context: CallContext, account: AccountRecord): Promise<JsonObject> {
  const { env, site, params, now } = context
  const seconds = sessionSeconds(context)
  const claims: Omit<SignedClaims, 'id'> & { id: string } = {
    apiKey: site.apiKey,
    id: toBase64Url(randomBytes(12)),
    UID: account.UID,
    issuedAt: now,
    expiresAt: seconds !== undefined && seconds > 0 ? now + seconds * 1000 : NO_EXPIRY,
    data: generationOf(account),
  }
  const cookieValue = (await issueSignedToken(env.tokenKey, COOKIE_PREFIX, claims)).token
  const token = (await issueSignedToken(env.tokenKey, TOKEN_PREFIX, claims)).token
  const expiry = seconds === undefined ? {} : { expires_in: String(seconds) }
  const cookie = { cookieName: `glt_${site.apiKey}`, cookieValue }
  const mobile = { sessionToken: token, sessionSecret: toBase64Url(randomBytes(20)) }
  const targetEnv = params.string('targetEnv')
  if (targetEnv === 'jssdk') return { login_token: token, expires_in: String(seconds ?? 0) }
  if (targetEnv === 'mobile') return { ...mobile, ...expiry }
  if (targetEnv === 'both') return { ...cookie, ...mobile, ...expiry }
  return { ...cookie, ...expiry }
}

/** The call's `login_token` when it is a live session of a registered account of this site; 403005 otherwise. */
export async function readSession(context: CallContext): Promise<Session> {
  const { env, site, params, now } = context
  const token = params.string('login_token')
  if (token === undefined) throw unauthorized()
  const claims =
    (await readSignedToken(env.tokenKey, COOKIE_PREFIX, token, site.apiKey)) ??
    (await readSignedToken(env.tokenKey, TOKEN_PREFIX, token, site.apiKey))
  if (!claims || now > claims.expiresAt || (await env.store.isTokenUsed(usedId(claims.id)))) throw unauthorized()
  const account = await env.store.getAccount(site.apiKey, claims.UID)
  if (!account || account.kind !== 'full' || !account.isRegistered) throw unauthorized()
  if (claims.data !== generationOf(account) && account.keptSession !== claims.id) throw unauthorized()
  return { id: claims.id, account, issuedAt: claims.issuedAt }
}

/** Logout: this session answers 403005 from now on. */
export async function endSession(context: CallContext, session: Session): Promise<void> {
  await context.env.store.useToken(usedId(session.id), context.now)
}

/** Ends every session of the account but `keep` (the caller saves the account). */
export function endSessions(account: AccountRecord, keep?: string): void {
  account.sessionGeneration = (account.sessionGeneration ?? 0) + 1
  if (keep === undefined) delete account.keptSession
  else account.keptSession = keep
}

/**
 * The account's last login is now: read again and written at once, so nothing done meanwhile is
 * lost; returns what was written (its session generation is the one a new session must carry).
 */
export async function recordLogin(context: CallContext, account: AccountRecord): Promise<AccountRecord> {
  const fresh = await context.env.store.getAccount(context.site.apiKey, account.UID)
  if (!fresh) return account
  fresh.lastLogin = context.now
  await context.env.store.updateAccount(fresh)
  return fresh
}
