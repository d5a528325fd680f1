// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startAccountsServer, type AccountsHttpRequest, type RunningAccountsServer } from '../../../src/server'

const requests: AccountsHttpRequest[] = []
const handlerErrors: string[] = []
let server: RunningAccountsServer

beforeAll(async () => {
  server = await startAccountsServer({
    maxBodyBytes: 4096,
    onHandlerError: (error, method) => handlerErrors.push(`${method}: ${(error as Error).message}`),
    handle: (request) => {
      requests.push(request)
      if (request.method === 'accounts.explode') throw new Error('handler bug')
      if (request.method === 'accounts.fail') return { errorCode: 403048, errorMessage: 'Api rate limit exceeded' }
      return { errorCode: 0, echo: request.params }
    },
  })
})

afterAll(async () => {
  await server.close()
})

async function call(path: string, init?: RequestInit) {
  const response = await fetch(`${server.url}${path}`, init)
  return { response, text: await response.text() }
}

describe('the Accounts HTTP layer', () => {
  it('accepts GET with a query string', async () => {
    const { response, text } = await call('/accounts.getSchema?apiKey=k&include=profileSchema')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(JSON.parse(text)).toMatchObject({ errorCode: 0, echo: { apiKey: 'k', include: 'profileSchema' } })
  })

  it('accepts a form body and lets it win over the query string', async () => {
    const { text } = await call('/accounts.register?lang=en', {
      method: 'POST',
      body: new URLSearchParams({ lang: 'de', profile: '{"zip":"1"}' }),
    })
    expect(JSON.parse(text).echo).toEqual({ lang: 'de', profile: '{"zip":"1"}' })
  })

  it('accepts a JSON body and brings its values to wire form', async () => {
    const { text } = await call('/accounts.register', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ profile: { zip: '1' }, finalizeRegistration: true, sessionExpiration: 0, skip: null }),
    })
    expect(JSON.parse(text).echo).toEqual({
      profile: '{"zip":"1"}',
      finalizeRegistration: 'true',
      sessionExpiration: '0',
    })
  })

  it('stamps the envelope: callId, time, apiVersion, statusCode, statusReason and the echoed context', async () => {
    const body = JSON.parse((await call('/accounts.getPolicies?context=%3Cb%3Eabc')).text)
    expect(body).toMatchObject({ errorCode: 0, apiVersion: 2, statusCode: 200, statusReason: 'OK', context: '<b>abc' })
    expect(body.callId).toMatch(/^[0-9a-f]{32}$/)
    expect(new Date(body.time).toISOString()).toBe(body.time)
  })

  it.each([
    ['false', 200],
    ['true', 403],
  ])('with httpStatusCodes=%s an error answers HTTP %i', async (flag, status) => {
    const { response, text } = await call(`/accounts.fail?httpStatusCodes=${flag}`)
    expect(response.status).toBe(status)
    expect(JSON.parse(text)).toMatchObject({ errorCode: 403048, statusCode: 403, statusReason: 'Forbidden' })
  })

  it('wraps the answer for JSONP', async () => {
    const { response, text } = await call('/accounts.getSchema?format=jsonp&callback=gigya._.cb1')
    expect(response.headers.get('content-type')).toBe('application/javascript; charset=utf-8')
    expect(text).toMatch(/^gigya\._\.cb1\(\{.*"errorCode":0.*\}\);$/)
  })

  it('refuses a JSONP callback that is not an identifier path', async () => {
    const { text } = await call(`/accounts.getSchema?format=jsonp&callback=${encodeURIComponent('alert(1)//')}`)
    expect(JSON.parse(text)).toMatchObject({ errorCode: 400006, errorDetails: 'Invalid callback' })
  })

  it('answers CORS preflights and marks responses for other origins', async () => {
    const preflight = await fetch(`${server.url}/accounts.register`, { method: 'OPTIONS' })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS')
    const { response } = await call('/accounts.getSchema')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('answers 404 with an envelope for a path that is no method', async () => {
    const { response, text } = await call('/index.html')
    expect(response.status).toBe(404)
    expect(JSON.parse(text)).toMatchObject({ errorCode: 400096, errorDetails: 'No API method at /index.html' })
  })

  it('refuses other HTTP methods', async () => {
    const { text } = await call('/accounts.register', { method: 'PUT', body: 'x' })
    expect(JSON.parse(text)).toMatchObject({ errorCode: 400096 })
  })

  it('refuses a body over the limit and malformed JSON', async () => {
    const big = await call('/accounts.register', {
      method: 'POST',
      body: new URLSearchParams({ data: 'x'.repeat(5000) }),
    })
    expect(JSON.parse(big.text)).toMatchObject({ errorCode: 400006, errorDetails: 'Request body exceeds 4096 bytes' })
    const bad = await call('/accounts.register', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":',
    })
    expect(JSON.parse(bad.text)).toMatchObject({ errorCode: 400006, errorDetails: 'Request body is not a JSON object' })
  })

  it('turns a handler exception into 500001 and reports it without the parameters', async () => {
    const { text } = await call('/accounts.explode', {
      method: 'POST',
      body: new URLSearchParams({ password: 'Sup3r-secret!' }),
    })
    expect(JSON.parse(text)).toMatchObject({ errorCode: 500001, errorMessage: 'General Server Error', statusCode: 500 })
    expect(handlerErrors).toEqual(['accounts.explode: handler bug'])
  })

  it('logs handler failures with console.error by default, without parameters', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const own = await startAccountsServer({
      handle: () => {
        throw new Error('bug')
      },
    })
    try {
      await fetch(`${own.url}/accounts.register`, {
        method: 'POST',
        body: new URLSearchParams({ password: 'Sup3r-secret!' }),
      })
      expect(spy).toHaveBeenCalledTimes(1)
      expect(JSON.stringify(spy.mock.calls)).not.toContain('Sup3r-secret!')
    } finally {
      spy.mockRestore()
      await own.close()
    }
  })
})
