/**
 * Email codes (`accounts.otp.*`). Verification by code (FLOWS.md §5.2, 206006): `sendCode` mails a
 * 6-digit code and answers a `vToken`; `update` checks the code and verifies the email; the flow then
 * ends with `finalizeRegistration({ regToken })`. With the signed-in user's session instead of a
 * regToken, the code goes to a new address, and entering it makes that address the login email.
 */
import { isValidEmail } from './accountRules'
import type { CallContext, Handler } from './context'
import { timingSafeEqual } from './crypto'
import { validationFailure } from './envelope'
import { expired, invalidField, invalidValue, needsServerCredentials } from './errors'
import { CODE_LIFETIME_MS, codeHash, countCodeSent, mailCode, newCode, takeTry } from './oneTimeCodes'
import { loginIDTaken, pendingAccount, readToken, saveAccount } from './registrationSupport'
import { readSession } from './sessions'
import { issueSignedToken, readSignedToken } from './signedToken'
import type { AccountRecord } from './types'

const PREFIX = 'VT1_'
const PURPOSE = 'otp'

const invalidVToken = () => invalidValue('vToken')
const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

/** The account of a call without `UID`: its regToken's, else the session's. */
async function tokenOrSessionAccount(context: CallContext): Promise<AccountRecord> {
  if (context.params.has('regToken')) return pendingAccount(context, await readToken(context, 'full'))
  return (await readSession(context)).account
}

/** A signed-in user's new login email: a valid address no other account logs in with (400009 otherwise). */
async function checkNewLoginEmail(context: CallContext, account: AccountRecord, email: string): Promise<void> {
  if (!isValidEmail(email)) throw validationFailure([invalidField(context.messages('invalidEmail'), 'email')])
  const holder = await context.env.store.findAccountByLoginID(context.site.apiKey, email)
  if (holder !== undefined && holder.UID !== account.UID) throw validationFailure([loginIDTaken(context, 'email')])
}

export const sendCode: Handler = async (context) => {
  const { env, site, params, now } = context
  const email = params.required('email').trim()
  const changesLoginEmail = !params.has('regToken')
  const account = await tokenOrSessionAccount(context)
  let address: string | undefined = email
  if (changesLoginEmail) await checkNewLoginEmail(context, account, email)
  else {
    // A pending registration or login verifies one of the account's own addresses.
    address = [...account.emails.verified, ...account.emails.unverified].find((known) => sameAddress(known, email))
    if (address === undefined) throw invalidValue('email')
  }
  countCodeSent(context, account)
  const code = newCode()
  const { token, id } = await issueSignedToken(env.tokenKey, PREFIX, {
    apiKey: site.apiKey,
    UID: account.UID,
    issuedAt: now,
    expiresAt: now + CODE_LIFETIME_MS,
  })
  // A new code replaces the one before: only the latest vToken works.
  account.pendingCode = {
    vTokenId: id,
    email: address,
    codeHash: await codeHash(context, PURPOSE, id, code),
    ...(changesLoginEmail ? { changesLoginEmail } : {}),
  }
  await saveAccount(context, account)
  await mailCode(context, account, address, 'code-verification', code)
  return { errorCode: 0, vToken: token }
}

/** The account of the call: its regToken's, (server only) its `UID`'s, or the session's. */
async function accountOf(context: CallContext): Promise<AccountRecord> {
  const { params } = context
  if (!params.has('regToken') && !params.has('login_token') && params.has('UID')) {
    if (!context.serverAuthorized) throw needsServerCredentials('otp.update by UID')
    const account = await context.env.store.getAccount(context.site.apiKey, params.required('UID'))
    if (!account || account.kind !== 'full') throw invalidValue('UID')
    return account
  }
  return tokenOrSessionAccount(context)
}

/** The address the code was sent to becomes verified; for a change, the account's only login email. */
function applyVerified(account: AccountRecord, email: string, changesLoginEmail: boolean, now: number): void {
  const dropped = changesLoginEmail ? account.loginIDs.emails : []
  const keep = (address: string) => !sameAddress(address, email) && !dropped.some((old) => sameAddress(old, address))
  account.emails = {
    verified: [...account.emails.verified.filter(keep), email],
    unverified: account.emails.unverified.filter(keep),
  }
  if (changesLoginEmail) {
    account.loginIDs.emails = [email]
    account.profile.email = email
  }
  if (account.isRegistered && !account.isVerified) {
    account.isVerified = true
    account.verified = now
  }
  account.lastUpdated = now
}

export const update: Handler = async (context) => {
  const { env, site, params, now } = context
  const vToken = params.required('vToken')
  const code = params.required('code').trim()
  const account = await accountOf(context)
  const claims = await readSignedToken(env.tokenKey, PREFIX, vToken, site.apiKey)
  if (!claims || claims.UID !== account.UID) throw invalidVToken()
  if (now > claims.expiresAt) throw expired('vToken')
  const pending = account.pendingCode
  if (pending?.vTokenId !== claims.id || !(await takeTry(context, PURPOSE, claims.id))) throw invalidVToken()
  if (!timingSafeEqual(await codeHash(context, PURPOSE, claims.id, code), pending.codeHash)) throw invalidValue('code')
  // Read again: the slow parts above may have let another call change the account.
  const fresh = (await env.store.getAccount(site.apiKey, account.UID)) ?? account
  if (fresh.pendingCode?.vTokenId !== claims.id) throw invalidVToken()
  const changesLoginEmail = pending.changesLoginEmail === true
  if (changesLoginEmail) await checkNewLoginEmail(context, fresh, pending.email)
  delete fresh.pendingCode
  applyVerified(fresh, pending.email, changesLoginEmail, now)
  await saveAccount(context, fresh)
  return { errorCode: 0 }
}
