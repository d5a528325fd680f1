/**
 * The Accounts API error codes the library branches on. Branch on these, never on message text:
 * SAP spells the same message differently across documentation and live responses.
 */
export const ErrorCodes = {
  OK: 0,
  ACCOUNTS_LINKED: 200009,
  LOGIN_IDENTIFIER_EXISTS_LINKABLE: 200010,
  ACCOUNT_PENDING_REGISTRATION: 206001,
  ACCOUNT_PENDING_VERIFICATION: 206002,
  PENDING_CODE_VERIFICATION: 206006,
  MISSING_REQUIRED_PARAMETER: 400002,
  UNIQUE_IDENTIFIER_EXISTS: 400003,
  INVALID_PARAMETER_VALUE: 400006,
  VALIDATION_ERROR: 400009,
  SCHEMA_VALIDATION_FAILED: 400020,
  CAPTCHA_VERIFICATION_FAILED: 400021,
  WRITE_ACCESS_VIOLATION: 400025,
  INVALID_FORMAT: 400026,
  MISSING_REQUIRED_VALUE: 400027,
  INVALID_API_KEY: 400093,
  NOT_SUPPORTED: 400096,
  REQUEST_EXPIRED: 403002,
  UNAUTHORIZED_USER: 403005,
  PERMISSION_DENIED: 403007,
  INVALID_LOGIN_ID_OR_PASSWORD: 403042,
  LOGIN_IDENTIFIER_EXISTS: 403043,
  UNDER_AGE: 403044,
  RATE_LIMIT_EXCEEDED: 403048,
  LOGIN_IDENTIFIER_CONFLICT: 409003,
  TOO_MANY_CONCURRENT_REQUESTS: 409030,
  GENERAL_SERVER_ERROR: 500001,
  NETWORK_ERROR: 500026,
  TIMEOUT: 504001,
  REQUEST_TIMEOUT: 504002,
} as const

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes]

/** 0 and the 200xxx codes are successes; everything else is an error (206xxx included). */
export function isSuccessCode(errorCode: number): boolean {
  return errorCode === 0 || (errorCode >= 200000 && errorCode < 201000)
}

/** The HTTP-like status SAP pairs with an error code: its first three digits (200 for success). */
export function statusCodeFor(errorCode: number): number {
  return errorCode === 0 ? 200 : Math.floor(errorCode / 1000)
}

const statusReasons: Readonly<Record<number, string>> = {
  200: 'OK',
  206: 'Partial Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

export function statusReasonFor(statusCode: number): string {
  return statusReasons[statusCode] ?? 'Unknown'
}
