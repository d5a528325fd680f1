import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { loadedPatternTranslator, needsPatternSupport, preloadPatternTranslator } from '../schema/patternSupport'
import type { SitePolicies, SiteSchema } from '../schema/types'
import { patternSupportQueryOptions } from './queryOptions'

/**
 * Loads the .NET pattern translator when the site has a pattern (a field's `regex('…')` format or the
 * password policy's `regExp`), like the language catalog: a site without one never loads it. `ready`
 * is true once it is in the page or not needed; a chunk that failed to load is an `error`.
 */
export function usePatternSupport(schema: SiteSchema | undefined, policies: SitePolicies | undefined) {
  const needed = useMemo(() => needsPatternSupport(schema, policies), [schema, policies])
  const loaded = loadedPatternTranslator()
  // Fetched from the render that first sees the need (a cache filled on the server, or by another
  // form), rather than from the query's effect one commit later: like React's `preloadModule`.
  if (needed) preloadPatternTranslator()
  const query = useQuery({
    ...patternSupportQueryOptions(),
    // Already in the page (another screen-set loaded it, or the host imports it): no loading state.
    ...(loaded ? { initialData: { translate: loaded } } : {}),
    enabled: needed,
  })
  return {
    ready: !needed || query.data !== undefined,
    // A retry under way is loading, not an error (as for the schema).
    error: needed && !query.isFetching ? query.error : null,
    /** Loads it again after a failure. */
    refetch: async (): Promise<void> => {
      if (query.error) await query.refetch()
    },
  }
}
