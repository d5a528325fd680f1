// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rejection, startHarness, uniqueEmail, type Harness } from '../../support/emulatorHarness'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})

afterAll(async () => {
  await h.close()
})

async function liteToken() {
  return (await h.client().initRegistration({ isLite: true })).regToken
}

async function accountOf(UID: string) {
  const { accounts } = (await h.admin('emulator.listAccounts')) as {
    accounts: Array<Record<string, unknown> & { UID: string }>
  }
  return accounts.find((account) => account.UID === UID)
}

describe('lite accounts (newsletter subscriptions)', () => {
  it('creates a lite account: no password, not registered, required fields not enforced', async () => {
    const email = uniqueEmail('lite')
    const result = await h.client().setAccountInfo({
      regToken: await liteToken(),
      profile: { email },
      subscriptions: { offers: { email: { isSubscribed: true, tags: ['footer'] } } },
    })
    expect(result).toMatchObject({ errorCode: 0, UID: expect.stringMatching(/^[0-9a-f]{32}$/) })
    expect(await accountOf(result.UID as string)).toMatchObject({
      kind: 'lite',
      isRegistered: false,
      hasPassword: false,
      profile: { email },
      subscriptions: {
        offers: { email: { isSubscribed: true, tags: ['footer'], doubleOptIn: { status: 'NotConfirmed' } } },
      },
    })
  })

  it('puts a double opt-in subscription in Pending and writes the confirmation to the outbox', async () => {
    const email = uniqueEmail('doi')
    const { UID } = await h.client().setAccountInfo({
      regToken: await liteToken(),
      profile: { email },
      subscriptions: { newsletter: { email: { isSubscribed: true } } },
    })
    expect(await accountOf(UID as string)).toMatchObject({
      subscriptions: { newsletter: { email: { isSubscribed: true, doubleOptIn: { status: 'Pending' } } } },
    })
    const { messages } = (await h.admin('emulator.getOutbox')) as { messages: Array<Record<string, unknown>> }
    expect(messages.filter((message) => message.UID === UID)).toEqual([
      expect.objectContaining({ kind: 'double-opt-in', to: email, body: expect.stringContaining('newsletter') }),
    ])
    await h.admin('emulator.confirmEmail', { UID })
    expect(await accountOf(UID as string)).toMatchObject({
      subscriptions: { newsletter: { email: { doubleOptIn: { status: 'Confirmed' } } } },
    })
  })

  it('updates the lite account of an email that already has one instead of creating another', async () => {
    const email = uniqueEmail('again')
    const client = h.client()
    const regToken = await liteToken()
    const first = await client.setAccountInfo({
      regToken,
      profile: { email },
      subscriptions: { offers: { email: { isSubscribed: true } } },
    })
    const second = await client.setAccountInfo({
      regToken,
      profile: { email: email.toUpperCase(), firstName: 'Ada' },
      subscriptions: { newsletter: { email: { isSubscribed: true } } },
    })
    expect(second.UID).toBe(first.UID)
    expect(second).toMatchObject({ newUser: false })
    const { accounts } = (await h.admin('emulator.listAccounts')) as {
      accounts: Array<{ profile: { email?: string } }>
    }
    expect(accounts.filter((account) => account.profile.email?.toLowerCase() === email.toLowerCase())).toHaveLength(1)
    expect(await accountOf(first.UID as string)).toMatchObject({
      profile: { firstName: 'Ada' },
      subscriptions: { offers: { email: { isSubscribed: true } }, newsletter: { email: { isSubscribed: true } } },
    })
  })

  it('keeps lite and full accounts apart: the same email may have both', async () => {
    const email = uniqueEmail('both')
    await h.client().setAccountInfo({ regToken: await liteToken(), profile: { email } })
    const client = h.client()
    const { regToken } = await client.initRegistration()
    await expect(
      client.register({
        regToken,
        email,
        password: 'Secret-123',
        profile: { firstName: 'Ada', zip: '10001' },
        data: { terms: true },
        preferences: { terms: { tos: { isConsentGranted: true } } },
        finalizeRegistration: true,
      }),
    ).resolves.toMatchObject({ errorCode: 0 })
  })

  it.each([
    ['no email', {}, 400027, 'profile.email'],
    ['an invalid email', { profile: { email: 'nope' } }, 400026, 'profile.email'],
    [
      'a non-boolean isSubscribed',
      { profile: { email: 'x@example.com' }, subscriptions: { offers: { email: { isSubscribed: 'yes' } } } },
      400026,
      'subscriptions.offers.email.isSubscribed',
    ],
  ])('refuses %s on the right field', async (_label, write, errorCode, fieldName) => {
    const error = await rejection(h.client().setAccountInfo({ regToken: await liteToken(), ...(write as object) }))
    expect(error.errorCode).toBe(400009)
    expect(error.fieldErrors()).toEqual([expect.objectContaining({ errorCode, fieldName })])
  })

  it('refuses an unknown subscription with 400020', async () => {
    const error = await rejection(
      h.client().setAccountInfo({
        regToken: await liteToken(),
        profile: { email: uniqueEmail() },
        subscriptions: { spam: { email: { isSubscribed: true } } },
      }),
    )
    expect(error).toMatchObject({ errorCode: 400020 })
  })

  it('will not take a full token that has no pending registration', async () => {
    const { regToken } = await h.client().initRegistration()
    await expect(
      rejection(h.client().setAccountInfo({ regToken, profile: { email: uniqueEmail() } })),
    ).resolves.toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid regToken',
    })
  })

  it('keeps the lite token usable for its hour (the widget reuses it)', async () => {
    const regToken = await liteToken()
    for (const email of [uniqueEmail(), uniqueEmail(), uniqueEmail()]) {
      await expect(h.client().setAccountInfo({ regToken, profile: { email } })).resolves.toMatchObject({ errorCode: 0 })
    }
    h.clock.now += 60 * 60 * 1000 + 1
    try {
      await expect(
        rejection(h.client().setAccountInfo({ regToken, profile: { email: uniqueEmail() } })),
      ).resolves.toMatchObject({ errorCode: 403002 })
    } finally {
      h.clock.now = Date.now()
    }
  })
})
