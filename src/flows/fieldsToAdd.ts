import { AccountsError } from '../accounts'
import { CAPTCHA_ERRORS } from './classifyError'
import { toBindingName } from './toBindingName'

/** Entries that refuse the field itself: an input for it would only send it again, to the same answer. */
const REFUSED_FIELD: ReadonlySet<number> = new Set([
  400020 /* SCHEMA_VALIDATION_FAILED */, 400025 /* WRITE_ACCESS_VIOLATION */,
])

/**
 * The inputs a failure has a message for that the form does not show, as binding names in the
 * server's order: the form adds them, so no message is left as a sentence the user cannot act on.
 * Whether one can be rendered at all is the schema's to say (`deriveFields`). A CAPTCHA error, or a
 * failed login flagged `captchaNeeded`, asks for the CAPTCHA (a login needs one after some failures).
 */
export function fieldsToAdd(error: unknown, shown: ReadonlySet<string>): string[] {
  if (!(error instanceof AccountsError)) return []
  const named = error
    .fieldErrors()
    .filter((entry) => !REFUSED_FIELD.has(entry.errorCode))
    .map((entry) => toBindingName(entry.fieldName))
  if (CAPTCHA_ERRORS[error.errorCode] || error.errorFlags.includes('captchaNeeded')) named.push('captcha')
  return [...new Set(named)].filter((name) => !shown.has(name))
}
