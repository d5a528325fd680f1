/**
 * Emailed one-time codes, as the code verification (`accounts.otp.*`) and the TFA email provider send
 * them: six digits, kept only as a keyed hash tied to the token that pairs with them, a few tries per
 * token, and a sending limit per account.
 */
import type { CallContext } from './context'
import { hmac, toBase64Url } from './crypto'
import { rateLimited } from './errors'
import type { AccountRecord, OutboxMessage } from './types'

/** "The vToken expires after 10 minutes." */
export const CODE_LIFETIME_MS = 10 * 60 * 1000
/** Codes one account may be sent within `SEND_WINDOW_MS`; one more is 403048. */
export const MAX_CODES_PER_WINDOW = 5
const SEND_WINDOW_MS = 10 * 60 * 1000
/** Tries per token (right or wrong); after them the token is burned. */
export const MAX_CODE_TRIES = 5

/** Six digits, uniformly drawn. */
export function newCode(): string {
  const buffer = new Uint32Array(1)
  const limit = Math.floor(0x1_0000_0000 / 1_000_000) * 1_000_000
  do globalThis.crypto.getRandomValues(buffer)
  while ((buffer[0] as number) >= limit)
  return String((buffer[0] as number) % 1_000_000).padStart(6, '0')
}

/** The code as kept: an HMAC under the emulator's key, tied to its token (and to what it is for). */
export async function codeHash(context: CallContext, purpose: string, tokenId: string, code: string): Promise<string> {
  return toBase64Url(await hmac(context.env.tokenKey, `${purpose}\n${tokenId}\n${code}`))
}

/**
 * Takes one of the token's tries, atomically (the store's used-token ids count them), so parallel
 * guesses cannot get past the limit; false when none is left.
 */
export async function takeTry(context: CallContext, purpose: string, tokenId: string): Promise<boolean> {
  for (let attempt = 1; attempt <= MAX_CODE_TRIES; attempt += 1) {
    if (await context.env.store.useToken(`${purpose}:${tokenId}:${attempt}`, context.now)) return true
  }
  return false
}

/** Counts one more code sent to the account (the caller saves it); 403048 past the sending limit. */
export function countCodeSent(context: CallContext, account: AccountRecord): void {
  const recent = (account.codesSent ?? []).filter((sent) => context.now - sent < SEND_WINDOW_MS)
  if (recent.length >= MAX_CODES_PER_WINDOW) throw rateLimited('Too many codes sent; wait before asking for another')
  account.codesSent = [...recent, context.now]
}

/** The code's email, in the outbox. */
export async function mailCode(
  context: CallContext,
  account: AccountRecord,
  to: string,
  kind: OutboxMessage['kind'],
  code: string,
): Promise<void> {
  await context.env.store.addOutbox({
    apiKey: context.site.apiKey,
    UID: account.UID,
    to,
    kind,
    subject: kind === 'tfa-code' ? 'Your sign-in code' : 'Your verification code',
    body: `Your code is : ${code}`,
    code,
    created: context.now,
  })
}
