import { useMemo, useRef, type RefObject } from 'react'
import type { FieldValues, UseFormReturn } from 'react-hook-form'
import type { AccountsClient } from '../accounts'
import { textCaptcha } from '../captcha/textCaptcha'
import type { CaptchaProvider, CaptchaSolution } from '../captcha/types'

/** What a mounted Captcha part gives its screen-set (through `useImperativeHandle`), for the submits. */
export interface CaptchaHandle {
  /**
   * The solution to send with this submit, or undefined when there is none (not solved yet, or the
   * challenge could not load): the part has then said why on its control. Called once the form's own
   * validation passed, so invisible and score kinds run their challenge here.
   */
  solve(): Promise<CaptchaSolution | undefined>
  /** A fresh challenge: called after every failed submit. */
  reset(): void
}

/** What a screen-set gives its Captcha part. */
export interface CaptchaBinding {
  provider: CaptchaProvider
  /** Where the part puts its handle (`useImperativeHandle(handle, …)`); a submit waits for nothing else. */
  handle: RefObject<CaptchaHandle | null>
  /** Shows a message on the CAPTCHA's control; without one, clears it (the user answered). */
  setMessage(message?: string): void
}

/**
 * A screen-set's side of its CAPTCHA: the provider (the screen-set's, else the `AccountsProvider`'s,
 * else SAP's text CAPTCHA), and where the part, which loads on demand, puts its handle.
 */
export function useCaptcha(
  form: UseFormReturn<FieldValues>,
  client: AccountsClient,
  provider: CaptchaProvider | undefined,
): CaptchaBinding {
  const handle = useRef<CaptchaHandle>(null)
  return useMemo(
    () => ({
      provider: provider ?? textCaptcha(client),
      handle,
      setMessage: (message) =>
        message ? form.setError('captcha', { type: 'captcha', message }) : form.clearErrors('captcha'),
    }),
    [client, form, provider],
  )
}
