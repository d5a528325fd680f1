import { cookieSessionStore, memorySessionStore, type SessionStore } from './sessionStore'
import type { AccountsMethod } from './types'

/** The session a client keeps, as its users see it (`client.session`). */
export interface ClientSession {
  /** The kept token, when someone is signed in. */
  get(): string | undefined
  /** Adopts a session, e.g. one your server handed to the page. */
  set(token: string, expiresInSeconds?: number): void
  /** Forgets the session here (the server's stays valid: `client.logout()` ends both). */
  clear(): void
  /** Calls `listener` after each change the client makes or sees; returns the unsubscribe. */
  subscribe(listener: () => void): () => void
  /** Counts the changes: what a cache key may hold instead of the token. */
  version(): number
}

/**
 * Calls that act for the signed-in user. The client adds the kept session to them unless they carry
 * a `regToken` (which takes priority, FLOWS.md §2), a `UID` (a server call) or a `login_token` of
 * their own.
 */
const SESSION_METHODS: ReadonlySet<AccountsMethod> = new Set<AccountsMethod>([
  'accounts.getAccountInfo',
  'accounts.setAccountInfo',
  'accounts.logout',
  'accounts.otp.sendCode',
  'accounts.otp.update',
  'accounts.tfa.getProviders',
  'accounts.tfa.initTFA',
])

const OWN_IDENTITY_PARAMS = ['regToken', 'UID', 'login_token'] as const

/** Whether the call should carry the kept session. */
export function wantsSession(method: string, params: object): boolean {
  const given = params as Readonly<Record<string, unknown>>
  return SESSION_METHODS.has(method as AccountsMethod) && OWN_IDENTITY_PARAMS.every((name) => given[name] === undefined)
}

/** The session a success answer hands over: the Web SDK's `login_token`, or a browser session's cookie value. */
export function sessionOf(body: unknown): { token: string; expiresIn?: number } | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const info = (body as { sessionInfo?: unknown }).sessionInfo
  if (typeof info !== 'object' || info === null) return undefined
  const { login_token: loginToken, cookieValue, expires_in: expiresIn } = info as Record<string, unknown>
  const token = typeof loginToken === 'string' && loginToken !== '' ? loginToken : cookieValue
  if (typeof token !== 'string' || token === '') return undefined
  const seconds = Number(expiresIn)
  return expiresIn !== undefined && Number.isFinite(seconds) ? { token, expiresIn: seconds } : { token }
}

/**
 * The store a client uses when given none: in a browser, a REST client keeps the session where the
 * Web SDK does (cookie `glt_<apiKey>`); anywhere else, in memory for the client's lifetime.
 */
export function defaultSessionStore(apiKey: string | undefined): SessionStore {
  if (apiKey === undefined || typeof document === 'undefined') return memorySessionStore()
  try {
    return cookieSessionStore({ name: `glt_${apiKey}` })
  } catch {
    return memorySessionStore()
  }
}

/** Wraps a store with change notifications. */
export function createClientSession(store: SessionStore): ClientSession {
  const listeners = new Set<() => void>()
  let version = 0
  const changed = () => {
    version += 1
    for (const listener of [...listeners]) listener()
  }
  return {
    get: () => store.get(),
    set(token, expiresInSeconds) {
      store.set(token, expiresInSeconds)
      changed()
    },
    clear() {
      if (store.get() === undefined) return
      store.clear()
      changed()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    version: () => version,
  }
}
