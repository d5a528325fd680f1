// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import type { Store } from '../../../src/emulator/types'
import { createSqliteStore, sqliteMigrations } from '../../../src/server/sqliteStore'
import { describeStoreContract, makeAccount } from '../emulator/storeContract'

const dir = mkdtempSync(join(tmpdir(), 'screensets-sqlite-'))
let files = 0
const freshPath = () => join(dir, `store-${++files}.db`)

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describeStoreContract('the SQLite store', () => createSqliteStore({ path: freshPath() }))

/** Reads the file through a connection of its own, as another process would. */
function inspect<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

describe('the SQLite store on disk', () => {
  const open: Store[] = []
  const openStore = async (path: string) => {
    const store = await createSqliteStore({ path })
    open.push(store)
    return store
  }

  afterEach(async () => {
    for (const store of open.splice(0)) await store.close()
  })

  it('keeps everything across closing and reopening the file', async () => {
    const path = freshPath()
    const first = await openStore(path)
    const account = makeAccount({ UID: 'durable', loginIDs: { emails: ['durable@example.com'], username: 'dur' } })
    const lite = makeAccount({ UID: 'durable-lite', kind: 'lite', loginIDs: { emails: ['news@example.com'] } })
    const site = {
      apiKey: 'site-a',
      userKey: 'user',
      secret: 'secret',
      schema: {},
      policies: { registration: { requireCaptcha: true } },
    }
    await first.putSite(site)
    await first.insertAccount(account)
    await first.insertAccount(lite)
    await first.useToken('token-1', 1234)
    await first.getOrSetMeta('signingKey', 'original')
    const message = await first.addOutbox({
      apiKey: 'site-a',
      to: 'durable@example.com',
      kind: 'verification',
      subject: 'Verify',
      body: 'link',
      UID: 'durable',
      created: 99,
    })
    await first.close()

    const second = await openStore(path)
    expect(await second.getSite('site-a')).toEqual(site)
    expect(await second.getAccount('site-a', 'durable')).toEqual(account)
    expect(await second.findAccountByLoginID('site-a', 'DUR')).toEqual(account)
    expect(await second.findLiteAccount('site-a', 'news@example.com')).toEqual(lite)
    expect(await second.listAccounts('site-a')).toEqual([account, lite])
    expect(await second.isTokenUsed('token-1')).toBe(true)
    expect(await second.useToken('token-1', 5678)).toBe(false)
    expect(await second.getOrSetMeta('signingKey', 'replacement')).toBe('original')
    expect(await second.listOutbox('site-a')).toEqual([message])
    expect(await second.insertAccount(makeAccount({ loginIDs: { emails: ['Durable@example.com'] } }))).toEqual({
      conflict: 'loginID',
      loginID: 'durable@example.com',
    })
    expect((await second.addOutbox({ ...message, subject: 'again' })).id).toBeGreaterThan(message.id)
  })

  it('records the schema version and does not run migrations again on reopening', async () => {
    const path = freshPath()
    const store = await openStore(path)
    await store.insertAccount(makeAccount({ UID: 'kept' }))
    await store.close()
    expect(inspect(path, (db) => db.pragma('user_version', { simple: true }))).toBe(sqliteMigrations.length)

    // Migration 1 creates tables without IF NOT EXISTS: running it again would throw.
    const reopened = await openStore(path)
    expect((await reopened.getAccount('site-a', 'kept'))?.UID).toBe('kept')
    await reopened.close()
    expect(inspect(path, (db) => db.pragma('user_version', { simple: true }))).toBe(sqliteMigrations.length)
  })

  it('refuses a file written by a newer schema', async () => {
    const path = freshPath()
    const db = new Database(path)
    db.pragma(`user_version = ${sqliteMigrations.length + 1}`)
    db.close()
    await expect(createSqliteStore({ path })).rejects.toThrow(/newer than this version understands/)
  })

  it('puts the file in WAL mode', async () => {
    const path = freshPath()
    await openStore(path)
    expect(inspect(path, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal')
  })

  it('creates the tables and indexes of migration 1', async () => {
    const path = freshPath()
    await openStore(path)
    const names = inspect(path, (db) =>
      db
        .prepare<[], string>("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
        .pluck()
        .all(),
    )
    expect(names).toEqual(expect.arrayContaining(['meta', 'sites', 'accounts', 'unique_keys', 'used_tokens', 'outbox']))
    const indexed = inspect(path, (db) =>
      db
        .prepare<[], string>("SELECT tbl_name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL")
        .pluck()
        .all(),
    )
    expect(indexed).toEqual(expect.arrayContaining(['accounts', 'outbox']))
  })

  it('lets exactly one of two connections register the same email', async () => {
    const path = freshPath()
    const [a, b] = await Promise.all([openStore(path), openStore(path)])
    const attempts = Array.from({ length: 40 }, (_, i) =>
      (i % 2 ? a : b).insertAccount(makeAccount({ UID: `conn-${i}`, loginIDs: { emails: ['both@example.com'] } })),
    )
    const results = await Promise.all(attempts)

    expect(results.filter((result) => result === undefined)).toHaveLength(1)
    expect(results.filter((result) => result !== undefined)).toEqual(
      Array.from({ length: 39 }, () => ({ conflict: 'loginID', loginID: 'both@example.com' })),
    )
    expect(await a.listAccounts('site-a')).toHaveLength(1)
    expect(await b.listAccounts('site-a')).toEqual(await a.listAccounts('site-a'))
    expect(await Promise.all([a.useToken('shared', 1), b.useToken('shared', 2)])).toEqual([true, false])
  })

  it('never returns a lite account as a full one, even asked for its internal key', async () => {
    const store = await openStore(freshPath())
    await store.insertAccount(makeAccount({ kind: 'lite', loginIDs: { emails: ['news@example.com'] } }))
    expect(await store.findAccountByLoginID('site-a', 'lite:news@example.com')).toBeUndefined()
  })

  it('also runs in memory', async () => {
    const store = await openStore(':memory:')
    const account = makeAccount()
    expect(await store.insertAccount(account)).toBeUndefined()
    expect(await store.getAccount('site-a', account.UID)).toEqual(account)
  })
})

describe('the SQLite store without better-sqlite3', () => {
  afterEach(() => {
    vi.doUnmock('better-sqlite3')
    vi.resetModules()
  })

  it('explains how to install the driver or run without it', async () => {
    vi.resetModules()
    vi.doMock('better-sqlite3', () => {
      throw new Error("Cannot find package 'better-sqlite3'")
    })
    const { createSqliteStore: create } = await import('../../../src/server/sqliteStore')
    await expect(create({ path: ':memory:' })).rejects.toThrow(
      'react-screensets/server: the SQLite store needs the optional peer dependency better-sqlite3 ' +
        '(npm install better-sqlite3); pass a memory store to run without it',
    )
  })
})
