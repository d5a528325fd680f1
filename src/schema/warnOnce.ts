const warned = new Set<string>()

/**
 * Tells the developer about a problem in the site's configuration (a pattern that cannot run in the
 * browser, a field that does not exist) without flooding the console on every render, and stays silent
 * in production builds where nobody reads the console.
 */
export function warnOnce(key: string, message: string): void {
  if (typeof process !== 'undefined' && process.env.NODE_ENV === 'production') return
  if (warned.has(key)) return
  warned.add(key)
  console.warn(`[react-screensets] ${message}`)
}
