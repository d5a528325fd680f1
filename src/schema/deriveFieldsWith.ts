import {
  FIXED_SCREEN_FIELDS,
  fixedField,
  isFixedScreen,
  type FixedScreen,
  type FormScreen,
  type LoginIdentifier,
} from './fixedFields'
import { isPlainObject, RESERVED_SEGMENTS } from '../shared/plainObjects'
import { humanize } from './humanize'
import { readFormat, type TranslatePattern } from './readFormat'
import type { FieldKind, FieldOption, FieldSpec, SitePolicies, SiteSchema } from './types'
import { warnOnce } from '../shared/warnOnce'

export interface DeriveFieldsOptions {
  /**
   * Picks, orders and adds fields by binding name (`email`, `profile.zip`, `data.loyalty.points`);
   * subscriptions and consents also by their short form (`subscriptions.newsletter`,
   * `preferences.terms.tos`). Names the schema does not have, or that only the server may write, are
   * skipped with a development warning. Used by `register`, `lite-progression` and `lite`;
   * `complete-registration` shows only what is `missing`, and the screens of one call (`login`,
   * `forgot-password`, `reset-password`, `password-change-required`, `email-code-verification`) always
   * ask for that call's parameters. On `register` and `lite-progression`, the security question and the
   * captcha the registration policy requires are added when not listed.
   */
  fields?: readonly string[]
  /**
   * Fields a server answer named that the screen's own list lacks (the `fieldName`s of its
   * `validationErrors`), shown after that list so the user can act on every message. The security
   * question and answer come as a pair. The screens of one call take only `captcha` (the site asks
   * for one after failed logins): the call has no parameter for any other field.
   */
  extra?: readonly string[]
  /**
   * - `register` (default): the login identifier(s) of `accountOptions.loginIdentifiers`, password and
   *   its retype, every client-writable required profile/data field, required consents, the security
   *   question and the captcha when the registration policy requires them (last, after `extra`).
   * - `complete-registration`: only the fields named in `missing`, each required.
   * - `login`: `loginID` and the current password (and the captcha, when `extra` names it).
   * - `lite`: `profile.email`, the subscriptions (all, or those in `subscriptions`) and required consents.
   * - `lite-progression`: what `register` shows; a lite account becomes a full one by registering.
   * - `forgot-password`: `loginID`, as on `login`.
   * - `forgot-password-security`: forgot-password once the account's security question is asked
   *   (400050): `loginID`, `secretAnswer`, `newPassword` (held to the password policy) and its retype.
   * - `reset-password`: `newPassword` (held to the password policy) and its retype.
   * - `password-change-required`: the current `password`, `newPassword` and the retype of the new one.
   * - `email-code-verification`: the emailed `code`.
   */
  screen?: FormScreen
  /** The fields the server reported missing (206001), e.g. `profile.zip`, `data.terms`, `preferences.terms.tos`. */
  missing?: readonly string[]
  /** Lite: which subscription ids, in this order (default: all, in schema order). */
  subscriptions?: readonly string[]
}

/** A schema definition as received: the site's console lets anything through, so every attribute is checked. */
type Definition = Readonly<Record<string, unknown>>

interface Site {
  screen: FormScreen
  translate: TranslatePattern
  loginIdentifiers: LoginIdentifier[]
  registration: Definition
  profile: Map<string, Definition>
  data: Map<string, Definition>
  subscriptions: Map<string, Definition>
  consents: Map<string, Definition>
}

const KIND_BY_TYPE = new Map<string, FieldKind>([
  ['string', 'text'],
  ['basic-string', 'text'],
  ['text', 'textarea'],
  ['long', 'number'],
  ['integer', 'number'],
  ['float', 'number'],
  ['boolean', 'checkbox'],
  ['date', 'date'],
  ['subscription', 'checkbox'],
  ['consent', 'checkbox'],
])

const GENDER_OPTIONS: FieldOption[] = [
  { value: 'f', label: 'Female', labelKey: 'gender_female' },
  { value: 'm', label: 'Male', labelKey: 'gender_male' },
  { value: 'u', label: 'Prefer not to say', labelKey: 'gender_unspecified' },
]

/** Reserved profile fields whose meaning the browser knows: better autofill, keyboards and labels. */
const PROFILE_FIELDS = new Map<string, Partial<FieldSpec>>([
  ['email', { kind: 'email', autoComplete: 'email', inputMode: 'email' }],
  ['firstName', { autoComplete: 'given-name' }],
  ['lastName', { autoComplete: 'family-name' }],
  ['nickname', { autoComplete: 'nickname' }],
  ['zip', { label: 'ZIP code', autoComplete: 'postal-code' }],
  ['country', { autoComplete: 'country-name' }],
  ['city', { autoComplete: 'address-level2' }],
  ['state', { autoComplete: 'address-level1' }],
  ['address', { autoComplete: 'street-address' }],
  ['birthYear', { autoComplete: 'bday-year' }],
  ['birthMonth', { autoComplete: 'bday-month' }],
  ['birthDay', { autoComplete: 'bday-day' }],
  ['phones', { label: 'Phone number', autoComplete: 'tel', inputMode: 'tel' }],
  ['gender', { kind: 'select', options: GENDER_OPTIONS }],
])

/** Consent ids that are abbreviations, keyed by the last segment of the consent path: label, message id. */
const CONSENT_LABELS = new Map([['tos', ['Terms of service', 'terms_of_service']]])

/**
 * `deriveFields` with the pattern translator passed in: the screen-sets load it on demand (see
 * `patternSupport.ts`), so their pages do not carry it; `deriveFields` passes the one it imports.
 */
export function deriveFieldsWith(
  schema: SiteSchema | null | undefined,
  policies: SitePolicies | undefined,
  options: DeriveFieldsOptions,
  translate: TranslatePattern,
): FieldSpec[] {
  const site = readSite(schema, policies, options.screen ?? 'register', translate)
  const specs: FieldSpec[] = []
  const seen = new Set<string>()
  for (const name of fieldNames(site, options)) {
    const spec = resolveField(name, site)
    if (typeof spec === 'string') {
      if (process.env.NODE_ENV !== 'production') warnOnce(`field:${name}`, `Field "${name}" is not rendered: ${spec}.`)
    } else if (!seen.has(spec.name)) {
      seen.add(spec.name)
      specs.push(site.screen === 'complete-registration' ? asMissing(spec) : spec)
    }
  }
  return specs
}

/** The server reported the field as missing, so it is needed whatever the schema says; a consent is needed granted. */
function asMissing(spec: FieldSpec): FieldSpec {
  return { ...spec, required: true, mustBeTrue: spec.mustBeTrue || spec.section === 'preferences' }
}

const SECURITY_PAIR = ['secretQuestion', 'secretAnswer']

function fieldNames(site: Site, options: DeriveFieldsOptions): string[] {
  const extra = (nameList(options.extra, 'extra') ?? []).flatMap((name) =>
    SECURITY_PAIR.includes(name) ? SECURITY_PAIR : [name],
  )
  if (isFixedScreen(site.screen))
    return [...FIXED_SCREEN_FIELDS[site.screen], ...extra.filter((name) => name === 'captcha')]
  const names = [...screenFieldNames(site.screen, site, options), ...extra]
  return site.screen === 'register' || site.screen === 'lite-progression'
    ? [...names, ...policyControls(site).filter((name) => !names.includes(name))]
    : names
}

/** The registration policy's own controls: never left out, whatever the caller picked. */
function policyControls(site: Site): string[] {
  return [
    ...(site.registration['requireSecurityQuestion'] === true ? SECURITY_PAIR : []),
    ...(site.registration['requireCaptcha'] === true ? ['captcha'] : []),
  ]
}

function screenFieldNames(
  screen: Exclude<FormScreen, FixedScreen>,
  site: Site,
  options: DeriveFieldsOptions,
): string[] {
  switch (screen) {
    case 'complete-registration':
      return nameList(options.missing, 'missing') ?? []
    case 'lite': {
      const subscriptionIds = nameList(options.subscriptions, 'subscriptions') ?? [...site.subscriptions.keys()]
      return (
        nameList(options.fields, 'fields') ?? [
          'profile.email',
          ...subscriptionIds.map((id) => `subscriptions.${id}`),
          ...requiredConsentNames(site),
        ]
      )
    }
    case 'register':
    case 'lite-progression': {
      const emailIsLoginId = site.loginIdentifiers.includes('email')
      return (
        nameList(options.fields, 'fields') ?? [
          ...site.loginIdentifiers,
          'password',
          'passwordRetype',
          // The server copies the login email into the profile; asking for it twice would annoy.
          ...requiredKeys(site.profile)
            .filter((key) => !(emailIsLoginId && key === 'email'))
            .map((key) => `profile.${key}`),
          ...requiredKeys(site.data).map((key) => `data.${key}`),
          ...requiredConsentNames(site),
        ]
      )
    }
  }
}

/** The caller's list of names, or undefined when absent or unusable (then the screen's default applies). */
function nameList(list: unknown, option: string): string[] | undefined {
  if (list === undefined) return undefined
  if (!Array.isArray(list)) {
    if (process.env.NODE_ENV !== 'production')
      warnOnce(`option:${option}`, `The "${option}" option is not an array and is ignored.`)
    return undefined
  }
  return list.filter((name): name is string => {
    if (typeof name === 'string') return true
    if (process.env.NODE_ENV !== 'production')
      warnOnce(
        `option:${option}:${String(name)}`,
        `The "${option}" option holds a non-string (${String(name)}); skipped.`,
      )
    return false
  })
}

function requiredKeys(definitions: Map<string, Definition>): string[] {
  return [...definitions].filter(([, def]) => def['required'] === true && isClientWritable(def)).map(([key]) => key)
}

function requiredConsentNames(site: Site): string[] {
  return requiredKeys(site.consents).map((key) => `preferences.${key}.isConsentGranted`)
}

/** A spec for `name`, or why it cannot be rendered. */
function resolveField(name: string, site: Site): FieldSpec | string {
  // The form nests values by these segments, where JavaScript would reach into prototypes instead.
  if (name.split('.').some((segment) => RESERVED_SEGMENTS.has(segment) || segment === ''))
    return 'its name has an empty segment or one JavaScript reserves (__proto__, constructor, prototype)'
  const fixed = fixedField(name, site)
  if (fixed) return fixed
  const dot = name.indexOf('.')
  if (dot < 0) return 'no such field'
  const section = name.slice(0, dot)
  const key = name.slice(dot + 1)
  switch (section) {
    case 'profile':
    case 'data':
      return schemaField(section, key, site)
    case 'subscriptions':
      return subscriptionField(withoutSuffix(key, '.email.isSubscribed'), site)
    case 'preferences':
      return consentField(withoutSuffix(key, '.isConsentGranted'), site)
    default:
      return 'no such field'
  }
}

function schemaField(section: 'profile' | 'data', key: string, site: Site): FieldSpec | string {
  const name = `${section}.${key}`
  // A lite account is identified by its profile email, so the lite screen needs it whatever the schema says.
  const isLiteEmail = site.screen === 'lite' && name === 'profile.email'
  const def = site[section].get(key) ?? (isLiteEmail ? {} : undefined)
  if (!def) return 'the schema has no such field'
  const writeAccess = def['writeAccess']
  if (!isLiteEmail && !isClientWritable(def)) return 'only the server may write it'
  const schemaType = typeof def['type'] === 'string' ? def['type'] : 'string'
  const kind = KIND_BY_TYPE.get(schemaType) ?? 'text'
  const reserved = section === 'profile' ? PROFILE_FIELDS.get(key) : undefined
  // A schema may give a reserved field another type; a select of genders or an email input would then
  // offer values of the wrong type, so the field is rendered by its type alone.
  const known = reserved?.kind !== undefined && kind !== 'text' && kind !== 'textarea' ? undefined : reserved
  return {
    name,
    section,
    kind,
    schemaType,
    label: humanize(key),
    labelKey: name,
    required: isLiteEmail || def['required'] === true,
    mustBeTrue: false,
    ...(schemaType === 'long' || schemaType === 'integer' ? { integer: true, inputMode: 'numeric' } : {}),
    ...(schemaType === 'float' && { inputMode: 'decimal' }),
    ...known,
    ...formatTraits(def['format'], name, known?.kind ?? kind, site.translate),
    ...((writeAccess === 'clientCreate' || writeAccess === 'clientModify') && { writeAccess }),
  }
}

function subscriptionField(id: string, site: Site): FieldSpec | string {
  const def = site.subscriptions.get(id)
  if (!def) return 'the schema has no such subscription'
  const description = text(def['description'])
  return {
    name: `subscriptions.${id}.email.isSubscribed`,
    section: 'subscriptions',
    kind: 'checkbox',
    schemaType: typeof def['type'] === 'string' ? def['type'] : 'subscription',
    label: description ?? humanize(id),
    labelKey: `subscriptions.${id}`,
    required: def['required'] === true,
    mustBeTrue: false,
    ...(description !== undefined && { description }),
  }
}

function consentField(key: string, site: Site): FieldSpec | string {
  const def = site.consents.get(key)
  if (!def) return 'the schema has no such consent'
  if (!isClientWritable(def)) return 'only the server may write it'
  const name = `preferences.${key}.isConsentGranted`
  const required = def['required'] === true
  const format = formatTraits(def['format'], name, 'checkbox', site.translate)
  const description = text(def['description'])
  const writeAccess = def['writeAccess'] === 'clientCreate' ? 'clientCreate' : 'clientModify'
  const generic = CONSENT_LABELS.get(key.slice(key.lastIndexOf('.') + 1))
  return {
    name,
    section: 'preferences',
    kind: 'checkbox',
    schemaType: typeof def['type'] === 'string' ? def['type'] : 'consent',
    label: generic?.[0] ?? humanize(key),
    labelKey: `preferences.${key}`,
    ...(generic && { genericLabelKey: generic[1] }),
    required,
    ...format,
    mustBeTrue: required || format.mustBeTrue === true,
    ...(description !== undefined && { description }),
    writeAccess,
  }
}

function formatTraits(format: unknown, name: string, kind: FieldKind, translate: TranslatePattern): Partial<FieldSpec> {
  const parsed = readFormat(format, translate)
  switch (parsed.kind) {
    case 'none':
      return {}
    case 'true':
      return { mustBeTrue: kind === 'checkbox' }
    case 'regex':
      return {
        pattern: parsed.regex,
        format: parsed.pattern,
        ...(parsed.maxInputLength !== undefined && { patternMaxLength: parsed.maxInputLength }),
      }
    case 'untranslatable':
      if (process.env.NODE_ENV !== 'production')
        warnOnce(
          `pattern:${parsed.pattern}`,
          `${name}: the pattern ${parsed.pattern} cannot be checked in the browser (${parsed.reason}); only the server checks it.`,
        )
      return { format: parsed.pattern }
  }
}

function readSite(
  schema: SiteSchema | null | undefined,
  policies: SitePolicies | undefined,
  screen: FormScreen,
  translate: TranslatePattern,
): Site {
  const registration: unknown = policies?.registration
  return {
    screen,
    translate,
    loginIdentifiers: loginIdentifiers(policies),
    registration: isPlainObject(registration) ? registration : {},
    profile: sectionFields(schema, 'profileSchema'),
    data: sectionFields(schema, 'dataSchema'),
    // A subscription's settings sit one level down, under its channel.
    subscriptions: new Map(
      [...sectionFields(schema, 'subscriptionsSchema')]
        .map(([id, channels]): [string, unknown] => [id, channels['email']])
        .filter((entry): entry is [string, Definition] => isPlainObject(entry[1])),
    ),
    consents: sectionFields(schema, 'preferencesSchema'),
  }
}

function loginIdentifiers(policies: SitePolicies | undefined): LoginIdentifier[] {
  const setting: unknown = policies?.accountOptions?.loginIdentifiers
  const tokens = typeof setting === 'string' ? setting.split(',').map((token) => token.trim()) : []
  const identifiers = (['email', 'username'] as const).filter((id) => tokens.includes(id))
  return identifiers.length > 0 ? identifiers : ['email']
}

function sectionFields(schema: SiteSchema | null | undefined, section: keyof SiteSchema): Map<string, Definition> {
  const value: unknown = isPlainObject(schema) ? schema[section] : undefined
  if (value === undefined || value === null) return new Map()
  if (!isPlainObject(value) || !isPlainObject(value['fields'])) {
    if (process.env.NODE_ENV !== 'production')
      warnOnce(`schema:${section}`, `The schema's ${section} has no "fields" object; its fields are not rendered.`)
    return new Map()
  }
  return new Map(
    Object.entries(value['fields']).filter((entry): entry is [string, Definition] => {
      if (isPlainObject(entry[1])) return true
      if (process.env.NODE_ENV !== 'production')
        warnOnce(
          `schema:${section}:${entry[0]}`,
          `The schema's ${section}.fields["${entry[0]}"] is not an object; skipped.`,
        )
      return false
    }),
  )
}

function isClientWritable(def: Definition): boolean {
  return def['writeAccess'] === 'clientCreate' || def['writeAccess'] === 'clientModify'
}

function withoutSuffix(key: string, suffix: string): string {
  return key.endsWith(suffix) ? key.slice(0, -suffix.length) : key
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}
