import { describe, expect, it } from 'vitest'
import { type AccountsError, createAccountsClient } from '../../src'
import { createEmulatorTransport } from '../../src/testing'

describe('the emulator inside Chromium (Web Crypto, memory store)', () => {
  it('runs a registration from 206001 to success, and tells lite from full', async () => {
    const transport = await createEmulatorTransport({ passwordHashIterations: 1000 })
    const client = createAccountsClient({ transport })
    const { regToken } = await client.initRegistration()
    const pending = await client
      .register({
        regToken,
        email: 'ada@example.com',
        password: 'Secret-123',
        profile: { firstName: 'Ada' },
        finalizeRegistration: true,
      })
      .catch((error: unknown) => error as AccountsError)
    expect(pending).toMatchObject({ errorCode: 206001, errorDetails: expect.stringContaining('profile.zip') })

    const token = (pending as AccountsError).regToken as string
    await client.setAccountInfo({
      regToken: token,
      profile: { zip: '10001' },
      data: { terms: true },
      preferences: { terms: { tos: { isConsentGranted: true } } },
    })
    await expect(client.finalizeRegistration({ regToken: token })).resolves.toMatchObject({
      errorCode: 0,
      isRegistered: true,
    })

    const lite = await client.initRegistration({ isLite: true })
    await expect(
      client.register({ regToken: lite.regToken, email: 'x@example.com', password: 'Secret-123' }),
    ).rejects.toMatchObject({ errorCode: 400006 })
    const accounts = await transport.emulator.store.listAccounts('3_screensets_dev')
    expect(accounts).toHaveLength(1)
    expect(JSON.stringify(accounts)).not.toContain('Secret-123')
  })
})
