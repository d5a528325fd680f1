/**
 * The emulator's CAPTCHA (FLOWS.md §9): its own text challenge served by `accounts.getCaptcha`, and
 * the one check every call that takes a CAPTCHA (register, login) runs.
 */
import type { CallContext, Handler } from './context'
import { fromBase64Url, randomBytes, timingSafeEqual, toBase64Url, utf8 } from './crypto'
import { captchaDataUrl, randomWord, renderCaptchaSvg } from './captchaImage'
import { invalidValue, needsServerCredentials } from './errors'

/** A challenge is answered within 10 minutes, once. */
export const CAPTCHA_LIFETIME_MS = 10 * 60 * 1000
const TOKEN_PREFIX = 'cpt1_'
const MAX_TOKEN_LENGTH = 1024
const IV_LENGTH = 12

/** The provider names SAP takes as `captchaType` (REST: `captchaProvider`). */
export const CAPTCHA_PROVIDERS: ReadonlySet<string> = new Set([
  'reCaptchaV2',
  'invisible',
  'reCaptchaV3',
  'reCaptchaEnterpriseScore',
  'FunCaptcha',
])

interface Challenge {
  /** Recorded as `captcha:<id>` in the store once the challenge has been tried. */
  id: string
  answer: string
  apiKey: string
  issuedAt: number
}

/** AES-GCM under a key of its own (HKDF from the token key), so no regToken key use overlaps it. */
async function challengeKey(tokenKey: string): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle
  const base = await subtle.importKey('raw', utf8(tokenKey), 'HKDF', false, ['deriveKey'])
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8('react-screensets captcha v1') },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

/**
 * `cpt1_<base64url(iv ‖ AES-GCM(challenge))>`: stateless, and the answer travels encrypted, so the
 * page holds the token without holding the answer. Any change to it fails authentication.
 */
async function sealChallenge(tokenKey: string, challenge: Challenge): Promise<string> {
  const iv = randomBytes(IV_LENGTH)
  const sealed = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: new Uint8Array(iv) },
    await challengeKey(tokenKey),
    utf8(JSON.stringify(challenge)),
  )
  const bytes = new Uint8Array(IV_LENGTH + sealed.byteLength)
  bytes.set(iv)
  bytes.set(new Uint8Array(sealed), IV_LENGTH)
  return TOKEN_PREFIX + toBase64Url(bytes)
}

/** The challenge a genuine token of this site carries; undefined for anything else. */
async function openChallenge(context: CallContext, token: string): Promise<Challenge | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > MAX_TOKEN_LENGTH) return undefined
  const bytes = fromBase64Url(token.slice(TOKEN_PREFIX.length))
  if (bytes === undefined || bytes.length <= IV_LENGTH) return undefined
  let challenge: Partial<Challenge>
  try {
    const plain = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, IV_LENGTH) },
      await challengeKey(context.env.tokenKey),
      bytes.slice(IV_LENGTH),
    )
    challenge = JSON.parse(new TextDecoder().decode(plain)) as Partial<Challenge>
  } catch {
    return undefined
  }
  const { id, answer, apiKey, issuedAt } = challenge
  if (typeof id !== 'string' || typeof answer !== 'string' || typeof issuedAt !== 'number') return undefined
  return apiKey === context.site.apiKey ? { id, answer, apiKey, issuedAt } : undefined
}

/** Typed text against the word: surrounding spaces and letter case do not count. */
const normalize = (text: string) => text.trim().toUpperCase()

/**
 * A text challenge is used up by its first try, right or wrong (or without any text), so that a
 * failed submit always needs a fresh image and a word cannot be guessed against one image.
 */
async function checkTextChallenge(context: CallContext, token: string): Promise<boolean> {
  const challenge = await openChallenge(context, token)
  if (!challenge || context.now - challenge.issuedAt > CAPTCHA_LIFETIME_MS) return false
  if (!(await context.env.store.useToken(`captcha:${challenge.id}`, context.now))) return false
  const typed = context.params.string('captchaText')
  return typed !== undefined && timingSafeEqual(normalize(typed), challenge.answer)
}

export type CaptchaVerdict = 'passed' | 'missing' | 'failed'

/**
 * Judges the CAPTCHA a call carries:
 * - the site's `captchaTestToken` passes, with or without `captchaText` (the switch automated tests use);
 * - a provider `captchaType` (or `captchaProvider`) with its token is judged by `env.verifyCaptcha`;
 * - otherwise the token must be one of our text challenges, unexpired, untried, with its word typed.
 */
export async function verifyCaptcha(context: CallContext): Promise<CaptchaVerdict> {
  const { params, site, env } = context
  const token = params.string('captchaToken')
  if (token === undefined) return 'missing'
  if (site.captchaTestToken !== undefined && timingSafeEqual(token, site.captchaTestToken)) return 'passed'
  const provider = params.string('captchaType') ?? params.string('captchaProvider')
  if (provider !== undefined) {
    return CAPTCHA_PROVIDERS.has(provider) && (await env.verifyCaptcha(token, site, provider)) ? 'passed' : 'failed'
  }
  return (await checkTextChallenge(context, token)) ? 'passed' : 'failed'
}

/** `accounts.getCaptcha`: a new challenge; earlier ones stay valid until used or expired. */
export const getCaptcha: Handler = async (context) => {
  const answer = randomWord()
  const captchaToken = await sealChallenge(context.env.tokenKey, {
    id: toBase64Url(randomBytes(12)),
    answer,
    apiKey: context.site.apiKey,
    issuedAt: context.now,
  })
  return { errorCode: 0, captchaToken, captchaImage: captchaDataUrl(renderCaptchaSvg(answer)) }
}

/** Development inspection: the word of a challenge, so browser tests can solve it without OCR. */
export const getCaptchaAnswer: Handler = async (context) => {
  if (!context.serverAuthorized) throw needsServerCredentials('emulator.getCaptchaAnswer')
  const challenge = await openChallenge(context, context.params.required('captchaToken'))
  if (!challenge) throw invalidValue('captchaToken')
  return { errorCode: 0, captchaText: challenge.answer }
}
