/**
 * Email verification by code (FLOWS.md §5.2, 206006): `accounts.otp.sendCode` mails a 6-digit code
 * and answers a `vToken`; `accounts.otp.update` checks the code and verifies the email. The flow then
 * ends with `finalizeRegistration({ regToken })`.
 */
import type { CallContext, Handler } from './context'
import { hmac, timingSafeEqual, toBase64Url } from './crypto'
import { expired, invalidValue, needsServerCredentials, rateLimited } from './errors'
import { pendingAccount, readToken, saveAccount } from './registrationSupport'
import { issueSignedToken, readSignedToken } from './signedToken'
import type { AccountRecord } from './types'

const PREFIX = 'VT1_'
/** "The vToken expires after 10 minutes." */
export const CODE_LIFETIME_MS = 10 * 60 * 1000
/** Codes one account may be sent within `SEND_WINDOW_MS`; one more is 403048. */
export const MAX_CODES_PER_WINDOW = 5
const SEND_WINDOW_MS = 10 * 60 * 1000
/** Tries per vToken (right or wrong); after them the vToken is burned. */
export const MAX_CODE_TRIES = 5

const invalidVToken = () => invalidValue('vToken')

/** Six digits, uniformly drawn. */
function newCode(): string {
  const buffer = new Uint32Array(1)
  const limit = Math.floor(0x1_0000_0000 / 1_000_000) * 1_000_000
  do globalThis.crypto.getRandomValues(buffer)
  while ((buffer[0] as number) >= limit)
  return String((buffer[0] as number) % 1_000_000).padStart(6, '0')
}

/** The code is kept only as an HMAC under the emulator's key, tied to its vToken. */
async function codeHash(context: CallContext, vTokenId: string, code: string): Promise<string> {
  return toBase64Url(await hmac(context.env.tokenKey, `otp\n${vTokenId}\n${code}`))
}

export const sendCode: Handler = async (context) => {
  const { env, site, params, now } = context
  const email = params.required('email').trim().toLowerCase()
  // Only the email code flow of a pending registration or login is emulated: it needs its regToken.
  const account = await pendingAccount(context, await readToken(context, 'full'))
  const address = [...account.emails.verified, ...account.emails.unverified].find(
    (candidate) => candidate.toLowerCase() === email,
  )
  if (address === undefined) throw invalidValue('email')
  const recent = (account.codesSent ?? []).filter((sent) => now - sent < SEND_WINDOW_MS)
  if (recent.length >= MAX_CODES_PER_WINDOW) throw rateLimited('Too many codes sent; wait before asking for another')
  const code = newCode()
  const { token, id } = await issueSignedToken(env.tokenKey, PREFIX, {
    apiKey: site.apiKey,
    UID: account.UID,
    issuedAt: now,
    expiresAt: now + CODE_LIFETIME_MS,
  })
  // A new code replaces the one before: only the latest vToken works.
  account.pendingCode = { vTokenId: id, email: address, codeHash: await codeHash(context, id, code) }
  account.codesSent = [...recent, now]
  await saveAccount(context, account)
  await env.store.addOutbox({
    apiKey: site.apiKey,
    UID: account.UID,
    to: address,
    kind: 'code-verification',
    subject: 'Your verification code',
    body: `Your code is : ${code}`,
    code,
    created: now,
  })
  return { errorCode: 0, vToken: token }
}

/** The account of the call: its regToken's, or (server only) its `UID`'s. */
async function accountOf(context: CallContext): Promise<AccountRecord> {
  const { params } = context
  if (!params.has('regToken') && params.has('UID')) {
    if (!context.serverAuthorized) throw needsServerCredentials('otp.update by UID')
    const account = await context.env.store.getAccount(context.site.apiKey, params.required('UID'))
    if (!account || account.kind !== 'full') throw invalidValue('UID')
    return account
  }
  return pendingAccount(context, await readToken(context, 'full'))
}

/**
 * Takes one of the vToken's tries, atomically (the store's used-token ids count them), so parallel
 * guesses cannot get past the limit; false when none is left.
 */
async function takeTry(context: CallContext, vTokenId: string): Promise<boolean> {
  for (let attempt = 1; attempt <= MAX_CODE_TRIES; attempt += 1) {
    if (await context.env.store.useToken(`otp:${vTokenId}:${attempt}`, context.now)) return true
  }
  return false
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
  if (pending?.vTokenId !== claims.id || !(await takeTry(context, claims.id))) throw invalidVToken()
  if (!timingSafeEqual(await codeHash(context, claims.id, code), pending.codeHash)) throw invalidValue('code')
  // Read again: the slow parts above may have let another call change the account.
  const fresh = (await env.store.getAccount(site.apiKey, account.UID)) ?? account
  if (fresh.pendingCode?.vTokenId !== claims.id) throw invalidVToken()
  delete fresh.pendingCode
  const verified = pending.email.toLowerCase()
  fresh.emails = {
    verified: [
      ...fresh.emails.verified,
      ...fresh.emails.unverified.filter((address) => address.toLowerCase() === verified),
    ],
    unverified: fresh.emails.unverified.filter((address) => address.toLowerCase() !== verified),
  }
  if (fresh.isRegistered && !fresh.isVerified) {
    fresh.isVerified = true
    fresh.verified = now
  }
  fresh.lastUpdated = now
  await saveAccount(context, fresh)
  return { errorCode: 0 }
}
