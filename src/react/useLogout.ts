import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query'
import type { AccountsClient, LogoutResponse } from '../accounts'
import { useAccountsClient } from './AccountsProvider'
import { accountsKeys } from './queryKeys'

export interface UseLogoutOptions {
  client?: AccountsClient
  /** After the session ended (here, whatever the server answered). */
  onSettled?: () => void
}

/**
 * Logs the user out: `accounts.logout` ends the server's session, the client forgets its own (even
 * when the call fails), and the account's data leaves the query cache.
 */
export function useLogout(options: UseLogoutOptions = {}): UseMutationResult<LogoutResponse, Error, void> {
  const { client } = useAccountsClient(options.client ? { client: options.client } : {})
  const queryClient = useQueryClient()
  const { onSettled } = options
  return useMutation({
    mutationKey: ['react-screensets', 'accounts.logout'],
    mutationFn: () => client.logout(),
    retry: false,
    onSettled: () => {
      // Only the ended sessions' entries: the current (signed-out) one has observers.
      const current = client.session.version()
      queryClient.removeQueries({
        queryKey: accountsKeys.account(client),
        predicate: (query) => query.queryKey[3] !== current,
      })
      onSettled?.()
    },
  })
}
