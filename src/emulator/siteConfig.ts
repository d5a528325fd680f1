import type { JsonObject } from '../accounts/types'
import { hasReservedSegment, isPlainObject } from '../shared/plainObjects'
import type { SiteConfig, SitePolicies, SiteSchema } from './types'

const clientModify = (type: string) => ({
  type,
  required: false,
  allowNull: true,
  writeAccess: 'clientModify' as const,
})

/** SAP's reserved profile fields, as a new site has them. */
export const DEFAULT_PROFILE_FIELDS = {
  email: { ...clientModify('string'), format: "regex('')" },
  firstName: clientModify('string'),
  lastName: clientModify('string'),
  nickname: clientModify('string'),
  birthDay: clientModify('long'),
  birthMonth: clientModify('long'),
  birthYear: clientModify('long'),
  gender: { ...clientModify('string'), format: "regex('^[fmu]{1}$')" },
  age: clientModify('long'),
  address: clientModify('string'),
  city: clientModify('string'),
  state: clientModify('string'),
  zip: clientModify('string'),
  country: clientModify('string'),
  locale: clientModify('string'),
  languages: clientModify('string'),
  photoURL: { ...clientModify('string'), writeAccess: 'serverOnly' as const },
  bio: clientModify('text'),
}

/** What a site has for each policy section it does not set (SAP's defaults for a new site). */
export const DEFAULT_POLICIES: SitePolicies = {
  registration: { requireCaptcha: false, requireSecurityQuestion: false, requireLoginID: false, enforceCoppa: false },
  gigyaPlugins: {
    defaultRegScreenSet: 'Default-RegistrationLogin',
    defaultMobileRegScreenSet: 'Default-RegistrationLogin',
  },
  accountOptions: {
    verifyEmail: false,
    allowUnverifiedLogin: false,
    preventLoginIDHarvesting: false,
    defaultLanguage: 'en',
    loginIdentifierConflict: 'failOnSiteConflictingIdentity',
    loginIdentifiers: 'email',
  },
  passwordComplexity: { minCharGroups: 2, minLength: 8 },
  security: { accountLockout: { failedLoginThreshold: 0 }, captcha: { failedLoginThreshold: 0 } },
  doubleOptIn: { defaultTemplate: 'Please confirm your subscription' },
}

export const SCHEMA_SECTIONS = ['profileSchema', 'dataSchema', 'subscriptionsSchema', 'preferencesSchema'] as const

/** Field types the schema may use, per section. */
export const FIELD_TYPES: ReadonlySet<string> = new Set([
  'string',
  'basic-string',
  'text',
  'long',
  'integer',
  'float',
  'boolean',
  'date',
])

/** Problems with a site file, each a sentence naming the offending key. */
export class SiteConfigError extends Error {
  override readonly name = 'SiteConfigError'
}

function checkFields(section: string, value: unknown): void {
  if (!isPlainObject(value)) throw new SiteConfigError(`schema.${section} must be an object with "fields"`)
  if (!isPlainObject(value.fields)) throw new SiteConfigError(`schema.${section}.fields must be an object`)
  for (const [path, def] of Object.entries(value.fields)) {
    if (hasReservedSegment(path) || path.split('.').includes('')) {
      throw new SiteConfigError(`schema.${section}.fields["${path}"] is not a usable field path`)
    }
    if (!isPlainObject(def)) throw new SiteConfigError(`schema.${section}.fields["${path}"] must be an object`)
    if (section === 'subscriptionsSchema') {
      if (!isPlainObject(def.email))
        throw new SiteConfigError(`schema.subscriptionsSchema.fields["${path}"] needs an "email" channel`)
    } else if (section === 'preferencesSchema') {
      if (def.type !== undefined && def.type !== 'consent') {
        throw new SiteConfigError(`schema.preferencesSchema.fields["${path}"].type must be "consent"`)
      }
    } else if (def.type !== undefined && (typeof def.type !== 'string' || !FIELD_TYPES.has(def.type))) {
      throw new SiteConfigError(
        `schema.${section}.fields["${path}"].type "${String(def.type)}" is not one of ${[...FIELD_TYPES].join(', ')}`,
      )
    }
  }
}

/**
 * Reads a site file (`{ apiKey, userKey, secret, schema, policies, captchaTestToken }`), filling
 * what it leaves out with SAP's defaults: the reserved profile fields when `profileSchema` is absent,
 * empty sections otherwise, and each policy section merged over the defaults.
 */
export function normalizeSiteConfig(raw: unknown): SiteConfig {
  if (!isPlainObject(raw)) throw new SiteConfigError('a site must be a JSON object')
  for (const key of ['apiKey', 'userKey', 'secret'] as const) {
    if (typeof raw[key] !== 'string' || raw[key] === '')
      throw new SiteConfigError(`"${key}" must be a non-empty string`)
  }
  const schemaIn = raw.schema === undefined ? {} : raw.schema
  if (!isPlainObject(schemaIn)) throw new SiteConfigError('"schema" must be an object')
  const schema: Record<string, unknown> = {}
  for (const section of SCHEMA_SECTIONS) {
    const value = schemaIn[section]
    if (value === undefined) {
      schema[section] =
        section === 'profileSchema'
          ? { fields: structuredClone(DEFAULT_PROFILE_FIELDS), dynamicSchema: false }
          : { fields: {} }
      continue
    }
    checkFields(section, value)
    schema[section] = structuredClone(value)
  }
  const policiesIn = raw.policies === undefined ? {} : raw.policies
  if (!isPlainObject(policiesIn)) throw new SiteConfigError('"policies" must be an object')
  const policies: Record<string, JsonObject> = structuredClone(DEFAULT_POLICIES) as Record<string, JsonObject>
  for (const [section, value] of Object.entries(policiesIn)) {
    if (!isPlainObject(value)) throw new SiteConfigError(`policies.${section} must be an object`)
    policies[section] = { ...policies[section], ...(structuredClone(value) as JsonObject) }
  }
  if (raw.captchaTestToken !== undefined && typeof raw.captchaTestToken !== 'string') {
    throw new SiteConfigError('"captchaTestToken" must be a string')
  }
  return {
    apiKey: raw.apiKey as string,
    userKey: raw.userKey as string,
    secret: raw.secret as string,
    schema: schema as SiteSchema,
    policies: policies as SitePolicies,
    ...(raw.captchaTestToken === undefined ? {} : { captchaTestToken: raw.captchaTestToken as string }),
  }
}
