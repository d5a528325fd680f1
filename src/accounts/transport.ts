import { AccountsError } from './AccountsError'

/** One call as the client hands it to a transport. */
export interface TransportRequest {
  /** The full method name, e.g. `accounts.register`. */
  method: string
  /**
   * The call's parameters, with `undefined` removed and comma lists joined. Objects are still
   * objects: a transport encodes them as its wire needs (REST sends JSON strings).
   */
  params: Readonly<Record<string, unknown>>
  /** Aborted on the caller's cancel or the client's timeout; a transport should stop work then. */
  signal: AbortSignal
}

/**
 * Sends one call and resolves with the decoded response body, whatever its `errorCode`: the client
 * parses the envelope. Rejects only when no body could be had (preferably with an `AccountsError`;
 * anything else is reported as a network error).
 */
export type AccountsTransport = (request: TransportRequest) => Promise<unknown>

export function networkError(method: string, cause: unknown): AccountsError {
  return new AccountsError({
    method,
    errorCode: 500026, // ErrorCodes.NETWORK_ERROR
    errorMessage: 'Network error',
    errorDetails: `${method} got no response`,
    cause,
  })
}
