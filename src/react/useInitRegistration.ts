import { useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { AccountsClient } from '../accounts'
import { useAccountsClient } from './AccountsProvider'
import { accountsKeys } from './queryKeys'
import { regTokenQueryOptions } from './queryOptions'

export interface RegTokenHandle {
  /** Starts fetching a token without waiting (call it on the first interaction with the form). */
  prefetch(): void
  /** The cached token, or a new one; concurrent calls share one request. */
  ensure(): Promise<string>
  /** Forgets the cached token (used up, or refused by the server) and fetches a new one. */
  renew(): Promise<string>
  /** Forgets the cached token without fetching (after it was used up). */
  discard(): void
}

/**
 * The registration token of the flow (`lite` for newsletters, kept apart from full ones), in the
 * query cache so it is fetched on first interaction, shared, and reused for its hour.
 */
export function useInitRegistration(options: { lite?: boolean; client?: AccountsClient } = {}): RegTokenHandle {
  const { client } = useAccountsClient(options)
  const queryClient = useQueryClient()
  const lite = options.lite ?? false
  return useMemo(() => {
    const tokenOptions = regTokenQueryOptions(client, lite)
    const discard = () => queryClient.removeQueries({ queryKey: accountsKeys.regToken(client, lite), exact: true })
    return {
      prefetch: () => void queryClient.prefetchQuery(tokenOptions),
      ensure: () => queryClient.fetchQuery(tokenOptions),
      renew: () => {
        discard()
        return queryClient.fetchQuery(tokenOptions)
      },
      discard,
    }
  }, [client, lite, queryClient])
}
