import { describe, expect, it } from 'vitest'
import { createAccountsClient } from '../../../src'
import { createMockTransport } from '../../../src/testing'

describe('createMockTransport', () => {
  it('answers from functions of the request and records every call', async () => {
    const transport = createMockTransport({
      'accounts.isAvailableLoginID': ({ params }) => ({
        errorCode: 0,
        isAvailable: params.loginID !== 'taken@example.com',
      }),
    })
    const client = createAccountsClient({ transport })
    await expect(client.isAvailableLoginID({ loginID: 'taken@example.com' })).resolves.toMatchObject({
      isAvailable: false,
    })
    await expect(client.isAvailableLoginID({ loginID: 'free@example.com' })).resolves.toMatchObject({
      isAvailable: true,
    })
    expect(transport.calls.map((call) => call.params.loginID)).toEqual(['taken@example.com', 'free@example.com'])
  })

  it('hands out a copy of a canned body, so a caller cannot change the next answer', async () => {
    const transport = createMockTransport({ 'accounts.initRegistration': { errorCode: 0, regToken: 'RT1_a' } })
    const client = createAccountsClient({ transport })
    const first = await client.initRegistration()
    ;(first as { regToken: string }).regToken = 'changed'
    await expect(client.initRegistration()).resolves.toMatchObject({ regToken: 'RT1_a' })
  })

  it('answers an unscripted method with 400096', async () => {
    await expect(createAccountsClient({ transport: createMockTransport({}) }).getSchema()).rejects.toMatchObject({
      errorCode: 400096,
    })
  })
})
