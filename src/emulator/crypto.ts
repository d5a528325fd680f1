/** Web Crypto only, so the emulator runs in Node and in a browser alike. */
const subtle = () => globalThis.crypto.subtle
const encoder = new TextEncoder()

export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
    return Uint8Array.from(binary, (char) => char.charCodeAt(0))
  } catch {
    return undefined
  }
}

export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length))
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text)
}

async function hmacKey(secret: string, hash: 'SHA-1' | 'SHA-256'): Promise<CryptoKey> {
  return subtle().importKey('raw', utf8(secret), { name: 'HMAC', hash }, false, ['sign', 'verify'])
}

export async function hmac(
  secret: string,
  message: string,
  hash: 'SHA-1' | 'SHA-256' = 'SHA-256',
): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign('HMAC', await hmacKey(secret, hash), utf8(message)))
}

/** Constant-time check of an HMAC-SHA256 signature. */
export async function verifyHmac(secret: string, message: string, signature: Uint8Array): Promise<boolean> {
  return subtle().verify('HMAC', await hmacKey(secret, 'SHA-256'), new Uint8Array(signature), utf8(message))
}

/** Equal-length comparison that does not stop at the first difference. */
export function timingSafeEqual(a: string, b: string): boolean {
  const left = utf8(a)
  const right = utf8(b)
  let difference = left.length ^ right.length
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    difference |= (left[index] ?? 0) ^ (right[index] ?? 0)
  }
  return difference === 0
}

async function pbkdf2(secret: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await subtle().importKey('raw', utf8(secret), 'PBKDF2', false, ['deriveBits'])
  const bits = await subtle().deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations },
    key,
    256,
  )
  return new Uint8Array(bits)
}

/** A slow salted hash: `pbkdf2-sha256$<iterations>$<salt>$<hash>`. */
export async function hashSecret(secret: string, iterations: number): Promise<string> {
  const salt = randomBytes(16)
  return `pbkdf2-sha256$${iterations}$${toBase64Url(salt)}$${toBase64Url(await pbkdf2(secret, salt, iterations))}`
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split('$')
  const saltBytes = salt === undefined ? undefined : fromBase64Url(salt)
  if (scheme !== 'pbkdf2-sha256' || saltBytes === undefined || hash === undefined) return false
  return timingSafeEqual(toBase64Url(await pbkdf2(secret, saltBytes, Number(iterations))), hash)
}
