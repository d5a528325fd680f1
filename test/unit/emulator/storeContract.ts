import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccountRecord, NewOutboxMessage, SiteConfig, Store } from '../../../src/emulator/types'

type LoginIDs = AccountRecord['loginIDs']

let counter = 0

/** A valid full account with a fresh UID and email; `overrides` replace whole top-level fields. */
export function makeAccount(overrides: Partial<AccountRecord> = {}): AccountRecord {
  counter += 1
  const email = overrides.loginIDs?.emails[0] ?? `user${counter}@example.com`
  return {
    UID: `uid-${counter}`,
    apiKey: 'site-a',
    kind: 'full',
    loginIDs: { emails: [email] },
    passwordHash: 'scrypt$salt$hash',
    profile: { email, firstName: 'Ada' },
    data: {},
    subscriptions: {},
    preferences: {},
    emails: { verified: [], unverified: [email] },
    isRegistered: true,
    isVerified: false,
    isActive: true,
    created: 1_700_000_000_000 + counter,
    lastUpdated: 1_700_000_000_000 + counter,
    ...overrides,
  }
}

function makeSite(apiKey: string, overrides: Partial<SiteConfig> = {}): SiteConfig {
  return {
    apiKey,
    userKey: `${apiKey}-user`,
    secret: `${apiKey}-secret`,
    schema: { profileSchema: { fields: { email: { required: true } } } },
    policies: { registration: { requireCaptcha: false } },
    captchaTestToken: 'pass',
    ...overrides,
  }
}

function makeMessage(overrides: Partial<NewOutboxMessage> = {}): NewOutboxMessage {
  return {
    apiKey: 'site-a',
    to: 'ada@example.com',
    kind: 'verification',
    subject: 'Verify your email',
    body: 'https://example.com/verify?token=t',
    UID: 'uid-x',
    created: 1_700_000_000_000,
    ...overrides,
  }
}

/** The behaviour every `Store` implementation must share; the memory store is the reference. */
export function describeStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(name, () => {
    let store: Store

    beforeEach(async () => {
      store = await makeStore()
    })

    afterEach(async () => {
      await store.close()
    })

    describe('meta', () => {
      it('keeps the first value written for a key', async () => {
        expect(await store.getOrSetMeta('signingKey', 'first')).toBe('first')
        expect(await store.getOrSetMeta('signingKey', 'second')).toBe('first')
        expect(await store.getOrSetMeta('other', 'third')).toBe('third')
      })
    })

    describe('sites', () => {
      it('round-trips a site and overwrites it on a second put', async () => {
        expect(await store.getSite('site-a')).toBeUndefined()
        const site = makeSite('site-a')
        await store.putSite(site)
        expect(await store.getSite('site-a')).toEqual(site)

        const changed = makeSite('site-a', { secret: 'rotated', policies: { registration: { requireCaptcha: true } } })
        await store.putSite(changed)
        expect(await store.getSite('site-a')).toEqual(changed)
        expect(await store.getSite('site-b')).toBeUndefined()
      })
    })

    describe('accounts', () => {
      it('stores an account and finds it by UID, email and user name, ignoring case', async () => {
        const account = makeAccount({
          UID: 'ada',
          loginIDs: { emails: ['ada@example.com'], username: 'adal' },
        })
        expect(await store.insertAccount(account)).toBeUndefined()

        expect(await store.getAccount('site-a', 'ada')).toEqual(account)
        expect(await store.findAccountByLoginID('site-a', 'ada@example.com')).toEqual(account)
        expect(await store.findAccountByLoginID('site-a', 'ADA@Example.COM')).toEqual(account)
        expect(await store.findAccountByLoginID('site-a', 'adal')).toEqual(account)
        expect(await store.findAccountByLoginID('site-a', 'AdaL')).toEqual(account)
        expect(await store.findAccountByLoginID('site-a', 'nobody@example.com')).toBeUndefined()
        expect(await store.listAccounts('site-a')).toEqual([account])
      })

      it('claims mixed-case login ids in lower case', async () => {
        await store.insertAccount(makeAccount({ UID: 'mixed', loginIDs: { emails: ['Mixed@Example.com'] } }))
        expect((await store.findAccountByLoginID('site-a', 'mixed@example.com'))?.UID).toBe('mixed')
        expect(await store.insertAccount(makeAccount({ loginIDs: { emails: ['MIXED@example.com'] } }))).toEqual({
          conflict: 'loginID',
          loginID: 'mixed@example.com',
        })
      })

      it('keeps sites apart', async () => {
        await store.insertAccount(makeAccount({ UID: 'ada', loginIDs: { emails: ['ada@example.com'] } }))
        expect(await store.getAccount('site-b', 'ada')).toBeUndefined()
        expect(await store.findAccountByLoginID('site-b', 'ada@example.com')).toBeUndefined()
        expect(await store.listAccounts('site-b')).toEqual([])
      })

      it('allows the same email in two different sites', async () => {
        const a = makeAccount({ apiKey: 'site-a', loginIDs: { emails: ['shared@example.com'] } })
        const b = makeAccount({ apiKey: 'site-b', loginIDs: { emails: ['shared@example.com'] } })
        expect(await store.insertAccount(a)).toBeUndefined()
        expect(await store.insertAccount(b)).toBeUndefined()
        expect((await store.findAccountByLoginID('site-a', 'shared@example.com'))?.UID).toBe(a.UID)
        expect((await store.findAccountByLoginID('site-b', 'shared@example.com'))?.UID).toBe(b.UID)
      })

      it('lists a site’s accounts in insertion order', async () => {
        const accounts = [makeAccount(), makeAccount(), makeAccount()]
        for (const account of accounts) await store.insertAccount(account)
        await store.insertAccount(makeAccount({ apiKey: 'site-b' }))
        expect((await store.listAccounts('site-a')).map((account) => account.UID)).toEqual(
          accounts.map((account) => account.UID),
        )
      })

      it.each<[string, LoginIDs, LoginIDs, string]>([
        ['an email', { emails: ['taken@example.com'] }, { emails: ['Taken@Example.com'] }, 'taken@example.com'],
        [
          'a user name',
          { emails: ['one@example.com'], username: 'taken' },
          { emails: ['two@example.com'], username: 'TAKEN' },
          'taken',
        ],
        [
          'a second email',
          { emails: ['a@example.com', 'b@example.com'] },
          { emails: ['c@example.com', 'b@example.com'] },
          'b@example.com',
        ],
        [
          'an email used as a user name',
          { emails: ['x@example.com'] },
          { emails: ['y@example.com'], username: 'X@example.com' },
          'x@example.com',
        ],
      ])('refuses %s that is taken and writes nothing', async (_, firstIDs, secondIDs, loginID) => {
        const first = makeAccount({ loginIDs: firstIDs })
        const second = makeAccount({ loginIDs: secondIDs })
        expect(await store.insertAccount(first)).toBeUndefined()
        expect(await store.insertAccount(second)).toEqual({ conflict: 'loginID', loginID })

        expect(await store.getAccount('site-a', second.UID)).toBeUndefined()
        expect(await store.listAccounts('site-a')).toEqual([first])
        // The refused account's other ids were not claimed, not even those written before the conflict.
        const otherIDs = [...secondIDs.emails, secondIDs.username ?? []]
          .flat()
          .filter((id) => id.toLowerCase() !== loginID)
        for (const id of otherIDs) {
          expect(await store.insertAccount(makeAccount({ loginIDs: { emails: [id] } }))).toBeUndefined()
        }
      })

      it('refuses a UID that is already used, even in another site', async () => {
        const first = makeAccount({ UID: 'same' })
        expect(await store.insertAccount(first)).toBeUndefined()
        expect(await store.insertAccount(makeAccount({ UID: 'same' }))).toEqual({ conflict: 'uid' })
        expect(await store.insertAccount(makeAccount({ UID: 'same', apiKey: 'site-b' }))).toEqual({ conflict: 'uid' })
        expect(await store.getAccount('site-a', 'same')).toEqual(first)
        expect(await store.listAccounts('site-b')).toEqual([])
      })

      it('accepts an account that lists its own login id twice', async () => {
        const account = makeAccount({
          loginIDs: { emails: ['twice@example.com', 'TWICE@example.com'], username: 'twice@example.com' },
        })
        expect(await store.insertAccount(account)).toBeUndefined()
        expect(await store.findAccountByLoginID('site-a', 'twice@example.com')).toEqual(account)
        expect(await store.updateAccount({ ...account, isVerified: true })).toBeUndefined()
        expect((await store.getAccount('site-a', account.UID))?.isVerified).toBe(true)
      })
    })

    describe('lite accounts', () => {
      it('live beside a full account of the same email and are only found as lite', async () => {
        const full = makeAccount({ UID: 'full', loginIDs: { emails: ['news@example.com'] } })
        const lite = makeAccount({
          UID: 'lite',
          kind: 'lite',
          loginIDs: { emails: ['News@Example.com'] },
          passwordHash: undefined,
          isRegistered: false,
        })
        expect(await store.insertAccount(lite)).toBeUndefined()
        expect(await store.findAccountByLoginID('site-a', 'news@example.com')).toBeUndefined()
        expect(await store.findLiteAccount('site-a', 'NEWS@example.com')).toEqual(lite)

        expect(await store.insertAccount(full)).toBeUndefined()
        expect(await store.findAccountByLoginID('site-a', 'news@example.com')).toEqual(full)
        expect(await store.findLiteAccount('site-a', 'news@example.com')).toEqual(lite)
        expect(await store.findLiteAccount('site-b', 'news@example.com')).toBeUndefined()
      })

      it('refuse a second lite account of the same email, reporting the email', async () => {
        await store.insertAccount(makeAccount({ kind: 'lite', loginIDs: { emails: ['news@example.com'] } }))
        expect(
          await store.insertAccount(makeAccount({ kind: 'lite', loginIDs: { emails: ['NEWS@example.com'] } })),
        ).toEqual({
          conflict: 'loginID',
          loginID: 'news@example.com',
        })
      })
    })

    describe('updateAccount', () => {
      it('replaces the account, frees its old keys and claims the new ones', async () => {
        const account = makeAccount({ UID: 'ada', loginIDs: { emails: ['old@example.com'], username: 'oldname' } })
        await store.insertAccount(account)
        const updated: AccountRecord = {
          ...account,
          loginIDs: { emails: ['new@example.com'], username: 'newname' },
          profile: { email: 'new@example.com', firstName: 'Ada', lastName: 'Lovelace' },
          isVerified: true,
          lastUpdated: account.lastUpdated + 1,
        }
        expect(await store.updateAccount(updated)).toBeUndefined()

        expect(await store.getAccount('site-a', 'ada')).toEqual(updated)
        expect(await store.listAccounts('site-a')).toEqual([updated])
        expect(await store.findAccountByLoginID('site-a', 'NEW@example.com')).toEqual(updated)
        expect(await store.findAccountByLoginID('site-a', 'newname')).toEqual(updated)
        expect(await store.findAccountByLoginID('site-a', 'old@example.com')).toBeUndefined()
        expect(await store.findAccountByLoginID('site-a', 'oldname')).toBeUndefined()

        const reuse = makeAccount({ loginIDs: { emails: ['old@example.com'], username: 'oldname' } })
        expect(await store.insertAccount(reuse)).toBeUndefined()
      })

      it('keeps the keys it still holds', async () => {
        const account = makeAccount({ loginIDs: { emails: ['keep@example.com'] } })
        await store.insertAccount(account)
        const updated = { ...account, loginIDs: { emails: ['keep@example.com', 'more@example.com'] } }
        expect(await store.updateAccount(updated)).toBeUndefined()
        expect(await store.findAccountByLoginID('site-a', 'keep@example.com')).toEqual(updated)
        expect(await store.findAccountByLoginID('site-a', 'more@example.com')).toEqual(updated)
      })

      it('turns a lite account into a full one', async () => {
        const lite = makeAccount({ kind: 'lite', loginIDs: { emails: ['grow@example.com'] }, isRegistered: false })
        await store.insertAccount(lite)
        const full: AccountRecord = { ...lite, kind: 'full', isRegistered: true }
        expect(await store.updateAccount(full)).toBeUndefined()
        expect(await store.findLiteAccount('site-a', 'grow@example.com')).toBeUndefined()
        expect(await store.findAccountByLoginID('site-a', 'grow@example.com')).toEqual(full)
      })

      it('writes a lite account turning full once: a second update expecting it lite is stale', async () => {
        const lite = makeAccount({ kind: 'lite', loginIDs: { emails: ['once@example.com'] }, isRegistered: false })
        await store.insertAccount(lite)
        const first: AccountRecord = { ...lite, kind: 'full', profile: { firstName: 'First' } }
        const second: AccountRecord = { ...lite, kind: 'full', profile: { firstName: 'Second' } }
        const results = await Promise.all([store.updateAccount(first, 'lite'), store.updateAccount(second, 'lite')])
        expect(results).toEqual([undefined, { conflict: 'stale' }])
        expect(await store.getAccount('site-a', lite.UID)).toEqual(first)
        expect(await store.updateAccount({ ...first, isVerified: true }, 'full')).toBeUndefined()
        expect(await store.updateAccount({ ...first, kind: 'lite' }, 'lite')).toEqual({ conflict: 'stale' })
        expect((await store.getAccount('site-a', lite.UID))?.isVerified).toBe(true)
      })

      it('refuses a key held by another account and writes nothing', async () => {
        const other = makeAccount({ loginIDs: { emails: ['other@example.com'] } })
        const account = makeAccount({ loginIDs: { emails: ['mine@example.com'], username: 'mine' } })
        await store.insertAccount(other)
        await store.insertAccount(account)

        const result = await store.updateAccount({
          ...account,
          loginIDs: { emails: ['fresh@example.com', 'Other@Example.com'] },
          isVerified: true,
        })
        expect(result).toEqual({ conflict: 'loginID', loginID: 'other@example.com' })

        expect(await store.getAccount('site-a', account.UID)).toEqual(account)
        expect(await store.findAccountByLoginID('site-a', 'mine@example.com')).toEqual(account)
        expect(await store.findAccountByLoginID('site-a', 'mine')).toEqual(account)
        expect(await store.findAccountByLoginID('site-a', 'fresh@example.com')).toBeUndefined()
        expect(await store.findAccountByLoginID('site-a', 'other@example.com')).toEqual(other)
      })

      it('rejects an account that does not exist', async () => {
        await expect(store.updateAccount(makeAccount())).rejects.toThrow()
        expect(await store.listAccounts('site-a')).toEqual([])
      })
    })

    describe('copies', () => {
      it('never hands out or keeps a shared object', async () => {
        const account = makeAccount({ UID: 'ada', loginIDs: { emails: ['ada@example.com'] } })
        await store.insertAccount(account)
        const snapshot = structuredClone(account)
        account.profile.firstName = 'changed after insert'
        account.loginIDs.emails.push('sneaky@example.com')

        const got = await store.getAccount('site-a', 'ada')
        expect(got).toEqual(snapshot)
        if (!got) throw new Error('unreachable')
        got.profile.firstName = 'changed after get'
        got.emails.verified.push('x')
        const found = await store.findAccountByLoginID('site-a', 'ada@example.com')
        if (!found) throw new Error('unreachable')
        found.data.touched = true
        const [listed] = await store.listAccounts('site-a')
        if (!listed) throw new Error('unreachable')
        listed.isActive = false

        expect(await store.getAccount('site-a', 'ada')).toEqual(snapshot)
        expect(await store.findAccountByLoginID('site-a', 'sneaky@example.com')).toBeUndefined()

        const site = makeSite('site-a')
        await store.putSite(site)
        const siteSnapshot = structuredClone(site)
        site.secret = 'changed after put'
        const gotSite = await store.getSite('site-a')
        if (!gotSite) throw new Error('unreachable')
        gotSite.userKey = 'changed after get'
        expect(await store.getSite('site-a')).toEqual(siteSnapshot)

        const message = await store.addOutbox(makeMessage())
        message.subject = 'changed'
        const [listedMessage] = await store.listOutbox('site-a')
        if (!listedMessage) throw new Error('unreachable')
        listedMessage.body = 'changed'
        expect((await store.listOutbox('site-a'))[0]).toMatchObject({
          subject: 'Verify your email',
          body: makeMessage().body,
        })
      })
    })

    describe('tokens', () => {
      it('lets a token be used once', async () => {
        expect(await store.isTokenUsed('t1')).toBe(false)
        expect(await store.useToken('t1', 1000)).toBe(true)
        expect(await store.isTokenUsed('t1')).toBe(true)
        expect(await store.useToken('t1', 2000)).toBe(false)
        expect(await store.isTokenUsed('t2')).toBe(false)
      })

      it('gives true to exactly one of many parallel callers', async () => {
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.useToken('shared', i)))
        expect(results.filter(Boolean)).toHaveLength(1)
      })
    })

    describe('outbox', () => {
      it('numbers messages increasingly and lists them per site in insertion order', async () => {
        const first = await store.addOutbox(makeMessage({ subject: 'first' }))
        const other = await store.addOutbox(makeMessage({ apiKey: 'site-b', subject: 'other' }))
        const second = await store.addOutbox(
          makeMessage({ subject: 'second', kind: 'double-opt-in', UID: undefined, to: 'news@example.com' }),
        )
        expect(first).toEqual({ ...makeMessage({ subject: 'first' }), id: first.id })
        expect(other.id).toBeGreaterThan(first.id)
        expect(second.id).toBeGreaterThan(other.id)
        expect(second.UID).toBeUndefined()

        expect(await store.listOutbox('site-a')).toEqual([first, second])
        expect(await store.listOutbox('site-b')).toEqual([other])
        expect(await store.listOutbox('site-c')).toEqual([])
      })

      it('keeps the structured link and code of a message, and leaves them out when absent', async () => {
        const reset = await store.addOutbox(
          makeMessage({ kind: 'password-reset', link: 'https://shop.example.com/reset?lang=en&pwrt=PRT1_a.b' }),
        )
        const code = await store.addOutbox(makeMessage({ kind: 'code-verification', code: '012345' }))
        const plain = await store.addOutbox(makeMessage())
        expect(reset.link).toBe('https://shop.example.com/reset?lang=en&pwrt=PRT1_a.b')
        expect(code.code).toBe('012345')
        expect(plain).not.toHaveProperty('link')
        expect(plain).not.toHaveProperty('code')
        expect(await store.listOutbox('site-a')).toEqual([reset, code, plain])
      })
    })

    describe('password and code state on accounts', () => {
      it('round-trips the password history, change time, flags and pending code', async () => {
        const account = makeAccount({
          passwordChanged: 1_700_000_000_500,
          passwordHistory: ['pbkdf2$old1', 'pbkdf2$old2'],
          requirePasswordChange: true,
          resetTokenId: 'reset-1',
          pendingCode: { vTokenId: 'v-1', email: 'ada@example.com', codeHash: 'hash' },
          codesSent: [1, 2],
        })
        expect(await store.insertAccount(account)).toBeUndefined()
        expect(await store.getAccount('site-a', account.UID)).toEqual(account)
      })
    })

    describe('races', () => {
      it('lets exactly one of 50 parallel registrations of one email through', async () => {
        const attempts = Array.from({ length: 50 }, (_, i) =>
          makeAccount({ UID: `racer-${i}`, loginIDs: { emails: [i % 2 ? 'RACE@example.com' : 'race@example.com'] } }),
        )
        const results = await Promise.all(attempts.map((account) => store.insertAccount(account)))

        expect(results.filter((result) => result === undefined)).toHaveLength(1)
        expect(results.filter((result) => result !== undefined)).toEqual(
          Array.from({ length: 49 }, () => ({ conflict: 'loginID', loginID: 'race@example.com' })),
        )
        const accounts = await store.listAccounts('site-a')
        expect(accounts).toHaveLength(1)
        expect(accounts[0]?.UID).toBe(attempts[results.indexOf(undefined)]?.UID)
      })
    })
  })
}
