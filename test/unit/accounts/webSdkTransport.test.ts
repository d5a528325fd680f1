import { describe, expect, it, vi } from 'vitest'
import {
  AccountsError,
  createAccountsClient,
  webSdkTransport,
  type GigyaCallParams,
  type GigyaWebSdk,
} from '../../../src'
import { loadFixture } from '../../support/fixtures'

const PASSWORD = 'Sup3r-secret!'

/**
 * A stand-in for SAP's Web SDK: it answers asynchronously through `callback`, adding the fields its
 * callbacks add (status, operation and the requestParams echo).
 */
function fakeGigya(answers: Record<string, Record<string, unknown>>) {
  const received: Array<{ method: string; params: Record<string, unknown> }> = []
  const accounts: Record<string, unknown> = {}
  for (const [method, body] of Object.entries(answers)) {
    accounts[method] = function (this: unknown, { callback, ...params }: GigyaCallParams) {
      received.push({ method, params })
      setTimeout(() =>
        callback({
          ...body,
          status: body.errorCode === 0 ? 'OK' : 'FAIL',
          statusMessage: body.errorCode === 0 ? '' : body.errorMessage,
          operation: `/accounts.${method}`,
          requestParams: params,
        }),
      )
    }
  }
  return { gigya: { accounts } satisfies GigyaWebSdk, received }
}

describe('the Web SDK transport', () => {
  it('hands parameters over as objects and resolves with the callback response', async () => {
    const { gigya, received } = fakeGigya({ register: loadFixture('register-success') })
    const client = createAccountsClient({ transport: webSdkTransport(gigya), lang: 'fr' })
    const result = await client.register({
      regToken: 'RT1_x',
      email: 'a@example.com',
      password: PASSWORD,
      profile: { zip: '10001' },
      include: ['profile', 'data'],
    })
    expect(result).toMatchObject({
      UID: 'e862a4500f2c4b1e9d3a7c6b5f4e3d2c',
      status: 'OK',
      operation: '/accounts.register',
    })
    expect(result).not.toHaveProperty('requestParams')
    expect(JSON.stringify(result)).not.toContain(PASSWORD)
    expect(received).toEqual([
      {
        method: 'register',
        params: {
          lang: 'fr',
          regToken: 'RT1_x',
          email: 'a@example.com',
          password: PASSWORD,
          profile: { zip: '10001' },
          include: 'profile,data',
        },
      },
    ])
  })

  it('rejects error callbacks with AccountsError, without the password echo', async () => {
    const { gigya } = fakeGigya({ register: loadFixture('register-pending-registration') })
    const error = (await createAccountsClient({ transport: webSdkTransport(gigya) })
      .register({ regToken: 'RT1_x', email: 'a@example.com', password: PASSWORD })
      .catch((reason: unknown) => reason)) as AccountsError
    expect(error).toBeInstanceOf(AccountsError)
    expect(error.isPendingRegistration).toBe(true)
    expect(error.response).toMatchObject({ status: 'FAIL' })
    expect(JSON.stringify(error.response)).not.toContain(PASSWORD)
  })

  it('calls the SDK function with its owner as this', async () => {
    const owner = {
      getSchema: vi.fn(function (this: unknown, { callback }: GigyaCallParams) {
        callback({ errorCode: 0, self: this === owner })
      }),
    }
    const result = await createAccountsClient({ transport: webSdkTransport({ accounts: owner }) }).getSchema()
    expect(result).toMatchObject({ self: true })
  })

  it('reports a method the loaded SDK lacks as 400096', async () => {
    const { gigya } = fakeGigya({})
    await expect(createAccountsClient({ transport: webSdkTransport(gigya) }).getPolicies()).rejects.toMatchObject({
      errorCode: 400096,
      errorDetails: 'The loaded Web SDK has no gigya.accounts.getPolicies',
    })
  })

  it('reports an SDK function that throws as 500001', async () => {
    const gigya = {
      accounts: {
        getSchema: () => {
          throw new Error('sdk bug')
        },
      },
    }
    await expect(createAccountsClient({ transport: webSdkTransport(gigya) }).getSchema()).rejects.toMatchObject({
      errorCode: 500001,
    })
  })

  it('times out a callback that never comes', async () => {
    const gigya = { accounts: { getSchema: () => {} } }
    await expect(
      createAccountsClient({ transport: webSdkTransport(gigya), timeoutMs: 20 }).getSchema(),
    ).rejects.toMatchObject({ errorCode: 504002 })
  })

  it('refuses a Web SDK object that has not loaded', () => {
    expect(() => webSdkTransport(undefined as unknown as GigyaWebSdk)).toThrow(/after it has loaded/)
    expect(() => webSdkTransport({} as GigyaWebSdk)).toThrow(/after it has loaded/)
  })
})
