import { describe, expect, inject, it } from 'vitest'
import { AccountsError, createAccountsClient } from '../../src'

const baseUrl = inject('fixtureServerUrl')

describe('the REST transport in Chromium, against a real HTTP server on another origin', () => {
  it('runs in a real browser', () => {
    expect(navigator.userAgent).toMatch(/Chrome\/\d+/)
    expect(new URL(baseUrl).origin).not.toBe(location.origin)
  })

  it('starts a full and a lite registration over CORS', async () => {
    const client = createAccountsClient({ apiKey: '3_demoApiKey', baseUrl })
    const full = await client.initRegistration()
    const lite = await client.initRegistration({ isLite: true })
    expect(full.regToken).toMatch(/^RT1_/)
    expect(full.regToken).not.toContain('_LTE_')
    expect(lite.regToken).toContain('_LTE_')
  })

  it('rejects with the server’s per-field validation errors', async () => {
    const client = createAccountsClient({ apiKey: '3_demoApiKey', baseUrl, httpStatusCodes: true })
    const error = await client
      .register({
        regToken: 'RT1_x',
        email: 'a@example.com',
        password: 'Sup3r-secret!',
        context: 'fixture:register-validation-error',
      })
      .catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(AccountsError)
    expect((error as AccountsError).fieldErrors().map((field) => [field.fieldName, field.errorCode])).toEqual([
      ['email', 400003],
      ['password', 400009],
      ['profile.zip', 400026],
    ])
    expect(String(error)).not.toContain('Sup3r-secret!')
  })

  it('reports an unreachable server as a network error (500026)', async () => {
    const client = createAccountsClient({ apiKey: '3_demoApiKey', baseUrl: 'http://127.0.0.1:9' })
    await expect(client.getSchema()).rejects.toMatchObject({ errorCode: 500026, isNetworkError: true })
  })

  it('times out a slow answer with 504002', async () => {
    const client = createAccountsClient({ apiKey: '3_demoApiKey', baseUrl, timeoutMs: 150 })
    await expect(client.getSchema({ context: 'delay:3000' })).rejects.toMatchObject({
      errorCode: 504002,
      isTimeout: true,
    })
  })
})
