import type { IncomingMessage, ServerResponse } from 'node:http'
import { completeEnvelope } from '../emulator/envelope'
import { generalServerError, invalidParameter, invalidValue, notSupported } from '../emulator/errors'
import { isPlainObject } from '../shared/plainObjects'

/** One Accounts API call as it arrived over HTTP, with every parameter in its wire (string) form. */
export interface AccountsHttpRequest {
  /** The method from the path: `/accounts.register` → `accounts.register`. */
  method: string
  /** Query-string and body parameters merged (the body wins). Objects are still JSON strings. */
  params: Readonly<Record<string, string>>
  httpMethod: string
  /** The request's headers, for handlers that need an origin or an address. */
  headers: IncomingMessage['headers']
  /** The peer's IP address (rate limits are kept per address). */
  clientAddress: string
  /** The calling page: the `Referer` header, else the `Origin` (links in emails point back there). */
  referer?: string
}

/** Answers one call with a response body; the HTTP layer adds the envelope fields it lacks. */
export type AccountsRequestHandler = (
  request: AccountsHttpRequest,
) => Promise<Record<string, unknown>> | Record<string, unknown>

export interface AccountsHttpHandlerOptions {
  /** `Access-Control-Allow-Origin` for browsers calling from another origin; `*` by default, false for none. */
  cors?: string | false
  /** Largest accepted request body in bytes (default 1 MiB). */
  maxBodyBytes?: number
  /** Where handler failures are reported (never with the request's parameters); `console.error` by default. */
  onHandlerError?: (error: unknown, method: string) => void
}

const METHOD_PATH = /^\/((?:accounts|socialize|ids|emulator)\.[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\/?$/
const JSONP_CALLBACK = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new BodyTooLargeError()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** JSON bodies are accepted too; their values are brought to wire form (objects as JSON strings). */
function paramsFromJson(text: string): Record<string, string> {
  const parsed: unknown = JSON.parse(text)
  if (!isPlainObject(parsed)) throw new SyntaxError('not an object')
  const params: Record<string, string> = {}
  for (const [key, value] of Object.entries(parsed)) {
    if (value === undefined || value === null) continue
    params[key] = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)
  }
  return params
}

/** `Referer`, else `Origin` + `/` (cross-origin fetches may send only the origin, or no Referer at all). */
export function refererOf(headers: IncomingMessage['headers']): string | undefined {
  const referer = headers.referer
  if (typeof referer === 'string' && referer !== '') return referer
  const origin = headers.origin
  return typeof origin === 'string' && origin !== '' && origin !== 'null' ? `${origin}/` : undefined
}

function paramsFromSearch(search: URLSearchParams, into: Record<string, string>): void {
  for (const [key, value] of search) into[key] = value
}

/**
 * A Node `http` request listener that speaks the Accounts API's wire format at `/accounts.<method>`:
 * GET with a query string, or POST with a form-encoded or JSON body; `format=json|jsonp` (+
 * `callback`), `httpStatusCodes`, `context`; CORS for browsers. What to answer is up to `handle`.
 */
export function createAccountsHttpHandler(
  handle: AccountsRequestHandler,
  options: AccountsHttpHandlerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const { cors = '*', maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options
  const onHandlerError =
    options.onHandlerError ??
    ((error: unknown, method: string) =>
      console.error(`[react-screensets] ${method} handler failed:`, error instanceof Error ? error.message : error))

  function send(res: ServerResponse, httpStatus: number, body: string, contentType: string, close = false) {
    res.writeHead(httpStatus, {
      // A body left unread (over the limit) would poison the next request on this connection.
      ...(close ? { Connection: 'close' } : {}),
      'Content-Type': contentType,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...(cors === false ? {} : { 'Access-Control-Allow-Origin': cors }),
    })
    res.end(body)
  }

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...(cors === false
          ? {}
          : {
              'Access-Control-Allow-Origin': cors,
              'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
              'Access-Control-Allow-Headers': 'Content-Type, Accept',
              'Access-Control-Max-Age': '600',
            }),
      })
      res.end()
      return
    }

    const url = new URL(req.url ?? '/', 'http://localhost')
    const params: Record<string, string> = {}
    paramsFromSearch(url.searchParams, params)
    const match = METHOD_PATH.exec(url.pathname)
    let body: Record<string, unknown> | undefined
    let unreadBody = false

    if (!match) {
      body = notSupported(`No API method at ${url.pathname.slice(0, 100)}`).body
    } else if (req.method !== 'GET' && req.method !== 'POST') {
      body = notSupported(`HTTP ${req.method} is not supported; use GET or POST`).body
    } else {
      try {
        const text = req.method === 'POST' ? await readBody(req, maxBodyBytes) : ''
        const type = (req.headers['content-type'] ?? '').toLowerCase()
        if (text.trim() !== '') {
          if (type.includes('application/json')) Object.assign(params, paramsFromJson(text))
          else paramsFromSearch(new URLSearchParams(text), params)
        }
      } catch (error) {
        unreadBody = error instanceof BodyTooLargeError
        body = invalidParameter(
          unreadBody ? `Request body exceeds ${maxBodyBytes} bytes` : 'Request body is not a JSON object',
        ).body
      }
    }

    if (body === undefined && match) {
      const method = match[1] as string
      const referer = refererOf(req.headers)
      try {
        body = await handle({
          method,
          params,
          httpMethod: req.method ?? 'GET',
          headers: req.headers,
          clientAddress: req.socket.remoteAddress ?? 'unknown',
          ...(referer === undefined ? {} : { referer }),
        })
      } catch (error) {
        onHandlerError(error, method)
        body = generalServerError().body
      }
    }

    const format = params.format ?? 'json'
    const callback = params.callback
    const jsonpOk = format !== 'jsonp' || (callback !== undefined && JSONP_CALLBACK.test(callback))
    const envelope = completeEnvelope(jsonpOk ? (body ?? {}) : invalidValue('callback').body, params.context)
    const statusCode = envelope.statusCode as number
    const httpStatus = !match ? 404 : params.httpStatusCodes === 'true' ? statusCode : 200
    const json = JSON.stringify(envelope)
    if (format === 'jsonp' && jsonpOk) {
      send(res, httpStatus, `${callback}(${json});`, 'application/javascript; charset=utf-8', unreadBody)
    } else {
      send(res, httpStatus, json, 'application/json; charset=utf-8', unreadBody)
    }
  }

  return (req, res) => {
    respond(req, res).catch((error: unknown) => {
      onHandlerError(error, 'http')
      if (!res.headersSent)
        send(res, 500, JSON.stringify(completeEnvelope(generalServerError().body)), 'application/json; charset=utf-8')
      else res.end()
    })
  }
}
