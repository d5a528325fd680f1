import { useQuery } from '@tanstack/react-query'
import type { AccountsClient } from '../accounts'
import { useAccounts } from './AccountsProvider'
import { policiesQueryOptions, schemaQueryOptions } from './queryOptions'

/**
 * The site's schema and policies, as TanStack queries shared by every component on the page: one
 * `getSchema` and one `getPolicies` request however many forms ask.
 */
export function useSiteSchema(options: { client?: AccountsClient } = {}) {
  const { client } = useAccounts(options)
  const schema = useQuery(schemaQueryOptions(client))
  const policies = useQuery(policiesQueryOptions(client))
  return {
    schema: schema.data,
    policies: policies.data,
    isPending: schema.isPending || policies.isPending,
    error: schema.error ?? policies.error,
    refetch: () => Promise.all([schema.refetch(), policies.refetch()]),
  }
}
