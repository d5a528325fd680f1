import type { Body } from './envelope'
import type { Messages } from './messages'
import type { Params } from './params'
import type { SiteConfig, Store } from './types'

/**
 * Decides whether a provider's CAPTCHA token (`captchaType` / `captchaProvider` given) is genuine. The
 * emulator cannot ask Google or Arkose, so its default passes every non-empty token: return false to
 * play a failed verification.
 */
export type CaptchaVerifier = (
  token: string,
  site: SiteConfig,
  captchaType: string | undefined,
) => boolean | Promise<boolean>

/** What handlers share for the emulator's lifetime. */
export interface EmulatorEnv {
  store: Store
  /** Key material of regTokens and CAPTCHA challenges, kept in the store so both survive a restart. */
  tokenKey: string
  now: () => number
  verifyCaptcha: CaptchaVerifier
  passwordHashIterations: number
  warn: (message: string) => void
}

/** One call, as a handler sees it. */
export interface CallContext {
  env: EmulatorEnv
  site: SiteConfig
  params: Params
  /** The time of the call (epoch milliseconds), read once. */
  now: number
  messages: Messages
  /** Whether the call carried the site's `userKey` + `secret`. */
  serverAuthorized: boolean
  /** The page the call came from (`EmulatorRequest.referer`), for links back to it. */
  referer?: string
}

export type Handler = (context: CallContext) => Promise<Body>
