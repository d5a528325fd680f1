import type { ProfileScreen } from '../flows/profileMachine'
import type { Translator } from '../i18n'
import type { FieldSpec, SitePolicies, SiteSchema } from '../schema'
import { collectFields } from '../schema/collectFields'
import { deriveFieldsWith } from '../schema/deriveFieldsWith'
import { nameList } from '../schema/nameList'
import { patternTranslator } from '../schema/patternSupport'
import { readSite, type Site } from '../schema/readSite'
import { resolveField } from '../schema/resolveField'
import { isClientWritable, type Definition } from '../schema/schemaSections'
import { localizeField, type Labels } from './labels'

export interface ProfileFieldOptions {
  /** update-profile's fields, in order (binding names); default: every field the user may change. */
  fields?: readonly string[] | undefined
  labels?: Labels | undefined
  t: Translator
}

type SiteParts = { schema: SiteSchema | undefined; policies: SitePolicies | undefined }

const clientModify = (def: Definition) => def['writeAccess'] === 'clientModify'

/**
 * update-profile by default: every profile and data field the user may change (`clientModify`; a
 * `clientCreate` field was theirs to set once, at registration). The login email is left to
 * change-email, which proves the new address first.
 */
function defaultProfileNames(site: Site): string[] {
  const loginEmail = site.loginIdentifiers.includes('email')
  return [
    ...[...site.profile]
      .filter(([key, def]) => clientModify(def) && !(loginEmail && key === 'email'))
      .map(([key]) => `profile.${key}`),
    ...[...site.data].filter(([, def]) => clientModify(def)).map(([key]) => `data.${key}`),
  ]
}

/** What update-profile may write: a profile or data field only while the user may change it. */
function resolveProfileField(name: string, site: Site): FieldSpec | string {
  const spec = resolveField(name, site)
  if (typeof spec === 'string') return spec
  if (spec.section === 'loginID' || spec.section === 'password' || spec.section === 'security')
    return 'it has a screen of its own'
  if ((spec.section === 'profile' || spec.section === 'data') && spec.writeAccess !== 'clientModify')
    return 'the user may not change it after registration'
  return spec
}

/** The new address of change-email: a login email, so required whatever the schema says. */
function newEmailField(site: Site): FieldSpec | string {
  const spec = resolveField('email', site)
  if (typeof spec === 'string') return spec
  return { ...spec, label: 'New email address', labelKey: 'new_email', required: true }
}

function screenSpecs(site: Site, screen: ProfileScreen, codeSent: boolean, fields: unknown): FieldSpec[] {
  switch (screen) {
    case 'update-profile':
      return collectFields(nameList(fields, 'fields') ?? defaultProfileNames(site), (name) =>
        resolveProfileField(name, site),
      )
    case 'communication':
      return collectFields(
        [...site.subscriptions]
          .filter(([, def]) => def['writeAccess'] !== 'serverOnly')
          .map(([id]) => `subscriptions.${id}`),
        (name) => resolveField(name, site),
      )
    case 'privacy':
      return collectFields(
        [...site.consents].filter(([, def]) => isClientWritable(def)).map(([path]) => `preferences.${path}`),
        (name) => resolveField(name, site),
      )
    case 'change-email':
      return collectFields([codeSent ? 'code' : 'email'], (name) =>
        name === 'email' ? newEmailField(site) : resolveField(name, site),
      )
    case 'change-password':
      return []
  }
}

/**
 * The inputs of a profile screen, labelled in the screen-set's language: the fields the user may
 * change (update-profile), the site's subscriptions (communication) and consents (privacy), the
 * current and new password (change-password: the same as SAP's password change), the new address or
 * its code (change-email).
 */
export function profileFields(
  site: SiteParts,
  screen: ProfileScreen,
  codeSent: boolean,
  options: ProfileFieldOptions,
): FieldSpec[] {
  if (!site.schema) return []
  const translate = patternTranslator()
  const specs =
    screen === 'change-password'
      ? deriveFieldsWith(site.schema, site.policies, { screen: 'password-change-required' }, translate)
      : screenSpecs(readSite(site.schema, site.policies, 'register', translate), screen, codeSent, options.fields)
  return specs.map((field) => localizeField(field, options.labels, options.t))
}

/** The screens with something to change on this site (communication needs subscriptions, privacy consents). */
export function availableProfileScreens(site: SiteParts, screens: readonly ProfileScreen[]): ProfileScreen[] {
  const sections = readSite(site.schema, site.policies, 'register', patternTranslator())
  return screens.filter((screen) => {
    if (screen === 'communication') return sections.subscriptions.size > 0
    if (screen === 'privacy') return [...sections.consents.values()].some(isClientWritable)
    return true
  })
}
