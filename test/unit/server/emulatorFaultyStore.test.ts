// @vitest-environment node
/** A store that fails on demand shows how a server error looks from outside: 500001, logged without secrets. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest'
import { createMemoryStore, type Store } from '../../../src/emulator'
import { startEmulatorServer, type RunningEmulatorServer } from '../../../src/server'
import {
  API_KEY,
  COMPLETE,
  CREDENTIALS,
  expectEnvelope,
  expectEnvelopeShape,
  freshEmail,
  post,
  type Envelope,
} from './fuzzSupport'

describe('a store that fails', () => {
  const FAULT_PASSWORD = 'Fault-Secret-987'
  const FAULT_EMAIL = 'fault-known@example.com'
  type Fault = 'throw' | 'reject'
  const faults = new Map<string, Fault>()
  let server: RunningEmulatorServer
  let errorSpy: MockInstance<typeof console.error> | undefined

  /** A memory store whose methods throw, or return a rejected promise, while `faults` names them. */
  function faultyStore(): Store {
    const inner = createMemoryStore()
    return new Proxy(inner, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver)
        if (typeof value !== 'function') return value
        return (...args: unknown[]) => {
          const fault = faults.get(String(property))
          // Like a driver error that quotes what it was given (the account record, the email).
          const error = new Error(`injected ${String(property)} failure for ${JSON.stringify(args)}`)
          if (fault === 'throw') throw error
          if (fault === 'reject') return Promise.reject(error)
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        }
      },
    })
  }

  beforeAll(async () => {
    server = await startEmulatorServer({ store: faultyStore(), passwordHashIterations: 1000, rateLimit: false })
    const registered = await post(server, 'accounts.register', {
      ...(await completeRegistration()),
      email: FAULT_EMAIL,
    })
    expect(registered.errorCode).toBe(0)
  })

  afterEach(() => {
    faults.clear()
    errorSpy?.mockRestore()
  })

  afterAll(async () => {
    await server?.close()
  })

  const fullToken = async () =>
    (await server.emulator.handle({ method: 'accounts.initRegistration', params: { apiKey: API_KEY } }))
      .regToken as string
  const liteToken = async () =>
    (await server.emulator.handle({ method: 'accounts.initRegistration', params: { apiKey: API_KEY, isLite: 'true' } }))
      .regToken as string
  const completeRegistration = async () => ({
    apiKey: API_KEY,
    regToken: await fullToken(),
    email: freshEmail(),
    password: FAULT_PASSWORD,
    secretQuestion: 'pet?',
    secretAnswer: FAULT_PASSWORD,
    ...COMPLETE,
    finalizeRegistration: 'true',
  })

  /** Each store method, and a call that reaches it. */
  const CASES: Array<[store: string, method: string, params: () => Promise<Record<string, string>>]> = [
    ['getSite', 'accounts.getSchema', async () => ({ apiKey: API_KEY })],
    ['isTokenUsed', 'accounts.register', completeRegistration],
    ['findAccountByLoginID', 'accounts.register', completeRegistration],
    ['insertAccount', 'accounts.register', completeRegistration],
    ['useToken', 'accounts.register', completeRegistration],
    ['updateAccount', 'accounts.register', completeRegistration],
    [
      'findAccountByLoginID',
      'accounts.login',
      async () => ({ apiKey: API_KEY, loginID: FAULT_EMAIL, password: FAULT_PASSWORD }),
    ],
    [
      'findLiteAccount',
      'accounts.setAccountInfo',
      async () => ({ apiKey: API_KEY, regToken: await liteToken(), profile: JSON.stringify({ email: freshEmail() }) }),
    ],
    [
      'addOutbox',
      'accounts.setAccountInfo',
      async () => ({
        apiKey: API_KEY,
        regToken: await liteToken(),
        profile: JSON.stringify({ email: freshEmail() }),
        subscriptions: JSON.stringify({ newsletter: { email: { isSubscribed: true } } }),
      }),
    ],
    ['listAccounts', 'emulator.listAccounts', async () => ({ apiKey: API_KEY, ...CREDENTIALS })],
    ['listOutbox', 'emulator.getOutbox', async () => ({ apiKey: API_KEY, ...CREDENTIALS })],
    [
      'putSite',
      'accounts.setPolicies',
      async () => ({ apiKey: API_KEY, ...CREDENTIALS, doubleOptIn: JSON.stringify({ defaultTemplate: 'x' }) }),
    ],
  ]

  it.each(
    CASES.flatMap(([store, method, params]) =>
      (['throw', 'reject'] as const).map((fault) => ({ store, method, params, fault })),
    ),
  )(
    '$store ($fault) under $method answers 500001 and the server keeps going',
    async ({ store, method, params, fault }) => {
      const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
      errorSpy = spy
      const mirror = fault === 'reject'
      faults.set(store, fault)
      const response = await fetch(`${server.url}/${method}`, {
        method: 'POST',
        body: new URLSearchParams({ ...(await params()), ...(mirror ? { httpStatusCodes: 'true' } : {}) }),
      })
      const envelope = (await response.json()) as Envelope
      expectEnvelopeShape(envelope)
      expect(envelope).toMatchObject({ errorCode: 500001, statusCode: 500, statusReason: 'Internal Server Error' })
      expect(response.status).toBe(mirror ? 500 : 200)
      expect(JSON.stringify(envelope)).not.toContain(FAULT_PASSWORD)

      // Reported to the developer, naming the method, without the password the call carried.
      expect(spy).toHaveBeenCalled()
      const logged = JSON.stringify(
        spy.mock.calls.map((call) => call.map((arg) => (arg instanceof Error ? arg.message : arg))),
      )
      expect(logged).toContain(method)
      expect(logged).not.toContain(FAULT_PASSWORD)

      // Once the store recovers, the same call works again.
      faults.clear()
      const again = await post(server, method, await params())
      expectEnvelope(again)
      expect(again.errorCode).toBe(0)
    },
  )
})
