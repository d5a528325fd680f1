import { AccountsError } from './AccountsError'
import { createClientSession, defaultSessionStore, sessionOf, wantsSession, type ClientSession } from './clientSession'
import { parseResponse } from './parseResponse'
import { redactCause, secretValuesOf } from './redact'
import { restTransport, type RestTransportOptions } from './restTransport'
import type { SessionStore } from './sessionStore'
import { networkError, type AccountsTransport } from './transport'
import type * as Wire from './types'

/** Per-call options. */
export interface CallOptions {
  /** Cancels the call; it then rejects with the signal's reason. */
  signal?: AbortSignal
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number
}

interface SharedClientOptions {
  /** Default `lang` of every call (server messages, the new account's locale). */
  lang?: string
  /**
   * How long a call may take before it fails with 504002 (default 30 000 ms; 0 waits forever).
   * Applies to every transport, including the Web SDK, whose callbacks may never come.
   */
  timeoutMs?: number
  /**
   * The site's name in query keys. A server-side client and a browser client with the same
   * `cacheKey` share cache entries, so a schema prefetched on the server (`dehydrate`) is found in
   * the browser. Default: `apiKey@dataCenter` (or `apiKey@baseUrl`) for REST clients; none for a
   * custom transport, whose cache entries then belong to the client object alone.
   */
  cacheKey?: string
  /**
   * Where the signed-in user's session is kept. Default: in a browser, a REST client keeps it where
   * the Web SDK does, in the cookie `glt_<apiKey>` (`cookieSessionStore`); elsewhere, and with a
   * custom transport, in memory (`memorySessionStore`). On a server, make one client per request
   * (or pass `login_token` yourself): a shared client would share its session.
   */
  session?: SessionStore
}

type RestClientOptions = Omit<RestTransportOptions, 'dataCenter' | 'baseUrl'> & { transport?: never } & (
    | { dataCenter: NonNullable<RestTransportOptions['dataCenter']>; baseUrl?: never }
    | { baseUrl: string; dataCenter?: never }
  )

interface CustomTransportClientOptions {
  /** The Web SDK adapter (`webSdkTransport(window.gigya)`), a test double, or your own function. */
  transport: AccountsTransport
  apiKey?: never
  dataCenter?: never
  baseUrl?: never
}

export type AccountsClientOptions = SharedClientOptions & (RestClientOptions | CustomTransportClientOptions)

/**
 * A named method of the client: the method's parameters (optional where every one is) and call
 * options in, its typed answer out.
 */
export type AccountsCall<M extends Wire.AccountsMethod, Params extends 'required' | 'optional' = 'required'> = (
  ...args: Params extends 'optional'
    ? [params?: Wire.AccountsCalls[M]['params'], options?: CallOptions]
    : [params: Wire.AccountsCalls[M]['params'], options?: CallOptions]
) => Promise<Wire.AccountsCalls[M]['response']>

export interface AccountsClient {
  /** The client's default language. */
  readonly lang: string | undefined
  /** The site's name in query keys (see `AccountsClientOptions.cacheKey`). */
  readonly cacheKey?: string | undefined
  /**
   * The signed-in user's session: taken from every answer that brings one, sent with the calls that
   * act for the user, dropped on logout and when the server refuses it (403005). Never in a URL.
   */
  readonly session: ClientSession
  /** Starts a registration: a token valid for one hour (`isLite` for the newsletter flow). */
  initRegistration: AccountsCall<'accounts.initRegistration', 'optional'>
  /** Creates the account; rejects with 206001 (fields missing) or 206002 (verify email) to go on. */
  register: AccountsCall<'accounts.register'>
  /** Completes a pending registration. */
  finalizeRegistration: AccountsCall<'accounts.finalizeRegistration'>
  /** Writes fields of a pending registration, or creates/updates a lite account with a lite token. */
  setAccountInfo: AccountsCall<'accounts.setAccountInfo'>
  /** The site's account schema. */
  getSchema: AccountsCall<'accounts.getSchema', 'optional'>
  /** The site's registration, password and account policies. */
  getPolicies: AccountsCall<'accounts.getPolicies', 'optional'>
  /** Logs in; 206001 means the registration must be completed (its error carries a `regToken`). */
  login: AccountsCall<'accounts.login'>
  /** Whether an email or user name is still free. */
  isAvailableLoginID: AccountsCall<'accounts.isAvailableLoginID'>
  /** Sends the verification email again. */
  resendVerificationCode: AccountsCall<'accounts.resendVerificationCode'>
  /** A text CAPTCHA challenge: an image and the token to send back with the typed word. */
  getCaptcha: AccountsCall<'accounts.getCaptcha', 'optional'>
  /** Forgot password: mails a reset link (`{ loginID }`), or sets the new password (`{ passwordResetToken, newPassword }`). */
  resetPassword: AccountsCall<'accounts.resetPassword'>
  /** Email code verification (206006): send a code, then check the one the user typed. */
  readonly otp: {
    sendCode: AccountsCall<'accounts.otp.sendCode'>
    update: AccountsCall<'accounts.otp.update'>
  }
  /** A registration token that keeps a lite account's UID, from a lite token (`accounts.getLiteToken`). */
  initProgression: AccountsCall<'accounts.initProgression'>
  /** The signed-in user's account (the kept session), an interrupted one (`regToken`), or a `UID`'s (server). */
  getAccountInfo: AccountsCall<'accounts.getAccountInfo', 'optional'>
  /** Ends the session, on the server and here (here even when the call fails). */
  logout: AccountsCall<'accounts.logout', 'optional'>
  /** Two-factor authentication (403101 / 403102): providers, then a provider's steps, then `finalizeTFA`. */
  readonly tfa: {
    getProviders: AccountsCall<'accounts.tfa.getProviders', 'optional'>
    initTFA: AccountsCall<'accounts.tfa.initTFA'>
    finalizeTFA: AccountsCall<'accounts.tfa.finalizeTFA'>
    readonly email: {
      getEmails: AccountsCall<'accounts.tfa.email.getEmails'>
      sendVerificationCode: AccountsCall<'accounts.tfa.email.sendVerificationCode'>
      completeVerification: AccountsCall<'accounts.tfa.email.completeVerification'>
    }
    readonly totp: {
      register: AccountsCall<'accounts.tfa.totp.register'>
      verify: AccountsCall<'accounts.tfa.totp.verify'>
    }
  }
  /** Any typed call by its method name (what the named methods use). */
  call<M extends Wire.AccountsMethod>(
    method: M,
    params: Wire.AccountsCalls[M]['params'],
    options?: CallOptions,
  ): Promise<Wire.AccountsCalls[M]['response']>
}

const DEFAULT_TIMEOUT_MS = 30_000
const COMMA_LIST_PARAMS = new Set(['include', 'sections'])

/** Drops `undefined`, joins comma-list arrays and adds the client's default `lang`. */
function normalizeParams(params: object, lang: string | undefined): Record<string, unknown> {
  const normalized: Record<string, unknown> = {}
  if (lang !== undefined) normalized.lang = lang
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue
    normalized[key] = COMMA_LIST_PARAMS.has(key) && Array.isArray(value) ? value.join(',') : value
  }
  return normalized
}

function timeoutError(method: string, timeoutMs: number): AccountsError {
  return new AccountsError({
    method,
    errorCode: 504002, // ErrorCodes.REQUEST_TIMEOUT
    errorMessage: 'Request timeout',
    errorDetails: `${method} did not answer within ${timeoutMs} ms`,
  })
}

/** Settles with the promise, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

function selectTransport(options: AccountsClientOptions): AccountsTransport {
  if (options.transport !== undefined) {
    if (typeof options.transport !== 'function') {
      throw new TypeError('react-screensets: transport must be a function (request) => Promise<body>')
    }
    return options.transport
  }
  return restTransport(options)
}

function cacheKeyOf(options: AccountsClientOptions): string | undefined {
  if (options.cacheKey !== undefined) return options.cacheKey
  if (options.transport !== undefined) return undefined
  return `${options.apiKey}@${options.dataCenter ?? options.baseUrl}`
}

/**
 * The framework-free Accounts API client. Every method resolves with the typed response body or
 * rejects with an `AccountsError`; a caller's abort rejects with the signal's reason.
 *
 * @example
 * const client = createAccountsClient({ apiKey: '3_abc', dataCenter: 'eu1.gigya.com' })
 * const { regToken } = await client.initRegistration()
 */
export function createAccountsClient(options: AccountsClientOptions): AccountsClient {
  const transport = selectTransport(options)
  const { lang } = options
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const session = createClientSession(
    options.session ?? defaultSessionStore(options.transport === undefined ? options.apiKey : undefined),
  )

  async function call<M extends Wire.AccountsMethod>(
    method: M,
    params: Wire.AccountsCalls[M]['params'],
    callOptions: CallOptions = {},
  ): Promise<Wire.AccountsCalls[M]['response']> {
    const callerSignal = callOptions.signal
    if (callerSignal?.aborted) throw callerSignal.reason
    const normalized = normalizeParams(params, lang)
    const sessionToken = wantsSession(method, normalized) ? session.get() : undefined
    if (sessionToken !== undefined) normalized.login_token = sessionToken
    const secrets = secretValuesOf(normalized)
    const timeoutMs = callOptions.timeoutMs ?? defaultTimeout

    const controller = new AbortController()
    const onCallerAbort = () => controller.abort(callerSignal?.reason)
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true })
    const timer =
      timeoutMs > 0 ? setTimeout(() => controller.abort(timeoutError(method, timeoutMs)), timeoutMs) : undefined

    try {
      const body = await untilAborted(
        Promise.resolve().then(() => transport({ method, params: normalized, signal: controller.signal })),
        controller.signal,
      )
      const response = parseResponse(method, body, secrets)
      const handedOver = sessionOf(response)
      if (handedOver) session.set(handedOver.token, handedOver.expiresIn)
      return response
    } catch (error) {
      if (controller.signal.aborted) throw controller.signal.reason
      if (!(error instanceof AccountsError)) throw networkError(method, redactCause(error, secrets))
      // The server no longer knows the session we sent: the user is signed out (FLOWS.md §2).
      if (error.errorCode === 403005 && sessionToken !== undefined && session.get() === sessionToken) session.clear()
      if (secrets.length > 0 && error.cause !== undefined) {
        Object.defineProperty(error, 'cause', { value: redactCause(error.cause, secrets), configurable: true })
      }
      throw error
    } finally {
      clearTimeout(timer)
      callerSignal?.removeEventListener('abort', onCallerAbort)
    }
  }

  /**
   * `call` bound to one API method. Without parameters it sends none: only the methods whose
   * parameters are all optional are typed to allow that.
   */
  const method =
    <M extends Wire.AccountsMethod>(name: M): AccountsCall<M, 'optional'> =>
    (params, callOptions) =>
      call(name, params ?? ({} as Wire.AccountsCalls[M]['params']), callOptions)

  return {
    lang,
    cacheKey: cacheKeyOf(options),
    session,
    call,
    initRegistration: method('accounts.initRegistration'),
    register: method('accounts.register'),
    finalizeRegistration: method('accounts.finalizeRegistration'),
    setAccountInfo: method('accounts.setAccountInfo'),
    getSchema: method('accounts.getSchema'),
    getPolicies: method('accounts.getPolicies'),
    login: method('accounts.login'),
    isAvailableLoginID: method('accounts.isAvailableLoginID'),
    resendVerificationCode: method('accounts.resendVerificationCode'),
    getCaptcha: method('accounts.getCaptcha'),
    resetPassword: method('accounts.resetPassword'),
    otp: { sendCode: method('accounts.otp.sendCode'), update: method('accounts.otp.update') },
    initProgression: method('accounts.initProgression'),
    getAccountInfo: method('accounts.getAccountInfo'),
    logout: async (params = {}, callOptions) => {
      const endsKeptSession = wantsSession('accounts.logout', params)
      try {
        return await call('accounts.logout', params, callOptions)
      } finally {
        if (endsKeptSession) session.clear()
      }
    },
    tfa: {
      getProviders: method('accounts.tfa.getProviders'),
      initTFA: method('accounts.tfa.initTFA'),
      finalizeTFA: method('accounts.tfa.finalizeTFA'),
      email: {
        getEmails: method('accounts.tfa.email.getEmails'),
        sendVerificationCode: method('accounts.tfa.email.sendVerificationCode'),
        completeVerification: method('accounts.tfa.email.completeVerification'),
      },
      totp: { register: method('accounts.tfa.totp.register'), verify: method('accounts.tfa.totp.verify') },
    },
  }
}
