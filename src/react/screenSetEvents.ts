import { AccountsError } from '../accounts'
import { SECRET_FIELDS } from '../accounts/redact'
import { isPlainObject } from '../shared/plainObjects'
import type { LiteScreen, ProfileScreen, RegistrationScreen } from '../flows'

/** Flat dotted keys, as the Web SDK's `formData`: `{ 'profile.zip': '10001', 'data.terms': true }`. */
export function flattenFormData(values: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const flat: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) {
    const path = prefix === '' ? key : `${prefix}.${key}`
    if (SECRET_FIELDS.has(path)) continue
    if (isPlainObject(value)) Object.assign(flat, flattenFormData(value, path))
    else flat[path] = value
  }
  return flat
}

/** A copy of an API parameter object without its secrets, and a way to put them back. */
export function splitSecrets<T extends Record<string, unknown>>(
  params: T,
): { model: Record<string, unknown>; secrets: Record<string, unknown> } {
  const model: Record<string, unknown> = {}
  const secrets: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(params)) (SECRET_FIELDS.has(key) ? secrets : model)[key] = value
  return { model, secrets }
}

/** A screen's name in events: SAP's `gigya-…-screen` id without prefix and suffix. */
export type ScreenName = RegistrationScreen | LiteScreen | ProfileScreen

/**
 * The Web SDK's screen-set events, with the names and payloads its users know. Payloads never
 * carry a password or a security answer.
 */
export interface ScreenSetEvents {
  /** Before a screen shows; return false to stay where you are. */
  onBeforeScreenLoad?: (event: { currentScreen: ScreenName | undefined; nextScreen: ScreenName }) => boolean | void
  onAfterScreenLoad?: (event: { currentScreen: ScreenName }) => void
  /** A field's value changed (after it was validated). */
  onFieldChanged?: (event: {
    screen: ScreenName
    field: string
    value: unknown
    isValid: boolean
    errMsg?: string
  }) => void
  /** Before validation on submit; return messages by field name (or a Promise of them) to refuse. */
  onBeforeValidation?: (event: {
    screen: ScreenName
    formData: Record<string, unknown>
  }) => Record<string, string> | void | Promise<Record<string, string> | void>
  onAfterValidation?: (event: {
    screen: ScreenName
    formData: Record<string, unknown>
    validationErrors: Record<string, string>
  }) => void
  /** After validation passed; return false to cancel the submit. */
  onBeforeSubmit?: (event: { screen: ScreenName; formData: Record<string, unknown> }) => boolean | void
  /** The nested request model, editable in place before it is sent. */
  onSubmit?: (event: { screen: ScreenName; formModel: Record<string, unknown> }) => void
  onAfterSubmit?: (event: { screen: ScreenName; response: unknown }) => void
  /**
   * An API call failed, or (with `error`, the thrown value, and 500001) rendering failed and the
   * error screen shows.
   */
  onError?: (event: {
    screen: ScreenName
    errorCode: number
    errorMessage: string
    errorDetails?: string
    error?: unknown
  }) => void
  onHide?: (event: { reason: 'canceled' | 'finished' }) => void
}

/** Tells the host's `onError` about an Accounts API failure (nothing else is an API error). */
export function reportError(events: ScreenSetEvents, screen: ScreenName, error: unknown): void {
  if (!(error instanceof AccountsError)) return
  events.onError?.({
    screen,
    errorCode: error.errorCode,
    errorMessage: error.errorMessage,
    ...(error.errorDetails === undefined ? {} : { errorDetails: error.errorDetails }),
  })
}

/** Tells the host's `onError` that a render failed (the screen-set shows its error screen). */
export function reportRenderError(events: ScreenSetEvents, screen: ScreenName, error: unknown): void {
  events.onError?.({
    screen,
    errorCode: 500001 /* GENERAL_SERVER_ERROR */,
    errorMessage: 'Render error',
    errorDetails: error instanceof Error ? error.message : String(error),
    error,
  })
}
