import { queryOptions } from '@tanstack/react-query'
import {
  isAccountsError,
  type AccountInclude,
  type AccountsClient,
  type CommaList,
  type GetAccountInfoResponse,
} from '../accounts'
import { accountsKeys } from './queryKeys'

export interface AccountQueryOptions {
  /** Which parts of the account to read (the API's default: `profile,data,subscriptions`). */
  include?: CommaList<AccountInclude>
  /** Profile fields outside the default set, e.g. `languages,address`. */
  extraProfileFields?: CommaList<string>
}

const listKey = (list: CommaList<string> | undefined) => (typeof list === 'string' ? list : list?.join(','))

/**
 * The signed-in user's account, for `useQuery` / `prefetchQuery`: `null` when nobody is signed in
 * (no session kept, or the server refused it with 403005, which also drops it).
 */
export function accountQueryOptions(client: AccountsClient, options: AccountQueryOptions = {}) {
  const { include, extraProfileFields } = options
  return queryOptions({
    queryKey: [
      ...accountsKeys.account(client),
      client.session.version(),
      { include: listKey(include), extraProfileFields: listKey(extraProfileFields) },
    ] as const,
    queryFn: async ({ signal }): Promise<GetAccountInfoResponse | null> => {
      if (client.session.get() === undefined) return null
      try {
        return await client.getAccountInfo({ include, extraProfileFields }, { signal })
      } catch (error) {
        if (isAccountsError(error) && error.errorCode === 403005) return null
        throw error
      }
    },
  })
}
