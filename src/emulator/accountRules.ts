/** What a site's rules ask of an account: its required fields filled, a usable email, a strong password. */
import type { JsonObject, JsonValue } from '../accounts/types'
import { isPlainObject } from '../shared/plainObjects'
import { parseFormat, passesFormat } from './dotnetRegex'
import type { AccountRecord, SiteConfig } from './types'
import { getPath } from './writePaths'

/** Whether a client may ever write the field: `clientCreate` / `clientModify`, not `serverOnly`. */
export function isClientWritable(def: { writeAccess?: unknown }): boolean {
  return def.writeAccess === 'clientCreate' || def.writeAccess === 'clientModify'
}

/** No value yet: absent, null, or an empty string. */
export const isEmpty = (value: JsonValue | JsonObject | undefined) =>
  value === undefined || value === null || value === ''

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
