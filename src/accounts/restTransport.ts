import { AccountsError } from './AccountsError'
import { encodeParams } from './encodeParams'
import { malformedResponse } from './parseResponse'
import { networkError, type AccountsTransport } from './transport'
import type { DataCenter } from './types'

export interface RestTransportOptions {
  /** The site's public API key. */
  apiKey: string
  /** Where the site lives, e.g. `eu1.gigya.com`; the endpoint is `https://accounts.<dataCenter>`. */
  dataCenter?: DataCenter | (string & {})
  /** An endpoint of your own instead (a proxy, or the local emulator), e.g. `http://127.0.0.1:8787`. */
  baseUrl?: string
  /**
   * Ask the server to mirror the envelope's `statusCode` in the HTTP status. Either way the body is
   * read and parsed the same; the default (false) matches SAP's.
   */
  httpStatusCodes?: boolean
  /** A `fetch` of your own (instrumentation, a polyfill); the global one by default. */
  fetch?: typeof fetch
  /** Whether the browser sends cookies with the call; the `fetch` default (`same-origin`) otherwise. */
  credentials?: RequestCredentials
}

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i

/** The URL a `baseUrl` names, when it is an absolute http(s) one. */
function httpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined
  } catch {
    return undefined
  }
}

/**
 * The endpoint for a data center or a custom base URL, without a trailing slash. Its refusals explain
 * themselves in development; production builds name only the option (every page carries this file).
 */
export function resolveEndpoint({ dataCenter, baseUrl }: Pick<RestTransportOptions, 'dataCenter' | 'baseUrl'>): string {
  if (baseUrl !== undefined) {
    const url = httpUrl(baseUrl)
    if (url) return url.href.replace(/\/+$/, '')
    throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? `react-screensets: baseUrl must be an absolute http(s) URL, got "${baseUrl}"`
        : 'react-screensets: invalid baseUrl',
    )
  }
  if (dataCenter !== undefined && HOST_NAME.test(dataCenter)) return `https://accounts.${dataCenter}`
  throw new TypeError(
    process.env.NODE_ENV !== 'production'
      ? `react-screensets: give either a dataCenter, a host name such as "eu1.gigya.com", or a baseUrl (dataCenter: ${JSON.stringify(dataCenter)})`
      : 'react-screensets: invalid dataCenter',
  )
}

function isEnvelope(body: unknown): boolean {
  return body !== null && typeof body === 'object' && !Array.isArray(body) && 'errorCode' in body
}

/** An HTTP failure that carries no Gigya envelope (a proxy, a CDN, a gateway). */
function httpFailure(method: string, status: number, details: string): AccountsError {
  if (status === 429) {
    return new AccountsError({
      method,
      errorCode: 403048, // ErrorCodes.RATE_LIMIT_EXCEEDED
      errorMessage: 'Rate limit exceeded',
      errorDetails: details,
      httpStatus: status,
    })
  }
  if (status === 504 || status === 408) {
    return new AccountsError({
      method,
      errorCode: 504002, // ErrorCodes.REQUEST_TIMEOUT
      errorMessage: 'Request timeout',
      errorDetails: details,
      httpStatus: status,
    })
  }
  return malformedResponse(method, details, { httpStatus: status })
}

/**
 * Calls the Accounts REST endpoint with `fetch`: `POST <endpoint>/accounts.<method>` with a
 * form-encoded body. Nothing travels in the URL, so secrets never reach server or proxy logs.
 */
export function restTransport(options: RestTransportOptions): AccountsTransport {
  const endpoint = resolveEndpoint(options)
  const { apiKey, httpStatusCodes = false, credentials } = options
  if (typeof apiKey !== 'string' || apiKey === '') {
    throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? 'react-screensets: the REST transport needs the site apiKey'
        : 'react-screensets: invalid apiKey',
    )
  }

  return async ({ method, params, signal }) => {
    const fetchImpl = options.fetch ?? globalThis.fetch
    const body = encodeParams({ ...params, apiKey, format: 'json', httpStatusCodes })
    let response: Response
    let text: string
    try {
      response = await fetchImpl(`${endpoint}/${method}`, {
        method: 'POST',
        body,
        signal,
        credentials,
        headers: { Accept: 'application/json' },
      })
      text = await response.text()
    } catch (error) {
      if (signal.aborted) throw signal.reason
      throw networkError(method, error)
    }

    const status = response.status
    if (text.trim() === '') {
      throw httpFailure(method, status, `${method} answered HTTP ${status} with an empty body`)
    }
    let decoded: unknown
    try {
      decoded = JSON.parse(text)
    } catch {
      // No `cause`: the parse error quotes the start of the body, which may echo what was sent.
      const type = response.headers.get('content-type') ?? 'no content type'
      if (!response.ok)
        throw httpFailure(method, status, `${method} answered HTTP ${status} (${type}) without an Accounts API body`)
      throw malformedResponse(method, `${method} answered HTTP ${status} with a body that is not JSON (${type})`, {
        httpStatus: status,
      })
    }
    if (!response.ok && !isEnvelope(decoded)) {
      throw httpFailure(method, status, `${method} answered HTTP ${status} without an Accounts API body`)
    }
    return decoded
  }
}
