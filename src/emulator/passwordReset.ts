/**
 * `accounts.resetPassword` (FLOWS.md §3): `{ loginID }` mails a link to the site's reset page with the
 * token as `pwrt`; `{ passwordResetToken, newPassword }` sets the password. A token is signed, lives
 * `passwordReset.tokenExpiration` seconds (3600), works once, and a newer request revokes it. Sites
 * that require a security check, and accounts without an email, prove ownership in the call instead
 * (`securityReset.ts`, 400050).
 */
import type { CallContext, Handler } from './context'
import type { Body } from './envelope'
import { expired, invalidParameter, invalidValue, loginIDNotFound, needsServerCredentials } from './errors'
import { checkNewPasswordPolicy, checkNotUsedBefore, setPassword } from './passwordHistory'
import { saveAccount } from './registrationSupport'
import { resetWithSecurityCheck, securityCheckRequired } from './securityReset'
import { issueSignedToken, readSignedToken } from './signedToken'
import type { AccountRecord } from './types'

const PREFIX = 'PRT1_'
const DEFAULT_TOKEN_EXPIRATION_S = 3600
/** Where the link points when the site has no `resetURL` and the call named no page. */
export const DEFAULT_RESET_PAGE = 'http://localhost/'

const invalidToken = () => invalidValue('passwordResetToken')

export const resetPassword: Handler = async (context) => {
  const { params } = context
  if (params.has('passwordResetToken')) {
    if (params.has('loginID')) throw invalidParameter('Pass either loginID or passwordResetToken, not both')
    return completeReset(context)
  }
  return requestReset(context)
}

function tokenLifetimeMs(context: CallContext): number {
  const value = context.site.policies.passwordReset?.tokenExpiration
  const seconds = typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : DEFAULT_TOKEN_EXPIRATION_S
  return seconds * 1000
}

/** The page the call came from, as a base for the link: http(s) only, without an old `pwrt` or a fragment. */
function callerPage(referer: string | undefined): string | undefined {
  if (referer === undefined) return undefined
  try {
    const url = new URL(referer)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    if (url.searchParams.has('pwrt')) url.searchParams.delete('pwrt')
    url.hash = ''
    return url.href
  } catch {
    return undefined
  }
}

/** `passwordReset.resetURL`, else the calling page, else `http://localhost/`, with `pwrt` appended. */
export function resetLink(context: CallContext, token: string): string {
  const configured = context.site.policies.passwordReset?.resetURL
  const base =
    typeof configured === 'string' && configured.trim() !== ''
      ? configured.trim()
      : (callerPage(context.referer) ?? DEFAULT_RESET_PAGE)
  const hashAt = base.indexOf('#')
  const page = hashAt === -1 ? base : base.slice(0, hashAt)
  const fragment = hashAt === -1 ? '' : base.slice(hashAt)
  const separator = !page.includes('?') ? '?' : page.endsWith('?') || page.endsWith('&') ? '' : '&'
  return `${page}${separator}pwrt=${encodeURIComponent(token)}${fragment}`
}

/** The first verified address, else the first unverified one; or `email` when it is the account's. */
function recipient(context: CallContext, account: AccountRecord): string {
  const addresses = [...account.emails.verified, ...account.emails.unverified]
  const requested = context.params.string('email')?.trim().toLowerCase()
  const to = requested === undefined ? addresses[0] : addresses.find((address) => address.toLowerCase() === requested)
  if (to === undefined) {
    throw requested === undefined ? invalidParameter('The account has no email') : invalidValue('email')
  }
  return to
}

async function requestReset(context: CallContext): Promise<Body> {
  const { env, site, params, now } = context
  const loginID = params.required('loginID').trim()
  const sendEmail = params.boolean('sendEmail', true)
  if (!sendEmail && !context.serverAuthorized) throw needsServerCredentials('sendEmail=false')
  // Lite accounts have no login ID, so their emails are unknown here too.
  const account = await env.store.findAccountByLoginID(site.apiKey, loginID)
  if (!account) {
    // Harvesting protection: the same answer as for a real account, and no email.
    if (site.policies.accountOptions?.preventLoginIDHarvesting === true) return { errorCode: 0 }
    throw loginIDNotFound('There is no user with that username or email')
  }
  // A server asking for the token (sendEmail=false) is trusted; a client must pass the check. Without
  // it, `secretAnswer` and `newPassword` are ignored and the link is mailed, as SAP documents.
  if (sendEmail && securityCheckRequired(site, account)) return resetWithSecurityCheck(context, account)
  const to = recipient(context, account)
  const { token, id } = await issueSignedToken(env.tokenKey, PREFIX, {
    apiKey: site.apiKey,
    UID: account.UID,
    issuedAt: now,
    expiresAt: now + tokenLifetimeMs(context),
  })
  account.resetTokenId = id
  await saveAccount(context, account)
  if (!sendEmail) return { errorCode: 0, passwordResetToken: token, emails: account.emails }
  const link = resetLink(context, token)
  await env.store.addOutbox({
    apiKey: site.apiKey,
    UID: account.UID,
    to,
    kind: 'password-reset',
    subject: 'Reset your password',
    body: `Someone asked to reset the password of ${to}. To choose a new one, open ${link}`,
    link,
    created: now,
  })
  return { errorCode: 0 }
}

async function completeReset(context: CallContext): Promise<Body> {
  const { env, site, params, now } = context
  const token = params.required('passwordResetToken')
  const newPassword = params.required('newPassword')
  const claims = await readSignedToken(env.tokenKey, PREFIX, token, site.apiKey)
  if (!claims) throw invalidToken()
  if (now > claims.expiresAt) throw expired('passwordResetToken')
  const account = await env.store.getAccount(site.apiKey, claims.UID)
  // A newer request replaced the id (revoked), or the token was used.
  if (!account || account.kind !== 'full' || account.resetTokenId !== claims.id) throw invalidToken()
  if (await env.store.isTokenUsed(claims.id)) throw invalidToken()
  checkNewPasswordPolicy(context, newPassword)
  await checkNotUsedBefore(context, account, newPassword)
  // Only now is the token used up (atomically: of parallel resets with one token, one gets through).
  if (!(await env.store.useToken(claims.id, now))) throw invalidToken()
  await setPassword(context, account, newPassword)
  await saveAccount(context, account)
  return { errorCode: 0, UID: account.UID }
}
