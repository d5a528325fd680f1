/** A query parameter of the page's URL (`pwrt` of a reset link, `gig_email` of a progression link). */
export function pageParam(name: string): string | undefined {
  if (typeof window === 'undefined') return undefined
  const value = new URLSearchParams(window.location.search).get(name)
  return value === null || value === '' ? undefined : value
}

/** Takes a used parameter out of the address bar, so a reload or a shared URL does not replay it. */
export function dropPageParam(name: string): void {
  if (typeof window === 'undefined' || pageParam(name) === undefined) return
  const url = new URL(window.location.href)
  url.searchParams.delete(name)
  window.history.replaceState(window.history.state, '', url)
}
