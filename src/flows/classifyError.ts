import { AccountsError, ErrorCodes } from '../accounts'
import type { ValidationError } from '../accounts'

/** A message for one field: an i18n id, its server text as fallback, and the code behind it. */
export interface FieldMessage {
  name: string
  messageId: string
  fallback: string
  errorCode: number
}

/** A message for the whole form (no field to put it on). */
export interface FormMessage {
  messageId: string
  fallback?: string
  errorCode: number
  /** Sending the same thing again later may work (network, timeout, rate limit, server error). */
  retryable: boolean
}

/** What an Accounts API failure means for a screen-set. */
export type ErrorOutcome =
  | {
      kind: 'fields'
      /** One message per field, in the order of the names the caller passed (the form's order). */
      fields: FieldMessage[]
      /** The entries no field of the form can take, as one form-level message. */
      form?: FormMessage
      /** `email` or `username` when that field holds another account's login ID: offer "log in instead". */
      takenLoginID?: string
    }
  | { kind: 'form'; form: FormMessage }
  | { kind: 'pending-registration'; regToken: string | undefined; missing: string[] }
  | { kind: 'pending-verification'; regToken: string | undefined; UID: string | undefined; emails: string[] }
  /** 403043 / 409003: a social or federated identity whose email is another account's login ID (link accounts). */
  | { kind: 'identity-conflict'; regToken: string | undefined; field: FieldMessage }
  | { kind: 'token-rejected' }

const LOGIN_ID_FIELDS: ReadonlySet<string> = new Set(['email', 'username'])

/** The answers that are about the CAPTCHA, and what its control says for each (it gets a fresh challenge). */
export const CAPTCHA_ERRORS: Readonly<Record<number, string>> = {
  [ErrorCodes.CAPTCHA_VERIFICATION_FAILED]: 'register_captcha_error',
  [ErrorCodes.LOGIN_CAPTCHA_REQUIRED]: 'captcha_required',
  [ErrorCodes.LOGIN_WRONG_CAPTCHA]: 'login_captcha_error',
}

const MISSING_PREFIX = /^\s*Missing required fields(?: for registration)?\s*:\s*/i

/**
 * Server field names → our input names. The server names a consent by its schema path
 * (`preferences.terms.tos`) and a subscription by its id; inputs bind to the leaf values.
 */
export function toBindingName(fieldName: string): string {
  if (/^preferences\./.test(fieldName) && !fieldName.endsWith('.isConsentGranted'))
    return `${fieldName}.isConsentGranted`
  if (/^subscriptions\.[^.]+$/.test(fieldName)) return `${fieldName}.email.isSubscribed`
  if (/^subscriptions\.[^.]+\.email$/.test(fieldName)) return `${fieldName}.isSubscribed`
  // What the user typed for a text CAPTCHA is the answer to the CAPTCHA control.
  if (fieldName === 'captchaText') return 'captcha'
  return fieldName
}

/** The fields listed in a 206001's `errorDetails`, as input names. */
export function parseMissingFields(errorDetails: string | undefined): string[] {
  if (errorDetails === undefined || !MISSING_PREFIX.test(errorDetails)) return []
  return errorDetails
    .replace(MISSING_PREFIX, '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => /^[\w.-]+$/.test(name))
    .map(toBindingName)
}

function fieldMessageId(error: ValidationError, name: string): string {
  if (name === 'captcha') return 'register_captcha_error'
  switch (error.errorCode) {
    case ErrorCodes.UNIQUE_IDENTIFIER_EXISTS:
      return name === 'username' ? 'username_already_exists' : 'email_already_exists'
    case ErrorCodes.MISSING_REQUIRED_VALUE:
      return 'this_field_is_required'
    case ErrorCodes.INVALID_FORMAT:
      return name === 'email' || name.endsWith('.email') ? 'email_address_is_invalid' : 'invalid_fieldname'
    case ErrorCodes.VALIDATION_ERROR:
      return name === 'password' ? 'password_does_not_meet_complexity_requirements' : 'invalid_fieldname'
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
    case ErrorCodes.INVALID_API_KEY:
      return { ...base, messageId: 'configuration_error' }
    case ErrorCodes.CAPTCHA_VERIFICATION_FAILED:
      return { ...base, messageId: 'register_captcha_error', fallback: error.errorMessage }
    case ErrorCodes.UNDER_AGE:
      return { ...base, messageId: 'under_age' }
    case ErrorCodes.INVALID_LOGIN_ID_OR_PASSWORD:
      return { ...base, messageId: 'invalid_login_or_password' }
    case ErrorCodes.UNAUTHORIZED_USER:
    case ErrorCodes.PERMISSION_DENIED:
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
 */
export function classifyError(error: unknown, renderedNames: ReadonlySet<string>): ErrorOutcome {
  if (!(error instanceof AccountsError)) {
    return {
      kind: 'form',
      form: { messageId: 'general_error', errorCode: ErrorCodes.GENERAL_SERVER_ERROR, retryable: true },
    }
  }
  if (error.isRegTokenInvalid) return { kind: 'token-rejected' }
  if (error.isPendingRegistration) {
    return { kind: 'pending-registration', regToken: error.regToken, missing: parseMissingFields(error.errorDetails) }
  }
  if (error.isPendingVerification) {
    const emails = (error.response?.emails as { unverified?: unknown } | undefined)?.unverified
    return {
      kind: 'pending-verification',
      regToken: error.regToken,
      UID: typeof error.response?.UID === 'string' ? error.response.UID : undefined,
      emails: Array.isArray(emails) ? emails.filter((email): email is string => typeof email === 'string') : [],
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
