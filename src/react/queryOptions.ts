import { queryOptions } from '@tanstack/react-query'
import { AccountsError, type AccountsClient } from '../accounts'
import { accountsKeys } from './queryKeys'

/**
 * Retries what may pass on a second try (network, timeout, 5xx, rate limit), twice at most. The
 * QueryClient that `AccountsProvider` creates uses it; a QueryClient of yours keeps its own policy.
 */
export function retryTransient(failureCount: number, error: unknown): boolean {
  return error instanceof AccountsError && error.isRetryable && failureCount < 2
}

/** A regToken is valid for an hour; it is renewed a little before, so it never expires in flight. */
export const REG_TOKEN_STALE_MS = 55 * 60 * 1000

/** The site schema, fetched once per page and shared by every component (it does not change). */
export function schemaQueryOptions(client: AccountsClient) {
  return queryOptions({
    queryKey: accountsKeys.schema(client),
    queryFn: ({ signal }) =>
      client.getSchema(
        { include: ['profileSchema', 'dataSchema', 'subscriptionsSchema', 'preferencesSchema'] },
        { signal },
      ),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** The site policies a browser may read, fetched once per page. */
export function policiesQueryOptions(client: AccountsClient) {
  return queryOptions({
    queryKey: accountsKeys.policies(client),
    queryFn: ({ signal }) => client.getPolicies({}, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** A registration token (full or lite), reused until shortly before its hour is over. */
export function regTokenQueryOptions(client: AccountsClient, lite: boolean) {
  return queryOptions({
    queryKey: accountsKeys.regToken(client, lite),
    queryFn: async ({ signal }) => (await client.initRegistration(lite ? { isLite: true } : {}, { signal })).regToken,
    staleTime: REG_TOKEN_STALE_MS,
    gcTime: REG_TOKEN_STALE_MS,
  })
}
