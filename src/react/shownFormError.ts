import type { FormMessage } from '../flows'
import type { Translator } from '../i18n'

/** A form-level message as shown: what it is, and its text in the screen-set's language. */
export type ShownFormError = FormMessage & { text: string }

export function showFormMessage(message: FormMessage, t: Translator): ShownFormError {
  return { ...message, text: t(message.messageId, {}, message.fallback) }
}

/** The message for a submit that validation stopped. */
export function invalidFormMessage(t: Translator): ShownFormError {
  return showFormMessage(
    { messageId: 'there_are_errors_in_your_form_please_try_again', errorCode: 400009, retryable: false },
    t,
  )
}
