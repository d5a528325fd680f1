import {
  uniqueKeysOf,
  type AccountRecord,
  type OutboxMessage,
  type SiteConfig,
  type Store,
  type UniqueConflict,
} from './types'

/** Deep copies, so that callers can never change stored state by mutating what they got. */
const copy = <T>(value: T): T => structuredClone(value)

/**
 * A store in plain memory: for the browser (Storybook, in-process tests) and unit tests. Every
 * method runs synchronously inside its promise, so each is atomic under JavaScript's single thread.
 */
export function createMemoryStore(): Store {
  const meta = new Map<string, string>()
  const sites = new Map<string, SiteConfig>()
  const accounts = new Map<string, AccountRecord>()
  /** `<apiKey>\n<unique key>` → UID */
  const uniqueKeys = new Map<string, string>()
  const usedTokens = new Map<string, number>()
  const outbox: OutboxMessage[] = []

  const keyOf = (apiKey: string, key: string) => `${apiKey}\n${key}`

  function claim(account: AccountRecord, replacing?: AccountRecord): UniqueConflict | undefined {
    const keys = uniqueKeysOf(account)
    for (const key of keys) {
      const owner = uniqueKeys.get(keyOf(account.apiKey, key))
      if (owner !== undefined && owner !== account.UID)
        return { conflict: 'loginID', loginID: key.replace(/^lite:/, '') }
    }
    if (replacing) for (const key of uniqueKeysOf(replacing)) uniqueKeys.delete(keyOf(replacing.apiKey, key))
    for (const key of keys) uniqueKeys.set(keyOf(account.apiKey, key), account.UID)
    accounts.set(account.UID, copy(account))
    return undefined
  }

  return {
    async getOrSetMeta(key, value) {
      if (!meta.has(key)) meta.set(key, value)
      return meta.get(key) as string
    },
    async getSite(apiKey) {
      const site = sites.get(apiKey)
      return site && copy(site)
    },
    async putSite(site) {
      sites.set(site.apiKey, copy(site))
    },
    async insertAccount(account) {
      if (accounts.has(account.UID)) return { conflict: 'uid' }
      return claim(account)
    },
    async updateAccount(account, expectedKind) {
      const existing = accounts.get(account.UID)
      if (!existing) throw new Error(`No account ${account.UID} to update`)
      if (expectedKind !== undefined && existing.kind !== expectedKind) return { conflict: 'stale' }
      return claim(account, existing)
    },
    async getAccount(apiKey, UID) {
      const account = accounts.get(UID)
      return account && account.apiKey === apiKey ? copy(account) : undefined
    },
    async findAccountByLoginID(apiKey, loginID) {
      const UID = uniqueKeys.get(keyOf(apiKey, loginID.toLowerCase()))
      const account = UID === undefined ? undefined : accounts.get(UID)
      return account?.kind === 'full' ? copy(account) : undefined
    },
    async findLiteAccount(apiKey, email) {
      const UID = uniqueKeys.get(keyOf(apiKey, `lite:${email.toLowerCase()}`))
      const account = UID === undefined ? undefined : accounts.get(UID)
      return account?.kind === 'lite' ? copy(account) : undefined
    },
    async listAccounts(apiKey) {
      return [...accounts.values()].filter((account) => account.apiKey === apiKey).map(copy)
    },
    async useToken(tokenId, usedAt) {
      if (usedTokens.has(tokenId)) return false
      usedTokens.set(tokenId, usedAt)
      return true
    },
    async isTokenUsed(tokenId) {
      return usedTokens.has(tokenId)
    },
    async addOutbox(message) {
      const stored = { ...copy(message), id: outbox.length + 1 }
      outbox.push(stored)
      return copy(stored)
    },
    async listOutbox(apiKey) {
      return outbox.filter((message) => message.apiKey === apiKey).map(copy)
    },
    async close() {},
  }
}
