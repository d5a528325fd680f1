import type { AccountsClient } from '../accounts'

const clientIds = new WeakMap<AccountsClient, number>()
let nextClientId = 1

/** A stable id per client object, so two sites on one page never share cache entries. */
function clientId(client: AccountsClient): number {
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
 * invalidates everything of one client. Keys never hold a secret: the only user input in a key is
 * an email whose availability was asked.
 */
export const accountsKeys = {
  all: (client: AccountsClient) => ['react-screensets', clientId(client)] as const,
  schema: (client: AccountsClient) => [...accountsKeys.all(client), 'schema'] as const,
  policies: (client: AccountsClient) => [...accountsKeys.all(client), 'policies'] as const,
  regToken: (client: AccountsClient, lite: boolean) =>
    [...accountsKeys.all(client), 'regToken', lite ? 'lite' : 'full'] as const,
  loginIdAvailability: (client: AccountsClient, loginID: string) =>
    [...accountsKeys.all(client), 'isAvailableLoginID', loginID.toLowerCase()] as const,
}
