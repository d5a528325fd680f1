import { AccountsError } from '../accounts'
import type { AccountsMethod, ValidationError } from '../accounts'
import { classifyCallError } from './callErrors'
import type { ErrorOutcome, FieldMessage, FormMessage } from './errorOutcome'
import { interruptedUID, unverifiedEmails } from './interruption'
import { parseMissingFields } from './parseMissingFields'
import { toBindingName } from './toBindingName'

export type { ErrorOutcome, FieldMessage, FormMessage } from './errorOutcome'
export { parseMissingFields } from './parseMissingFields'
export { toBindingName } from './toBindingName'

const LOGIN_ID_FIELDS: ReadonlySet<string> = new Set(['email', 'username'])

/** The answers that are about the CAPTCHA, and what its control says for each (it gets a fresh challenge). */
export const CAPTCHA_ERRORS: Readonly<Record<number, string>> = {
  [400021 /* CAPTCHA_VERIFICATION_FAILED */]: 'register_captcha_error',
  [401020 /* LOGIN_CAPTCHA_REQUIRED */]: 'captcha_required',
  [401021 /* LOGIN_WRONG_CAPTCHA */]: 'login_captcha_error',
}

function fieldMessageId(error: ValidationError, name: string): string {
  if (name === 'captcha') return 'register_captcha_error'
  switch (error.errorCode) {
    case 400003 /* UNIQUE_IDENTIFIER_EXISTS */:
      return name === 'username' ? 'username_already_exists' : 'email_already_exists'
    case 400027 /* MISSING_REQUIRED_VALUE */:
      return 'this_field_is_required'
    case 400026 /* INVALID_FORMAT */:
      return name === 'email' || name.endsWith('.email') ? 'email_address_is_invalid' : 'invalid_fieldname'
    case 400009 /* VALIDATION_ERROR */:
      return name === 'password' || name === 'newPassword'
        ? 'password_does_not_meet_complexity_requirements'
        : 'invalid_fieldname'
    default:
      return 'invalid_fieldname'
  }
}

function formMessageFor(error: AccountsError): FormMessage {
  const base = { errorCode: error.errorCode, retryable: error.isRetryable }
  if (error.isNetworkError) return { ...base, messageId: 'network_error' }
  if (error.isTimeout) return { ...base, messageId: 'request_timeout' }
  if (error.isRateLimited) return { ...base, messageId: 'rate_limit_exceeded' }
  switch (error.errorCode) {
    case 400093 /* INVALID_API_KEY */:
      return { ...base, messageId: 'configuration_error' }
    case 400021 /* CAPTCHA_VERIFICATION_FAILED */:
      return { ...base, messageId: 'register_captcha_error', fallback: error.errorMessage }
    case 403044 /* UNDER_AGE */:
      return { ...base, messageId: 'under_age' }
    case 403042 /* INVALID_LOGIN_ID_OR_PASSWORD */:
      return { ...base, messageId: 'invalid_login_or_password' }
    case 403005 /* UNAUTHORIZED_USER */:
    case 403007 /* PERMISSION_DENIED */:
      return { ...base, messageId: 'forbidden_error' }
    default:
      // A code we have no message for: the server's own words, or a general one.
      return {
        ...base,
        messageId: error.errorCode >= 500000 ? 'general_error' : `error_${error.errorCode}`,
        fallback: error.errorDetails ?? error.errorMessage,
      }
  }
}

/**
 * Decides what a failed call means for the screen: per-field messages (names the form renders),
 * a form-level message (everything else), or a move to another screen. Pure: the caller applies it.
 * `renderedNames` in the form's order puts the field messages in that order, whatever the server's.
 * `method`, the call that failed, decides the codes that mean one thing per call (a 403002 is an
 * expired code on `otp.update`, not a refused regToken; a 403042 on a password change is the
 * current password, not the login).
 */
export function classifyError(
  error: unknown,
  renderedNames: ReadonlySet<string>,
  method?: AccountsMethod,
): ErrorOutcome {
  if (!(error instanceof AccountsError)) {
    return {
      kind: 'form',
      form: { messageId: 'general_error', errorCode: 500001 /* GENERAL_SERVER_ERROR */, retryable: true },
    }
  }
  const ownMessage = classifyCallError(error, renderedNames, method)
  if (ownMessage) return ownMessage
  if (error.isRegTokenInvalid) return { kind: 'token-rejected' }
  if (error.isPendingRegistration) {
    return { kind: 'pending-registration', regToken: error.regToken, missing: parseMissingFields(error.errorDetails) }
  }
  if (error.isPendingVerification) {
    return {
      kind: 'pending-verification',
      regToken: error.regToken,
      UID: interruptedUID(error),
      emails: unverifiedEmails(error),
    }
  }
  if (error.isLoginIdentifierConflict) {
    const name = renderedNames.has('email') ? 'email' : renderedNames.has('loginID') ? 'loginID' : 'email'
    return {
      kind: 'identity-conflict',
      regToken: error.regToken,
      field: { name, messageId: 'login_identifier_exists', fallback: error.errorMessage, errorCode: error.errorCode },
    }
  }
  const captcha = CAPTCHA_ERRORS[error.errorCode]
  if (captcha && renderedNames.has('captcha')) {
    return {
      kind: 'fields',
      fields: [{ name: 'captcha', messageId: captcha, fallback: error.errorMessage, errorCode: error.errorCode }],
    }
  }

  const byName = new Map<string, FieldMessage>()
  const leftovers: string[] = []
  for (const validationError of error.fieldErrors()) {
    const name = toBindingName(validationError.fieldName)
    if (renderedNames.has(name)) {
      byName.set(name, {
        name,
        messageId: fieldMessageId(validationError, name),
        fallback: validationError.message,
        errorCode: validationError.errorCode,
      })
    } else {
      leftovers.push(validationError.message || validationError.fieldName)
    }
  }
  // The server promises no order (REFERENCE.md §2): focus goes to the first invalid field of the form.
  const fields = [...renderedNames].flatMap((name) => byName.get(name) ?? [])
  if (fields.length === 0 && leftovers.length === 0) return { kind: 'form', form: formMessageFor(error) }
  const form: FormMessage | undefined =
    leftovers.length > 0
      ? {
          messageId: `error_${error.errorCode}`,
          fallback: leftovers.join('. '),
          errorCode: error.errorCode,
          retryable: false,
        }
      : undefined
  if (fields.length === 0) return { kind: 'form', form: form as FormMessage }
  const taken = new Set(error.takenLoginIDs())
  const takenLoginID = fields.find((field) => LOGIN_ID_FIELDS.has(field.name) && taken.has(field.name))?.name
  return {
    kind: 'fields',
    fields,
    ...(form ? { form } : {}),
    ...(takenLoginID === undefined ? {} : { takenLoginID }),
  }
}
