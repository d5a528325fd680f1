/** Sending a fuzzed request the way its transport says, and judging the answer against the envelope rules. */
import { expect } from 'vitest'
import type { RunningEmulatorServer } from '../../../src/server'
import { isPlainObject } from '../../../src/shared/plainObjects'
import { resolveMarkers } from './fuzzMarkers'
import type { FuzzRequest } from './fuzzRequests'
import { expectEnvelope, wellFormed, type Envelope, type Params } from './fuzzSupport'

/** The value a JSON body carries for a wire string: objects, numbers and booleans in their JSON form. */
function typedJsonValue(value: string): unknown {
  try {
    const parsed: unknown = JSON.parse(value)
    if (parsed === null || typeof parsed === 'string') return value
    // Wire form of a typed value is String(value) or JSON.stringify(object): keep those that round-trip.
    if (isPlainObject(parsed) || Array.isArray(parsed)) return JSON.stringify(parsed) === value ? parsed : value
    return String(parsed) === value ? parsed : value
  } catch {
    return value
  }
}

interface Sent {
  response: Response
  text: string
  /** The parameters the server saw (what `httpStatusCodes`, `format`, `callback`, `context` are read from). */
  effective: Map<string, string>
}

/**
 * At most one value over 10 000 characters per call, so a body stays under the HTTP layer's 1 MiB
 * cap (oversized bodies have their own test in `emulatorFuzz.test.ts`).
 */
function capHuge(params: Params): Params {
  let seenHuge = false
  return params.map(([name, value]) => {
    if (value.length <= 10_000) return [name, value]
    if (!seenHuge) {
      seenHuge = true
      return [name, value]
    }
    return [name, value.slice(0, 1_000)]
  })
}

export async function send(server: RunningEmulatorServer, request: FuzzRequest, knownUID: string): Promise<Sent> {
  const params = capHuge(await resolveMarkers(server, request.params, knownUID))
  const url = `${server.url}/${request.path}`
  let transport = request.transport
  const query = new URLSearchParams(params).toString()
  // Node refuses request heads over 16 KiB with a bare 431 (no envelope): keep GETs below that.
  if (transport === 'get' && query.length > 8_000) transport = 'form'

  let init: RequestInit
  let seen: Params
  if (transport === 'get') {
    init = { method: 'GET' }
    seen = params.map(([name, value]) => [wellFormed(name), wellFormed(value)])
  } else if (transport === 'form') {
    init = { method: 'POST', body: new URLSearchParams(params) }
    seen = params.map(([name, value]) => [wellFormed(name), wellFormed(value)])
  } else if (transport === 'garbage') {
    init = { method: 'POST', body: request.garbage, headers: { 'Content-Type': 'application/json' } }
    seen = []
  } else {
    const body: Record<string, unknown> = {}
    for (const [name, value] of params) {
      Object.defineProperty(body, name, {
        value: transport === 'json-typed' ? typedJsonValue(value) : value,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    init = {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    }
    seen = params
  }
  const response = await fetch(transport === 'get' ? `${url}?${query}` : url, init)
  // A path that is no method never has its body read; its parameters come from the query string only.
  const effective = new Map<string, string>()
  for (const [name, value] of request.isMethod || transport === 'get' ? seen : []) {
    if (name !== '__proto__') effective.set(name, value)
  }
  return { response, text: await response.text(), effective }
}

const VALID_CALLBACKS = new Set(['cb', 'gigya.callbacks.cb_1', '$', '_x9'])

/** Checks one response against the envelope rules; returns the envelope. */
export function judge(request: FuzzRequest, { response, text, effective }: Sent): Envelope {
  const format = effective.get('format')
  const callback = effective.get('callback')
  const contentType = response.headers.get('content-type') ?? ''
  let envelope: Envelope
  if (contentType.startsWith('application/javascript')) {
    expect(format).toBe('jsonp')
    expect(callback).toMatch(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/)
    expect(text.startsWith(`${callback}(`) && text.endsWith(');'), text.slice(0, 80)).toBe(true)
    envelope = JSON.parse(text.slice((callback as string).length + 1, -2)) as Envelope
  } else {
    expect(contentType).toBe('application/json; charset=utf-8')
    envelope = JSON.parse(text) as Envelope
    if (format === 'jsonp') {
      // A callback that is not a safe identifier is refused rather than reflected.
      expect(callback === undefined || !VALID_CALLBACKS.has(callback)).toBe(true)
      expect(envelope.errorCode).toBe(400006)
    }
  }
  expect(isPlainObject(envelope)).toBe(true)
  expectEnvelope(envelope)

  const mirrored = effective.get('httpStatusCodes') === 'true'
  const expectedStatus = !request.isMethod ? 404 : mirrored ? (envelope.statusCode as number) : 200
  expect(response.status).toBe(expectedStatus)
  if (!request.isMethod && format !== 'jsonp') expect(envelope.errorCode).toBe(400096)
  if (request.transport === 'garbage' && request.isMethod) expect(envelope.errorCode).toBe(400006)

  const context = effective.get('context')
  if (context !== undefined) expect(wellFormed(String(envelope.context))).toBe(wellFormed(context))
  return envelope
}
