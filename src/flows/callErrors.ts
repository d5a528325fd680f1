import { type AccountsError, type AccountsMethod } from '../accounts'
import type { ErrorOutcome } from './errorOutcome'
import { isResetTokenRejected } from './interruption'
import { isTfaAssertionRejected } from './tfaSteps'

/** Where one answer's message goes: on an input (a form message when the screen lacks it), or the form. */
interface Placement {
  field?: string
  messageId: string
}

/**
 * SAP's legacy screen-sets read `errorDetailsCode` before `errorCode` (FLOWS.md §4). Which answers
 * carry it is unconfirmed, so it is read when present and the codes below are the fallback.
 */
const DETAILS_CODES: Readonly<Record<number, Placement>> = {
  100001: { field: 'newPassword', messageId: 'old_password_cannot_be_the_same_as_new_password' },
  100002: { field: 'password', messageId: 'wrong_password' },
}

/** Answers whose meaning does not depend on the call. */
const BY_CODE: Readonly<Record<number, Placement>> = {
  [403047 /* LOGIN_ID_DOES_NOT_EXIST */]: {
    field: 'loginID',
    messageId: 'there_is_no_user_with_that_username_or_email',
  },
  [401030 /* OLD_PASSWORD_USED */]: {
    field: 'newPassword',
    messageId: 'old_password_cannot_be_the_same_as_new_password',
  },
  [403041 /* ACCOUNT_DISABLED */]: { messageId: 'account_is_disabled' },
  [403120 /* ACCOUNT_LOCKED_OUT */]: { messageId: 'account_temporarily_locked_out' },
}

/**
 * Answers that mean one thing on one call and another elsewhere. A 403002 is an expired regToken on
 * a registration but an expired code on `otp.*`, an expired link on `resetPassword` and an expired
 * assertion on `tfa.*`; a 403042 is
 * a wrong login on `login` but a wrong current password on a password change; a 400050 is the
 * security answer on `resetPassword`.
 */
function byCall(
  error: AccountsError,
  method: AccountsMethod | undefined,
  renderedNames: ReadonlySet<string>,
): Placement | undefined {
  const code = error.errorCode
  if (method?.startsWith('accounts.tfa.')) return tfaPlacement(error, method)
  switch (method) {
    case 'accounts.otp.update':
      if (code === 400006 /* INVALID_PARAMETER_VALUE */)
        return { field: 'code', messageId: 'please_enter_a_valid_code' }
      if (code === 403002 /* REQUEST_EXPIRED */) return { field: 'code', messageId: 'otp_code_expired' }
      return undefined
    case 'accounts.otp.sendCode':
      if (code === 403002 /* REQUEST_EXPIRED */) return { field: 'code', messageId: 'otp_code_expired' }
      if (code === 403048 /* RATE_LIMIT_EXCEEDED */) return { messageId: 'code_frequency_limit_reached' }
      return undefined
    case 'accounts.setAccountInfo':
      if (code === 403042 /* INVALID_LOGIN_ID_OR_PASSWORD */) return { field: 'password', messageId: 'wrong_password' }
      return undefined
    case 'accounts.resetPassword':
      // 400050 is a wrong answer only where the security question was asked; before that (a site that
      // names no question) the server's own words say more than "the answer is not right".
      if (code === 400050 /* SECURITY_VERIFICATION_FAILED */)
        return renderedNames.has('secretAnswer')
          ? { field: 'secretAnswer', messageId: 'security_verification_failed' }
          : undefined
      return isResetTokenRejected(error) ? { messageId: 'invalid_password_reset_token' } : undefined
    default:
      return undefined
  }
}

/**
 * The TFA calls (FLOWS.md §8): a refused assertion says the step expired (the machine starts it
 * again); a 400006 on a code call is the code; a refused regToken keeps the general handling.
 */
function tfaPlacement(error: AccountsError, method: AccountsMethod): Placement | undefined {
  if (isTfaAssertionRejected(error)) return { messageId: 'tfa_registration_expired' }
  if (error.isRegTokenInvalid) return undefined
  const code = error.errorCode
  const checksCode = method === 'accounts.tfa.totp.verify' || method === 'accounts.tfa.email.completeVerification'
  if (code === 400006 /* INVALID_PARAMETER_VALUE */ && checksCode)
    return { field: 'code', messageId: 'please_enter_a_valid_code' }
  if (code === 403048 /* RATE_LIMIT_EXCEEDED */ && method === 'accounts.tfa.email.sendVerificationCode')
    return { messageId: 'code_frequency_limit_reached' }
  return undefined
}

function detailsCodeOf(error: AccountsError): number | undefined {
  const value = error.response?.errorDetailsCode
  const code = typeof value === 'string' ? Number(value) : value
  return typeof code === 'number' && Number.isInteger(code) ? code : undefined
}

/**
 * The outcome of an answer that has its own message (the calls of forgot/reset password, password
 * change and code verification), or `undefined` for the general rules of `classifyError`.
 */
export function classifyCallError(
  error: AccountsError,
  renderedNames: ReadonlySet<string>,
  method: AccountsMethod | undefined,
): ErrorOutcome | undefined {
  const detailsCode = detailsCodeOf(error)
  const placement =
    (detailsCode === undefined ? undefined : DETAILS_CODES[detailsCode]) ??
    byCall(error, method, renderedNames) ??
    BY_CODE[error.errorCode]
  if (!placement) return undefined
  const { field, messageId } = placement
  if (field !== undefined && renderedNames.has(field)) {
    return {
      kind: 'fields',
      fields: [{ name: field, messageId, fallback: error.errorMessage, errorCode: error.errorCode }],
    }
  }
  return {
    kind: 'form',
    form: {
      messageId,
      fallback: error.errorDetails ?? error.errorMessage,
      errorCode: error.errorCode,
      retryable: error.isRetryable,
    },
  }
}
