import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useSyncExternalStore } from 'react'
import type { Translator } from '../i18n'

/** A form's name and ordinal, by its `useId`; `mounted` once it is committed to the page. */
type Claims = Map<string, [name: string, ordinal: number, mounted?: boolean]>

// Per QueryClient: a server renders each request with its own, so the ordinals there follow that
// page's render order alone, as they do in the browser that hydrates it.
const pages = new WeakMap<QueryClient, Claims>()

function lowestFree(claims: Claims, key: string, name: string): number {
  let ordinal = 1
  while ([...claims].some(([other, claim]) => other !== key && claim[0] === name && claim[1] === ordinal)) ordinal++
  return ordinal
}

/**
 * The accessible name of a screen-set's form, as attributes: `formLabel` when given, else `name`
 * (its heading, by `aria-labelledby`, when it has one) for the first form of that name among those
 * sharing the QueryClient (all under one `AccountsProvider`), then "name (2)", "name (3)": two
 * widgets on a page are two distinct landmarks. Ordinals follow render order, which is document
 * order on the server and in the hydrating browser alike, so both give the same names.
 */
export function useFormName(
  key: string,
  name: string | undefined,
  formLabel: string | undefined,
  headingId: string | undefined,
  t: Translator,
) {
  const queryClient = useQueryClient()
  let claims = pages.get(queryClient)
  if (!claims) pages.set(queryClient, (claims = new Map()))
  const claimed = formLabel ? undefined : name

  // Called while rendering; keyed by `useId`, the claim is the same however often React renders.
  const claim = () => {
    if (claimed === undefined) return 1
    const own = claims.get(key)
    if (own?.[0] === claimed) return own[1]
    const ordinal = lowestFree(claims, key, claimed)
    claims.set(key, [claimed, ordinal, own?.[2]])
    return ordinal
  }
  // Subscribing is the form's arrival on the page. Renders React threw away (React 18 StrictMode's
  // first one, an interrupted one) left claims that would hold their ordinals forever: they go, and
  // this form settles among the forms on the page, rendered again if that changed its ordinal.
  const settle = useCallback(
    (changed: () => void) => {
      if (claimed === undefined) return () => {}
      for (const [other, entry] of claims) if (!entry[2]) claims.delete(other)
      claims.set(key, [claimed, lowestFree(claims, key, claimed), true])
      changed()
      return () => void claims.delete(key)
    },
    [claims, key, claimed],
  )
  const ordinal = useSyncExternalStore(settle, claim, claim)

  const label = claimed && ordinal > 1 ? t('form_name_numbered', { name: claimed, num: ordinal }) : formLabel || name
  return headingId && label === name ? { 'aria-labelledby': headingId } : { 'aria-label': label }
}
