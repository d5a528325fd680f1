import { useQuery, type UseQueryResult } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import type { AccountsClient, GetAccountInfoResponse } from '../accounts'
import { accountQueryOptions, type AccountQueryOptions } from './accountQueryOptions'
import { useAccountsClient } from './AccountsProvider'

export interface UseAccountOptions extends AccountQueryOptions {
  client?: AccountsClient
}

/**
 * The signed-in user's account as a TanStack query: `data` is the account, `null` when nobody is
 * signed in, `undefined` while it loads. It follows the client's session: a sign-in, a logout or a
 * refused session (403005) shows at once.
 */
export function useAccount(options: UseAccountOptions = {}): UseQueryResult<GetAccountInfoResponse | null> {
  const { client: explicit, ...query } = options
  const { client } = useAccountsClient(explicit ? { client: explicit } : {})
  // Re-render on every session change; the query key then names the new session's version.
  useSyncExternalStore(client.session.subscribe, client.session.version, client.session.version)
  return useQuery(accountQueryOptions(client, query))
}
