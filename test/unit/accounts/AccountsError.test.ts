import { describe, expect, it } from 'vitest'
import { AccountsError } from '../../../src/accounts/AccountsError'
import { ErrorCodes, type ErrorCode } from '../../../src/accounts/errorCodes'

type Getter =
  | 'isPendingRegistration'
  | 'isPendingVerification'
  | 'isLoginIdentifierConflict'
  | 'isRegTokenInvalid'
  | 'isNetworkError'
  | 'isTimeout'
  | 'isRateLimited'
  | 'isRetryable'

// AccountsError writes its codes as numbers (see src/accounts/errorCodes.ts): this table holds them to the names.
const answersFor: Record<Getter, readonly ErrorCode[]> = {
  isPendingRegistration: [ErrorCodes.ACCOUNT_PENDING_REGISTRATION],
  isPendingVerification: [ErrorCodes.ACCOUNT_PENDING_VERIFICATION],
  isLoginIdentifierConflict: [ErrorCodes.LOGIN_IDENTIFIER_EXISTS, ErrorCodes.LOGIN_IDENTIFIER_CONFLICT],
  isRegTokenInvalid: [ErrorCodes.REQUEST_EXPIRED, ErrorCodes.INVALID_PARAMETER_VALUE],
  isNetworkError: [ErrorCodes.NETWORK_ERROR],
  isTimeout: [ErrorCodes.TIMEOUT, ErrorCodes.REQUEST_TIMEOUT],
  isRateLimited: [ErrorCodes.RATE_LIMIT_EXCEEDED],
  isRetryable: [
    ErrorCodes.NETWORK_ERROR,
    ErrorCodes.TIMEOUT,
    ErrorCodes.REQUEST_TIMEOUT,
    ErrorCodes.RATE_LIMIT_EXCEEDED,
    ErrorCodes.TOO_MANY_CONCURRENT_REQUESTS,
    ErrorCodes.GENERAL_SERVER_ERROR,
  ],
}

const errorWith = (errorCode: number) =>
  new AccountsError({
    method: 'accounts.register',
    errorCode,
    errorMessage: 'Error',
    errorDetails: 'Invalid regToken',
    validationErrors: [{ errorCode: ErrorCodes.UNIQUE_IDENTIFIER_EXISTS, message: 'taken', fieldName: 'email' }],
  })

describe('AccountsError', () => {
  it.each(Object.entries(ErrorCodes))('answers for %s (%i) by its name in ErrorCodes', (_name, code) => {
    const error = errorWith(code)
    for (const [getter, codes] of Object.entries(answersFor)) {
      expect(error[getter as Getter], getter).toBe(codes.includes(code))
    }
    const isFieldError = code === ErrorCodes.VALIDATION_ERROR || code === ErrorCodes.INVALID_PARAMETER_VALUE
    expect(error.takenLoginIDs()).toEqual(isFieldError ? ['email'] : [])
  })
})
