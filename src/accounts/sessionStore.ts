/**
 * Where a client keeps the signed-in user's session (the `login_token`, or a browser session's
 * `cookieValue`, which works as one). Implement it to keep the session elsewhere (a native app's
 * secure storage, a server's per-request context).
 */
export interface SessionStore {
  get(): string | undefined
  /** `expiresInSeconds`: the answer's `expires_in`; absent or 0 = until the browser closes. */
  set(token: string, expiresInSeconds?: number): void
  clear(): void
}

/** A session that lives as long as the client object: tests, scripts, a server's per-request client. */
export function memorySessionStore(): SessionStore {
  let token: string | undefined
  return {
    get: () => token,
    set: (value) => {
      token = value
    },
    clear: () => {
      token = undefined
    },
  }
}

export interface CookieSessionStoreOptions {
  /** The cookie's name; the Web SDK's is `glt_<apiKey>`, which lets a page share the session with gigya.js. */
  name: string
  /** Default `/`. */
  path?: string
  /** Default: the page's host only. */
  domain?: string
  /** Default `Lax`. */
  sameSite?: 'Strict' | 'Lax' | 'None'
  /** Default: on when the page is served over https. */
  secure?: boolean
}

/** Cookie names may not hold separators; an apiKey is letters, digits and `_` in practice. */
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/**
 * The Web SDK's way: the token in a first-party cookie (`glt_<apiKey>`), so a reload or another
 * tab of the site is still signed in. A session cookie unless the answer named a lifetime.
 */
export function cookieSessionStore(options: CookieSessionStoreOptions): SessionStore {
  const { name, path = '/', domain, sameSite = 'Lax' } = options
  if (!COOKIE_NAME.test(name)) throw new TypeError(`react-screensets: invalid session cookie name "${name}"`)
  const secure = options.secure ?? (typeof location !== 'undefined' && location.protocol === 'https:')
  const attributes = (extra: string) =>
    `; Path=${path}${domain === undefined ? '' : `; Domain=${domain}`}; SameSite=${sameSite}${secure ? '; Secure' : ''}${extra}`
  return {
    get() {
      if (typeof document === 'undefined') return undefined
      for (const pair of document.cookie.split(';')) {
        const separator = pair.indexOf('=')
        if (separator < 0 || pair.slice(0, separator).trim() !== name) continue
        try {
          const value = decodeURIComponent(pair.slice(separator + 1).trim())
          return value === '' ? undefined : value
        } catch {
          return undefined
        }
      }
      return undefined
    },
    set(token, expiresInSeconds) {
      if (typeof document === 'undefined') return
      const lifetime =
        expiresInSeconds !== undefined && expiresInSeconds > 0 ? `; Max-Age=${Math.floor(expiresInSeconds)}` : ''
      document.cookie = `${name}=${encodeURIComponent(token)}${attributes(lifetime)}`
    },
    clear() {
      if (typeof document === 'undefined') return
      document.cookie = `${name}=${attributes('; Max-Age=0')}`
    },
  }
}
