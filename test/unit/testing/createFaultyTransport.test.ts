import { describe, expect, it } from 'vitest'
import { AccountsError, createAccountsClient, ErrorCodes, type AccountsTransport } from '../../../src'
import { createFaultyTransport, createMockTransport } from '../../../src/testing'

const answers = {
  'accounts.initRegistration': { errorCode: 0, regToken: 'RT1_a' },
  'accounts.getSchema': { errorCode: 0, profileSchema: { fields: {} } },
  'accounts.register': { errorCode: 0, UID: 'u1' },
}

/** Runs `count` initRegistration calls one after another and returns what each one gave. */
async function run(transport: AccountsTransport, count: number, timeoutMs = 50) {
  const client = createAccountsClient({ transport, timeoutMs })
  const results: Array<number | 'ok'> = []
  for (let i = 0; i < count; i += 1) {
    try {
      await client.initRegistration()
      results.push('ok')
    } catch (error) {
      results.push((error as AccountsError).errorCode)
    }
  }
  return results
}

describe('createFaultyTransport', () => {
  it('passes calls through untouched when no fault is asked for', async () => {
    const inner = createMockTransport(answers)
    const transport = createFaultyTransport(inner, { seed: 1 })
    const client = createAccountsClient({ transport })
    await expect(client.initRegistration()).resolves.toMatchObject({ regToken: 'RT1_a' })
    expect(transport.log).toEqual([
      {
        seq: 0,
        method: 'accounts.initRegistration',
        params: {},
        fault: 'none',
        delayMs: 0,
        outcome: 'answered',
        errorCode: 0,
      },
    ])
  })

  it('replays the same faults for the same seed, and others for another seed', async () => {
    const options = { failRate: 0.2, serverErrorRate: 0.2, garbageRate: 0.2, dropRate: 0.1, maxDelayMs: 3 }
    const first = createFaultyTransport(createMockTransport(answers), { seed: 7, ...options })
    const again = createFaultyTransport(createMockTransport(answers), { seed: 7, ...options })
    const other = createFaultyTransport(createMockTransport(answers), { seed: 8, ...options })
    const results = await run(first, 30, 20)
    expect(await run(again, 30, 20)).toEqual(results)
    await run(other, 30, 20)
    const faults = (t: typeof first) => t.log.map((entry) => `${entry.fault}/${entry.delayMs}`)
    expect(faults(again)).toEqual(faults(first))
    expect(faults(other)).not.toEqual(faults(first))
  })

  it('injects each kind at about its rate, and the client classifies each as its error', async () => {
    const transport = createFaultyTransport(createMockTransport(answers), {
      seed: 42,
      failRate: 0.2,
      serverErrorRate: 0.2,
      garbageRate: 0.2,
      dropRate: 0.1,
    })
    // The timeout only has to outlast a fault-free call (no delay here): generous, so that a busy
    // machine cannot turn one into a timeout.
    const results = await run(transport, 400, 40)
    const counts = transport.counts()
    expect(counts.none + counts.network + counts['server-error'] + counts.garbage + counts.drop).toBe(400)
    // Binomial(400, p): these bounds are over 5 standard deviations wide for every kind.
    expect(counts.network).toBeGreaterThan(40)
    expect(counts.network).toBeLessThan(120)
    expect(counts.garbage).toBeGreaterThan(40)
    expect(counts.drop).toBeGreaterThan(15)
    expect(counts.drop).toBeLessThan(70)
    transport.log.forEach((entry, index) => {
      const expected = {
        none: 'ok',
        network: ErrorCodes.NETWORK_ERROR,
        'server-error': ErrorCodes.GENERAL_SERVER_ERROR,
        garbage: ErrorCodes.GENERAL_SERVER_ERROR,
        drop: ErrorCodes.REQUEST_TIMEOUT,
      }[entry.fault]
      expect([entry.fault, results[index]]).toEqual([entry.fault, expected])
    })
  })

  it('sends every kind of garbage a broken proxy could, each a malformed-response error for the client', async () => {
    const transport = createFaultyTransport(createMockTransport(answers), { seed: 3, garbageRate: 1 })
    const client = createAccountsClient({ transport })
    const errors: unknown[] = []
    for (let i = 0; i < 60; i += 1) errors.push(await client.initRegistration().catch((error: unknown) => error))
    expect(errors.every((error) => error instanceof AccountsError && error.errorMessage === 'Malformed response')).toBe(
      true,
    )
    const details = new Set(errors.map((error) => (error as AccountsError).errorDetails?.replace(/accounts\.\w+ /, '')))
    // HTML and empty text, null, an array, {} and a non-numeric code, a success without its regToken.
    expect(details.size).toBeGreaterThanOrEqual(5)
  })

  it('lets garbled and dropped calls reach the server, but not failed ones', async () => {
    const reached: string[] = []
    const inner: AccountsTransport = async ({ method }) => {
      reached.push(method)
      return { errorCode: 0, regToken: 'RT1_a' }
    }
    for (const [kind, rate] of [
      ['failRate', true],
      ['serverErrorRate', true],
      ['garbageRate', false],
      ['dropRate', false],
    ] as const) {
      reached.length = 0
      await run(createFaultyTransport(inner, { seed: 1, [kind]: 1 }), 3, 10)
      expect([kind, reached.length]).toEqual([kind, rate ? 0 : 3])
    }
  })

  it('holds a dropped answer until the client times out, then settles its own call too', async () => {
    const transport = createFaultyTransport(createMockTransport(answers), { seed: 5, dropRate: 1 })
    const client = createAccountsClient({ transport, timeoutMs: 30 })
    await expect(client.initRegistration()).rejects.toMatchObject({ errorCode: ErrorCodes.REQUEST_TIMEOUT })
    await transport.idle()
    expect(transport.log[0]).toMatchObject({ fault: 'drop', outcome: 'aborted' })
  })

  it("honours the caller's abort while it waits or delays", async () => {
    const transport = createFaultyTransport(createMockTransport(answers), { seed: 5, maxDelayMs: 10_000 })
    const client = createAccountsClient({ transport, timeoutMs: 0 })
    const controller = new AbortController()
    const call = client.initRegistration({}, { signal: controller.signal })
    await new Promise((resolve) => setTimeout(resolve, 5))
    controller.abort(new DOMException('gone', 'AbortError'))
    await expect(call).rejects.toMatchObject({ name: 'AbortError' })
    await transport.idle()
    expect(transport.log[0]?.outcome).toBe('aborted')
  })

  it('keeps secrets out of its log', async () => {
    const transport = createFaultyTransport(createMockTransport(answers), { seed: 1 })
    const client = createAccountsClient({ transport })
    await client.register({ regToken: 'RT1_a', email: 'a@example.com', password: 'Secret-123', secretAnswer: 'Rex' })
    expect(transport.log[0]?.params).toMatchObject({
      email: 'a@example.com',
      password: '[redacted]',
      secretAnswer: '[redacted]',
    })
    expect(JSON.stringify(transport.log)).not.toMatch(/Secret-123|Rex/)
  })

  it('applies faults only to the methods named, and refuses rates over 1', async () => {
    const transport = createFaultyTransport(createMockTransport(answers), {
      seed: 1,
      failRate: 1,
      methods: ['accounts.register'],
    })
    const client = createAccountsClient({ transport })
    await expect(client.initRegistration()).resolves.toMatchObject({ regToken: 'RT1_a' })
    await expect(client.register({ regToken: 'RT1_a', email: 'a@example.com', password: 'x' })).rejects.toMatchObject({
      errorCode: ErrorCodes.NETWORK_ERROR,
    })
    expect(() => createFaultyTransport(createMockTransport({}), { seed: 1, failRate: 0.6, dropRate: 0.6 })).toThrow(
      RangeError,
    )
  })
})
