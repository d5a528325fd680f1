import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  AccountsError,
  cookieSessionStore,
  createAccountsClient,
  memorySessionStore,
  type AccountsMethod,
} from '../../../src'
import { createMockTransport, type MockResponse } from '../../../src/testing'

const ok = { errorCode: 0, statusCode: 200 }
const signedIn = (sessionInfo: object) => ({ ...ok, UID: 'u1', sessionInfo })
const unauthorized = {
  errorCode: 403005,
  statusCode: 403,
  errorMessage: 'Unauthorized user',
  errorDetails: 'Unauthorized user',
}

function clientWith(responses: Partial<Record<AccountsMethod, MockResponse>>) {
  const transport = createMockTransport({
    'accounts.login': signedIn({ login_token: 'LT_one', expires_in: '0' }),
    ...responses,
  })
  return { transport, client: createAccountsClient({ transport }) }
}

const paramsOf = (transport: ReturnType<typeof createMockTransport>, method: string) =>
  transport.calls.filter((call) => call.method === method).map((call) => call.params)

afterEach(() => {
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]?.trim()
    if (name) document.cookie = `${name}=; Path=/; Max-Age=0`
  }
})

describe('the session a client keeps', () => {
  it('takes the login_token a login hands over and sends it with the calls that act for the user', async () => {
    const { client, transport } = clientWith({
      'accounts.getAccountInfo': { ...ok, UID: 'u1' },
      'accounts.setAccountInfo': ok,
    })
    expect(client.session.get()).toBeUndefined()
    await client.login({ loginID: 'a@example.com', password: 'Secret-123' })
    expect(client.session.get()).toBe('LT_one')
    await client.getAccountInfo()
    await client.setAccountInfo({ profile: { firstName: 'Ann' } })
    expect(paramsOf(transport, 'accounts.getAccountInfo')[0]).toMatchObject({ login_token: 'LT_one' })
    expect(paramsOf(transport, 'accounts.setAccountInfo')[0]).toMatchObject({ login_token: 'LT_one' })
  })

  it.each([
    ['cookieValue', { cookieName: 'glt_x', cookieValue: 'VC1_COOKIE' }, 'VC1_COOKIE'],
    ['login_token', { login_token: 'LT_two', expires_in: 3600 }, 'LT_two'],
  ])('reads a session from %s', async (_, sessionInfo, token) => {
    const { client } = clientWith({ 'accounts.finalizeRegistration': signedIn(sessionInfo) })
    await client.finalizeRegistration({ regToken: 'RT1_x' })
    expect(client.session.get()).toBe(token)
  })

  it('does not send it where a regToken, a UID or a token of the caller speaks for the call', async () => {
    const { client, transport } = clientWith({ 'accounts.getAccountInfo': { ...ok, UID: 'u1' } })
    await client.login({ loginID: 'a@example.com', password: 'Secret-123' })
    await client.getAccountInfo({ regToken: 'RT1_pending' })
    await client.getAccountInfo({ UID: 'u2' })
    await client.getAccountInfo({ login_token: 'LT_theirs' })
    const sent = paramsOf(transport, 'accounts.getAccountInfo')
    expect(sent[0]).not.toHaveProperty('login_token')
    expect(sent[1]).not.toHaveProperty('login_token')
    expect(sent[2]).toMatchObject({ login_token: 'LT_theirs' })
  })

  it('does not send it to calls that do not act for the user', async () => {
    const { client, transport } = clientWith({
      'accounts.getSchema': ok,
      'accounts.initRegistration': { ...ok, regToken: 'RT1_a' },
    })
    await client.login({ loginID: 'a@example.com', password: 'Secret-123' })
    await client.getSchema()
    await client.initRegistration()
    expect(transport.calls.filter((call) => 'login_token' in call.params)).toEqual([])
  })

  it('forgets a session the server refuses (403005), and says so to its subscribers', async () => {
    const { client } = clientWith({ 'accounts.getAccountInfo': unauthorized })
    await client.login({ loginID: 'a@example.com', password: 'Secret-123' })
    const listener = vi.fn()
    client.session.subscribe(listener)
    const version = client.session.version()
    await expect(client.getAccountInfo()).rejects.toMatchObject({ errorCode: 403005 })
    expect(client.session.get()).toBeUndefined()
    expect(listener).toHaveBeenCalledTimes(1)
    expect(client.session.version()).toBe(version + 1)
  })

  it('keeps its session when a token the caller passed is refused', async () => {
    const { client } = clientWith({ 'accounts.getAccountInfo': unauthorized })
    await client.login({ loginID: 'a@example.com', password: 'Secret-123' })
    await expect(client.getAccountInfo({ login_token: 'LT_stale' })).rejects.toBeInstanceOf(AccountsError)
    expect(client.session.get()).toBe('LT_one')
  })

  it('logs out on the server and here, and here even when the call fails', async () => {
    let answer: object = ok
    const { client, transport } = clientWith({ 'accounts.logout': () => answer })
    await client.login({ loginID: 'a@example.com', password: 'Secret-123' })
    await client.logout()
    expect(paramsOf(transport, 'accounts.logout')[0]).toMatchObject({ login_token: 'LT_one' })
    expect(client.session.get()).toBeUndefined()

    await client.login({ loginID: 'a@example.com', password: 'Secret-123' })
    answer = { errorCode: 500001, statusCode: 500, errorMessage: 'General Server Error' }
    await expect(client.logout()).rejects.toMatchObject({ errorCode: 500001 })
    expect(client.session.get()).toBeUndefined()
  })

  it('never lets the token into an error message', async () => {
    const { client } = clientWith({
      'accounts.getAccountInfo': {
        errorCode: 400006,
        statusCode: 400,
        errorMessage: 'Invalid parameter value',
        errorDetails: 'login_token LT_one is malformed',
      },
    })
    await client.login({ loginID: 'a@example.com', password: 'Secret-123' })
    const error = (await client.getAccountInfo().catch((reason: unknown) => reason)) as AccountsError
    expect(JSON.stringify({ message: error.message, details: error.errorDetails })).not.toContain('LT_one')
  })

  it('uses the store it is given', async () => {
    const store = memorySessionStore()
    store.set('LT_adopted')
    const transport = createMockTransport({ 'accounts.getAccountInfo': { ...ok, UID: 'u1' } })
    const client = createAccountsClient({ transport, session: store })
    await client.getAccountInfo()
    expect(transport.calls[0]?.params).toMatchObject({ login_token: 'LT_adopted' })
  })
})

describe('the default store', () => {
  it("of a browser REST client is the Web SDK's cookie glt_<apiKey>", async () => {
    const fetch = vi.fn(
      async () => new Response(JSON.stringify(signedIn({ cookieName: 'glt_3_site', cookieValue: 'VC1_WEB' }))),
    )
    const client = createAccountsClient({ apiKey: '3_site', baseUrl: 'http://127.0.0.1:1', fetch })
    await client.login({ loginID: 'a@example.com', password: 'Secret-123' })
    expect(document.cookie).toContain('glt_3_site=VC1_WEB')
    // A reload: a new client on the page finds the session.
    expect(createAccountsClient({ apiKey: '3_site', baseUrl: 'http://127.0.0.1:1', fetch }).session.get()).toBe(
      'VC1_WEB',
    )
    client.session.clear()
    expect(document.cookie).not.toContain('glt_3_site')
  })

  it('sends the token in the body, never in the URL', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response(JSON.stringify({ ...ok, UID: 'u1' })))
    const client = createAccountsClient({ apiKey: '3_site', baseUrl: 'http://127.0.0.1:1', fetch })
    client.session.set('VC1_SECRET')
    await client.getAccountInfo()
    const [url, init] = fetch.mock.calls[0] ?? []
    expect(String(url)).not.toContain('VC1_SECRET')
    expect(String(init?.body)).toContain('login_token=VC1_SECRET')
  })
})

describe('cookieSessionStore', () => {
  it('keeps a token across store objects, and forgets it', () => {
    const store = cookieSessionStore({ name: 'glt_test' })
    store.set('a b;c', 3600)
    expect(cookieSessionStore({ name: 'glt_test' }).get()).toBe('a b;c')
    store.clear()
    expect(store.get()).toBeUndefined()
  })

  it('refuses a name a cookie cannot carry', () => {
    expect(() => cookieSessionStore({ name: 'glt x;' })).toThrow(/invalid session cookie name/)
  })
})
