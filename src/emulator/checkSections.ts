/** The per-section judgements of `checkWrite`: schema fields, subscriptions, and consents. */
import type {
  ConsentDef,
  JsonObject,
  JsonValue,
  SchemaFieldDef,
  SubscriptionDef,
  ValidationError,
} from '../accounts/types'
import { isPlainObject } from '../shared/plainObjects'
import { isClientWritable, isEmpty } from './accountRules'
import type { CheckedWrite, WriteContext } from './checkWrite'
import { coerce } from './coerce'
import { parseFormat, passesFormat, type FieldFormat } from './dotnetRegex'
import { invalidField } from './errors'
import { definitionAt, getPath, leafPaths } from './writePaths'

/** What the sections of one write come to: the values to apply, field errors, and refused fields. */
export interface WriteFindings {
  checked: CheckedWrite
  errors: ValidationError[]
  /** Fields the schema does not have (400020). */
  unknown: string[]
  /** Fields a client may not write (400025). */
  forbidden: string[]
}

const label = (path: string) => path.slice(path.lastIndexOf('.') + 1)

function formatOf(def: { format?: unknown }, warn: (message: string) => void, path: string): FieldFormat {
  const format = parseFormat(def.format)
  if (format.kind === 'untranslatable') warn(`format of ${path} not checked (${format.reason}): ${format.pattern}`)
  return format
}

/** `profile` or `data`: each leaf must be a schema field the caller may write, of its type and format. */
export function checkFields(
  section: 'profile' | 'data',
  value: JsonObject,
  { site, client, existing, messages, warn }: WriteContext,
  { checked, errors, unknown, forbidden }: WriteFindings,
): void {
  const fields = site.schema[`${section}Schema`]?.fields ?? {}
  for (const [path, raw] of leafPaths(section, value, (candidate) => Object.hasOwn(fields, candidate))) {
    const fieldName = `${section}.${path}`
    const def: SchemaFieldDef | undefined = definitionAt(fields, path)
    if (def === undefined) {
      unknown.push(fieldName)
      continue
    }
    const previouslySet = existing !== undefined && !isEmpty(getPath(existing[section], path))
    if (client && (!isClientWritable(def) || (def.writeAccess === 'clientCreate' && previouslySet))) {
      forbidden.push(fieldName)
      continue
    }
    if (raw === null) {
      if (def.allowNull === false) errors.push(invalidField(messages('invalid', label(path)), fieldName))
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
      errors.push(invalidField(messages('invalid', label(path)), fieldName))
      continue
    }
    checked[section].push([path, typed])
  }
}

/** `subscriptions`: known ids only, each with a boolean `email.isSubscribed` and string `tags`, if any. */
export function checkSubscriptions(
  value: JsonObject,
  { site, messages }: WriteContext,
  { checked, errors, unknown }: WriteFindings,
): void {
  const fields = site.schema.subscriptionsSchema?.fields ?? {}
  for (const [id, raw] of Object.entries(value)) {
    const fieldName = `subscriptions.${id}.email.isSubscribed`
    const def: SubscriptionDef | undefined = definitionAt(fields, id)?.email
    if (def === undefined) {
      unknown.push(fieldName)
      continue
    }
    const email = isPlainObject(raw) ? raw.email : undefined
    const isSubscribed = isPlainObject(email) ? coerce('boolean', email.isSubscribed ?? null) : undefined
    const tags = isPlainObject(email) ? email.tags : undefined
    const tagsOk = tags === undefined || (Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'))
    if (typeof isSubscribed !== 'boolean' || !tagsOk) {
      errors.push(invalidField(messages('invalid', id), fieldName))
      continue
    }
    checked.subscriptions.push([id, isSubscribed, tags as string[] | undefined])
  }
}

/** `preferences`: known consents the caller may write, each with a boolean `isConsentGranted`. */
export function checkPreferences(
  value: JsonObject,
  { site, client, messages }: WriteContext,
  { checked, errors, unknown, forbidden }: WriteFindings,
): void {
  const fields = site.schema.preferencesSchema?.fields ?? {}
  // A consent leaf is the object holding isConsentGranted, even where the path is not in the schema.
  const isLeaf = (candidate: string, child: JsonValue) =>
    Object.hasOwn(fields, candidate) || (isPlainObject(child) && 'isConsentGranted' in child)
  for (const [path, raw] of leafPaths('preferences', value, isLeaf)) {
    const def: ConsentDef | undefined = definitionAt(fields, path)
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
      errors.push(invalidField(messages('invalid', label(path)), fieldName))
      continue
    }
    checked.preferences.push([path, granted])
  }
}
