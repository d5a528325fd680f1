import type {
  ConsentDef,
  JsonObject,
  JsonValue,
  SchemaFieldDef,
  SubscriptionDef,
  ValidationError,
} from '../accounts/types'
import { fail, validationFailure } from './envelope'
import { parseFormat, passesFormat, type FieldFormat } from './dotnetRegex'
import type { Messages } from './messages'
import type { Params } from './params'
import type { AccountRecord, SiteConfig, StoredSubscription } from './types'

/** The object parameters a write may carry, already decoded from JSON. */
export interface WriteInput {
  profile?: JsonObject
  data?: JsonObject
  subscriptions?: JsonObject
  preferences?: JsonObject
}

/** The object parameters of a call (`profile`, `data`, `subscriptions`, `preferences`) that it carries. */
export function writeInputOf(params: Params): WriteInput {
  const input: WriteInput = {}
  for (const name of ['profile', 'data', 'subscriptions', 'preferences'] as const) {
    const value = params.object(name)
    if (value !== undefined) input[name] = value
  }
  return input
}

/**
 * The write without the profile and data values the account already has: for a call whose values
 * only fill gaps (a lite subscribe reaching a full account keeps that account's own data).
 */
export function onlyGaps(write: CheckedWrite, account: AccountRecord): CheckedWrite {
  return {
    ...write,
    profile: write.profile.filter(([path]) => isEmpty(getPath(account.profile, path))),
    data: write.data.filter(([path]) => isEmpty(getPath(account.data, path))),
  }
}

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

type Section = 'profile' | 'data'

const isPlainObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** Deeper objects than any schema path are refused before they are walked. */
const MAX_DEPTH = 32

/** Keys that would reach `Object.prototype` through a path walk; never a field name. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

export function isForbiddenPath(path: string): boolean {
  return path.split('.').some((part) => FORBIDDEN_KEYS.has(part))
}

/**
 * Leaf paths of a nested object, stopping at a path the schema knows (its keys may contain dots).
 * Iterative with a depth limit, so a hostile nesting cannot exhaust the stack.
 */
function flatten(
  section: string,
  value: JsonObject,
  known: (path: string, child: JsonValue) => boolean,
): Array<[string, JsonValue]> {
  const leaves: Array<[string, JsonValue]> = []
  const pending: Array<[prefix: string, node: JsonObject, depth: number]> = [['', value, 1]]
  while (pending.length > 0) {
    const [prefix, node, depth] = pending.pop() as [string, JsonObject, number]
    if (depth > MAX_DEPTH) {
      throw fail(400006, 'Invalid parameter value', `${section} is nested deeper than ${MAX_DEPTH} levels`)
    }
    const children: Array<[string, JsonObject, number]> = []
    for (const [key, child] of Object.entries(node)) {
      if (child === undefined) continue
      const path = prefix === '' ? key : `${prefix}.${key}`
      if (!known(path, child) && isPlainObject(child) && Object.keys(child).length > 0) {
        children.push([path, child, depth + 1])
      } else {
        leaves.push([path, child])
      }
    }
    pending.push(...children.reverse())
  }
  return leaves
}

export function getPath(root: JsonObject, path: string): JsonValue | JsonObject | undefined {
  if (isForbiddenPath(path)) return undefined
  if (Object.hasOwn(root, path)) return root[path]
  let node: JsonValue | JsonObject | undefined = root
  for (const part of path.split('.')) {
    if (!isPlainObject(node) || !Object.hasOwn(node, part)) return undefined
    node = node[part]
  }
  return node
}

export function setPath(root: JsonObject, path: string, value: JsonValue): void {
  const parts = path.split('.')
  let node: JsonObject = root
  for (const part of parts.slice(0, -1)) {
    const next = Object.hasOwn(node, part) ? node[part] : undefined
    if (!isPlainObject(next)) {
      const created: JsonObject = {}
      Object.defineProperty(node, part, { value: created, enumerable: true, writable: true, configurable: true })
      node = created
    } else {
      node = next
    }
  }
  Object.defineProperty(node, parts[parts.length - 1] as string, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}

const INTEGER = /^-?\d+$/
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/
const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * The value in the field's type, or undefined when it does not fit. Unknown types take strings. A
 * number written as a string must be only the number: surrounding spaces make it invalid, as they do
 * for the client (`src/schema/fieldValue.ts`).
 */
function coerce(type: string | undefined, value: JsonValue): JsonValue | undefined {
  switch (type) {
    case 'long':
    case 'integer': {
      const number = typeof value === 'string' && INTEGER.test(value) ? Number(value) : value
      if (typeof number !== 'number' || !Number.isSafeInteger(number)) return undefined
      return type === 'integer' && (number > 2147483647 || number < -2147483648) ? undefined : number
    }
    case 'float': {
      const number = typeof value === 'string' && NUMBER.test(value) ? Number(value) : value
      return typeof number === 'number' && Number.isFinite(number) ? number : undefined
    }
    case 'boolean':
      if (typeof value === 'boolean') return value
      return value === 'true' ? true : value === 'false' ? false : undefined
    case 'date':
      return typeof value === 'string' && isDate(value) ? value : undefined
    default:
      return typeof value === 'string' ? value : undefined
  }
}

/**
 * ISO 8601, on a day the calendar has: `Date.parse` alone lets 2023-02-29 roll over into March,
 * where .NET refuses it.
 */
function isDate(value: string): boolean {
  if (!DATE.test(value) || Number.isNaN(Date.parse(value))) return false
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number]
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function formatOf(def: { format?: unknown }, warn: (message: string) => void, path: string): FieldFormat {
  const format = parseFormat(def.format)
  if (format.kind === 'untranslatable') warn(`format of ${path} not checked (${format.reason}): ${format.pattern}`)
  return format
}

/** Schema paths of the section's fields that are not `serverOnly`: what a client may ever write. */
function isClientWritable(def: { writeAccess?: unknown }): boolean {
  return def.writeAccess === 'clientCreate' || def.writeAccess === 'clientModify'
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
  const { site, client, existing, messages, warn } = context
  const unknown: string[] = []
  const forbidden: string[] = []
  const errors: ValidationError[] = []
  const checked: CheckedWrite = { profile: [], data: [], subscriptions: [], preferences: [] }
  const label = (path: string) => path.slice(path.lastIndexOf('.') + 1)

  for (const section of ['profile', 'data'] as const satisfies readonly Section[]) {
    const value = input[section]
    if (value === undefined) continue
    const fields = site.schema[`${section}Schema`]?.fields ?? {}
    for (const [path, raw] of flatten(section, value, (candidate) => Object.hasOwn(fields, candidate))) {
      const fieldName = `${section}.${path}`
      const def: SchemaFieldDef | undefined =
        Object.hasOwn(fields, path) && !isForbiddenPath(path) ? fields[path] : undefined
      if (def === undefined) {
        unknown.push(fieldName)
        continue
      }
      const previous = existing === undefined ? undefined : getPath(existing[section], path)
      const previouslySet = previous !== undefined && previous !== null && previous !== ''
      if (client && (!isClientWritable(def) || (def.writeAccess === 'clientCreate' && previouslySet))) {
        forbidden.push(fieldName)
        continue
      }
      if (raw === null) {
        if (def.allowNull === false)
          errors.push({ errorCode: 400026, message: messages('invalid', label(path)), fieldName })
        else checked[section].push([path, null])
        continue
      }
      const typed = coerce(def.type, raw)
      const format = formatOf(def, warn, fieldName)
      // The pattern judges the typed value: a number as JavaScript writes it ('007' is 7), as the client does.
      const formatOk =
        typed === undefined ||
        (format.kind === 'true' && typed === true) ||
        (format.kind === 'regex' && (typed === '' || passesFormat(format, String(typed)))) ||
        format.kind === 'none' ||
        format.kind === 'untranslatable'
      if (typed === undefined || !formatOk) {
        errors.push({ errorCode: 400026, message: messages('invalid', label(path)), fieldName })
        continue
      }
      checked[section].push([path, typed])
    }
  }

  if (input.subscriptions !== undefined) {
    const fields = site.schema.subscriptionsSchema?.fields ?? {}
    for (const [id, raw] of Object.entries(input.subscriptions)) {
      const fieldName = `subscriptions.${id}.email.isSubscribed`
      const def: SubscriptionDef | undefined =
        Object.hasOwn(fields, id) && !isForbiddenPath(id) ? fields[id]?.email : undefined
      if (def === undefined) {
        unknown.push(fieldName)
        continue
      }
      const email = isPlainObject(raw) ? raw.email : undefined
      const isSubscribed = isPlainObject(email) ? coerce('boolean', email.isSubscribed ?? null) : undefined
      const tags = isPlainObject(email) ? email.tags : undefined
      const tagsOk = tags === undefined || (Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'))
      if (typeof isSubscribed !== 'boolean' || !tagsOk) {
        errors.push({ errorCode: 400026, message: messages('invalid', id), fieldName })
        continue
      }
      checked.subscriptions.push([id, isSubscribed, tags as string[] | undefined])
    }
  }

  if (input.preferences !== undefined) {
    const fields = site.schema.preferencesSchema?.fields ?? {}
    // A consent leaf is the object holding isConsentGranted, even where the path is not in the schema.
    const isLeaf = (candidate: string, child: JsonValue) =>
      Object.hasOwn(fields, candidate) || (isPlainObject(child) && 'isConsentGranted' in child)
    for (const [path, raw] of flatten('preferences', input.preferences, isLeaf)) {
      const def: ConsentDef | undefined =
        Object.hasOwn(fields, path) && !isForbiddenPath(path) ? fields[path] : undefined
      const fieldName = `preferences.${path}.isConsentGranted`
      if (def === undefined) {
        unknown.push(`preferences.${path}`)
        continue
      }
      if (client && !isClientWritable(def)) {
        forbidden.push(fieldName)
        continue
      }
      const granted = isPlainObject(raw) ? coerce('boolean', raw.isConsentGranted ?? null) : undefined
      // Format "true" on a consent, as on a boolean: a consent given must be granted, required or not.
      const mustBeGranted = parseFormat(def.format).kind === 'true'
      if (typeof granted !== 'boolean' || (mustBeGranted && !granted)) {
        errors.push({ errorCode: 400026, message: messages('invalid', label(path)), fieldName })
        continue
      }
      checked.preferences.push([path, granted])
    }
  }

  if (unknown.length > 0) {
    throw fail(
      400020,
      'Schema validation failed',
      `${unknown.map((field) => messages('notInSchema', field)).join('; ')}`,
      {
        validationErrors: unknown.map((fieldName) => ({
          errorCode: 400020,
          message: messages('notInSchema', fieldName),
          fieldName,
        })),
      },
    )
  }
  if (forbidden.length > 0) {
    throw fail(
      400025,
      'Write access validation error',
      forbidden.map((field) => messages('writeAccess', field)).join('; '),
      {
        validationErrors: forbidden.map((fieldName) => ({
          errorCode: 400025,
          message: messages('writeAccess', fieldName),
          fieldName,
        })),
      },
    )
  }
  return { write: checked, errors }
}

/** `checkWrite` for calls with nothing else to judge: any field error is the answer (400009). */
export function validateWrite(input: WriteInput, context: WriteContext): CheckedWrite {
  const { write, errors } = checkWrite(input, context)
  if (errors.length > 0) throw validationFailure(errors)
  return write
}

/**
 * Applies a checked write. Returns the ids of subscriptions that now wait for a double opt-in
 * confirmation (their schema says `doubleOptIn` and they were not confirmed before).
 */
export function applyWrite(account: AccountRecord, write: CheckedWrite, site: SiteConfig, now: number): string[] {
  const stamp = new Date(now).toISOString()
  for (const [path, value] of write.profile) setPath(account.profile, path, value)
  for (const [path, value] of write.data) setPath(account.data, path, value)
  const pendingConfirmation: string[] = []
  for (const [id, isSubscribed, tags] of write.subscriptions) {
    const doubleOptIn = site.schema.subscriptionsSchema?.fields[id]?.email?.doubleOptIn === true
    const previous = account.subscriptions[id]?.email
    const subscription: StoredSubscription = {
      email: { isSubscribed, lastUpdatedSubscriptionState: stamp, ...(tags === undefined ? {} : { tags }) },
    }
    if (previous?.tags !== undefined && tags === undefined) subscription.email.tags = previous.tags
    if (!isSubscribed) {
      subscription.email.doubleOptIn = { status: 'NotConfirmed' }
    } else if (doubleOptIn && previous?.doubleOptIn?.status === 'Confirmed' && previous.isSubscribed) {
      subscription.email.doubleOptIn = previous.doubleOptIn
    } else if (doubleOptIn) {
      subscription.email.doubleOptIn = { status: 'Pending', emailSentTime: stamp }
      pendingConfirmation.push(id)
    } else {
      subscription.email.doubleOptIn = { status: 'NotConfirmed' }
    }
    account.subscriptions[id] = subscription
  }
  for (const [path, isConsentGranted] of write.preferences) {
    const docDate = site.schema.preferencesSchema?.fields[path]?.currentDocDate
    setPath(account.preferences, path, {
      isConsentGranted,
      lastConsentModified: stamp,
      ...(typeof docDate === 'string' ? { docDate } : {}),
    })
  }
  account.lastUpdated = now
  return pendingConfirmation
}

const isEmpty = (value: JsonValue | JsonObject | undefined) => value === undefined || value === null || value === ''

/**
 * The required fields a full account still lacks, named as in SAP's `errorDetails`
 * (`profile.zip`, `data.terms`, `preferences.terms.tos`). `serverOnly` fields are left out: a client
 * could never fill them, so they cannot hold a registration back.
 */
export function missingRequiredFields(account: AccountRecord, site: SiteConfig): string[] {
  const missing: string[] = []
  for (const section of ['profile', 'data'] as const) {
    for (const [path, def] of Object.entries(site.schema[`${section}Schema`]?.fields ?? {})) {
      if (def.required === true && isClientWritable(def) && isEmpty(getPath(account[section], path))) {
        missing.push(`${section}.${path}`)
      }
    }
  }
  for (const [path, def] of Object.entries(site.schema.preferencesSchema?.fields ?? {})) {
    if (def.required !== true || !isClientWritable(def)) continue
    const consent = getPath(account.preferences, path)
    if (!isPlainObject(consent) || consent.isConsentGranted !== true) missing.push(`preferences.${path}`)
  }
  return missing
}

const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$/

/** Practical email syntax: dot-atom local part, a domain of at least two labels, 254 characters at most. */
export function isValidEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email)
}

/**
 * `passwordComplexity`: at least `minLength` characters (code points), `minCharGroups` of upper-case
 * letter, lower-case letter, digit, other symbol (Unicode categories), and the `regExp` if any.
 */
export function meetsPasswordPolicy(
  password: string,
  policy: JsonObject | undefined,
  warn: (message: string) => void,
): boolean {
  const minLength = typeof policy?.minLength === 'number' ? policy.minLength : 0
  const minCharGroups = typeof policy?.minCharGroups === 'number' ? policy.minCharGroups : 0
  if ([...password].length < minLength) return false
  const groups = [/\p{Lu}/u, /\p{Ll}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((group) => group.test(password)).length
  if (groups < minCharGroups) return false
  if (typeof policy?.regExp === 'string' && policy.regExp !== '') {
    const format = parseFormat(`regex('${policy.regExp}')`)
    if (format.kind === 'untranslatable') warn(`passwordComplexity.regExp not checked (${format.reason})`)
    if (format.kind === 'regex' && !passesFormat(format, password)) return false
  }
  return true
}
