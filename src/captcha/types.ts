/**
 * CAPTCHA providers, framework-free (FLOWS.md §9). A screen-set asks its provider for a solution and
 * sends it with `register`, `login` or `resetPassword`; the provider decides how the user gets one.
 *
 * Two families:
 * - **widget** providers (Google reCAPTCHA v2 / invisible / v3 / Enterprise score, Arkose FunCaptcha)
 *   mount the vendor's widget in a container the screen-set gives them and produce a response token,
 *   sent as `captchaToken` + `captchaType`;
 * - the **text** provider (SAP's legacy image + typed word, served by the emulator as
 *   `accounts.getCaptcha`) hands the screen-set an image challenge; the user types the word into the
 *   form's own `captchaText` input, sent as `captchaToken` (the challenge id) + `captchaText`.
 */

/** The provider names SAP's API takes as `captchaType` (REST docs: `captchaProvider`). */
export type CaptchaType = 'reCaptchaV2' | 'invisible' | 'reCaptchaV3' | 'reCaptchaEnterpriseScore' | 'FunCaptcha'

/** What a solved challenge adds to the call. */
export interface CaptchaSolution {
  captchaToken: string
  /** The provider that produced `captchaToken`; absent for a text CAPTCHA. */
  captchaType?: CaptchaType
  /** What the user typed, for a text CAPTCHA. */
  captchaText?: string
}

export interface CaptchaRenderOptions {
  /** A checkbox widget was solved: the token to send with the next submit. */
  onToken: (token: string) => void
  /** The token given to `onToken` expired unused (reCAPTCHA: after 2 minutes): the user must solve again. */
  onExpire: () => void
  /** The widget could not load or run (script blocked, network, invalid site key). */
  onError: (error: Error) => void
  /** The screen-set's language (`de`, `zh-cn`, …), for the widget's own texts. */
  lang: string
  theme: 'light' | 'dark'
}

/** One mounted widget: a screen-set owns it from `render` until `destroy`. */
export interface CaptchaWidget {
  /** A fresh challenge: after every failed submit, and on expiry. */
  reset(): void
  /**
   * Invisible and score kinds: runs the challenge on submit and resolves with the token. A vendor failure
   * rejects it and goes to `onError` too, as the same Error.
   */
  execute?(): Promise<string>
  /** Removes the widget from its container. */
  destroy(): void
}

/** A vendor's CAPTCHA behind SAP's `captchaToken` + `captchaType`. */
export interface WidgetCaptchaProvider {
  readonly family: 'widget'
  readonly type: CaptchaType
  /**
   * `checkbox`: the user solves a visible widget before submitting (reCAPTCHA v2, FunCaptcha);
   * `invisible`: `execute()` on submit, which may show a challenge (invisible reCAPTCHA);
   * `score`: `execute()` on submit, nothing shown (reCAPTCHA v3, Enterprise score).
   */
  readonly mode: 'checkbox' | 'invisible' | 'score'
  /**
   * Loads the vendor's script (once per page) and mounts a widget in `container`. When it cannot (script
   * blocked, offline), it rejects and calls `onError` with the same Error, so a caller handles either.
   */
  render(container: HTMLElement, options: CaptchaRenderOptions): Promise<CaptchaWidget>
}

/** An image challenge and the id to send back with the typed answer. */
export interface TextCaptchaChallenge {
  captchaToken: string
  /** A `data:image/…` URL of the distorted word. */
  captchaImage: string
}

/** SAP's text CAPTCHA (an image and a typed word), as the emulator serves it. */
export interface TextCaptchaProvider {
  readonly family: 'text'
  /** A new challenge; every call invalidates nothing but gives a fresh image. */
  challenge(options?: { signal?: AbortSignal }): Promise<TextCaptchaChallenge>
}

export type CaptchaProvider = WidgetCaptchaProvider | TextCaptchaProvider
