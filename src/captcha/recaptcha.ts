import { loadScript } from './loadScript'
import type { CaptchaRenderOptions, CaptchaType, CaptchaWidget, WidgetCaptchaProvider } from './types'

/** What every kind takes. */
export interface RecaptchaCommonOptions {
  /** The site key from Google's console (the one SAP's Console has for the site). */
  siteKey: string
  /** The page's CSP nonce, set on the `<script>`; Google's loader passes it on to the scripts it adds. */
  nonce?: string
  /**
   * Where to load Google's script from, without parameters: `https://www.recaptcha.net/recaptcha/api.js`
   * where google.com is blocked (China). Default: `https://www.google.com/recaptcha/api.js`, or
   * `…/enterprise.js` for Enterprise keys.
   */
  scriptUrl?: string
}

/** A widget the user sees: the "I'm not a robot" checkbox, or the invisible kind's badge. */
export interface RecaptchaWidgetOptions extends RecaptchaCommonOptions {
  /** `checkbox`: reCAPTCHA v2; `invisible`: invisible reCAPTCHA, run on submit (it may show a challenge). */
  kind: 'checkbox' | 'invisible'
  /** The site key is a reCAPTCHA Enterprise checkbox or invisible key: loads enterprise.js. */
  enterprise?: boolean
  /** Where the invisible kind's badge sits; `inline` keeps it in the screen-set's container. Default `bottomright`. */
  badge?: 'bottomright' | 'bottomleft' | 'inline'
}

/** A score: nothing to solve, a token per submit. */
export interface RecaptchaScoreOptions extends RecaptchaCommonOptions {
  /** `v3`: reCAPTCHA v3; `enterprise`: a reCAPTCHA Enterprise score key. */
  kind: 'v3' | 'enterprise'
  /** The action each token is bound to, shown in Google's console (letters, digits, `/`, `_`). Default `submit`. */
  action?: string
}

export type RecaptchaOptions = RecaptchaWidgetOptions | RecaptchaScoreOptions

/** The part of Google's `grecaptcha` (and `grecaptcha.enterprise`) the adapter calls. */
interface Grecaptcha {
  render(container: HTMLElement, parameters: Record<string, unknown>): number
  reset(widgetId: number): void
  execute(widgetId: number): void
  execute(siteKey: string, options: { action: string }): Promise<string>
  ready(callback: () => void): void
  enterprise?: Grecaptcha
}

const TYPES = {
  checkbox: ['reCaptchaV2', 'checkbox'],
  invisible: ['invisible', 'invisible'],
  v3: ['reCaptchaV3', 'score'],
  enterprise: ['reCaptchaEnterpriseScore', 'score'],
} as const satisfies Record<RecaptchaOptions['kind'], readonly [CaptchaType, WidgetCaptchaProvider['mode']]>

const isScore = (options: RecaptchaOptions): options is RecaptchaScoreOptions =>
  options.kind === 'v3' || options.kind === 'enterprise'

/** Google's language codes differ from ours for Hebrew and spell the region in capitals (`zh-CN`). */
const googleLanguage = (lang: string) =>
  lang === 'he' ? 'iw' : lang.replace(/-(\w+)$/, (_, region: string) => `-${region.toUpperCase()}`)

/**
 * Google reCAPTCHA behind SAP's `captchaToken` + `captchaType`: v2 checkbox, invisible, v3 and Enterprise
 * score, with Google's own script loaded on first render, once per page.
 *
 * The script's `hl` parameter sets the language of every reCAPTCHA on the page, so the first widget
 * rendered decides it; a later widget in another language shows Google's texts in the first one's.
 */
export function recaptcha(options: RecaptchaOptions): WidgetCaptchaProvider {
  const [type, mode] = TYPES[options.kind]
  const score = isScore(options)
  const enterprise = options.kind === 'enterprise' || ('enterprise' in options && options.enterprise === true)

  async function load(lang: string): Promise<Grecaptcha> {
    const url = new URL(
      options.scriptUrl ?? `https://www.google.com/recaptcha/${enterprise ? 'enterprise' : 'api'}.js`,
      location.href,
    )
    const readyCallback = score ? undefined : `__screensetsRecaptcha${enterprise ? 'Enterprise' : ''}Ready`
    url.searchParams.set('render', score ? options.siteKey : 'explicit')
    if (readyCallback) url.searchParams.set('onload', readyCallback)
    // One copy per page whatever the language: a second would replace `grecaptcha` under live widgets.
    const key = url.href
    url.searchParams.set('hl', googleLanguage(lang))
    await loadScript({ src: url.href, nonce: options.nonce, readyCallback }, key)
    const global = Reflect.get(window, 'grecaptcha') as Grecaptcha | undefined
    const api = enterprise ? global?.enterprise : global
    if (!api) throw new Error(`${url.href} loaded but defined no grecaptcha${enterprise ? '.enterprise' : ''}`)
    if (score) await new Promise<void>((resolve) => api.ready(resolve))
    return api
  }

  return {
    family: 'widget',
    type,
    mode,
    async render(container, renderOptions) {
      const api = await load(renderOptions.lang).catch((reason: unknown) => fail(reason, renderOptions))
      return isScore(options)
        ? scoreWidget(api, options.siteKey, options.action ?? 'submit', renderOptions)
        : checkboxWidget(api, container, options, renderOptions)
    },
  }
}

/** Reports a failure to the screen-set and rejects with it: one Error, whichever way it is handled. */
function fail(reason: unknown, options: CaptchaRenderOptions): never {
  const error = reason instanceof Error ? reason : new Error(`reCAPTCHA failed: ${String(reason)}`)
  options.onError(error)
  throw error
}

function scoreWidget(api: Grecaptcha, siteKey: string, action: string, options: CaptchaRenderOptions): CaptchaWidget {
  return {
    // Every execute() is a fresh token: nothing to reset, and Google's badge is not in the container.
    reset() {},
    destroy() {},
    execute: () => api.execute(siteKey, { action }).catch((reason: unknown) => fail(reason, options)),
  }
}

interface Deferred {
  promise: Promise<string>
  resolve: (token: string) => void
  reject: (error: Error) => void
}

function deferred(): Deferred {
  let resolve: Deferred['resolve'] = () => {}
  let reject: Deferred['reject'] = () => {}
  const promise = new Promise<string>((onResolve, onReject) => {
    resolve = onResolve
    reject = onReject
  })
  return { promise, resolve, reject }
}

function checkboxWidget(
  api: Grecaptcha,
  container: HTMLElement,
  { siteKey, kind, badge }: RecaptchaWidgetOptions,
  options: CaptchaRenderOptions,
): CaptchaWidget {
  // Google refuses a second render into the same element, so each widget gets an element of its own
  // (React's strict mode mounts twice into one container).
  const element = document.createElement('div')
  container.append(element)
  let destroyed = false
  /** The invisible kind's execute() waiting for Google's callback. */
  let pending: Deferred | undefined
  const settle = (outcome: (p: Deferred) => void) => {
    if (pending) outcome(pending)
    pending = undefined
  }
  let id: number
  try {
    id = api.render(element, {
      sitekey: siteKey,
      theme: options.theme,
      size: kind === 'invisible' ? 'invisible' : 'normal',
      ...(badge && { badge }),
      callback: (token: string) => {
        if (destroyed) return
        if (kind === 'invisible') settle((p) => p.resolve(token))
        else options.onToken(token)
      },
      'expired-callback': () => {
        if (!destroyed) options.onExpire()
      },
      'error-callback': () => {
        if (destroyed) return
        const error = new Error('reCAPTCHA could not run (network error, or the site key does not allow this domain)')
        settle((p) => p.reject(error))
        options.onError(error)
      },
    })
  } catch (reason) {
    element.remove()
    fail(reason, options)
  }
  return {
    reset() {
      if (!destroyed) api.reset(id)
    },
    destroy() {
      destroyed = true
      element.remove()
      settle((p) => p.reject(new Error('The CAPTCHA was removed before it was solved')))
    },
    ...(kind === 'invisible' && {
      // Google has no "challenge closed" callback: a user who closes the challenge and submits again
      // reopens it, and both calls get the one token it then gives.
      execute() {
        if (destroyed) return Promise.reject(new Error('The CAPTCHA was removed'))
        pending ??= deferred()
        api.execute(id)
        return pending.promise
      },
    }),
  }
}
