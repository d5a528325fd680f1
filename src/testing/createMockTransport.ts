import type { AccountsMethod, AccountsTransport, TransportRequest } from '../accounts'

/** A canned body, or a function of the call that returns one (or a promise of one). */
export type MockResponse = ((request: TransportRequest) => unknown) | object | string | number | boolean | null

export interface MockTransport extends AccountsTransport {
  /** Every call received, in order, with its normalized parameters. */
  readonly calls: ReadonlyArray<Pick<TransportRequest, 'method' | 'params'>>
}

/**
 * A transport for tests that answers each method with what you give it (bodies are returned as
 * they are, so error envelopes exercise the client's error path). A method without an answer gets
 * the API's 400096 "Not supported" envelope.
 *
 * @example
 * const transport = createMockTransport({ 'accounts.initRegistration': { errorCode: 0, regToken: 'RT1_x' } })
 * const client = createAccountsClient({ transport })
 */
export function createMockTransport(
  responses: Partial<Record<AccountsMethod | (string & {}), MockResponse>>,
): MockTransport {
  const calls: Array<Pick<TransportRequest, 'method' | 'params'>> = []
  const transport = async (request: TransportRequest) => {
    calls.push({ method: request.method, params: request.params })
    if (!Object.hasOwn(responses, request.method)) {
      return { errorCode: 400096, errorMessage: 'Not supported', errorDetails: `No mock answer for ${request.method}` }
    }
    const response = responses[request.method]
    return typeof response === 'function'
      ? await (response as (request: TransportRequest) => unknown)(request)
      : structuredClone(response)
  }
  return Object.assign(transport, { calls })
}
