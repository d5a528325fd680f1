import type { ValidationError } from '../accounts/types'

/** A response body the emulator answers with; the envelope fields are completed by `completeEnvelope`. */
export type Body = Record<string, unknown>

/** Thrown inside handlers to answer with an error envelope. */
export class ApiFailure extends Error {
  constructor(readonly body: Body) {
    super(String(body.errorMessage))
  }
}

export function fail(
  errorCode: number,
  errorMessage: string,
  errorDetails = errorMessage,
  extra: Body = {},
): ApiFailure {
  return new ApiFailure({ errorCode, errorMessage, errorDetails, ...extra })
}

export function validationFailure(validationErrors: ValidationError[], extra: Body = {}): ApiFailure {
  return fail(400009, 'Validation error', 'Validation failed', { validationErrors, ...extra })
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

/** 32 lower-case hex characters, like SAP's call ids and UIDs. */
export function randomHex32(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '')
}

/**
 * Stamps what every response carries: `callId`, `time`, `apiVersion`, and `statusCode` /
 * `statusReason` derived from the error code (its first three digits; 200 for success).
 */
export function completeEnvelope(body: Body, context?: string): Body {
  const errorCode = typeof body.errorCode === 'number' ? body.errorCode : 0
  const statusCode =
    typeof body.statusCode === 'number' ? body.statusCode : errorCode === 0 ? 200 : Math.floor(errorCode / 1000)
  return {
    ...body,
    ...(context === undefined ? {} : { context }),
    callId: typeof body.callId === 'string' ? body.callId : randomHex32(),
    errorCode,
    apiVersion: 2,
    statusCode,
    statusReason: typeof body.statusReason === 'string' ? body.statusReason : (statusReasons[statusCode] ?? 'Unknown'),
    time: new Date().toISOString(),
  }
}
