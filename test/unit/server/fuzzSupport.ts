/** What the emulator's property tests share: the site, envelope checks, and plain calls over HTTP. */
import { request, type Agent } from 'node:http'
import { expect } from 'vitest'
import { DEFAULT_SITE } from '../../../src/emulator'
import type { RunningEmulatorServer } from '../../../src/server'

export const API_KEY = DEFAULT_SITE.apiKey
export const CREDENTIALS = { userKey: DEFAULT_SITE.userKey, secret: DEFAULT_SITE.secret }
export const PASSWORD = 'Secret-123'
/** A site whose resets need the security check (FLOWS.md §3, 400050) instead of an email. */
export const SECURE_SITE = {
  ...structuredClone(DEFAULT_SITE),
  apiKey: '3_fuzz_secure',
  policies: {
    ...structuredClone(DEFAULT_SITE.policies),
    passwordReset: { requireSecurityCheck: true, securityFields: [['firstName', 'zip']] },
  },
}
export const SECRET_ANSWER = 'Rex'
export const COMPLETE = {
  profile: JSON.stringify({ firstName: 'Ada', zip: '10001' }),
  data: JSON.stringify({ terms: true }),
  preferences: JSON.stringify({ terms: { tos: { isConsentGranted: true } } }),
}

export type Envelope = Record<string, unknown>
export type Params = Array<[string, string]>

let emails = 0
export const freshEmail = () => `fuzz-${++emails}-${Date.now()}@example.com`

/** Lone surrogates become U+FFFD on the way through a form or a URL; compare strings the way the wire sees them. */
export const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')

/** What every response must carry, whatever was sent. */
export function expectEnvelope(envelope: Envelope): void {
  expect(Number.isInteger(envelope.errorCode), 'numeric errorCode').toBe(true)
  const errorCode = envelope.errorCode as number
  expect(envelope.callId).toMatch(/^[0-9a-f]{32}$/)
  expect(envelope.apiVersion).toBe(2)
  expect(typeof envelope.statusCode).toBe('number')
  expect(typeof envelope.statusReason).toBe('string')
  expect(envelope.statusReason).not.toBe('')
  expect(envelope.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  expect(Number.isNaN(Date.parse(envelope.time as string))).toBe(false)
  // HTTP-like, from the code's first three digits (200 for success).
  expect(envelope.statusCode).toBe(errorCode === 0 ? 200 : Math.floor(errorCode / 1000))
  // No input may produce a server error: 5xx means an exception escaped a handler.
  expect(errorCode >= 500000 && errorCode < 600000, `server error ${errorCode}: ${String(envelope.errorDetails)}`).toBe(
    false,
  )
  expect(envelope.statusCode as number).toBeLessThan(500)
}

/** A form POST to getSchema through one `node:http` agent, so calls share a connection; gives up after 2 s. */
export function rawPost(server: RunningEmulatorServer, agent: Agent, body: string): Promise<Envelope> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/accounts.getSchema`,
      {
        method: 'POST',
        agent,
        timeout: 2_000,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve(JSON.parse(text) as Envelope))
      },
    )
    req.on('timeout', () => req.destroy(new Error('no answer within 2 s')))
    req.on('error', reject)
    req.end(body)
  })
}

export async function post(
  server: RunningEmulatorServer,
  method: string,
  params: Record<string, string>,
): Promise<Envelope> {
  const response = await fetch(`${server.url}/${method}`, { method: 'POST', body: new URLSearchParams(params) })
  return (await response.json()) as Envelope
}

/** The envelope fields, without the "never 5xx" rule (for the tests that provoke one). */
export function expectEnvelopeShape(envelope: Envelope): void {
  expect(Number.isInteger(envelope.errorCode)).toBe(true)
  expect(envelope.callId).toMatch(/^[0-9a-f]{32}$/)
  expect(envelope.apiVersion).toBe(2)
  expect(typeof envelope.statusCode).toBe('number')
  expect(typeof envelope.statusReason).toBe('string')
  expect(envelope.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
}
