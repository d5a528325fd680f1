import { afterEach, describe, expect, it, vi } from 'vitest'
import { AccountsError, createAccountsClient, type AccountsTransport } from '../../../src'
import { createMockTransport } from '../../../src/testing'

const ok = { errorCode: 0, statusCode: 200 }
const PASSWORD = 'Hunter2-secret!'

function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the call to reject'),
    (reason: unknown) => reason,
  )
}

afterEach(() => {
  vi.useRealTimers()
})

describe('parameters', () => {
  it('drops undefined, joins comma lists, adds the default lang and keeps objects for the transport', async () => {
    const transport = createMockTransport({ 'accounts.register': { ...ok, UID: 'u1' } })
    const client = createAccountsClient({ transport, lang: 'de' })
    await client.register({
      regToken: 'RT1_x',
      email: 'a@example.com',
      password: PASSWORD,
      profile: { firstName: 'Ada', zip: '10001' },
      finalizeRegistration: true,
      include: ['profile', 'data', 'emails'],
      regSource: undefined,
    })
    expect(transport.calls[0]).toEqual({
      method: 'accounts.register',
      params: {
        lang: 'de',
        regToken: 'RT1_x',
        email: 'a@example.com',
        password: PASSWORD,
        profile: { firstName: 'Ada', zip: '10001' },
        finalizeRegistration: true,
        include: 'profile,data,emails',
      },
    })
  })

  it('lets a call override the default lang and joins policy sections', async () => {
    const transport = createMockTransport({ 'accounts.getPolicies': ok })
    await createAccountsClient({ transport, lang: 'de' }).getPolicies({
      lang: 'fr',
      sections: ['registration', 'passwordComplexity'],
    })
    expect(transport.calls[0]?.params).toEqual({ lang: 'fr', sections: 'registration,passwordComplexity' })
  })

  it('sends no parameters for an argument-less call', async () => {
    const transport = createMockTransport({ 'accounts.initRegistration': { ...ok, regToken: 'RT1_a' } })
    await createAccountsClient({ transport }).initRegistration()
    expect(transport.calls[0]?.params).toEqual({})
  })
})

describe('responses', () => {
  it('resolves 200xxx codes as successes', async () => {
    const transport = createMockTransport({ 'accounts.register': { errorCode: 200009, UID: 'u1', statusCode: 200 } })
    await expect(
      createAccountsClient({ transport }).register({ regToken: 'r', password: PASSWORD }),
    ).resolves.toMatchObject({ errorCode: 200009, UID: 'u1' })
  })

  it('accepts an errorCode sent as a numeric string', async () => {
    const transport = createMockTransport({ 'accounts.initRegistration': { errorCode: '0', regToken: 'RT1_a' } })
    await expect(createAccountsClient({ transport }).initRegistration()).resolves.toMatchObject({
      errorCode: 0,
      regToken: 'RT1_a',
    })
  })

  it.each([
    ['a string', 'not an envelope', /answered string, not an object/],
    ['null', null, /answered null, not an object/],
    ['an array', [1, 2], /answered an array/],
    ['an object without errorCode', { regToken: 'x' }, /without a numeric errorCode/],
    ['a non-numeric errorCode', { errorCode: 'oops' }, /without a numeric errorCode/],
    [
      'a success without the promised field',
      { errorCode: 0 },
      /Unexpected accounts.initRegistration response: regToken: expected string/,
    ],
    ['a regToken of the wrong type', { errorCode: 0, regToken: 42 }, /regToken: expected string/],
  ])('turns %s into a 500001 AccountsError', async (_label, body, details) => {
    const client = createAccountsClient({ transport: createMockTransport({ 'accounts.initRegistration': body }) })
    const error = await rejectionOf(client.initRegistration())
    expect(error).toBeInstanceOf(AccountsError)
    expect(error).toMatchObject({
      errorCode: 500001,
      errorMessage: 'Malformed response',
      errorDetails: expect.stringMatching(details),
    })
  })

  it('checks the shape of schema sections', async () => {
    const client = createAccountsClient({
      transport: createMockTransport({
        'accounts.getSchema': { errorCode: 0, profileSchema: { fields: { zip: 'not an object' } } },
      }),
    })
    await expect(rejectionOf(client.getSchema())).resolves.toMatchObject({
      errorCode: 500001,
      errorDetails: expect.stringContaining('profileSchema.fields.zip: expected object'),
    })
  })

  it('reads validationErrors on 400006 too, dropping malformed entries', async () => {
    const body = {
      errorCode: 400006,
      errorMessage: 'Invalid parameter value',
      errorDetails: 'profile',
      validationErrors: [
        { errorCode: 400026, message: 'Invalid zip', fieldName: 'profile.zip' },
        'garbage',
        { message: 'no field' },
      ],
    }
    const client = createAccountsClient({ transport: createMockTransport({ 'accounts.register': body }) })
    const error = (await rejectionOf(client.register({ regToken: 'r', password: PASSWORD }))) as AccountsError
    expect(error.fieldErrors()).toEqual([{ errorCode: 400026, message: 'Invalid zip', fieldName: 'profile.zip' }])
    expect(error.validationErrors).toHaveLength(2)
    expect(error.isRegTokenInvalid).toBe(false)
  })

  it('has no field errors for codes other than 400009 and 400006', async () => {
    const body = { errorCode: 403043, validationErrors: [{ errorCode: 400003, message: 'x', fieldName: 'email' }] }
    const client = createAccountsClient({ transport: createMockTransport({ 'accounts.register': body }) })
    const error = (await rejectionOf(client.register({ regToken: 'r', password: PASSWORD }))) as AccountsError
    expect(error.fieldErrors()).toEqual([])
    expect(error.errorMessage).toBe('Unknown error')
  })

  it('keeps a hostile __proto__ key as plain data', async () => {
    const body = JSON.parse('{"errorCode":0,"regToken":"RT1_a","__proto__":{"polluted":true}}') as object
    const result = await createAccountsClient({
      transport: createMockTransport({ 'accounts.initRegistration': body }),
    }).initRegistration()
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype)
    expect((result as unknown as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('secrets', () => {
  const echoingServer = {
    errorCode: 400009,
    errorMessage: `Validation error for ${PASSWORD}`,
    errorDetails: `password=${PASSWORD}; secretAnswer=Fluffy the cat`,
    validationErrors: [{ errorCode: 400009, message: `"${PASSWORD}" is too weak`, fieldName: 'password' }],
    requestParams: { password: PASSWORD, secretAnswer: 'Fluffy the cat' },
    password: PASSWORD,
  }

  it('never carries a password or secret answer in an error, its message, its JSON or its response', async () => {
    const client = createAccountsClient({ transport: createMockTransport({ 'accounts.register': echoingServer }) })
    const error = (await rejectionOf(
      client.register({ regToken: 'r', password: PASSWORD, secretQuestion: 'Pet?', secretAnswer: 'Fluffy the cat' }),
    )) as AccountsError
    const everything = [
      String(error),
      error.message,
      error.stack ?? '',
      JSON.stringify(error),
      JSON.stringify(error.response),
      JSON.stringify(error.validationErrors),
    ].join('\n')
    expect(everything).not.toContain(PASSWORD)
    expect(everything).not.toContain('Fluffy the cat')
    expect(error.errorDetails).toBe('password=[redacted]; secretAnswer=[redacted]')
    expect(error.response).not.toHaveProperty('requestParams')
    expect(error.response).not.toHaveProperty('password')
  })

  it('strips the Web SDK requestParams echo from successful responses', async () => {
    const body = {
      errorCode: 0,
      UID: 'u1',
      requestParams: { password: PASSWORD },
      status: 'OK',
      operation: '/accounts.login',
    }
    const result = await createAccountsClient({ transport: createMockTransport({ 'accounts.login': body }) }).login({
      loginID: 'a@example.com',
      password: PASSWORD,
    })
    expect(JSON.stringify(result)).not.toContain(PASSWORD)
    expect(result).toMatchObject({ UID: 'u1', status: 'OK', operation: '/accounts.login' })
  })
})

describe('transport failures, timeouts and cancellation', () => {
  it('reports a transport that throws a raw TypeError as a 500026 network error', async () => {
    const transport: AccountsTransport = () => Promise.reject(new TypeError('Failed to fetch'))
    const error = await rejectionOf(createAccountsClient({ transport }).getSchema())
    expect(error).toBeInstanceOf(AccountsError)
    expect(error).toMatchObject({
      errorCode: 500026,
      isNetworkError: true,
      isRetryable: true,
      method: 'accounts.getSchema',
    })
    expect((error as Error).cause).toBeInstanceOf(TypeError)
  })

  it('reports a transport that throws synchronously as a network error too', async () => {
    const transport: AccountsTransport = () => {
      throw new Error('boom')
    }
    await expect(rejectionOf(createAccountsClient({ transport }).getSchema())).resolves.toMatchObject({
      errorCode: 500026,
    })
  })

  it('fails with 504002 when the transport never answers, and aborts the transport', async () => {
    vi.useFakeTimers()
    let seen: AbortSignal | undefined
    const transport: AccountsTransport = ({ signal }) => {
      seen = signal
      return new Promise(() => {})
    }
    const outcome = rejectionOf(
      createAccountsClient({ transport, timeoutMs: 5000 }).register({ regToken: 'r', password: PASSWORD }),
    )
    await vi.advanceTimersByTimeAsync(4999)
    expect(seen?.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    const error = await outcome
    expect(error).toMatchObject({
      errorCode: 504002,
      isTimeout: true,
      errorDetails: 'accounts.register did not answer within 5000 ms',
    })
    expect(seen?.aborted).toBe(true)
  })

  it('lets one call override the timeout, and 0 disables it', async () => {
    vi.useFakeTimers()
    const transport: AccountsTransport = () => new Promise(() => {})
    const client = createAccountsClient({ transport, timeoutMs: 0 })
    let settled = false
    void client.getSchema().finally(() => {
      settled = true
    })
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(settled).toBe(false)
    const quick = rejectionOf(client.getPolicies({}, { timeoutMs: 10 }))
    await vi.advanceTimersByTimeAsync(10)
    await expect(quick).resolves.toMatchObject({ errorCode: 504002 })
  })

  it("rejects with the caller's abort reason and aborts the transport", async () => {
    let seen: AbortSignal | undefined
    const transport: AccountsTransport = ({ signal }) => {
      seen = signal
      return new Promise(() => {})
    }
    const controller = new AbortController()
    const outcome = rejectionOf(createAccountsClient({ transport }).getSchema({}, { signal: controller.signal }))
    controller.abort(new DOMException('left the page', 'AbortError'))
    const reason = await outcome
    expect(reason).toBeInstanceOf(DOMException)
    expect((reason as DOMException).message).toBe('left the page')
    expect(seen?.aborted).toBe(true)
  })

  it('does not call the transport when the signal is already aborted', async () => {
    const transport = createMockTransport({ 'accounts.getSchema': { errorCode: 0 } })
    const controller = new AbortController()
    controller.abort()
    await expect(
      rejectionOf(createAccountsClient({ transport }).getSchema({}, { signal: controller.signal })),
    ).resolves.toMatchObject({ name: 'AbortError' })
    expect(transport.calls).toHaveLength(0)
  })
})

describe('configuration', () => {
  it.each([
    [{ apiKey: '3_abc' }, /either a dataCenter/],
    [{ apiKey: '3_abc', dataCenter: 'https://eu1.gigya.com' }, /host name/],
    [{ apiKey: '3_abc', baseUrl: 'localhost:8787' }, /absolute URL|http\(s\)/],
    [{ apiKey: '3_abc', baseUrl: 'ftp://example.com' }, /http\(s\)/],
    [{ apiKey: '', dataCenter: 'eu1.gigya.com' }, /apiKey/],
    [{ transport: 'not a function' }, /transport must be a function/],
  ])('refuses %j at creation', (options, message) => {
    expect(() => createAccountsClient(options as never)).toThrow(message)
  })

  it('exposes its default language', () => {
    expect(createAccountsClient({ apiKey: '3_abc', dataCenter: 'eu1.gigya.com', lang: 'ja' }).lang).toBe('ja')
  })
})
