// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SITE } from '../../../src/server'
import { refererOf } from '../../../src/server/accountsHttpHandler'
import { createSqliteStore, sqliteMigrations } from '../../../src/server/sqliteStore'
import { PASSWORD, siteWith, startHarness, uniqueEmail, type Harness } from '../../support/emulatorHarness'
import { loadFixture } from '../../support/fixtures'

const NEW_PASSWORD = 'Brand-new-42'
const resetSite = siteWith('3_reset', { passwordReset: { resetURL: 'https://shop.example.com/reset?lang=en' } })
const shortSite = siteWith('3_reset_short', { passwordReset: { tokenExpiration: 60 } })
const harvestSite = siteWith('3_harvest', { accountOptions: { preventLoginIDHarvesting: true } })
const historySite = siteWith('3_history1', { security: { passwordHistorySize: 1 } })

let h: Harness

beforeAll(async () => {
  h = await startHarness([DEFAULT_SITE, resetSite, shortSite, harvestSite, historySite])
})

afterAll(async () => {
  await h.close()
})

type Body = Record<string, unknown>
const call = (method: string, params: Record<string, string>, apiKey = DEFAULT_SITE.apiKey) =>
  h.raw(method, { apiKey, ...params })

async function registered(apiKey = DEFAULT_SITE.apiKey, password = PASSWORD) {
  const email = uniqueEmail('reset')
  const body = await h.register({ email, password }, apiKey)
  expect(body.errorCode).toBe(0)
  return { email, UID: body.UID as string }
}

async function outbox(apiKey = DEFAULT_SITE.apiKey): Promise<Body[]> {
  const site = [DEFAULT_SITE, resetSite, shortSite, harvestSite, historySite].find((s) => s.apiKey === apiKey)
  return ((await h.admin('emulator.getOutbox', {}, site)) as { messages: Body[] }).messages
}

/** Asks for a reset and returns the token of the link in the outbox. */
async function requestToken(email: string, apiKey = DEFAULT_SITE.apiKey): Promise<string> {
  expect(await call('accounts.resetPassword', { loginID: email }, apiKey)).toMatchObject({ errorCode: 0 })
  const message = (await outbox(apiKey)).filter((m) => m.to === email && m.kind === 'password-reset').at(-1)
  const link = new URL(message?.link as string)
  return link.searchParams.get('pwrt') as string
}

const reset = (passwordResetToken: string, newPassword = NEW_PASSWORD, apiKey = DEFAULT_SITE.apiKey) =>
  call('accounts.resetPassword', { passwordResetToken, newPassword }, apiKey)

const login = (loginID: string, password: string, apiKey = DEFAULT_SITE.apiKey) =>
  call('accounts.login', { loginID, password }, apiKey)

describe('accounts.resetPassword({ loginID }): the email', () => {
  it("answers like the fixture and mails a link to the site's resetURL with pwrt", async () => {
    const { email, UID } = await registered(resetSite.apiKey)
    const body = await call('accounts.resetPassword', { loginID: email.toUpperCase() }, resetSite.apiKey)
    expect(body).toMatchObject({ ...loadFixture('resetPassword-email-sent'), callId: body.callId, time: body.time })
    const messages = (await outbox(resetSite.apiKey)).filter((m) => m.UID === UID)
    expect(messages).toEqual([
      expect.objectContaining({
        kind: 'password-reset',
        to: email,
        link: expect.stringMatching(/^https:\/\/shop\.example\.com\/reset\?lang=en&pwrt=PRT1_[\w-]+\.[\w-]+$/),
      }),
    ])
    expect(messages[0]?.body).toContain(messages[0]?.link as string)
  })

  it('points the link at the calling page without a resetURL, else at http://localhost/', async () => {
    const { email } = await registered()
    const handle = (referer?: string) =>
      h.server.emulator.handle({
        method: 'accounts.resetPassword',
        params: { apiKey: DEFAULT_SITE.apiKey, loginID: email },
        ...(referer === undefined ? {} : { referer }),
      })
    await handle('http://localhost:5173/demo/?story=login&pwrt=old#top')
    await handle('javascript:alert(1)')
    await handle()
    const links = (await outbox()).filter((m) => m.to === email).map((m) => m.link as string)
    expect(links).toEqual([
      expect.stringMatching(/^http:\/\/localhost:5173\/demo\/\?story=login&pwrt=PRT1_[\w-]+\.[\w-]+$/),
      expect.stringMatching(/^http:\/\/localhost\/\?pwrt=PRT1_/),
      expect.stringMatching(/^http:\/\/localhost\/\?pwrt=PRT1_/),
    ])
  })

  it('reads the calling page from Referer, else Origin', () => {
    expect(refererOf({ referer: 'http://localhost:5173/a?b=1', origin: 'http://x' })).toBe(
      'http://localhost:5173/a?b=1',
    )
    expect(refererOf({ origin: 'http://localhost:5173' })).toBe('http://localhost:5173/')
    expect(refererOf({ origin: 'null' })).toBeUndefined()
    expect(refererOf({})).toBeUndefined()
  })

  it('answers 403047 for an unknown login ID and for a lite email, as the fixture', async () => {
    const body = await call('accounts.resetPassword', { loginID: uniqueEmail('nobody') })
    expect(body).toMatchObject({
      ...loadFixture('resetPassword-unknown-login-id'),
      callId: body.callId,
      time: body.time,
    })
    const lite = uniqueEmail('lite')
    const { regToken } = await call('accounts.initRegistration', { isLite: 'true' })
    await call('accounts.setAccountInfo', { regToken: regToken as string, profile: JSON.stringify({ email: lite }) })
    expect(await call('accounts.resetPassword', { loginID: lite })).toMatchObject({ errorCode: 403047 })
    expect((await outbox()).filter((m) => m.to === lite && m.kind === 'password-reset')).toEqual([])
  })

  it('answers 0 and sends nothing for an unknown login ID when the site prevents harvesting', async () => {
    const nobody = uniqueEmail('nobody')
    expect(await call('accounts.resetPassword', { loginID: nobody }, harvestSite.apiKey)).toMatchObject({
      errorCode: 0,
    })
    expect((await outbox(harvestSite.apiKey)).filter((m) => m.to === nobody)).toEqual([])
  })

  it('refuses neither or both of loginID and passwordResetToken, and a token without newPassword', async () => {
    expect(await call('accounts.resetPassword', {})).toMatchObject({
      errorCode: 400002,
      errorDetails: 'Missing required parameter: loginID',
    })
    const { email } = await registered()
    const token = await requestToken(email)
    expect(await call('accounts.resetPassword', { loginID: email, passwordResetToken: token })).toMatchObject({
      errorCode: 400006,
    })
    expect(await call('accounts.resetPassword', { passwordResetToken: token })).toMatchObject({
      errorCode: 400002,
      errorDetails: 'Missing required parameter: newPassword',
    })
  })

  it('sends to `email` only when it is one of the account’s addresses', async () => {
    const { email } = await registered()
    expect(await call('accounts.resetPassword', { loginID: email, email: uniqueEmail() })).toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid email',
    })
  })

  it('returns the token instead of mailing it with sendEmail=false, for the server only', async () => {
    const { email } = await registered()
    expect(await call('accounts.resetPassword', { loginID: email, sendEmail: 'false' })).toMatchObject({
      errorCode: 403007,
    })
    const body = await h.admin('accounts.resetPassword', { loginID: email, sendEmail: 'false' })
    expect(body).toMatchObject({ errorCode: 0, passwordResetToken: expect.stringMatching(/^PRT1_/) })
    expect((await outbox()).filter((m) => m.to === email)).toEqual([])
    expect(await reset(body.passwordResetToken as string)).toMatchObject({ errorCode: 0 })
  })
})

describe('accounts.resetPassword({ passwordResetToken, newPassword })', () => {
  it('sets the password: { UID }, then login works with the new one and not with the old one', async () => {
    const { email, UID } = await registered()
    const token = await requestToken(email)
    expect(await reset(token)).toMatchObject({ errorCode: 0, UID })
    expect(await login(email, NEW_PASSWORD)).toMatchObject({ errorCode: 0, UID })
    expect(await login(email, PASSWORD)).toMatchObject({ errorCode: 403042 })
  })

  it('works through the typed client too', async () => {
    const { email, UID } = await registered()
    const client = h.client()
    await expect(client.resetPassword({ loginID: email })).resolves.toMatchObject({ errorCode: 0 })
    const token = new URL((await outbox()).filter((m) => m.to === email).at(-1)?.link as string).searchParams.get(
      'pwrt',
    )
    await expect(
      client.resetPassword({ passwordResetToken: token as string, newPassword: NEW_PASSWORD }),
    ).resolves.toMatchObject({ UID })
  })

  it('works once: the second use is 400006 Invalid passwordResetToken', async () => {
    const { email } = await registered()
    const token = await requestToken(email)
    expect(await reset(token)).toMatchObject({ errorCode: 0 })
    expect(await reset(token, 'Another-Pass-77')).toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid passwordResetToken',
    })
  })

  it('lets only one of parallel resets with one token through', async () => {
    const { email } = await registered()
    const token = await requestToken(email)
    const answers = await Promise.all(
      ['Parallel-Pass-1', 'Parallel-Pass-2', 'Parallel-Pass-3'].map((password) => reset(token, password)),
    )
    expect(answers.map((answer) => answer.errorCode).sort()).toEqual([0, 400006, 400006])
  })

  it('is revoked by a newer request', async () => {
    const { email } = await registered()
    const older = await requestToken(email)
    const newer = await requestToken(email)
    expect(await reset(older)).toMatchObject({ errorCode: 400006, errorDetails: 'Invalid passwordResetToken' })
    expect(await reset(newer)).toMatchObject({ errorCode: 0 })
  })

  it('expires after passwordReset.tokenExpiration (3600 s by default): 403002', async () => {
    const { email } = await registered()
    const { email: shortEmail } = await registered(shortSite.apiKey)
    const token = await requestToken(email)
    const shortToken = await requestToken(shortEmail, shortSite.apiKey)
    try {
      h.clock.now += 61_000
      expect(await reset(shortToken, NEW_PASSWORD, shortSite.apiKey)).toMatchObject({
        errorCode: 403002,
        errorDetails: 'passwordResetToken expired',
      })
      h.clock.now += 3_600_000 - 61_000
      expect(await reset(token)).toMatchObject({ errorCode: 0 })
    } finally {
      h.clock.now = Date.now()
    }
    const late = await requestToken(email)
    try {
      h.clock.now += 3_600_001
      expect(await reset(late, 'Another-Pass-77')).toMatchObject({ errorCode: 403002 })
    } finally {
      h.clock.now = Date.now()
    }
  })

  it('refuses a tampered, foreign or other kind of token with 400006', async () => {
    const { email } = await registered()
    const token = await requestToken(email)
    const [body, signature] = token.split('.') as [string, string]
    const flipped = `${body}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`
    const { regToken } = await call('accounts.initRegistration', {})
    for (const bad of [flipped, `${body}x.${signature}`, regToken as string, 'PRT1_', 'nonsense']) {
      expect(await reset(bad)).toMatchObject({ errorCode: 400006, errorDetails: 'Invalid passwordResetToken' })
    }
    expect(await reset(token, NEW_PASSWORD, resetSite.apiKey)).toMatchObject({ errorCode: 400006 })
    expect(await reset(token)).toMatchObject({ errorCode: 0 })
  })

  it('refuses the current password and earlier ones with 401030, as the fixture', async () => {
    const { email } = await registered()
    const token = await requestToken(email)
    const body = await reset(token, PASSWORD)
    expect(body).toMatchObject({
      ...loadFixture('resetPassword-reused-password'),
      callId: body.callId,
      time: body.time,
    })
    expect(await reset(token, NEW_PASSWORD)).toMatchObject({ errorCode: 0 })
    const second = await requestToken(email)
    expect(await reset(second, PASSWORD)).toMatchObject({ errorCode: 401030 })
    expect(await reset(second, NEW_PASSWORD)).toMatchObject({ errorCode: 401030 })
  })

  it('forgets passwords beyond security.passwordHistorySize', async () => {
    const { email } = await registered(historySite.apiKey)
    for (const next of ['Second-Pass-2', 'Third-Pass-3']) {
      expect(await reset(await requestToken(email, historySite.apiKey), next, historySite.apiKey)).toMatchObject({
        errorCode: 0,
      })
    }
    const token = await requestToken(email, historySite.apiKey)
    expect(await reset(token, 'Second-Pass-2', historySite.apiKey)).toMatchObject({ errorCode: 401030 })
    expect(await reset(token, PASSWORD, historySite.apiKey)).toMatchObject({ errorCode: 0 })
  })

  it('holds newPassword to passwordComplexity: 400009 on newPassword, the token still usable', async () => {
    const { email } = await registered()
    const token = await requestToken(email)
    expect(await reset(token, 'short')).toMatchObject({
      errorCode: 400009,
      validationErrors: [
        { errorCode: 400009, fieldName: 'newPassword', message: 'Password does not meet complexity requirements' },
      ],
    })
    expect(await reset(token)).toMatchObject({ errorCode: 0 })
  })
})

describe('the outbox in SQLite', () => {
  it('upgrades a database file of the first schema: old messages kept, link and code stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'screensets-migrate-'))
    const path = join(dir, 'old.db')
    try {
      const old = new Database(path)
      old.exec(sqliteMigrations[0] as string)
      old.pragma('user_version = 1')
      old
        .prepare(
          `INSERT INTO outbox (api_key, uid, recipient, kind, subject, body, created)
           VALUES ('site-a', 'u1', 'a@example.com', 'verification', 'Verify', 'Verify a', 1)`,
        )
        .run()
      old.close()
      const store = await createSqliteStore({ path })
      try {
        const added = await store.addOutbox({
          apiKey: 'site-a',
          to: 'a@example.com',
          kind: 'code-verification',
          subject: 'Code',
          body: 'Your code is : 123456',
          code: '123456',
          link: 'http://localhost/?x=1',
          created: 2,
        })
        expect(await store.listOutbox('site-a')).toEqual([
          {
            id: 1,
            apiKey: 'site-a',
            UID: 'u1',
            to: 'a@example.com',
            kind: 'verification',
            subject: 'Verify',
            body: 'Verify a',
            created: 1,
          },
          added,
        ])
        expect(added).toMatchObject({ code: '123456', link: 'http://localhost/?x=1' })
      } finally {
        await store.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
