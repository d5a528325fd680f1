/**
 * The Gigya error answers the emulator and its HTTP server give in more than one place, each built
 * here once so that its code, message and wording stay the same everywhere.
 */
import type { ValidationError } from '../accounts/types'
import { fail, type ApiFailure } from './envelope'
import type { Messages } from './messages'

/** 400006, for a parameter the call cannot use. */
export const invalidParameter = (details: string): ApiFailure => fail(400006, 'Invalid parameter value', details)

/** 400006 `Invalid <name>`: a value that names nothing the call may act on. */
export const invalidValue = (name: string): ApiFailure => invalidParameter(`Invalid ${name}`)

/** A regToken that is forged, foreign, of the wrong kind, used up, or for another step. */
export const invalidRegToken = (): ApiFailure => invalidValue('regToken')

/** 403002: a token past its lifetime. */
export const expired = (token: string): ApiFailure => fail(403002, 'Request has expired', `${token} expired`)

/** 403007: something only the site's server (with its `userKey` and `secret`) may do. */
export const needsServerCredentials = (what: string): ApiFailure =>
  fail(403007, 'Permission denied', `${what} needs the site userKey and secret`)

/** 403005: a session that is unknown, expired, revoked or of a deleted account (or an unknown server UID). */
export const unauthorized = (): ApiFailure => fail(403005, 'Unauthorized user', 'Unauthorized user')

/** 400006 `Invalid jwt`: a TFA assertion that is forged, expired, used, or of another flow or provider. */
export const invalidJwt = (): ApiFailure => invalidParameter('Invalid jwt')

/** 403042: a wrong password (or login ID). */
export const invalidLoginID = (details: string, extra: Record<string, unknown> = {}): ApiFailure =>
  fail(403042, 'Invalid LoginID', details, extra)

/** 403047: no account has this login ID. */
export const loginIDNotFound = (details: string): ApiFailure => fail(403047, 'Login ID does not exist', details)

/** 403048: too many calls, codes or answers within a window. */
export const rateLimited = (details: string): ApiFailure => fail(403048, 'Api rate limit exceeded', details)

/** 400093: a call without a known site. */
export const invalidApiKey = (details: string): ApiFailure => fail(400093, 'Invalid ApiKey parameter', details)

/** 400096: a method (or HTTP verb) the emulator does not answer. */
export const notSupported = (details: string): ApiFailure => fail(400096, 'Not supported', details)

/** 500001: the server failed; what went wrong is reported to its owner, not to the caller. */
export const generalServerError = (): ApiFailure => fail(500001, 'General Server Error', 'General Server Error')

/**
 * A call refused as a whole for some of its fields (400020 not in the schema, 400025 not writable by
 * a client): one sentence per field in `errorDetails`, and each field in `validationErrors`.
 */
export function fieldsRefused(
  errorCode: number,
  errorMessage: string,
  fieldNames: readonly string[],
  message: (fieldName: string) => string,
): ApiFailure {
  return fail(errorCode, errorMessage, fieldNames.map((fieldName) => message(fieldName)).join('; '), {
    validationErrors: fieldNames.map((fieldName) => ({ errorCode, message: message(fieldName), fieldName })),
  })
}

/** 400027 on a field the call must give. */
export const requiredField = (messages: Messages, fieldName: string): ValidationError => ({
  errorCode: 400027,
  message: messages('required'),
  fieldName,
})

/** 400026 on a field whose value does not fit. */
export const invalidField = (message: string, fieldName: string): ValidationError => ({
  errorCode: 400026,
  message,
  fieldName,
})

/** 400009 on a password that fails the site's `passwordComplexity`. */
export const weakPassword = (messages: Messages, fieldName: string): ValidationError => ({
  errorCode: 400009,
  message: messages('passwordComplexity'),
  fieldName,
})
