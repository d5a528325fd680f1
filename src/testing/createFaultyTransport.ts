import type { AccountsTransport, TransportRequest } from '../accounts'
import { SECRET_PARAMS } from '../accounts/redact'

/** What happened to one call. */
export type FaultKind = 'none' | 'network' | 'server-error' | 'garbage' | 'drop'

export interface FaultyTransportOptions {
  /** The same seed gives the same faults for the same sequence of calls. */
  seed: number
  /** Share of calls that fail like `fetch` does offline (a `TypeError`); the server never sees them. */
  failRate?: number
  /** Share of calls answered with a 500001 envelope over HTTP 500; the server never sees them. */
  serverErrorRate?: number
  /**
   * Share of calls whose answer arrives as garbage (HTML, an empty body, `null`, an array, an object
   * without `errorCode`, a success without its fields). The server did act on the call.
   */
  garbageRate?: number
  /**
   * Share of calls whose answer never arrives: the call hangs until it is aborted (the client's
   * `timeoutMs`, or the caller's signal). The server did act on the call.
   */
  dropRate?: number
  /** Each call waits a random 0…`maxDelayMs` ms before it settles, so answers overtake each other. */
  maxDelayMs?: number
  /** Only these methods get faults (every method by default); the others still get delays. */
  methods?: readonly string[]
}

export interface FaultLogEntry {
  /** Order of arrival, from 0. */
  seq: number
  method: string
  /** The call's parameters, secrets (`password`, `secretAnswer`, …) replaced by `[redacted]`. */
  params: Readonly<Record<string, unknown>>
  fault: FaultKind
  delayMs: number
  /**
   * `pending` until the call settles; then `answered` (a body was delivered), `failed` (the
   * transport rejected) or `aborted` (the signal fired first).
   */
  outcome: 'pending' | 'answered' | 'failed' | 'aborted'
  /** The `errorCode` of the body delivered, when it had a numeric one. */
  errorCode?: number
}

export interface FaultyTransport extends AccountsTransport {
  /** Every call, in order of arrival. */
  readonly log: readonly FaultLogEntry[]
  /** How many calls got each kind of fault. */
  counts(): Record<FaultKind, number>
  /** Resolves once no call is in progress (a dropped call counts until it is aborted). */
  idle(): Promise<void>
}

/** mulberry32: a tiny, fast, seedable PRNG; good enough to pick faults, not for anything secret. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** What a server, proxy or CDN sends that is no Accounts API answer, as a transport decodes it. */
const GARBAGE: readonly unknown[] = [
  '<html><body>502 Bad Gateway</body></html>',
  '',
  null,
  [],
  {},
  { errorCode: 0 },
  { errorCode: 'not a number', statusCode: 200 },
]

const SERVER_ERROR = {
  errorCode: 500001,
  errorMessage: 'General Server Error',
  errorDetails: 'injected by createFaultyTransport',
  statusCode: 500,
  statusReason: 'Internal Server Error',
}

function redactParams(params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, SECRET_PARAMS.has(key) ? '[redacted]' : value]),
  )
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/** Never settles on its own; rejects with the signal's reason when it aborts. */
function hang(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) return reject(signal.reason)
    signal.addEventListener('abort', () => reject(signal.reason), { once: true })
  })
}

/**
 * Wraps a transport in a flaky network, for chaos tests of your own pages: calls fail, hang, get
 * garbage or 5xx answers, and arrive late and out of order, all decided by a seeded random
 * generator so a failing seed replays. Network errors and 5xx answers never reach `inner`;
 * garbage and dropped answers do (the server acted, the answer was lost), as on a real network.
 *
 * A dropped call settles only through its abort signal: give the client a `timeoutMs`.
 *
 * @example
 * const transport = createFaultyTransport(await createEmulatorTransport(), { seed: 42, failRate: 0.2, dropRate: 0.1, maxDelayMs: 50 })
 * const client = createAccountsClient({ transport, timeoutMs: 500 })
 * // …render your page with this client, act, then look at transport.log
 */
export function createFaultyTransport(inner: AccountsTransport, options: FaultyTransportOptions): FaultyTransport {
  const { failRate = 0, serverErrorRate = 0, garbageRate = 0, dropRate = 0, maxDelayMs = 0, methods } = options
  const total = failRate + serverErrorRate + garbageRate + dropRate
  if ([failRate, serverErrorRate, garbageRate, dropRate, maxDelayMs].some((n) => !(n >= 0)) || total > 1) {
    throw new RangeError('createFaultyTransport: rates must be ≥ 0 and add up to at most 1; maxDelayMs ≥ 0')
  }
  const random = createRandom(options.seed)
  const log: FaultLogEntry[] = []
  let inProgress = 0
  let waiters: Array<() => void> = []

  function pickFault(method: string): FaultKind {
    const roll = random()
    if (methods !== undefined && !methods.includes(method)) return 'none'
    let bound = failRate
    if (roll < bound) return 'network'
    if (roll < (bound += serverErrorRate)) return 'server-error'
    if (roll < (bound += garbageRate)) return 'garbage'
    if (roll < (bound += dropRate)) return 'drop'
    return 'none'
  }

  async function deliver(request: TransportRequest, entry: FaultLogEntry, garbage: unknown): Promise<unknown> {
    const { signal } = request
    switch (entry.fault) {
      case 'network':
        await sleep(entry.delayMs, signal)
        throw new TypeError('Failed to fetch')
      case 'server-error':
        await sleep(entry.delayMs, signal)
        return structuredClone(SERVER_ERROR)
      case 'garbage':
        await inner(request)
        await sleep(entry.delayMs, signal)
        return structuredClone(garbage)
      case 'drop':
        await inner(request)
        return hang(signal)
      case 'none': {
        const body = await inner(request)
        await sleep(entry.delayMs, signal)
        return body
      }
    }
  }

  const transport: AccountsTransport = async (request) => {
    // Every random number is drawn on arrival, in order, so a seed replays the same faults.
    const fault = pickFault(request.method)
    const delayMs = Math.floor(random() * (maxDelayMs + 1))
    const garbage = GARBAGE[Math.floor(random() * GARBAGE.length)]
    const entry: FaultLogEntry = {
      seq: log.length,
      method: request.method,
      params: redactParams(request.params),
      fault,
      delayMs,
      outcome: 'pending',
    }
    log.push(entry)
    inProgress += 1
    try {
      const body = await deliver(request, entry, garbage)
      entry.outcome = 'answered'
      const code = (body as { errorCode?: unknown } | null)?.errorCode
      if (typeof code === 'number') entry.errorCode = code
      return body
    } catch (error) {
      entry.outcome = request.signal.aborted ? 'aborted' : 'failed'
      throw error
    } finally {
      inProgress -= 1
      if (inProgress === 0) {
        const settled = waiters
        waiters = []
        settled.forEach((resolve) => resolve())
      }
    }
  }

  return Object.assign(transport, {
    log,
    counts: () => {
      const counts: Record<FaultKind, number> = { none: 0, network: 0, 'server-error': 0, garbage: 0, drop: 0 }
      for (const entry of log) counts[entry.fault] += 1
      return counts
    },
    idle: () => (inProgress === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  })
}
