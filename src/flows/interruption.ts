import { AccountsError } from '../accounts'
import { parseMissingFields } from './parseMissingFields'

/**
 * An answer that stops a login or a registration half-way (FLOWS.md §1): each carries the
 * `regToken` of the account as it stands, and names the screen that resolves it.
 */
export type Interruption =
  /** 206001: required fields are missing; `missing` as input names. */
  | { kind: 'pending-registration'; regToken: string | undefined; missing: string[] }
  /** 206002: the email must be verified by its link. */
  | { kind: 'pending-verification'; regToken: string | undefined; UID: string | undefined; emails: string[] }
  /** 206006: the email must be verified by a code (`accounts.otp.*`). */
  | { kind: 'pending-code-verification'; regToken: string | undefined; UID: string | undefined; emails: string[] }
  /** 403100: the password must be changed before the login goes on. */
  | { kind: 'pending-password-change'; regToken: string | undefined }
  /** 403101 / 403102: a second factor must be verified (the account has one) or registered (it has none). */
  | { kind: 'pending-tfa'; mode: 'verify' | 'register'; regToken: string | undefined }

/** The unverified addresses an interruption names (`emails.unverified` of its body). */
export function unverifiedEmails(error: AccountsError): string[] {
  const emails = (error.response?.emails as { unverified?: unknown } | undefined)?.unverified
  return Array.isArray(emails) ? emails.filter((email): email is string => typeof email === 'string') : []
}

/** The account an interruption is about, when its body names it. */
export function interruptedUID(error: AccountsError): string | undefined {
  return typeof error.response?.UID === 'string' ? error.response.UID : undefined
}

/** Reads a failure as an interruption, or `undefined` when it is an ordinary error. */
export function readInterruption(error: unknown): Interruption | undefined {
  if (!(error instanceof AccountsError)) return undefined
  const { regToken } = error
  switch (error.errorCode) {
    case 206001 /* ACCOUNT_PENDING_REGISTRATION */:
      return { kind: 'pending-registration', regToken, missing: parseMissingFields(error.errorDetails) }
    case 206002 /* ACCOUNT_PENDING_VERIFICATION */:
      return { kind: 'pending-verification', regToken, UID: interruptedUID(error), emails: unverifiedEmails(error) }
    case 206006 /* PENDING_CODE_VERIFICATION */:
      return {
        kind: 'pending-code-verification',
        regToken,
        UID: interruptedUID(error),
        emails: unverifiedEmails(error),
      }
    case 403100 /* PENDING_PASSWORD_CHANGE */:
      return { kind: 'pending-password-change', regToken }
    case 403101 /* ACCOUNT_PENDING_TFA_VERIFICATION */:
    case 403102 /* ACCOUNT_PENDING_TFA_REGISTRATION */:
      return { kind: 'pending-tfa', mode: error.errorCode === 403101 ? 'verify' : 'register', regToken }
    default:
      return undefined
  }
}

/**
 * The password reset link was refused: unknown, used or revoked (400006), expired (403002), or
 * SAP's "Invalid token" (403025). Only for `resetPassword({ passwordResetToken })`; a 400006 that
 * names fields is a validation answer, not the link.
 */
export function isResetTokenRejected(error: AccountsError): boolean {
  if (error.errorCode === 403002 /* REQUEST_EXPIRED */ || error.errorCode === 403025 /* INVALID_TOKEN */) return true
  return error.errorCode === 400006 /* INVALID_PARAMETER_VALUE */ && error.fieldErrors().length === 0
}
