import type { GetAccountInfoResponse } from '../accounts'
import type { FieldSpec, SiteSchema } from '../schema'
import { isEmptyValue, readFieldValue } from '../schema/fieldValue'
import { hasReservedSegment, isPlainObject } from '../shared/plainObjects'

const DAY = /^\d{4}-\d{2}-\d{2}/

/** A consent's path (`terms.tos`) from its input's name. */
export function consentPath(name: string): string {
  return name.replace(/^preferences\./, '').replace(/\.isConsentGranted$/, '')
}

/** A subscription's id (`newsletter`) from its input's name. */
export function subscriptionId(name: string): string {
  return name.replace(/^subscriptions\./, '').replace(/\.email\.isSubscribed$/, '')
}

function consentDef(schema: SiteSchema | undefined, path: string): Record<string, unknown> | undefined {
  const fields: unknown = schema?.preferencesSchema?.fields
  return isPlainObject(fields) && Object.hasOwn(fields, path) && isPlainObject(fields[path]) ? fields[path] : undefined
}

/** The account's grant of a consent: `{ isConsentGranted, docDate, … }`. */
function grantOf(account: GetAccountInfoResponse, path: string): Record<string, unknown> | undefined {
  const grant = readFieldValue(account.preferences, path.split('.'))
  return isPlainObject(grant) ? grant : undefined
}

/**
 * Whether the user agreed to a version older than the oldest the site still accepts (`minDocDate`): the
 * grant no longer counts, and the box shows unchecked until they agree again.
 */
export function needsReview(account: GetAccountInfoResponse, schema: SiteSchema | undefined, path: string): boolean {
  const grant = grantOf(account, path)
  const minDocDate = consentDef(schema, path)?.['minDocDate']
  if (grant?.['isConsentGranted'] !== true || typeof minDocDate !== 'string') return false
  const docDate = grant['docDate']
  return typeof docDate !== 'string' || Date.parse(docDate) < Date.parse(minDocDate)
}

/** The current version's date of a consent (`currentDocDate`), as the page's language writes dates. */
export function consentVersion(schema: SiteSchema | undefined, path: string, lang: string): string | undefined {
  const date = consentDef(schema, path)?.['currentDocDate']
  const time = typeof date === 'string' ? Date.parse(date) : NaN
  if (Number.isNaN(time)) return undefined
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(time)
  } catch {
    return new Date(time).toISOString().slice(0, 10)
  }
}

/** Whether a subscription waits for the user to confirm it from an email (double opt-in). */
export function isPendingConfirmation(account: GetAccountInfoResponse, id: string): boolean {
  const status = readFieldValue(account.subscriptions, [id, 'email', 'doubleOptIn', 'status'])
  return status === 'Pending'
}

/** What an input shows of an account value: text as typed, a date as the date input takes it. */
function inputValue(field: FieldSpec, value: unknown): unknown {
  if (field.kind === 'checkbox') return value === true
  if (typeof value === 'number') return String(value)
  if (typeof value !== 'string') return ''
  return field.kind === 'date' && DAY.test(value) ? value.slice(0, 10) : value
}

function accountValue(field: FieldSpec, account: GetAccountInfoResponse, schema: SiteSchema | undefined): unknown {
  const [section, ...path] = field.name.split('.')
  switch (section) {
    case 'profile':
      return inputValue(field, readFieldValue(account.profile, path))
    case 'data':
      return inputValue(field, readFieldValue(account.data, path))
    case 'subscriptions':
      return readFieldValue(account.subscriptions, path) === true
    case 'preferences': {
      const consent = consentPath(field.name)
      return grantOf(account, consent)?.['isConsentGranted'] === true && !needsReview(account, schema, consent)
    }
    default:
      return undefined
  }
}

/** Sets `value` at a dotted path, making the objects on the way. */
function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  if (hasReservedSegment(path)) return
  let node = target
  for (const segment of path.slice(0, -1)) {
    const child = node[segment]
    node = isPlainObject(child) ? child : (node[segment] = {})
  }
  const last = path.at(-1)
  if (last !== undefined) node[last] = value
}

/** The form's values from the account: what each input starts with. */
export function accountFormValues(
  account: GetAccountInfoResponse,
  fields: readonly FieldSpec[],
  schema: SiteSchema | undefined,
): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const field of fields) {
    const value = accountValue(field, account, schema)
    if (value !== undefined) setPath(values, field.name.split('.'), value)
  }
  return values
}

/** Drops `path` from a nested object, and the objects it leaves empty. */
function dropPath(target: Record<string, unknown>, path: readonly string[]): void {
  const [head, ...rest] = path
  if (head === undefined || !Object.hasOwn(target, head)) return
  const child = target[head]
  if (rest.length > 0 && isPlainObject(child)) {
    dropPath(child, rest)
    if (Object.keys(child).length > 0) return
  }
  Reflect.deleteProperty(target, head)
}

/**
 * The request model with only what the user changed: an unchanged field is not written again (saving
 * the privacy screen never agrees anew to a version the user did not look at), and a field the user
 * emptied is written as `null`, which clears it (left out, the old value would stay).
 */
export function changedModel(
  model: Readonly<Record<string, unknown>>,
  fields: readonly FieldSpec[],
  values: unknown,
  initial: unknown,
): Record<string, unknown> {
  const changed = structuredClone(model) as Record<string, unknown>
  for (const field of fields) {
    const path = field.name.split('.')
    const value = readFieldValue(values, path)
    const before = readFieldValue(initial, path)
    if (Object.is(value ?? '', before ?? '')) dropPath(changed, path)
    else if (isEmptyValue(field, value) && !isEmptyValue(field, before)) setPath(changed, path, null)
  }
  return changed
}
