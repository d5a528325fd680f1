/**
 * The emulator's durable store, on SQLite through better-sqlite3.
 *
 * Durability: the emulator acknowledges a registration only after the store resolves, so a write
 * that resolved must survive the process being killed, and the machine going down with it. WAL with
 * `synchronous = FULL` fsyncs the log on every commit; `NORMAL` survives a killed process (the OS
 * still holds the pages) but may lose the last commits on power loss or an OS crash.
 * `busy_timeout` lets a second process (a test runner next to a dev server) wait for the write lock
 * instead of failing at once.
 *
 * Uniqueness: the `unique_keys` primary key is the only judge of whether an email or user name is
 * taken. A read-then-write check would let two connections (or two processes) both see the key as
 * free and both insert; with the constraint, the database refuses the second insert whatever the
 * interleaving, and the whole account insert rolls back with it.
 *
 * better-sqlite3 is an optional peer dependency (a native module), so it is loaded lazily and only
 * by this file: the memory store keeps working where it cannot be installed.
 */
import type Database from 'better-sqlite3'
import { uniqueKeysOf, type AccountRecord, type OutboxMessage, type SiteConfig, type Store } from '../emulator/types'

/**
 * Schema versions, applied in order and counted by `PRAGMA user_version`. Never edit a shipped
 * entry: existing files have already run it, so changes go in a new entry at the end.
 */
export const sqliteMigrations: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE sites (api_key TEXT PRIMARY KEY, config TEXT NOT NULL);
  CREATE TABLE accounts (
    uid TEXT PRIMARY KEY,
    api_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('full', 'lite')),
    doc TEXT NOT NULL,
    created INTEGER NOT NULL
  );
  CREATE INDEX accounts_api_key ON accounts (api_key);
  CREATE TABLE unique_keys (
    api_key TEXT NOT NULL,
    key TEXT NOT NULL,
    uid TEXT NOT NULL REFERENCES accounts (uid) ON DELETE CASCADE,
    PRIMARY KEY (api_key, key)
  );
  CREATE INDEX unique_keys_uid ON unique_keys (uid);
  CREATE TABLE used_tokens (token_id TEXT PRIMARY KEY, used_at INTEGER NOT NULL);
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    api_key TEXT NOT NULL,
    uid TEXT,
    recipient TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created INTEGER NOT NULL
  );
  CREATE INDEX outbox_api_key ON outbox (api_key);
  `,
  // 2: the structured link (password reset) and code (code verification) of a message.
  `
  ALTER TABLE outbox ADD COLUMN link TEXT;
  ALTER TABLE outbox ADD COLUMN code TEXT;
  `,
]

const missingDriver =
  'react-screensets/server: the SQLite store needs the optional peer dependency better-sqlite3 ' +
  '(npm install better-sqlite3); pass a memory store to run without it'

interface OutboxRow {
  id: number
  api_key: string
  uid: string | null
  recipient: string
  kind: OutboxMessage['kind']
  subject: string
  body: string
  link: string | null
  code: string | null
  created: number
}

/** Thrown inside a transaction to roll it back; never escapes this module. */
class KeyTaken extends Error {
  constructor(readonly key: string) {
    super(`Unique key taken: ${key}`)
  }
}

const isPrimaryKeyViolation = (error: unknown) =>
  error instanceof Error && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY'

/** `lite:` is an internal namespace of the key column; callers know the email itself. */
const publicLoginID = (key: string) => key.replace(/^lite:/, '')

export async function createSqliteStore(options: { path: string }): Promise<Store> {
  let Driver: typeof Database
  try {
    Driver = (await import('better-sqlite3')).default
  } catch (cause) {
    throw new Error(missingDriver, { cause })
  }

  const db = new Driver(options.path, { timeout: 5000 })
  try {
    migrate(db, options.path)
  } catch (error) {
    db.close()
    throw error
  }

  const statements = {
    getMeta: db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck(),
    insertMeta: db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    getSite: db.prepare<[string], string>('SELECT config FROM sites WHERE api_key = ?').pluck(),
    putSite: db.prepare<[string, string]>(
      'INSERT INTO sites (api_key, config) VALUES (?, ?) ON CONFLICT (api_key) DO UPDATE SET config = excluded.config',
    ),
    insertAccount: db.prepare<[string, string, string, string, number]>(
      'INSERT INTO accounts (uid, api_key, kind, doc, created) VALUES (?, ?, ?, ?, ?)',
    ),
    updateAccount: db.prepare<[string, string, string, number, string]>(
      'UPDATE accounts SET api_key = ?, kind = ?, doc = ?, created = ? WHERE uid = ?',
    ),
    getKind: db.prepare<[string], string>('SELECT kind FROM accounts WHERE uid = ?').pluck(),
    getAccount: db.prepare<[string, string], string>('SELECT doc FROM accounts WHERE uid = ? AND api_key = ?').pluck(),
    // The kind filter keeps the two namespaces apart even if a user name itself starts with `lite:`.
    findByKey: db
      .prepare<[string, string, string], string>(
        `SELECT accounts.doc FROM unique_keys JOIN accounts ON accounts.uid = unique_keys.uid
         WHERE unique_keys.api_key = ? AND unique_keys.key = ? AND accounts.kind = ?`,
      )
      .pluck(),
    // rowid follows insertion (UPDATE keeps it), matching the memory store's Map order.
    listAccounts: db.prepare<[string], string>('SELECT doc FROM accounts WHERE api_key = ? ORDER BY rowid').pluck(),
    insertKey: db.prepare<[string, string, string]>('INSERT INTO unique_keys (api_key, key, uid) VALUES (?, ?, ?)'),
    deleteKeys: db.prepare<[string]>('DELETE FROM unique_keys WHERE uid = ?'),
    useToken: db.prepare<[string, number]>(
      'INSERT INTO used_tokens (token_id, used_at) VALUES (?, ?) ON CONFLICT (token_id) DO NOTHING',
    ),
    isTokenUsed: db.prepare<[string], number>('SELECT 1 FROM used_tokens WHERE token_id = ?').pluck(),
    addOutbox: db.prepare<
      [string, string | null, string, string, string, string, string | null, string | null, number],
      OutboxRow
    >(
      `INSERT INTO outbox (api_key, uid, recipient, kind, subject, body, link, code, created)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    ),
    listOutbox: db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE api_key = ? ORDER BY id'),
  }

  function claimKeys(account: AccountRecord) {
    // A Set, because an account may list one email twice or use its email as user name: its own
    // duplicate would otherwise collide with itself.
    for (const key of new Set(uniqueKeysOf(account))) {
      try {
        statements.insertKey.run(account.apiKey, key, account.UID)
      } catch (error) {
        throw isPrimaryKeyViolation(error) ? new KeyTaken(key) : error
      }
    }
  }

  // IMMEDIATE takes the write lock up front: a deferred transaction that starts by reading can fail
  // with SQLITE_BUSY on its first write instead of waiting out busy_timeout.
  const insertAccount = db.transaction((account: AccountRecord) => {
    statements.insertAccount.run(account.UID, account.apiKey, account.kind, JSON.stringify(account), account.created)
    claimKeys(account)
  }).immediate

  const updateAccount = db.transaction((account: AccountRecord, expectedKind?: AccountRecord['kind']) => {
    const kind = statements.getKind.get(account.UID)
    if (kind === undefined) throw new Error(`No account ${account.UID} to update`)
    if (expectedKind !== undefined && kind !== expectedKind) return { conflict: 'stale' } as const
    statements.updateAccount.run(account.apiKey, account.kind, JSON.stringify(account), account.created, account.UID)
    statements.deleteKeys.run(account.UID)
    claimKeys(account)
    return undefined
  }).immediate

  const parseAccount = (doc: string | undefined) => (doc === undefined ? undefined : (JSON.parse(doc) as AccountRecord))

  const toMessage = (row: OutboxRow): OutboxMessage => ({
    id: row.id,
    apiKey: row.api_key,
    to: row.recipient,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    ...(row.uid === null ? {} : { UID: row.uid }),
    ...(row.link === null ? {} : { link: row.link }),
    ...(row.code === null ? {} : { code: row.code }),
    created: row.created,
  })

  return {
    async getOrSetMeta(key, value) {
      statements.insertMeta.run(key, value)
      return statements.getMeta.get(key) as string
    },
    async getSite(apiKey) {
      const config = statements.getSite.get(apiKey)
      return config === undefined ? undefined : (JSON.parse(config) as SiteConfig)
    },
    async putSite(site) {
      statements.putSite.run(site.apiKey, JSON.stringify(site))
    },
    async insertAccount(account) {
      try {
        insertAccount(account)
        return undefined
      } catch (error) {
        if (error instanceof KeyTaken) return { conflict: 'loginID', loginID: publicLoginID(error.key) }
        // Only the accounts insert runs outside claimKeys, so any other primary-key violation is the UID.
        if (isPrimaryKeyViolation(error)) return { conflict: 'uid' }
        throw error
      }
    },
    async updateAccount(account, expectedKind) {
      try {
        return updateAccount(account, expectedKind)
      } catch (error) {
        if (error instanceof KeyTaken) return { conflict: 'loginID', loginID: publicLoginID(error.key) }
        throw error
      }
    },
    async getAccount(apiKey, UID) {
      return parseAccount(statements.getAccount.get(UID, apiKey))
    },
    async findAccountByLoginID(apiKey, loginID) {
      return parseAccount(statements.findByKey.get(apiKey, loginID.toLowerCase(), 'full'))
    },
    async findLiteAccount(apiKey, email) {
      return parseAccount(statements.findByKey.get(apiKey, `lite:${email.toLowerCase()}`, 'lite'))
    },
    async listAccounts(apiKey) {
      return statements.listAccounts.all(apiKey).map((doc) => JSON.parse(doc) as AccountRecord)
    },
    async useToken(tokenId, usedAt) {
      return statements.useToken.run(tokenId, usedAt).changes === 1
    },
    async isTokenUsed(tokenId) {
      return statements.isTokenUsed.get(tokenId) !== undefined
    },
    async addOutbox(message) {
      const row = statements.addOutbox.get(
        message.apiKey,
        message.UID ?? null,
        message.to,
        message.kind,
        message.subject,
        message.body,
        message.link ?? null,
        message.code ?? null,
        message.created,
      )
      return toMessage(row as OutboxRow)
    },
    async listOutbox(apiKey) {
      return statements.listOutbox.all(apiKey).map(toMessage)
    },
    async close() {
      db.close()
    },
  }
}

function migrate(db: Database.Database, path: string) {
  db.pragma('busy_timeout = 5000')
  // Per-connection settings, so they are set on every open, before any transaction (SQLite ignores
  // foreign_keys inside one).
  db.pragma('foreign_keys = ON')
  db.pragma('synchronous = FULL')
  // WAL (readers never block the writer) is stored in the file itself; an in-memory database has no log.
  if (!db.memory) db.pragma('journal_mode = WAL')

  const version = () => db.pragma('user_version', { simple: true }) as number
  if (version() > sqliteMigrations.length) {
    throw new Error(
      `react-screensets/server: ${path} has schema version ${version()}, newer than this version understands ` +
        `(${sqliteMigrations.length}); upgrade react-screensets or use another file`,
    )
  }
  sqliteMigrations.forEach((sql, index) => {
    if (version() > index) return
    // Re-read inside the write lock: another process opening the same new file may have run it first.
    db.transaction(() => {
      if (version() > index) return
      db.exec(sql)
      db.pragma(`user_version = ${index + 1}`)
    }).immediate()
  })
}
