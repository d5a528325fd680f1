// @vitest-environment node
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createAccountsClient,
  webSdkTransport,
  type AccountsClient,
  type GigyaCallParams,
  type GigyaWebSdk,
} from '../../../src'
import { SECRET_PARAMS } from '../../../src/accounts/redact'
import { startAccountsServer, type RunningAccountsServer } from '../../../src/server'
import { COMPLETE, rejection, siteWith, startHarness, uniqueEmail, type Harness } from '../../support/emulatorHarness'
import { distinctiveSecret, findSecret } from '../../support/findSecret'

/**
 * The secrets at the wire: every call goes out as a POST with its password or security answer in
 * the form body and never in the URL (as the client sent it and as the server received it), and
 * nothing a server echoes back, or a transport throws, ends up in the errors the client hands out.
 */
const PASSWORD = distinctiveSecret()
const WRONG_PASSWORD = distinctiveSecret('Wr0ng')
/** Seven characters: under the site's minimum of eight, so the server refuses it (400009). */
const WEAK_PASSWORD = `Wk-${crypto.randomUUID().slice(0, 4)}`
const ANSWER = distinctiveSecret('Answer')
const SECRETS = [PASSWORD, WRONG_PASSWORD, WEAK_PASSWORD, ANSWER]

const site = siteWith('3_secrets', { registration: { requireSecurityQuestion: true } })

interface Sent {
  httpMethod: string
  url: string
  body: string
}

/** `fetch` that writes down what the client hands it, then sends it. */
function recordingFetch(sent: Sent[]): typeof fetch {
  return (input, init) => {
    sent.push({
      httpMethod: init?.method ?? 'GET',
      url: input instanceof Request ? input.url : String(input),
      body: typeof init?.body === 'string' || init?.body instanceof URLSearchParams ? String(init.body) : '',
    })
    return fetch(input, init)
  }
}

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => value,
    (error: unknown) => error,
  )
}

describe('the REST transport against the emulator over real HTTP', () => {
  let harness: Harness
  const arrived: Array<{ method: string; url: string }> = []

  beforeAll(async () => {
    harness = await startHarness([site])
    harness.server.server.prependListener('request', (request: IncomingMessage) =>
      arrived.push({ method: request.method ?? '', url: request.url ?? '' }),
    )
  })
  afterAll(() => harness.close())

  it('sends every password-bearing call as a POST with the secret in the body, never in the URL', async () => {
    const sent: Sent[] = []
    const client = createAccountsClient({
      apiKey: site.apiKey,
      baseUrl: harness.server.url,
      fetch: recordingFetch(sent),
    })
    const email = uniqueEmail('wire')
    const question = { secretQuestion: 'First pet?', secretAnswer: ANSWER }
    const results: unknown[] = []

    const token = async () => (await client.initRegistration()).regToken
    results.push(
      await client.register({
        regToken: await token(),
        email,
        password: PASSWORD,
        ...question,
        ...COMPLETE,
        finalizeRegistration: true,
      }),
      await client.login({ loginID: email, password: PASSWORD }),
    )
    const wrong = await rejection(client.login({ loginID: email, password: WRONG_PASSWORD }))
    const conflict = await rejection(
      client.register({
        regToken: await token(),
        email,
        password: PASSWORD,
        ...question,
        ...COMPLETE,
        finalizeRegistration: true,
      }),
    )
    const weak = await rejection(
      client.register({ regToken: await token(), email: uniqueEmail('weak'), password: WEAK_PASSWORD, ...question }),
    )
    const pending = await rejection(
      client.register({ regToken: await token(), email: uniqueEmail('pending'), password: PASSWORD, ...question }),
    )
    expect([wrong.errorCode, conflict.errorCode, weak.errorCode, pending.errorCode]).toEqual([
      403042, 400009, 400009, 206001,
    ])
    const regToken = pending.regToken as string
    results.push(
      await outcome(client.setAccountInfo({ regToken, ...COMPLETE, ...question })),
      await outcome(client.finalizeRegistration({ regToken })),
    )

    expect(findSecret({ results, errors: [wrong, conflict, weak, pending] }, SECRETS)).toBeUndefined()
    expect(sent.length).toBeGreaterThanOrEqual(12)
    for (const request of sent) {
      const url = new URL(request.url)
      expect(request.httpMethod, url.pathname).toBe('POST')
      expect(url.search, url.pathname).toBe('')
      expect(findSecret(request.url, SECRETS)).toBeUndefined()
    }
    // The secrets did travel, in the bodies of exactly the calls that need them.
    const carrying = sent.flatMap((request) => {
      const body = new URLSearchParams(request.body)
      const names = [...SECRET_PARAMS].filter((name) => body.has(name))
      for (const name of names) expect(SECRETS).toContain(body.get(name))
      return names.map((name) => `${new URL(request.url).pathname.slice(1)} ${name}`)
    })
    expect(new Set(carrying)).toEqual(
      new Set([
        'accounts.register password',
        'accounts.register secretAnswer',
        'accounts.login password',
        'accounts.setAccountInfo secretAnswer',
      ]),
    )
    // What the server received: the same POSTs, no secret in any request line.
    const received = arrived.filter((request) => request.url.startsWith('/accounts.'))
    expect(received).toHaveLength(sent.length)
    for (const request of received) {
      expect(request.method).toBe('POST')
      expect(findSecret(request.url, SECRETS)).toBeUndefined()
    }
  })
})

describe('servers that echo what they were sent', () => {
  let echo: RunningAccountsServer
  let raw: Server
  let rawUrl = ''

  beforeAll(async () => {
    echo = await startAccountsServer({
      handle: ({ params }) => ({
        errorCode: params.context === 'ok' ? 0 : 400009,
        errorMessage: `Refused ${params.password} / ${params.secretAnswer}`,
        errorDetails: JSON.stringify(params),
        statusCode: 400,
        callId: params.password,
        regToken: params.secretAnswer,
        validationErrors: [{ errorCode: 400009, fieldName: 'password', message: `${params.password} is weak` }],
        requestParams: params,
        password: params.password,
        echo: [{ deep: `${params.secretAnswer}` }],
        UID: 'u1',
      }),
    })
    // A proxy's error page: not JSON, quoting the password first, where a parse error would show it.
    raw = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString()))
      request.on('end', () => {
        const form = new URLSearchParams(body)
        response.writeHead(form.get('context') === 'fail' ? 502 : 200, { 'Content-Type': 'text/html' })
        response.end(`${form.get('password')} was rejected by the gateway: ${body}`)
      })
    })
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve))
    rawUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await echo.close()
    raw.closeAllConnections()
    await new Promise((resolve) => raw.close(resolve))
  })

  const callsWithSecrets = (client: AccountsClient, context?: string) => [
    client.register({ regToken: 'RT', email: 'e@example.com', password: PASSWORD, secretAnswer: ANSWER, context }),
    client.login({ loginID: 'e@example.com', password: PASSWORD, context }),
    client.setAccountInfo({ regToken: 'RT', secretAnswer: ANSWER, context }),
  ]

  it('keeps no echo of a secret in an error or a result from an Accounts API envelope', async () => {
    const client = createAccountsClient({ apiKey: '3_echo', baseUrl: echo.url })
    const failures = await Promise.all(callsWithSecrets(client).map(outcome))
    expect(failures.every((failure) => failure instanceof Error)).toBe(true)
    const results = await Promise.all(callsWithSecrets(client, 'ok').map(outcome))
    expect(results.some((result) => result instanceof Error)).toBe(false)
    expect(findSecret({ failures, results }, SECRETS)).toBeUndefined()
  })

  it('keeps not even the start of a secret from a body that is not JSON', async () => {
    const client = createAccountsClient({ apiKey: '3_raw', baseUrl: rawUrl })
    const failures = await Promise.all([...callsWithSecrets(client), ...callsWithSecrets(client, 'fail')].map(outcome))
    expect(failures.every((failure) => failure instanceof Error)).toBe(true)
    // A JSON parse error quotes the first characters of the body: the secret's start is enough to leak.
    expect(findSecret(failures, [...SECRETS, PASSWORD.slice(0, 10)])).toBeUndefined()
  })
})

describe('the Web SDK transport', () => {
  /** The SDK gets the parameters (that is its job); what it says or throws must not reach our errors. */
  function hostileGigya(behaviour: 'echo' | 'throw' | 'succeed') {
    const received: Array<Record<string, unknown>> = []
    const answer = ({ callback, ...params }: GigyaCallParams) => {
      received.push(params)
      if (behaviour === 'throw') {
        throw Object.assign(new Error(`Invalid arguments: ${JSON.stringify(params)}`), { params })
      }
      const ok = behaviour === 'succeed'
      setTimeout(() =>
        callback({
          errorCode: ok ? 0 : 400009,
          errorMessage: ok ? '' : `Bad ${String(params.password)}`,
          errorDetails: ok ? '' : JSON.stringify(params),
          validationErrors: ok ? [] : [{ fieldName: 'password', message: String(params.password) }],
          UID: 'u1',
          status: ok ? 'OK' : 'FAIL',
          statusMessage: String(params.secretAnswer),
          operation: '/accounts.register',
          requestParams: params,
        }),
      )
    }
    const gigya: GigyaWebSdk = { accounts: { register: answer, login: answer, setAccountInfo: answer } }
    return { gigya, received }
  }

  it.each(['echo', 'throw', 'succeed'] as const)('a Web SDK that answers with %s', async (behaviour) => {
    const { gigya, received } = hostileGigya(behaviour)
    const client = createAccountsClient({ transport: webSdkTransport(gigya) })
    const outcomes = await Promise.all(
      [
        client.register({ regToken: 'RT', email: 'e@example.com', password: PASSWORD, secretAnswer: ANSWER }),
        client.login({ loginID: 'e@example.com', password: PASSWORD }),
        client.setAccountInfo({ regToken: 'RT', secretAnswer: ANSWER }),
      ].map(outcome),
    )
    expect(outcomes.every((result) => result instanceof Error)).toBe(behaviour !== 'succeed')
    expect(findSecret(received, [PASSWORD])).toBeDefined()
    expect(findSecret(outcomes, SECRETS)).toBeUndefined()
  })
})
