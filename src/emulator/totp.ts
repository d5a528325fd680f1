/**
 * TOTP (RFC 6238) over HOTP (RFC 4226), with Web Crypto only so it runs in Node and in browsers. The
 * emulator's authenticator provider uses SHA-1, 30-second steps and 6 digits, as common apps do.
 */
import { fromBase32 } from './base32'

/** The HOTP code of one counter value. */
async function hotp(key: Uint8Array, counter: number, digits: number, algorithm: string): Promise<string> {
  // A Uint8Array, not its ArrayBuffer: jsdom's realm has an ArrayBuffer of its own that Web Crypto refuses.
  const bytes = new Uint8Array(8)
  const message = new DataView(bytes.buffer)
  message.setUint32(0, Math.floor(counter / 0x1_0000_0000))
  message.setUint32(4, counter >>> 0)
  const cryptoKey = await globalThis.crypto.subtle.importKey(
    'raw',
    new Uint8Array(key),
    { name: 'HMAC', hash: algorithm },
    false,
    ['sign'],
  )
  const mac = new DataView(await globalThis.crypto.subtle.sign('HMAC', cryptoKey, bytes))
  // Dynamic truncation: four bytes from the offset the last nibble names, without the sign bit.
  const offset = mac.getUint8(mac.byteLength - 1) & 0x0f
  const value = mac.getUint32(offset) & 0x7fff_ffff
  return String(value % 10 ** digits).padStart(digits, '0')
}

/**
 * The code an authenticator app shows at `timeMs` (epoch milliseconds) for `secret`: base32 text (as
 * in an `otpauth://` URI) or the raw key bytes. Options: `digits` (6), `period` in seconds (30),
 * `algorithm` (`SHA-1`).
 */
export function totpCode(
  secret: string | Uint8Array,
  timeMs: number,
  options: { digits?: number; period?: number; algorithm?: 'SHA-1' | 'SHA-256' | 'SHA-512' } = {},
): Promise<string> {
  return hotp(
    typeof secret === 'string' ? fromBase32(secret) : secret,
    totpStep(timeMs, options.period),
    options.digits ?? 6,
    options.algorithm ?? 'SHA-1',
  )
}

/** The time step of `timeMs`. */
export function totpStep(timeMs: number, period = 30): number {
  return Math.floor(timeMs / 1000 / period)
}

/** The step within ±1 of now (the clock drift RFC 6238 allows) whose code is `code`, if any. */
export async function matchingTotpStep(secret: string, code: string, timeMs: number): Promise<number | undefined> {
  const step = totpStep(timeMs)
  for (const candidate of [step, step - 1, step + 1]) {
    if ((await totpCode(secret, candidate * 30_000)) === code) return candidate
  }
  return undefined
}
