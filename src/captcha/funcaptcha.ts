import { loadScript } from './loadScript'
import type { WidgetCaptchaProvider } from './types'

export interface FuncaptchaOptions {
  /** The public key from Arkose Labs' portal (the site key SAP's Console has for FunCaptcha). */
  publicKey: string
  /**
   * The page's CSP nonce: set on the `<script>` for `script-src`, and as `data-nonce` for the inline
   * styles Arkose's challenge adds (`style-src`).
   */
  nonce?: string
  /** The full script URL, for a company or vanity subdomain. Default `https://client-api.arkoselabs.com/v2/<publicKey>/api.js`. */
  scriptUrl?: string
}

/** What Arkose passes to its callbacks; `token` is what SAP verifies. */
interface ArkoseResponse {
  token?: string
  error?: unknown
}

/** The enforcement object Arkose's v2 script hands to its `data-callback`. */
interface Enforcement {
  setConfig(config: Record<string, unknown>): void
  reset(): void
}

/** The element each enforcement now shows its challenge in: the latest widget's. */
const owners = new WeakMap<Enforcement, HTMLElement>()
let renders = 0

/**
 * Arkose Labs FunCaptcha behind SAP's `captchaToken` + `captchaType: 'FunCaptcha'`, as an inline challenge
 * in the screen-set's container (Arkose's v2 client API, its script loaded on first render, once per page).
 *
 * Arkose's script gives the page one enforcement object per public key, so one FunCaptcha per key shows at
 * a time: a widget rendered while another of its key is mounted takes the challenge over, and the earlier
 * one hears nothing more.
 */
export function funcaptcha(options: FuncaptchaOptions): WidgetCaptchaProvider {
  const src =
    options.scriptUrl ?? `https://client-api.arkoselabs.com/v2/${encodeURIComponent(options.publicKey)}/api.js`
  return {
    family: 'widget',
    type: 'FunCaptcha',
    mode: 'checkbox',
    async render(container, { onToken, onError, lang }) {
      const number = ++renders
      // Unique per call: a page may load two public keys' scripts, each calling its own callback. A call
      // whose script is already loaded never uses its name.
      const readyCallback = `__screensetsArkoseReady${number}`
      let enforcement: Enforcement
      try {
        enforcement = (await loadScript({
          src,
          nonce: options.nonce,
          attributes: { 'data-callback': readyCallback, ...(options.nonce && { 'data-nonce': options.nonce }) },
          readyCallback,
        })) as Enforcement
      } catch (error) {
        onError(error as Error)
        throw error
      }
      // Arkose finds its place by selector, so the element needs an id that is unique on the page.
      const element = document.createElement('div')
      element.id = `screensets-funcaptcha-${number}`
      container.append(element)
      let destroyed = false
      const report = (message: string) => (response?: ArkoseResponse) => {
        if (!destroyed) onError(new Error(response?.error ? `${message}: ${JSON.stringify(response.error)}` : message))
      }
      // Inline mode starts the challenge by itself, after setConfig and after every reset: no run().
      enforcement.setConfig({
        selector: `#${element.id}`,
        mode: 'inline',
        language: lang,
        onCompleted: (response: ArkoseResponse) => {
          if (!destroyed && response.token) onToken(response.token)
        },
        onFailed: report('FunCaptcha was not solved (too many wrong answers)'),
        onError: report('FunCaptcha could not run'),
      })
      // An enforcement that already shows a challenge elsewhere starts a new one here.
      if (owners.has(enforcement)) enforcement.reset()
      owners.set(enforcement, element)
      return {
        reset() {
          if (!destroyed && owners.get(enforcement) === element) enforcement.reset()
        },
        destroy() {
          destroyed = true
          element.remove()
        },
      }
    },
  }
}
