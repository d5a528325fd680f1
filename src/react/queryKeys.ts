import type { AccountsClient } from '../accounts'

const clientIds = new WeakMap<AccountsClient, number>()
let nextClientId = 1

/**
 * The client's `cacheKey` (the same on the server and in the browser for one site), else an id per
 * client object; either way two sites on one page never share cache entries.
 */
function clientId(client: AccountsClient): string | number {
  if (client.cacheKey !== undefined) return client.cacheKey
  let id = clientIds.get(client)
  if (id === undefined) {
    id = nextClientId
    nextClientId += 1
    clientIds.set(client, id)
  }
  return id
}

/**
 * Every query key of the library, TanStack-style: hierarchical, so `accountsKeys.all(client)`
 * invalidates everything of one site. Keys never hold a secret (no session token, no password): the
 * only user input in a key is an email whose availability was asked.
 */
export const accountsKeys = {
  all: (client: AccountsClient) => ['react-screensets', clientId(client)] as const,
  schema: (client: AccountsClient) => [...accountsKeys.all(client), 'schema'] as const,
  policies: (client: AccountsClient) => [...accountsKeys.all(client), 'policies'] as const,
  regToken: (client: AccountsClient, lite: boolean) =>
    [...accountsKeys.all(client), 'regToken', lite ? 'lite' : 'full'] as const,
  /**
   * The signed-in user's account. Per session `version` (a change count, never the token): a new
   * sign-in never finds the last user's account in the cache.
   */
  account: (client: AccountsClient) => [...accountsKeys.all(client), 'account'] as const,
  loginIdAvailability: (client: AccountsClient, loginID: string) =>
    [...accountsKeys.all(client), 'isAvailableLoginID', loginID.toLowerCase()] as const,
  /** The messages of one language: not per site, every client on the page shares them. */
  catalog: (lang: string) => ['react-screensets', 'catalog', lang] as const,
  /** The .NET pattern translator's module: code, the same for every site of the page. */
  patternSupport: () => ['react-screensets', 'patternSupport'] as const,
  /** What the newsletter form needs for extra `fields`: code, like the pattern translator. */
  liteExtras: () => ['react-screensets', 'liteExtras'] as const,
}
