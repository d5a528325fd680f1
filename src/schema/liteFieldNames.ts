import { nameList } from './nameList'
import { requiredConsentNames } from './requiredKeys'
import type { SchemaSections } from './schemaSections'

/** The lite screen's own fields: the email, the subscriptions (all, or those listed) and required consents. */
export function liteFieldNames(sections: SchemaSections, subscriptions: unknown): string[] {
  const ids = nameList(subscriptions, 'subscriptions') ?? [...sections.subscriptions.keys()]
  return ['profile.email', ...ids.map((id) => `subscriptions.${id}`), ...requiredConsentNames(sections.consents)]
}
