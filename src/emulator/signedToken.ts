import { fromBase64Url, hmac, randomBytes, toBase64Url, utf8, verifyHmac } from './crypto'

const MAX_TOKEN_LENGTH = 1024

/** What every signed token carries: its site, a unique id, its account, and when it stops working. */
export interface SignedClaims {
  apiKey: string
  id: string
  UID: string
  /** Issue time, epoch milliseconds. */
  issuedAt: number
  /** Epoch milliseconds after which the token is expired. */
  expiresAt: number
  /** What the kind of token adds (a session's generation, a TFA assertion's provider and flow), signed with the rest. */
  data?: string
}

interface Payload {
  k: string
  i: string
  u: string
  t: number
  x: number
  d?: string
}

/**
 * `<prefix><payload>.<HMAC-SHA256>`, the regToken format for the emulator's other tokens (password
 * reset, code verification, lite tokens): stateless and signed, so it cannot be forged, moved to
 * another site or turned into another kind of token (the prefix is signed too). Whether it was used
 * up or revoked is the caller's check against the store.
 */
export async function issueSignedToken(
  key: string,
  prefix: string,
  claims: Omit<SignedClaims, 'id'> & { id?: string },
): Promise<{ token: string; id: string }> {
  const id = claims.id ?? toBase64Url(randomBytes(12))
  const payload: Payload = {
    k: claims.apiKey,
    i: id,
    u: claims.UID,
    t: claims.issuedAt,
    x: claims.expiresAt,
    ...(claims.data === undefined ? {} : { d: claims.data }),
  }
  const body = `${prefix}${toBase64Url(utf8(JSON.stringify(payload)))}`
  return { token: `${body}.${toBase64Url(await hmac(key, body))}`, id }
}

/** The token's claims when it is genuine, of this kind and this site; undefined otherwise (expiry not judged). */
export async function readSignedToken(
  key: string,
  prefix: string,
  token: string,
  apiKey: string,
): Promise<SignedClaims | undefined> {
  if (token.length > MAX_TOKEN_LENGTH || !token.startsWith(prefix)) return undefined
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token.slice(prefix.length))
  const signature = match?.[2] === undefined ? undefined : fromBase64Url(match[2])
  if (!match || signature === undefined) return undefined
  if (!(await verifyHmac(key, `${prefix}${match[1]}`, signature))) return undefined
  let payload: Partial<Payload>
  try {
    payload = JSON.parse(new TextDecoder().decode(fromBase64Url(match[1] as string))) as Partial<Payload>
  } catch {
    return undefined
  }
  const { k, i, u, t, x, d } = payload
  if (k !== apiKey || typeof i !== 'string' || typeof u !== 'string' || typeof t !== 'number' || typeof x !== 'number')
    return undefined
  if (d !== undefined && typeof d !== 'string') return undefined
  return { apiKey: k, id: i, UID: u, issuedAt: t, expiresAt: x, ...(d === undefined ? {} : { data: d }) }
}
