import { useEffect, useMemo, useRef } from 'react'
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
 * policies (and the pattern translator when they have patterns, and any chunk of code its fields cannot
 * do without: `chunk`), the host's latest event handlers, and whether it can render yet.
 */
export function useScreenSetSetup(options: SetupOptions, chunk?: ChunkState) {
  const accounts = useAccounts(options)
  const loaded = useSiteSchema({ ...options, client: accounts.client })
  const patterns = usePatternSupport(loaded.schema, loaded.policies)
  // The pattern translator does not hold the form back: it renders at once, its patterns unchecked in
  // the browser until the translator is in (the server checks them meanwhile). Then the schema and
  // policies come anew, so the fields, the validator and the password checklist are worked out again,
  // with it.
  const schema = useMemo(
    () => (patterns.ready && loaded.schema ? { ...loaded.schema } : loaded.schema),
    [loaded.schema, patterns.ready],
  )
  const policies = useMemo(
    () => (patterns.ready && loaded.policies ? { ...loaded.policies } : loaded.policies),
    [loaded.policies, patterns.ready],
  )
  // A chunk the fields cannot do without (`chunk`) holds the schema and policies back until it is in.
  const held = chunk !== undefined && !chunk.ready
  const site = held
    ? { ...loaded, schema: undefined, policies: undefined, isPending: true }
    : { ...loaded, schema, policies }
  const eventsRef = useRef<ScreenSetEvents>(options)
  useEffect(() => {
    eventsRef.current = options
  })
  const ready = Boolean(site.schema && site.policies && accounts.catalogReady)
  const loadError = loaded.error ?? chunk?.error ?? null
  const load: Pick<ScreenFormApi, 'status' | 'loadError' | 'retryLoad'> = {
    status: ready ? 'ready' : loadError ? 'error' : 'loading',
    loadError,
    retryLoad: () => void Promise.all([loaded.refetch(), patterns.refetch(), chunk?.refetch()]),
  }
  return { accounts, site, eventsRef, ready, load }
}

/** `onBeforeScreenLoad` for a move between screens: false when the host keeps the current one. */
export function mayShow(events: ScreenSetEvents, current: ScreenName, next: ScreenName): boolean {
  return current === next || events.onBeforeScreenLoad?.({ currentScreen: current, nextScreen: next }) !== false
}
