// @vitest-environment node
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AccountsError, createAccountsClient } from '../../../src'
import { resolveEndpoint } from '../../../src/accounts/restTransport'
import { startAccountsServer, type RunningAccountsServer } from '../../../src/server'
import { createFixtureHandler } from '../../support/fixtureServer'

const PASSWORD = 'Sup3r-secret!'
const handler = createFixtureHandler()
let accounts: RunningAccountsServer

/** A bare HTTP server that answers every request with the given status, type and text. */
async function rawServer(
  status: number,
  body: string,
  type = 'text/html',
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(status, { 'Content-Type': type })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the call to reject'),
    (reason: unknown) => reason,
  )
}

beforeAll(async () => {
  accounts = await startAccountsServer({ handle: handler })
})

afterAll(async () => {
  await accounts.close()
})

describe('REST transport: the wire format', () => {
  it('POSTs a form-encoded body to /accounts.register with objects as JSON strings and nothing in the URL', async () => {
    handler.requests.length = 0
    let seenUrl = ''
    let seenInit: RequestInit | undefined
    const spyFetch: typeof fetch = (input, init) => {
      seenUrl = String(input)
      seenInit = init
      return fetch(input, init)
    }
    const client = createAccountsClient({
      apiKey: '3_demoApiKey',
      baseUrl: `${accounts.url}/`,
      fetch: spyFetch,
      lang: 'de',
    })
    const result = await client.register({
      regToken: 'RT1_token',
      email: 'ada@example.com',
      password: PASSWORD,
      profile: { firstName: 'Ada', zip: '10001' },
      data: { terms: true },
      subscriptions: { newsletter: { email: { isSubscribed: true, tags: ['footer'] } } },
      preferences: { terms: { tos: { isConsentGranted: true } } },
      finalizeRegistration: true,
      sessionExpiration: 0,
      include: ['profile', 'data', 'emails', 'loginIDs', 'subscriptions', 'preferences'],
    })
    expect(result.UID).toBe('e862a4500f2c4b1e9d3a7c6b5f4e3d2c')

    expect(seenUrl).toBe(`${accounts.url}/accounts.register`)
    expect(seenUrl).not.toContain(PASSWORD)
    expect(seenInit?.method).toBe('POST')
    const [request] = handler.requests
    expect(request?.httpMethod).toBe('POST')
    expect(request?.method).toBe('accounts.register')
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8')
    expect(request?.params).toEqual({
      apiKey: '3_demoApiKey',
      format: 'json',
      httpStatusCodes: 'false',
      lang: 'de',
      regToken: 'RT1_token',
      email: 'ada@example.com',
      password: PASSWORD,
      profile: '{"firstName":"Ada","zip":"10001"}',
      data: '{"terms":true}',
      subscriptions: '{"newsletter":{"email":{"isSubscribed":true,"tags":["footer"]}}}',
      preferences: '{"terms":{"tos":{"isConsentGranted":true}}}',
      finalizeRegistration: 'true',
      sessionExpiration: '0',
      include: 'profile,data,emails,loginIDs,subscriptions,preferences',
    })
  })

  it('sends isLite as a boolean string and reads the lite token', async () => {
    handler.requests.length = 0
    const client = createAccountsClient({ apiKey: '3_demoApiKey', baseUrl: accounts.url })
    const { regToken } = await client.initRegistration({ isLite: true })
    expect(regToken).toContain('_LTE_')
    expect(handler.requests[0]?.params.isLite).toBe('true')
  })

  it.each([false, true])('parses error envelopes the same with httpStatusCodes=%s', async (httpStatusCodes) => {
    const client = createAccountsClient({ apiKey: '3_demoApiKey', baseUrl: accounts.url, httpStatusCodes })
    const error = (await rejectionOf(
      client.register({
        regToken: 'RT1',
        email: 'a@example.com',
        password: PASSWORD,
        context: 'fixture:register-validation-error',
      }),
    )) as AccountsError
    expect(error).toBeInstanceOf(AccountsError)
    expect(error.errorCode).toBe(400009)
    expect(error.httpStatus).toBeUndefined()
    expect(error.fieldErrors().map((field) => field.fieldName)).toEqual(['email', 'password', 'profile.zip'])
    expect(error.response).toMatchObject({ context: 'fixture:register-validation-error', statusCode: 400 })
  })

  it('reaches the HTTP status mirroring when asked (checked at the HTTP level)', async () => {
    const response = await fetch(`${accounts.url}/accounts.register`, {
      method: 'POST',
      body: new URLSearchParams({ apiKey: 'k', httpStatusCodes: 'true', context: 'fixture:rate-limit' }),
    })
    expect(response.status).toBe(403)
  })
})

describe('REST transport: failures become AccountsErrors', () => {
  it.each([
    [
      'HTML from a failing gateway',
      502,
      '<html><body>Bad Gateway</body></html>',
      'text/html',
      500001,
      /HTTP 502 \(text\/html\) without an Accounts API body/,
    ],
    ['an empty 200', 200, '', 'application/json', 500001, /HTTP 200 with an empty body/],
    ['a non-JSON 200', 200, 'OK', 'text/plain', 500001, /HTTP 200 with a body that is not JSON \(text\/plain\)/],
    [
      'JSON without an envelope on a 500',
      500,
      '{"message":"upstream"}',
      'application/json',
      500001,
      /HTTP 500 without an Accounts API body/,
    ],
    ['a proxy rate limit', 429, 'Too Many Requests', 'text/plain', 403048, /HTTP 429/],
    ['a gateway timeout', 504, '', 'text/plain', 504002, /HTTP 504 with an empty body/],
  ])('%s', async (_label, status, body, type, errorCode, details) => {
    const server = await rawServer(status, body, type)
    try {
      const client = createAccountsClient({ apiKey: 'k', baseUrl: server.url })
      const error = await rejectionOf(client.getSchema())
      expect(error).toBeInstanceOf(AccountsError)
      expect(error).toMatchObject({ errorCode, httpStatus: status, errorDetails: expect.stringMatching(details) })
    } finally {
      await server.close()
    }
  })

  it('reports a refused connection as 500026', async () => {
    const server = await rawServer(200, '{}')
    const url = server.url
    await server.close()
    const error = await rejectionOf(
      createAccountsClient({ apiKey: 'k', baseUrl: url }).register({ regToken: 'r', password: PASSWORD }),
    )
    expect(error).toBeInstanceOf(AccountsError)
    expect(error).toMatchObject({ errorCode: 500026, isNetworkError: true })
    expect(String(error)).not.toContain(PASSWORD)
  })

  it('times out a slow server with 504002', async () => {
    const client = createAccountsClient({ apiKey: 'k', baseUrl: accounts.url, timeoutMs: 100 })
    await expect(rejectionOf(client.getSchema({ context: 'delay:2000' }))).resolves.toMatchObject({ errorCode: 504002 })
  })

  it('aborts an in-flight request with the caller’s signal', async () => {
    const controller = new AbortController()
    const outcome = rejectionOf(
      createAccountsClient({ apiKey: 'k', baseUrl: accounts.url }).getSchema(
        { context: 'delay:2000' },
        { signal: controller.signal },
      ),
    )
    setTimeout(() => controller.abort(), 20)
    await expect(outcome).resolves.toMatchObject({ name: 'AbortError' })
  })
})

describe('REST endpoints', () => {
  it.each([
    [{ dataCenter: 'eu1.gigya.com' }, 'https://accounts.eu1.gigya.com'],
    [{ dataCenter: 'us1.gigya.com' }, 'https://accounts.us1.gigya.com'],
    [{ dataCenter: 'cn1.sapcdm.cn' }, 'https://accounts.cn1.sapcdm.cn'],
    [{ dataCenter: 'global.gigya.com' }, 'https://accounts.global.gigya.com'],
    [{ baseUrl: 'http://127.0.0.1:8787' }, 'http://127.0.0.1:8787'],
    [{ baseUrl: 'https://id.example.com/gigya/' }, 'https://id.example.com/gigya'],
  ])('%j → %s', (options, endpoint) => {
    expect(resolveEndpoint(options)).toBe(endpoint)
  })
})
