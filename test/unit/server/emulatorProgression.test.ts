// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SITE } from '../../../src/server'
import { COMPLETE, PASSWORD, startHarness, uniqueEmail, type Harness } from '../../support/emulatorHarness'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})

afterAll(async () => {
  await h.close()
})

const call = (method: string, params: Record<string, string>) =>
  h.raw(method, { apiKey: DEFAULT_SITE.apiKey, ...params })

async function liteAccount() {
  const email = uniqueEmail('lite')
  const { regToken } = await call('accounts.initRegistration', { isLite: 'true' })
  const body = await call('accounts.setAccountInfo', {
    regToken: regToken as string,
    profile: JSON.stringify({ email, lastName: 'Kept' }),
    subscriptions: JSON.stringify({ offers: { email: { isSubscribed: true } } }),
  })
  expect(body.errorCode).toBe(0)
  return { email, UID: body.UID as string }
}

async function liteToken(email: string): Promise<string> {
  const body = await h.admin('accounts.getLiteToken', { email })
  expect(body).toMatchObject({ errorCode: 0, token: expect.any(String) })
  return body.token as string
}

const register = (regToken: string, extra: Record<string, string> = {}) =>
  call('accounts.register', {
    regToken,
    password: PASSWORD,
    profile: JSON.stringify(COMPLETE.profile),
    data: JSON.stringify(COMPLETE.data),
    preferences: JSON.stringify(COMPLETE.preferences),
    finalizeRegistration: 'true',
    include: 'profile,subscriptions',
    ...extra,
  })

describe('explicit lite progression: getLiteToken → initProgression → register', () => {
  it('makes the lite account the full one, keeping its UID and data', async () => {
    const { email, UID } = await liteAccount()
    const progressed = await call('accounts.initProgression', { regToken: await liteToken(email) })
    expect(progressed).toMatchObject({ errorCode: 0, regToken: expect.stringMatching(/^RT1_(?!LTE_)/) })
    // The email may be left out: the lite account's is kept.
    const body = await register(progressed.regToken as string)
    expect(body).toMatchObject({
      errorCode: 0,
      UID,
      isRegistered: true,
      newUser: true,
      profile: { email, lastName: 'Kept', firstName: 'Ada' },
      subscriptions: { offers: { email: { isSubscribed: true } } },
    })
    expect(await call('accounts.login', { loginID: email, password: PASSWORD })).toMatchObject({ errorCode: 0, UID })
    const { accounts } = (await h.admin('emulator.listAccounts')) as { accounts: Array<{ UID: string }> }
    expect(accounts.filter((account) => account.UID === UID)).toHaveLength(1)
  })

  it('runs through the typed client', async () => {
    const { email, UID } = await liteAccount()
    const client = h.client()
    const { regToken } = await client.initProgression({ regToken: await liteToken(email) })
    await expect(
      client.register({ regToken, email, password: PASSWORD, ...COMPLETE, finalizeRegistration: true }),
    ).resolves.toMatchObject({ UID })
  })

  it('gives lite tokens to the server only, and only for a lite account', async () => {
    const { email } = await liteAccount()
    expect(await call('accounts.getLiteToken', { email })).toMatchObject({ errorCode: 403007 })
    expect(await h.admin('accounts.getLiteToken', { email: uniqueEmail() })).toMatchObject({ errorCode: 403047 })
    expect(await h.admin('accounts.getLiteToken', {})).toMatchObject({ errorCode: 400002 })
    expect(await h.admin('accounts.getLiteToken', { email, sessionExpiration: '0' })).toMatchObject({
      errorCode: 400006,
    })
  })

  it('refuses other tokens in initProgression with 400006 Invalid regToken', async () => {
    const { email } = await liteAccount()
    const token = await liteToken(email)
    const { regToken: liteRegToken } = await call('accounts.initRegistration', { isLite: 'true' })
    const { regToken: fullRegToken } = await call('accounts.initRegistration', {})
    const [payload, signature] = token.split('.') as [string, string]
    for (const bad of [liteRegToken, fullRegToken, `${payload}.${signature.slice(2)}`, 'LT1_x.y', 'nonsense']) {
      expect(await call('accounts.initProgression', { regToken: bad as string })).toMatchObject({
        errorCode: 400006,
        errorDetails: 'Invalid regToken',
      })
    }
    expect(await call('accounts.initProgression', {})).toMatchObject({ errorCode: 400002 })
  })

  it('expires the lite token after sessionExpiration seconds (3600 by default): 403002', async () => {
    const { email } = await liteAccount()
    const hour = await liteToken(email)
    const minute = (await h.admin('accounts.getLiteToken', { email, sessionExpiration: '60' })).token as string
    try {
      h.clock.now += 61_000
      expect(await call('accounts.initProgression', { regToken: minute })).toMatchObject({ errorCode: 403002 })
      expect(await call('accounts.initProgression', { regToken: hour })).toMatchObject({ errorCode: 0 })
      h.clock.now += 3_600_000
      expect(await call('accounts.initProgression', { regToken: hour })).toMatchObject({
        errorCode: 403002,
        errorDetails: 'regToken expired',
      })
    } finally {
      h.clock.now = Date.now()
    }
  })

  it('refuses the lite token once its account is a full one', async () => {
    const { email } = await liteAccount()
    const token = await liteToken(email)
    const first = await call('accounts.initProgression', { regToken: token })
    const second = await call('accounts.initProgression', { regToken: token })
    expect(await register(first.regToken as string)).toMatchObject({ errorCode: 0 })
    expect(await call('accounts.initProgression', { regToken: token })).toMatchObject({ errorCode: 400006 })
    expect(await register(second.regToken as string)).toMatchObject({ errorCode: 400006 })
  })

  it('will not register with a lite regToken of initRegistration, nor use a progression token elsewhere', async () => {
    const { regToken: liteRegToken } = await call('accounts.initRegistration', { isLite: 'true' })
    expect(await register(liteRegToken as string, { email: uniqueEmail() })).toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid regToken',
    })
    const { email } = await liteAccount()
    const { regToken } = await call('accounts.initProgression', { regToken: await liteToken(email) })
    for (const method of ['accounts.finalizeRegistration', 'accounts.setAccountInfo']) {
      expect(await call(method, { regToken: regToken as string, profile: '{"zip":"10001"}' })).toMatchObject({
        errorCode: 400006,
      })
    }
  })
})
