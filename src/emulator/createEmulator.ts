import * as captcha from './captcha'
import type { CaptchaVerifier, EmulatorEnv, Handler } from './context'
import { randomBytes, timingSafeEqual, toBase64Url } from './crypto'
import { DEFAULT_SITE } from './defaultSite'
import { ApiFailure, fail, type Body } from './envelope'
import { invalidApiKey, notSupported, rateLimited } from './errors'
import { finalizeRegistration } from './finalizeRegistrationCall'
import { getAccountInfo } from './getAccountInfoCall'
import { initRegistration } from './initRegistrationCall'
import { logout } from './logoutCall'
import { createMemoryStore } from './memoryStore'
import { messagesFor } from './messages'
import { Params } from './params'
import { isAvailableLoginID, login } from './loginCalls'
import * as otp from './otpCalls'
import { resetPassword } from './passwordReset'
import * as progression from './progressionCalls'
import { register } from './registerCall'
import { setAccountInfo } from './setAccountInfoCall'
import * as siteCalls from './siteCalls'
import { normalizeSiteConfig } from './siteConfig'
import { getAuthenticatorCode } from './tfa/authenticatorCodeCall'
import * as tfaEmail from './tfa/emailCalls'
import { finalizeTFA } from './tfa/finalizeTfaCall'
import { getProviders, initTFA } from './tfa/providerCalls'
import * as totp from './tfa/totpCalls'
import type { SiteConfig, Store } from './types'
import { resendVerificationCode } from './verificationCalls'

/** One call as the emulator receives it: wire parameters, all strings (objects as JSON). */
export interface EmulatorRequest {
  method: string
  params: Readonly<Record<string, string>>
  /** The caller's address, for the per-address rate limit. */
  clientAddress?: string
  /**
   * The page the call came from (over HTTP, the `Referer`, else the `Origin`; in a browser,
   * `location.href`): the password reset link points there when the site sets no `resetURL`.
   */
  referer?: string
}

export interface RateLimit {
  /** Calls allowed per address and site within one window. */
  max: number
  windowMs: number
}

export interface EmulatorOptions {
  /** Where state lives; a fresh memory store by default. */
  store?: Store
  /** Sites to serve (site-file format), written over any stored site of the same apiKey. Default: `DEFAULT_SITE`. */
  sites?: readonly unknown[]
  /** The clock, epoch milliseconds (tests move it to expire tokens). */
  now?: () => number
  /**
   * Judges provider CAPTCHA tokens (a call naming its provider in `captchaType` or `captchaProvider`);
   * by default every non-empty one passes, so return false to play a failed verification. Text
   * challenges of `accounts.getCaptcha` and the site's `captchaTestToken` are judged by the emulator
   * itself, whatever this answers.
   */
  verifyCaptcha?: CaptchaVerifier
  /** PBKDF2-SHA256 iterations for password and answer hashes (default 100 000). */
  passwordHashIterations?: number
  /** Per-address limit (default 600 calls a minute); false turns it off (benchmarks). */
  rateLimit?: RateLimit | false
  /** Development notes (an untranslatable regex); `console.warn` by default. */
  warn?: (message: string) => void
}

export interface Emulator {
  /** Answers one call with a response body (the envelope fields are completed by the caller). */
  handle(request: EmulatorRequest): Promise<Body>
  readonly store: Store
  /** Adds or replaces a site (site-file format); returns it with SAP's defaults filled in. */
  putSite(site: unknown): Promise<SiteConfig>
}

const calls: Readonly<Record<string, Handler>> = {
  'accounts.initRegistration': initRegistration,
  'accounts.register': register,
  'accounts.finalizeRegistration': finalizeRegistration,
  'accounts.setAccountInfo': setAccountInfo,
  'accounts.login': login,
  'accounts.isAvailableLoginID': isAvailableLoginID,
  'accounts.resendVerificationCode': resendVerificationCode,
  'accounts.resetPassword': resetPassword,
  'accounts.otp.sendCode': otp.sendCode,
  'accounts.otp.update': otp.update,
  'accounts.getLiteToken': progression.getLiteToken,
  'accounts.initProgression': progression.initProgression,
  'accounts.getCaptcha': captcha.getCaptcha,
  'accounts.getSchema': siteCalls.getSchema,
  'accounts.setSchema': siteCalls.setSchema,
  'accounts.getPolicies': siteCalls.getPolicies,
  'accounts.setPolicies': siteCalls.setPolicies,
  'accounts.getAccountInfo': getAccountInfo,
  'accounts.logout': logout,
  'accounts.tfa.getProviders': getProviders,
  'accounts.tfa.initTFA': initTFA,
  'accounts.tfa.email.getEmails': tfaEmail.getEmails,
  'accounts.tfa.email.sendVerificationCode': tfaEmail.sendVerificationCode,
  'accounts.tfa.email.completeVerification': tfaEmail.completeVerification,
  'accounts.tfa.totp.register': totp.register,
  'accounts.tfa.totp.verify': totp.verify,
  'accounts.tfa.finalizeTFA': finalizeTFA,
  'emulator.listAccounts': siteCalls.listAccounts,
  'emulator.getOutbox': siteCalls.getOutbox,
  'emulator.confirmEmail': siteCalls.confirmEmail,
  'emulator.getCaptchaAnswer': captcha.getCaptchaAnswer,
  'emulator.getAuthenticatorCode': getAuthenticatorCode,
}

/** The methods the emulator answers. */
export const EMULATED_METHODS: readonly string[] = Object.keys(calls)

const acceptProviderTokens: CaptchaVerifier = () => true

/** Fixed windows per key; old windows are dropped as the map grows. */
function createRateLimiter(limit: RateLimit | false) {
  const windows = new Map<string, { start: number; count: number }>()
  return (key: string, now: number): boolean => {
    if (limit === false) return true
    let window = windows.get(key)
    if (!window || now - window.start >= limit.windowMs) {
      if (windows.size > 10_000) {
        for (const [oldKey, old] of windows) if (now - old.start >= limit.windowMs) windows.delete(oldKey)
      }
      window = { start: now, count: 0 }
      windows.set(key, window)
    }
    window.count += 1
    return window.count <= limit.max
  }
}

/**
 * A local, Gigya-compatible Accounts API: pure request handlers over a `Store`. It re-implements the
 * server's rules from the API reference on its own (it never asks the client library's schema code),
 * so tests that run the client against it check the client for real.
 */
export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const store = options.store ?? createMemoryStore()
  const warned = new Set<string>()
  const warnSink = options.warn ?? ((message: string) => console.warn(`[react-screensets emulator] ${message}`))
  const env: EmulatorEnv = {
    store,
    tokenKey: await store.getOrSetMeta('regTokenKey', toBase64Url(randomBytes(32))),
    now: options.now ?? Date.now,
    verifyCaptcha: options.verifyCaptcha ?? acceptProviderTokens,
    passwordHashIterations: options.passwordHashIterations ?? 100_000,
    warn: (message) => {
      if (warned.has(message)) return
      warned.add(message)
      warnSink(message)
    },
  }
  const allow = createRateLimiter(options.rateLimit ?? { max: 600, windowMs: 60_000 })

  async function putSite(raw: unknown): Promise<SiteConfig> {
    const site = normalizeSiteConfig(raw)
    await store.putSite(site)
    return site
  }
  for (const site of options.sites ?? [DEFAULT_SITE]) await putSite(site)

  async function dispatch({ method, params: raw, clientAddress = 'local', referer }: EmulatorRequest): Promise<Body> {
    const handler = Object.hasOwn(calls, method) ? calls[method] : undefined
    if (!handler) throw notSupported(`${method} is not supported by the emulator`)
    const params = new Params(raw)
    const apiKey = params.string('apiKey')
    if (apiKey === undefined) throw invalidApiKey('Missing apiKey')
    const site = await store.getSite(apiKey)
    if (!site) throw invalidApiKey('Invalid ApiKey parameter')
    const now = env.now()
    if (!allow(`${apiKey}\n${clientAddress}`, now)) throw rateLimited('Api rate limit exceeded')

    const userKey = params.string('userKey')
    const secret = params.string('secret')
    const credentialsGiven = userKey !== undefined || secret !== undefined
    const serverAuthorized =
      userKey !== undefined &&
      secret !== undefined &&
      timingSafeEqual(userKey, site.userKey) &&
      timingSafeEqual(secret, site.secret)
    if (credentialsGiven && !serverAuthorized) throw fail(403005, 'Unauthorized user', 'Invalid userKey or secret')

    const lang = params.string('lang') ?? String(site.policies.accountOptions?.defaultLanguage ?? 'en')
    return handler({
      env,
      site,
      params,
      now,
      messages: messagesFor(lang),
      serverAuthorized,
      ...(referer === undefined ? {} : { referer }),
    })
  }

  return {
    store,
    putSite,
    async handle(request) {
      try {
        return await dispatch(request)
      } catch (error) {
        if (error instanceof ApiFailure) return error.body
        throw error
      }
    },
  }
}
