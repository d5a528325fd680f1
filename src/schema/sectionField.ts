import { RESERVED_SEGMENTS } from '../shared/plainObjects'
import { consentField } from './consentField'
import type { TranslatePattern } from './readFormat'
import type { SchemaSections } from './schemaSections'
import { subscriptionField } from './subscriptionField'
import type { FieldSpec } from './types'

/**
 * A spec for the schema field `name` (`profile.…`, `data.…`, `subscriptions.…`, `preferences.…`), or
 * why it cannot be rendered. Profile and data fields are made by `schemaField`: the lite screen's
 * own fields have only the email among them, so its page need not carry what the others take.
 */
export function sectionField(
  name: string,
  site: SchemaSections & { translate: TranslatePattern },
  schemaField: (section: 'profile' | 'data', key: string) => FieldSpec | string,
): FieldSpec | string {
  // The form nests values by these segments, where JavaScript would reach into prototypes instead.
  if (name.split('.').some((segment) => RESERVED_SEGMENTS.has(segment) || segment === ''))
    return 'its name has an empty segment or one JavaScript reserves (__proto__, constructor, prototype)'
  const dot = name.indexOf('.')
  if (dot < 0) return 'no such field'
  const section = name.slice(0, dot)
  const key = name.slice(dot + 1)
  switch (section) {
    case 'profile':
    case 'data':
      return schemaField(section, key)
    case 'subscriptions':
      return subscriptionField(withoutSuffix(key, '.email.isSubscribed'), site.subscriptions)
    case 'preferences':
      return consentField(withoutSuffix(key, '.isConsentGranted'), site.consents, site.translate)
    default:
      return 'no such field'
  }
}

function withoutSuffix(key: string, suffix: string): string {
  return key.endsWith(suffix) ? key.slice(0, -suffix.length) : key
}
