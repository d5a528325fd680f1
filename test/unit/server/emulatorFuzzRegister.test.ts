// @vitest-environment node
/** A property of the registration path, driven through our own client against the emulator over HTTP. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AccountsError, createAccountsClient, type RegisterParams } from '../../../src/accounts'
import { startEmulatorServer, type RunningEmulatorServer } from '../../../src/server'
import { API_KEY, COMPLETE, PASSWORD, post } from './fuzzSupport'

const dir = mkdtempSync(join(tmpdir(), 'screensets-fuzz-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('registration through the client, under random input', () => {
  let server: RunningEmulatorServer
  const DOCUMENTED = new Set([0, 206001, 206002, 400002, 400003, 400006, 400009, 400020, 400025, 403043, 403044])
  const taken = ['taken@example.com', 'Taken.Two@example.com']

  beforeAll(async () => {
    server = await startEmulatorServer({
      db: join(dir, 'register.db'),
      passwordHashIterations: 1000,
      rateLimit: false,
      warn: () => {},
    })
    for (const email of taken) {
      const { regToken } = await post(server, 'accounts.initRegistration', { apiKey: API_KEY })
      const body = await post(server, 'accounts.register', {
        apiKey: API_KEY,
        regToken: regToken as string,
        email,
        password: PASSWORD,
        ...COMPLETE,
        finalizeRegistration: 'true',
      })
      expect(body.errorCode).toBe(0)
    }
  })

  afterAll(async () => {
    await server?.close()
  })

  const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 })
  const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }))
  /** Present with odds `present : absent` (an undefined field is left out of the JSON). */
  const maybe = <T>(arbitrary: fc.Arbitrary<T>, present = 1, absent = 6) =>
    fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: present, arbitrary })
  /** The usual value, now and then any JSON value instead. */
  const mostly = (usual: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 12, arbitrary: usual }, { weight: 1, arbitrary: anyJson })

  const email = fc.oneof(
    { weight: 8, arbitrary: fc.emailAddress() },
    fc.constantFrom(...taken, taken[0]?.toUpperCase() ?? '', ` ${taken[1]} `),
    text,
    fc.constantFrom('', 'not-an-email', 'a@b', '@example.com', 'a@@b.co', `${'x'.repeat(250)}@b.co`),
  )
  const password = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(PASSWORD, 'Another-Pass-9', 'pässwört-ÄÖÜ-1') },
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ unit: 'grapheme-ascii', minLength: 6, maxLength: 16 }),
  )
  const profile = fc.record({
    firstName: maybe(mostly(fc.oneof({ weight: 3, arbitrary: fc.constant('Ada') }, text)), 10, 1),
    zip: maybe(mostly(fc.oneof({ weight: 8, arbitrary: fc.stringMatching(/^[0-9]{5}$/) }, text)), 10, 1),
    lastName: maybe(mostly(text)),
    birthYear: maybe(mostly(fc.oneof(fc.integer({ min: 1900, max: 2030 }), fc.constant('1990')))),
    gender: maybe(fc.constantFrom('f', 'm', 'u', 'x', '')),
    email: maybe(mostly(fc.emailAddress())),
    country: maybe(mostly(text)),
    bio: maybe(mostly(text)),
    photoURL: maybe(fc.webUrl(), 1, 15), // serverOnly: 400025
    nickname: maybe(text, 1, 15), // not in the schema: 400020
  })
  const data = maybe(
    fc.record({
      terms: maybe(
        mostly(fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, fc.constantFrom(false, 'true', 'yes'))),
        10,
        1,
      ),
      favoriteTeam: maybe(mostly(text)),
      shoeSize: maybe(mostly(fc.oneof(fc.double({ noNaN: true }), fc.constant('42.5')))),
      householdSize: maybe(mostly(fc.oneof({ weight: 3, arbitrary: fc.integer() }, fc.constant(2 ** 40)))),
      memberSince: maybe(
        mostly(
          fc.oneof({ weight: 3, arbitrary: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()) }, text),
        ),
      ),
      loyalty: maybe(fc.record({ points: fc.integer() }), 1, 15), // serverOnly
    }),
    10,
    1,
  )
  const consent = mostly(fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, fc.boolean()))
  const preferences = maybe(
    fc.oneof(
      { weight: 8, arbitrary: fc.record({ terms: fc.record({ tos: fc.record({ isConsentGranted: consent }) }) }) },
      fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 2 }),
    ),
    10,
    1,
  )
  const subscriptions = maybe(
    fc.dictionary(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom('newsletter', 'offers') }, fc.string({ maxLength: 6 })),
      mostly(fc.record({ email: fc.record({ isSubscribed: mostly(fc.boolean()) }) })),
      { maxKeys: 2 },
    ),
  )
  const randomInput = fc.record({
    email,
    password,
    profile: maybe(profile, 10, 1),
    data,
    preferences,
    subscriptions,
    finalizeRegistration: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constantFrom(false, undefined)),
  })
  /** Complete and valid, with random values: the success side of the property. */
  const validInput = fc.record({
    email: fc.emailAddress(),
    password: fc.constantFrom(PASSWORD, 'Another-Pass-9', 'pässwört-ÄÖÜ-1'),
    profile: fc.record({
      firstName: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
      zip: fc.stringMatching(/^[0-9]{5}$/),
      lastName: maybe(fc.string({ unit: 'grapheme', maxLength: 20 })),
      birthYear: maybe(fc.integer({ min: 1900, max: 2012 })),
      gender: maybe(fc.constantFrom('f', 'm', 'u')),
    }),
    data: fc.record({
      terms: fc.constant(true),
      favoriteTeam: maybe(fc.string({ maxLength: 20 })),
      shoeSize: maybe(fc.double({ noNaN: true, noDefaultInfinity: true })),
    }),
    preferences: fc.constant({ terms: { tos: { isConsentGranted: true } } }),
    subscriptions: maybe(fc.record({ newsletter: fc.record({ email: fc.record({ isSubscribed: fc.boolean() }) }) })),
    finalizeRegistration: fc.constant(true),
  })
  const input = fc.oneof({ weight: 2, arbitrary: validInput }, { weight: 3, arbitrary: randomInput })

  it('resolves, or rejects with a documented AccountsError, never a server error', { timeout: 60_000 }, async () => {
    const client = createAccountsClient({ apiKey: API_KEY, baseUrl: server.url })
    const outcomes = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(input, async (values) => {
        const { regToken } = await client.initRegistration()
        let code: number
        try {
          const result = await client.register({ regToken, ...values } as RegisterParams)
          expect(result.UID).toMatch(/^[0-9a-f]{32}$/)
          expect(result.isRegistered).toBe(true)
          code = 0
        } catch (error) {
          expect(error).toBeInstanceOf(AccountsError)
          const accountsError = error as AccountsError
          code = accountsError.errorCode
          expect(DOCUMENTED.has(code), `undocumented ${code}: ${String(accountsError.errorDetails)}`).toBe(true)
          expect(accountsError.callId).toMatch(/^[0-9a-f]{32}$/)
          if (code === 400009) expect(accountsError.validationErrors.length).toBeGreaterThan(0)
          if (code === 206001 || code === 403043) expect(accountsError.regToken).toMatch(/^RT1_/)
        }
        outcomes.set(code, (outcomes.get(code) ?? 0) + 1)
      }),
      { numRuns: 200 },
    )
    // Both sides of the property must be exercised.
    expect(outcomes.get(0) ?? 0).toBeGreaterThan(20)
    expect(outcomes.size).toBeGreaterThan(4)
  })
})
