import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { FieldValues, UseFormReturn } from 'react-hook-form'
import type { AccountsClient } from '../accounts'
import type { Translator } from '../i18n'
import { accountsKeys } from './queryKeys'

/**
 * The fields' blur handler: with `enabled`, asks `accounts.isAvailableLoginID` when the user leaves
 * the email field and says at once if the address is taken. Once per address (cached 30 s).
 */
export function useLoginIdAvailability(
  form: UseFormReturn<FieldValues>,
  client: AccountsClient,
  t: Translator,
  enabled: boolean,
): (name: string) => Promise<void> {
  const queryClient = useQueryClient()
  return useCallback(
    async (name: string) => {
      if (!enabled || name !== 'email') return
      const email = String(form.getValues('email') ?? '').trim()
      if (email === '' || form.getFieldState('email').invalid) return
      try {
        const { isAvailable } = await queryClient.fetchQuery({
          queryKey: accountsKeys.loginIdAvailability(client, email),
          queryFn: ({ signal }) => client.isAvailableLoginID({ loginID: email }, { signal }),
          staleTime: 30_000,
        })
        if (!isAvailable && form.getValues('email') === email) {
          form.setError('email', { type: 'availability', message: t('email_already_exists') })
        }
      } catch {
        // Only a hint: if the check fails, the submit still tells the truth.
      }
    },
    [client, enabled, form, queryClient, t],
  )
}
