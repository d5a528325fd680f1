import { useQuery } from '@tanstack/react-query'
import type { AccountsQueryOptions } from './queryOptions'

/** A chunk of code a screen-set waits for before it renders its form. */
export interface ChunkState {
  /** In the page, or not needed. */
  ready: boolean
  /** Why it could not load (null while a retry is under way: that is loading, as for the schema). */
  error: Error | null
  /** Loads it again after a failure. */
  refetch(): Promise<void>
}

/**
 * Loads a chunk of code through a query, as the language catalogs are: once per page, only where
 * `needed`, shown as loading while it comes and as the load error (with "Try again") when it fails.
 * `loaded` is the code already in the page (no loading state then); `preload` starts fetching it from
 * the render that first sees the need, rather than from the query's effect one commit later, as
 * React's `preloadModule` does.
 */
export function useChunk<T, K extends readonly unknown[]>(
  options: AccountsQueryOptions<T, K>,
  { needed, loaded, preload }: { needed: boolean; loaded?: T | undefined; preload?: () => void },
): ChunkState & { data: T | undefined } {
  const query = useQuery({ ...options, ...(loaded ? { initialData: loaded } : {}), enabled: needed })
  if (needed && query.data === undefined) preload?.()
  return {
    data: query.data,
    ready: !needed || query.data !== undefined,
    error: needed && !query.isFetching ? query.error : null,
    refetch: async (): Promise<void> => {
      if (query.error) await query.refetch()
    },
  }
}
