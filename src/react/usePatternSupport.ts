import { useMemo } from 'react'
import { loadedPatternTranslator, needsPatternSupport, preloadPatternTranslator } from '../schema/patternSupport'
import type { SitePolicies, SiteSchema } from '../schema/types'
import { patternSupportQueryOptions } from './queryOptions'
import { useChunk, type ChunkState } from './useChunk'

/**
 * Loads the .NET pattern translator when the site has a pattern (a field's `regex('…')` format or the
 * password policy's `regExp`), like the language catalog: a site without one never loads it.
 */
export function usePatternSupport(schema: SiteSchema | undefined, policies: SitePolicies | undefined): ChunkState {
  const needed = useMemo(() => needsPatternSupport(schema, policies), [schema, policies])
  // Already in the page (another screen-set loaded it, or the host imports it): no loading state.
  const translate = loadedPatternTranslator()
  return useChunk(patternSupportQueryOptions(), {
    needed,
    loaded: translate && { translate },
    preload: preloadPatternTranslator,
  })
}
