/** What a person types that must stay secret: the passwords and the security answer. */
const TYPED_SECRETS = ['password', 'newPassword', 'secretAnswer', 'passwordRetype'] as const

/**
 * Form fields whose values never reach an event handler (a handler may log what it gets): the typed
 * secrets and a verification code.
 */
export const SECRET_FIELDS: ReadonlySet<string> = new Set([...TYPED_SECRETS, 'code'])

/**
 * Keys dropped wherever they appear in a response (a server that echoes the request). Not `code` or
 * `passwordResetToken`: a schema may have a field named `code`, and a server's own
 * `resetPassword({ sendEmail: false })` answers with the token it asked for.
 */
const ECHOED_SECRET_KEYS: ReadonlySet<string> = new Set([...TYPED_SECRETS, 'captchaText'])

/** Parameters whose values must never leave the request: not in errors, logs, caches or URLs. */
export const SECRET_PARAMS: ReadonlySet<string> = new Set([
  ...ECHOED_SECRET_KEYS,
  // A reset link's token changes the password on its own; a code proves the email.
  'passwordResetToken',
  'code',
  // The signed-in user's session: whoever holds it is that user.
  'login_token',
  // TFA: each proves a step of the second factor (FLOWS.md §8).
  'gigyaAssertion',
  'providerAssertion',
  'sctToken',
  'phvToken',
])

/**
 * Shorter secrets are not scrubbed out of server text: they would mangle ordinary words, and no
 * password policy accepts them anyway.
 */
const MIN_SCRUBBED_LENGTH = 4
const REDACTED = '[redacted]'

/** The secret values among a call's parameters, for `scrub`. */
export function secretValuesOf(params: Readonly<Record<string, unknown>>): string[] {
  const values: string[] = []
  for (const key of SECRET_PARAMS) {
    const value = params[key]
    if (typeof value === 'string' && value.length >= MIN_SCRUBBED_LENGTH) values.push(value)
  }
  return values
}

/** Replaces every occurrence of a secret in server text (a server that echoes what it was sent). */
export function scrub(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets) result = result.split(secret).join(REDACTED)
  return result
}

/**
 * A copy of a response body without the Web SDK's `requestParams` echo or any secret-named key, and
 * with secret values scrubbed out of every string.
 */
export function redactBody(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return secrets.length === 0 ? value : scrub(value, secrets)
  if (Array.isArray(value)) return value.map((item) => redactBody(item, secrets))
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      if (key === 'requestParams' || ECHOED_SECRET_KEYS.has(key)) continue
      // defineProperty, not assignment: a hostile `__proto__` key must stay a plain property.
      Object.defineProperty(copy, key, {
        value: redactBody(item, secrets),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return copy
  }
  return value
}

/**
 * What may stay of a transport's failure once the call carried a secret: its name, and its message
 * and stack with the secrets scrubbed out; nothing else. An HTTP library's error keeps its request
 * (axios puts the body on `config.data`), an SDK may throw with the parameters it was given, and a
 * parse error quotes the body that echoed them: none of that may ride along as a `cause`.
 */
export function redactCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (secrets.length === 0) return cause
  if (typeof cause === 'string') return scrub(cause, secrets)
  if (!(cause instanceof Error)) return cause === null || typeof cause !== 'object' ? cause : undefined
  const copy = new Error(scrub(cause.message, secrets))
  copy.name = cause.name
  copy.stack = cause.stack === undefined ? undefined : scrub(cause.stack, secrets)
  if (cause.cause !== undefined && depth < 4) copy.cause = redactCause(cause.cause, secrets, depth + 1)
  return copy
}
