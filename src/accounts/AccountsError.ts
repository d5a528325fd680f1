import type { ValidationError } from './types'

// The codes are numbers, not `ErrorCodes` reads (see errorCodes.ts); each getter's comment says what
// its codes mean.

export interface AccountsErrorInit {
  /** The API method that failed, e.g. `accounts.register`. */
  method: string
  errorCode: number
  errorMessage: string
  errorDetails?: string
  callId?: string
  statusCode?: number
  validationErrors?: readonly ValidationError[]
  regToken?: string
  /** The envelope's `errorFlags`, split at its commas. */
  errorFlags?: readonly string[]
  /** The response body as received (secrets removed), when there was one. */
  response?: Readonly<Record<string, unknown>>
  /** The HTTP status, for errors raised by the REST transport. */
  httpStatus?: number
  cause?: unknown
}

/**
 * Every way an Accounts API call can fail: an error envelope from the server (any code that is not 0
 * or 200xxx, including the 206xxx "pending" interruptions), and the client-side failures that SAP's
 * own SDK reports with codes too: network loss (500026), timeouts (504002), unreadable responses
 * (500001). Its `message` never contains a parameter value the caller sent.
 */
export class AccountsError extends Error {
  override readonly name = 'AccountsError'
  readonly method: string
  readonly errorCode: number
  readonly errorMessage: string
  readonly errorDetails: string | undefined
  readonly callId: string | undefined
  readonly statusCode: number | undefined
  readonly validationErrors: readonly ValidationError[]
  /** The token to continue the flow with (every interruption carries one: 206001, 206002, 403043, 409003, …). */
  readonly regToken: string | undefined
  /**
   * What the server flags beyond the code, from the comma list `errorFlags`: `captchaNeeded` on a
   * failed login means the next attempt must carry a CAPTCHA.
   */
  readonly errorFlags: readonly string[]
  readonly response: Readonly<Record<string, unknown>> | undefined
  readonly httpStatus: number | undefined

  constructor(init: AccountsErrorInit) {
    super(
      `${init.method} failed with ${init.errorCode} ${init.errorMessage}` +
        (init.errorDetails && init.errorDetails !== init.errorMessage ? `: ${init.errorDetails}` : ''),
      init.cause === undefined ? undefined : { cause: init.cause },
    )
    this.method = init.method
    this.errorCode = init.errorCode
    this.errorMessage = init.errorMessage
    this.errorDetails = init.errorDetails
    this.callId = init.callId
    this.statusCode = init.statusCode
    this.validationErrors = init.validationErrors ?? []
    this.regToken = init.regToken
    this.errorFlags = init.errorFlags ?? []
    this.response = init.response
    this.httpStatus = init.httpStatus
  }

  /** 206001: required schema fields are missing or the registration was not finalized. */
  get isPendingRegistration(): boolean {
    return this.errorCode === 206001
  }

  /** 206002: the account waits for its email to be verified. */
  get isPendingVerification(): boolean {
    return this.errorCode === 206002
  }

  /**
   * 403043 (link flow v1) / 409003 (v2): an identity conflict. A social or federated login brought an
   * email that is another account's login ID; the `regToken` continues a link-accounts flow. A site
   * registration with a taken email is not this: it is a field error (see `takenLoginIDs`).
   */
  get isLoginIdentifierConflict(): boolean {
    return this.errorCode === 403043 || this.errorCode === 409003
  }

  /**
   * The login identifiers the call tried to claim that are already another account's: the fields
   * (`email`, `username`) of its 400003 validation errors. SAP answers a site registration with a taken
   * email or user name this way (400009 with a 400003 entry), never with an interruption.
   */
  takenLoginIDs(): string[] {
    return this.fieldErrors()
      .filter((error) => error.errorCode === 400003)
      .map((error) => error.fieldName)
  }

  /**
   * The registration token was refused: expired (403002) or unknown, tampered or already used
   * (400006 naming `regToken`). The flow recovers with a fresh `initRegistration`.
   */
  get isRegTokenInvalid(): boolean {
    if (this.errorCode === 403002) return true
    return this.errorCode === 400006 && /\bregToken\b/i.test(this.errorDetails ?? '')
  }

  /** 500026: no response reached the client (offline, DNS, CORS, connection reset). */
  get isNetworkError(): boolean {
    return this.errorCode === 500026
  }

  /** 504001 / 504002: the call took longer than allowed. */
  get isTimeout(): boolean {
    return this.errorCode === 504001 || this.errorCode === 504002
  }

  /** 403048: the site's API rate limit was exceeded. */
  get isRateLimited(): boolean {
    return this.errorCode === 403048
  }

  /**
   * Whether sending the same request again later may succeed: network loss, timeouts, server errors,
   * rate limits and concurrency conflicts (409030). Validation and policy errors are not.
   */
  get isRetryable(): boolean {
    // The 5xxxxx range holds the network error, the timeouts and the general server error.
    return this.isRateLimited || this.errorCode === 409030 || (this.errorCode >= 500000 && this.errorCode < 600000)
  }

  /**
   * The per-field errors of a validation failure: `validationErrors` of a 400009 or a 400006 response
   * that carry a `fieldName`. Empty for every other error.
   */
  fieldErrors(): ValidationError[] {
    if (this.errorCode !== 400009 && this.errorCode !== 400006) return []
    return this.validationErrors.filter((error) => error.fieldName !== '')
  }

  /** A plain object for logs and error reporters; carries no request parameter. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      method: this.method,
      errorCode: this.errorCode,
      errorMessage: this.errorMessage,
      errorDetails: this.errorDetails,
      callId: this.callId,
      statusCode: this.statusCode,
      httpStatus: this.httpStatus,
      validationErrors: this.validationErrors,
    }
  }
}

export function isAccountsError(error: unknown): error is AccountsError {
  return error instanceof AccountsError
}
