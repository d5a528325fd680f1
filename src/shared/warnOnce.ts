const warned = new Set<string>()

/**
 * Tells the developer about a problem in the site's configuration (a pattern that cannot run in the
 * browser, a field that does not exist, a message a catalog lacks) without flooding the console on
 * every render. Callers guard each call with `process.env.NODE_ENV !== 'production'`, as React and
 * TanStack Query do, so that bundlers drop the call and its message from production builds; the check
 * here covers a production server that runs the package unbundled.
 */
export function warnOnce(key: string, message: string): void {
  if (process.env.NODE_ENV === 'production') return
  if (warned.has(key)) return
  warned.add(key)
  console.warn(`[react-screensets] ${message}`)
}
