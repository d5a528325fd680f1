// @vitest-environment node
/**
 * Property tests of the emulator over real HTTP: whatever a caller sends, the answer is a well-formed
 * Accounts API envelope, never a 5xx. What is sent: `fuzzRequests.ts`; how it is sent and judged:
 * `fuzzSend.ts`. The registration path through our own client is `emulatorFuzzRegister.test.ts`, a
 * failing store `emulatorFaultyStore.test.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SITE } from '../../../src/emulator'
import { startEmulatorServer, type RunningEmulatorServer } from '../../../src/server'
import { KNOWN_EMAIL } from './fuzzMarkers'
import { fuzzRequest } from './fuzzRequests'
import { judge, send } from './fuzzSend'
import {
  API_KEY,
  COMPLETE,
  expectEnvelope,
  freshEmail,
  PASSWORD,
  post,
  rawPost,
  SECURE_SITE,
  type Envelope,
} from './fuzzSupport'

const dir = mkdtempSync(join(tmpdir(), 'screensets-fuzz-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('the emulator over HTTP, under random input', () => {
  let server: RunningEmulatorServer
  let knownUID = ''
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort()

  beforeAll(async () => {
    server = await startEmulatorServer({
      db: join(dir, 'fuzz.db'),
      sites: [DEFAULT_SITE, SECURE_SITE],
      passwordHashIterations: 1000,
      rateLimit: false,
      warn: () => {},
    })
    const { regToken } = await post(server, 'accounts.initRegistration', { apiKey: API_KEY })
    const registered = await post(server, 'accounts.register', {
      apiKey: API_KEY,
      regToken: regToken as string,
      email: KNOWN_EMAIL,
      password: PASSWORD,
      ...COMPLETE,
      finalizeRegistration: 'true',
    })
    expect(registered.errorCode).toBe(0)
    knownUID = registered.UID as string
  })

  afterAll(async () => {
    await server?.close()
  })

  it('answers every call with a well-formed envelope and never a server error', { timeout: 60_000 }, async () => {
    const codes = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (request) => {
        const envelope = judge(request, await send(server, request, knownUID))
        const code = envelope.errorCode as number
        codes.set(code, (codes.get(code) ?? 0) + 1)
      }),
      // FUZZ_RUNS / FUZZ_SEED (from a failure report) replay or widen a run; shrinking is bounded in time.
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 700),
        interruptAfterTimeLimit: 40_000,
        ...(process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) }),
      },
    )
    // The generators must reach past parameter checking, or the property proves little.
    expect(codes.get(0) ?? 0).toBeGreaterThan(20)
    expect(codes.size).toBeGreaterThan(8)
    // The security check of resetPassword was reached, not only its parameter checks.
    expect(codes.get(400050) ?? 0).toBeGreaterThan(0)
  })

  it('keeps answering normally after the fuzzing, with Object.prototype untouched', async () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys)
    const schema = await post(server, 'accounts.getSchema', { apiKey: API_KEY })
    expect(schema.errorCode).toBe(0)
    const login = await post(server, 'accounts.login', { apiKey: API_KEY, loginID: KNOWN_EMAIL, password: PASSWORD })
    expect(login).toMatchObject({ errorCode: 0, UID: knownUID })
  })

  it('answers a JSONP call with the named callback', async () => {
    const response = await fetch(`${server.url}/accounts.getSchema?apiKey=${API_KEY}&format=jsonp&callback=gigya.cb_1`)
    const text = await response.text()
    expect(response.headers.get('content-type')).toMatch(/^application\/javascript/)
    expect(text).toMatch(/^gigya\.cb_1\(\{.*\}\);$/s)
    expectEnvelope(JSON.parse(text.slice('gigya.cb_1('.length, -2)) as Envelope)
  })

  it('answers a body over the 1 MiB cap with an envelope', async () => {
    // Its own agent: the refused body leaves the connection unusable (the known bug below).
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const envelope = await rawPost(server, agent, `apiKey=${API_KEY}&junk=${'x'.repeat(1_200_000)}`)
      expectEnvelope(envelope)
      expect(envelope.errorCode).toBe(400006)
    } finally {
      agent.destroy()
    }
  })

  // The answer to an oversized body closes its connection (the rest of the body is unread), so a
  // keep-alive client opens a fresh one for the next call instead of hanging on a poisoned socket.
  it('keeps the connection usable after refusing an oversized body', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const first = await rawPost(server, agent, `apiKey=${API_KEY}&junk=${'x'.repeat(1_200_000)}`)
      expect(first.errorCode).toBe(400006)
      const second = await rawPost(server, agent, `apiKey=${API_KEY}`)
      expect(second.errorCode).toBe(0)
    } finally {
      agent.destroy()
    }
  })

  // A ~30 KB profile nested 5 000 deep (under the 64 KiB parameter cap) is refused by depth, not by
  // exhausting the stack.
  it('answers a deeply nested profile with a 4xx, not a server error', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const deep = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)
      const { regToken } = await post(server, 'accounts.initRegistration', { apiKey: API_KEY })
      const envelope = await post(server, 'accounts.register', {
        apiKey: API_KEY,
        regToken: regToken as string,
        email: freshEmail(),
        password: PASSWORD,
        profile: deep,
      })
      expectEnvelope(envelope)
    } finally {
      spy.mockRestore()
    }
  })
})
