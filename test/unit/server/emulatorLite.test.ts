// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountsError } from '../../../src'
import { COMPLETE, PASSWORD, rejection, startHarness, uniqueEmail, type Harness } from '../../support/emulatorHarness'

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

describe('one email, one account: lite ↔ full (FLOWS.md §7, progression policy auto)', () => {
  async function accountsOf(email: string) {
    const { accounts } = (await h.admin('emulator.listAccounts')) as {
      accounts: Array<Record<string, unknown> & { UID: string; loginIDs: { emails: string[] } }>
    }
    return accounts.filter((account) => account.loginIDs.emails.some((id) => id.toLowerCase() === email.toLowerCase()))
  }

  async function registerFull(email: string, extra: Record<string, unknown> = {}) {
    const client = h.client()
    const { regToken } = await client.initRegistration()
    return client.register({ regToken, email, password: PASSWORD, ...COMPLETE, finalizeRegistration: true, ...extra })
  }

  it('registers a lite email as the same account: its UID, subscriptions and consents stay, the registration wins', async () => {
    const email = uniqueEmail('progress')
    const lite = await h.client().setAccountInfo({
      regToken: await liteToken(),
      profile: { email, firstName: 'Lite', lastName: 'Kept' },
      subscriptions: {
        newsletter: { email: { isSubscribed: true } },
        offers: { email: { isSubscribed: true, tags: ['footer'] } },
      },
    })
    const liteCreated = (await accountOf(lite.UID as string))?.created

    const full = await registerFull(email.toUpperCase(), {
      profile: { firstName: 'Ada', zip: '10001' },
      subscriptions: { offers: { email: { isSubscribed: false } } },
    })

    expect(full).toMatchObject({ errorCode: 0, UID: lite.UID, isRegistered: true, newUser: true })
    expect(await accountsOf(email)).toHaveLength(1)
    expect(await accountOf(lite.UID as string)).toMatchObject({
      kind: 'full',
      hasPassword: true,
      created: liteCreated,
      profile: { email, firstName: 'Ada', lastName: 'Kept', zip: '10001' },
      data: { terms: true },
      subscriptions: {
        newsletter: { email: { isSubscribed: true, doubleOptIn: { status: 'Pending' } } },
        offers: { email: { isSubscribed: false, tags: ['footer'] } },
      },
      preferences: { terms: { tos: { isConsentGranted: true } } },
    })
    await expect(h.client().login({ loginID: email, password: PASSWORD })).resolves.toMatchObject({ UID: lite.UID })
  })

  it('keeps the lite UID through a pending registration (206001) and its completion', async () => {
    const email = uniqueEmail('progress-pending')
    const lite = await h.client().setAccountInfo({ regToken: await liteToken(), profile: { email } })
    const client = h.client()
    const { regToken } = await client.initRegistration()
    const pending = await rejection(
      client.register({ regToken, email, password: PASSWORD, finalizeRegistration: true }),
    )
    expect(pending).toMatchObject({ errorCode: 206001, response: expect.objectContaining({ UID: lite.UID }) })
    await client.setAccountInfo({ regToken: pending.regToken as string, ...COMPLETE })
    await expect(client.finalizeRegistration({ regToken: pending.regToken as string })).resolves.toMatchObject({
      UID: lite.UID,
    })
    expect(await accountsOf(email)).toHaveLength(1)
  })

  it('lets exactly one of 20 parallel registrations of a lite email through; the others get 400003', async () => {
    const email = uniqueEmail('progress-race')
    const lite = await h.client().setAccountInfo({ regToken: await liteToken(), profile: { email } })
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => registerFull(email)))
    const created = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value.UID] : []))
    const taken = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? (outcome.reason as AccountsError).takenLoginIDs() : [],
    )
    expect(created).toEqual([lite.UID])
    expect(taken).toEqual(Array.from({ length: 19 }, () => 'email'))
    expect(await accountsOf(email)).toHaveLength(1)
  })

  it("subscribes a full account's email on that account: subscriptions added, its own data kept, no second account", async () => {
    const email = uniqueEmail('full-then-lite')
    const full = await registerFull(email, { profile: { firstName: 'Ada', zip: '10001' } })
    const result = await h.client().setAccountInfo({
      regToken: await liteToken(),
      profile: { email: email.toUpperCase(), firstName: 'Other', lastName: 'Lovelace' },
      subscriptions: { newsletter: { email: { isSubscribed: true } } },
    })
    expect(result).toMatchObject({ errorCode: 0, UID: full.UID, newUser: false })
    expect(await accountsOf(email)).toHaveLength(1)
    expect(await accountOf(full.UID)).toMatchObject({
      kind: 'full',
      isRegistered: true,
      profile: { firstName: 'Ada', lastName: 'Lovelace', zip: '10001' },
      subscriptions: { newsletter: { email: { isSubscribed: true, doubleOptIn: { status: 'Pending' } } } },
    })
    const { messages } = (await h.admin('emulator.getOutbox')) as { messages: Array<Record<string, unknown>> }
    expect(messages).toContainEqual(expect.objectContaining({ UID: full.UID, kind: 'double-opt-in' }))
  })
})
