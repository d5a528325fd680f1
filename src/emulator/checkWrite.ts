import type { JsonValue, ValidationError } from '../accounts/types'
import { checkFields, checkPreferences, checkSubscriptions, type WriteFindings } from './checkSections'
import { fieldsRefused } from './errors'
import type { Messages } from './messages'
import type { AccountRecord, SiteConfig } from './types'
import type { WriteInput } from './writeInput'

export interface WriteContext {
  site: SiteConfig
  /** Client calls (a regToken, or register) may write only `clientCreate` / `clientModify` fields. */
  client: boolean
  /** The account being changed; absent when it is being created. */
  existing?: AccountRecord
  messages: Messages
  /** Told once per pattern the emulator cannot translate (the value is then not checked against it). */
  warn: (message: string) => void
}

/** A checked write, ready to apply to an account. */
export interface CheckedWrite {
  profile: Array<[path: string, value: JsonValue]>
  data: Array<[path: string, value: JsonValue]>
  subscriptions: Array<[id: string, isSubscribed: boolean, tags: string[] | undefined]>
  preferences: Array<[path: string, isConsentGranted: boolean]>
}

/**
 * Judges a write against the site schema the way SAP's server does: unknown fields (400020) and
 * fields a client may not write (400025) refuse the call at once; types, formats and nulls give one
 * validation error per field, returned so that the caller can answer them in one 400009 together
 * with its own (password, login identifiers). Required fields are not judged here: missing ones leave
 * a registration pending instead (see `missingRequiredFields`).
 */
export function checkWrite(
  input: WriteInput,
  context: WriteContext,
): { write: CheckedWrite; errors: ValidationError[] } {
  const { messages } = context
  const findings: WriteFindings = {
    checked: { profile: [], data: [], subscriptions: [], preferences: [] },
    errors: [],
    unknown: [],
    forbidden: [],
  }
  for (const section of ['profile', 'data'] as const) {
    const value = input[section]
    if (value !== undefined) checkFields(section, value, context, findings)
  }
  if (input.subscriptions !== undefined) checkSubscriptions(input.subscriptions, context, findings)
  if (input.preferences !== undefined) checkPreferences(input.preferences, context, findings)

  const { unknown, forbidden } = findings
  if (unknown.length > 0) {
    throw fieldsRefused(400020, 'Schema validation failed', unknown, (field) => messages('notInSchema', field))
  }
  if (forbidden.length > 0) {
    throw fieldsRefused(400025, 'Write access validation error', forbidden, (field) => messages('writeAccess', field))
  }
  return { write: findings.checked, errors: findings.errors }
}
