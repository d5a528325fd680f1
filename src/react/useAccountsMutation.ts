import { useMutation } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { AccountsCalls, AccountsClient, AccountsMethod } from '../accounts'
import { useAccountsClient } from './AccountsProvider'

export interface AccountsMutation<M extends AccountsMethod> {
  /**
   * Runs the call. Once it settles, the mutation is removed from TanStack's MutationCache, so its
   * variables (a password, a security answer) do not outlive the request.
   */
  run(params: AccountsCalls[M]['params']): Promise<AccountsCalls[M]['response']>
  isPending: boolean
}

/** A hook's options: another client than the provider's, and the language of the calls. */
export interface AccountsMutationOptions {
  client?: AccountsClient
  /** Sent as `lang` (server messages, emails, the account's locale); the provider's by default. */
  lang?: string
}

function useAccountsMutation<M extends AccountsMethod>(
  method: M,
  options: AccountsMutationOptions,
): AccountsMutation<M> {
  const { client, lang } = useAccountsClient(options)
  const mutation = useMutation({
    mutationKey: ['react-screensets', method],
    mutationFn: (params: AccountsCalls[M]['params']) => client.call(method, { lang, ...params }),
    gcTime: 0,
    retry: false,
  })
  const { mutateAsync, reset } = mutation
  const run = useCallback(
    async (params: AccountsCalls[M]['params']) => {
      try {
        return await mutateAsync(params)
      } finally {
        reset()
      }
    },
    [mutateAsync, reset],
  )
  return { run, isPending: mutation.isPending }
}

export const useRegister = (options: AccountsMutationOptions = {}) => useAccountsMutation('accounts.register', options)
export const useFinalizeRegistration = (options: AccountsMutationOptions = {}) =>
  useAccountsMutation('accounts.finalizeRegistration', options)
export const useSetAccountInfo = (options: AccountsMutationOptions = {}) =>
  useAccountsMutation('accounts.setAccountInfo', options)
export const useLogin = (options: AccountsMutationOptions = {}) => useAccountsMutation('accounts.login', options)
export const useResendVerificationCode = (options: AccountsMutationOptions = {}) =>
  useAccountsMutation('accounts.resendVerificationCode', options)
