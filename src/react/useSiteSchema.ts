import { useQuery } from '@tanstack/react-query'
import type { AccountsClient, GetPoliciesResponse, GetSchemaResponse } from '../accounts'
import { useAccountsClient } from './AccountsProvider'
import { policiesQueryOptions, schemaQueryOptions } from './queryOptions'

export interface SiteSchemaOptions {
  client?: AccountsClient
  /**
   * The site's schema when you have it already (fetched on the server with the same `include` as
   * `schemaQueryOptions`): it seeds the query cache, so the form paints at once and nothing is fetched.
   */
  initialSchema?: GetSchemaResponse
  /** The site's policies when you have them already; with `initialSchema`, no loading state at all. */
  initialPolicies?: GetPoliciesResponse
}

/** What `useSiteSchema` gives: the site's schema and policies once loaded, and their loading state. */
export interface SiteSchemaState {
  schema: GetSchemaResponse | undefined
  policies: GetPoliciesResponse | undefined
  /** Either is still loading for the first time. */
  isPending: boolean
  /** Why the schema or the policies could not be loaded (null while a retry is under way). */
  error: Error | null
  /** Fetches again what failed to load (what did load stays). */
  refetch(): Promise<void>
}

/**
 * The site's schema and policies, as TanStack queries shared by every component on the page: one
 * `getSchema` and one `getPolicies` request however many forms ask.
 */
export function useSiteSchema(options: SiteSchemaOptions = {}): SiteSchemaState {
  const { client } = useAccountsClient(options.client ? { client: options.client } : {})
  const { initialSchema, initialPolicies } = options
  const schema = useQuery({
    ...schemaQueryOptions(client),
    ...(initialSchema ? { initialData: initialSchema } : {}),
  })
  const policies = useQuery({
    ...policiesQueryOptions(client),
    ...(initialPolicies ? { initialData: initialPolicies } : {}),
  })
  return {
    schema: schema.data,
    policies: policies.data,
    isPending: schema.isPending || policies.isPending,
    // A query keeps its error while it is fetched again: a retry under way is loading, not an error
    // (so the screen shows its loading state, and no second "Try again" click cancels the retry).
    error: schema.isFetching || policies.isFetching ? null : (schema.error ?? policies.error),
    refetch: async (): Promise<void> => {
      await Promise.all([schema.error ? schema.refetch() : undefined, policies.error ? policies.refetch() : undefined])
    },
  }
}
