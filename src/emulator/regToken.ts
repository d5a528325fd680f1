import { fromBase64Url, hmac, randomBytes, toBase64Url, utf8, verifyHmac } from './crypto'
import { expired, invalidRegToken } from './errors'

/** Registration tokens live one hour, as SAP's do. */
export const REG_TOKEN_LIFETIME_MS = 60 * 60 * 1000
const MAX_TOKEN_LENGTH = 1024

export interface RegTokenClaims {
  /** The site the token was issued for. */
  apiKey: string
  /** Unique id, recorded once the token has been used up. */
  id: string
  /** Issue time, epoch milliseconds. */
  issuedAt: number
  lite: boolean
  /** The pending account the token continues, when it was issued by register, login or finalize. */
  UID?: string
  /**
   * The interruption the token was issued for, when finishing it may give a session: a forced
   * password change (403100), a code verification (206006), TFA (403101 / 403102), or a lite
   * progression (its `UID` is the lite account's).
   */
  step?: RegTokenStep
  /** The flow started with a registration, so its session answer says `newUser: true`. */
  newUser?: boolean
}

export type RegTokenStep = 'password-change' | 'code-verification' | 'tfa' | 'progression'
const STEPS: readonly RegTokenStep[] = ['password-change', 'code-verification', 'tfa', 'progression']

interface Payload {
  k: string
  i: string
  t: number
  l?: 1
  u?: string
  s?: RegTokenStep
  n?: 1
}

/**
 * `RT1_[LTE_]<payload>.<HMAC-SHA256>`: stateless and signed, so it cannot be forged or moved to
 * another site; lite tokens carry `_LTE_` as SAP's do.
 */
export async function issueRegToken(key: string, claims: Omit<RegTokenClaims, 'id'>): Promise<string> {
  const payload: Payload = { k: claims.apiKey, i: toBase64Url(randomBytes(12)), t: claims.issuedAt }
  if (claims.lite) payload.l = 1
  if (claims.UID !== undefined) payload.u = claims.UID
  if (claims.step !== undefined) payload.s = claims.step
  if (claims.newUser === true) payload.n = 1
  const body = `${claims.lite ? 'RT1_LTE_' : 'RT1_'}${toBase64Url(utf8(JSON.stringify(payload)))}`
  return `${body}.${toBase64Url(await hmac(key, body))}`
}

/**
 * Checks signature, site and lifetime: an unknown, tampered or foreign token is 400006 `Invalid
 * regToken`, an expired one 403002 `regToken expired`. Whether it was used up is the caller's check.
 */
export async function readRegToken(key: string, token: string, apiKey: string, now: number): Promise<RegTokenClaims> {
  if (token.length > MAX_TOKEN_LENGTH) throw invalidRegToken()
  const match = /^(RT1_(?:LTE_)?)([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token)
  const signature = match?.[3] === undefined ? undefined : fromBase64Url(match[3])
  if (!match || signature === undefined) throw invalidRegToken()
  const body = `${match[1]}${match[2]}`
  if (!(await verifyHmac(key, body, signature))) throw invalidRegToken()
  let payload: Payload
  try {
    payload = JSON.parse(new TextDecoder().decode(fromBase64Url(match[2] as string))) as Payload
  } catch {
    throw invalidRegToken()
  }
  const lite = payload.l === 1
  if (payload.k !== apiKey || lite !== (match[1] === 'RT1_LTE_')) throw invalidRegToken()
  if (now - payload.t > REG_TOKEN_LIFETIME_MS) throw expired('regToken')
  return {
    apiKey: payload.k,
    id: payload.i,
    issuedAt: payload.t,
    lite,
    ...(payload.u === undefined ? {} : { UID: payload.u }),
    ...(payload.s !== undefined && STEPS.includes(payload.s) ? { step: payload.s } : {}),
    ...(payload.n === 1 ? { newUser: true } : {}),
  }
}
