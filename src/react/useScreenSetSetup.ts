import { useEffect, useRef } from 'react'
import type { AccountsClient } from '../accounts'
import type { CustomLang } from '../i18n'
import { useAccounts } from './AccountsProvider'
import type { ScreenFormApi } from './screenSetApi'
import type { ScreenName, ScreenSetEvents } from './screenSetEvents'
import type { ChunkState } from './useChunk'
import { usePatternSupport } from './usePatternSupport'
import { useSiteSchema, type SiteSchemaOptions } from './useSiteSchema'

type SetupOptions = ScreenSetEvents &
  Omit<SiteSchemaOptions, 'client'> & { client?: AccountsClient; lang?: string; customLang?: CustomLang }

/**
 * What every screen-set starts from: the provider's client and translator, the site's schema and
 * policies (with the pattern translator when they have patterns, and any other chunk of code the
 * screen-set's fields need: `chunk`), the host's latest event handlers, and whether it can render yet.
 */
export function useScreenSetSetup(options: SetupOptions, chunk?: ChunkState) {
  const accounts = useAccounts(options)
  const loaded = useSiteSchema({ ...options, client: accounts.client })
  const chunks = [usePatternSupport(loaded.schema, loaded.policies), ...(chunk ? [chunk] : [])]
  // Fields, validator and password checklist read these chunks: until they are there the schema and
  // policies are held back, so what derives from them is worked out once, with them.
  const held = !chunks.every((each) => each.ready)
  const site = held ? { ...loaded, schema: undefined, policies: undefined, isPending: true } : loaded
  const eventsRef = useRef<ScreenSetEvents>(options)
  useEffect(() => {
    eventsRef.current = options
  })
  const ready = Boolean(site.schema && site.policies && accounts.catalogReady)
  const loadError = loaded.error ?? chunks.find((each) => each.error)?.error ?? null
  const load: Pick<ScreenFormApi, 'status' | 'loadError' | 'retryLoad'> = {
    status: ready ? 'ready' : loadError ? 'error' : 'loading',
    loadError,
    retryLoad: () => void Promise.all([loaded.refetch(), ...chunks.map((each) => each.refetch())]),
  }
  return { accounts, site, eventsRef, ready, load }
}

/** `onBeforeScreenLoad` for a move between screens: false when the host keeps the current one. */
export function mayShow(events: ScreenSetEvents, current: ScreenName, next: ScreenName): boolean {
  return current === next || events.onBeforeScreenLoad?.({ currentScreen: current, nextScreen: next }) !== false
}
