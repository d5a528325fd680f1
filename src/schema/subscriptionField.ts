import { descriptionOf } from './descriptionOf'
import { humanize } from './humanize'
import type { Definition } from './schemaSections'
import type { FieldSpec } from './types'

/** The checkbox of a subscription, or why there is none. */
export function subscriptionField(id: string, subscriptions: Map<string, Definition>): FieldSpec | string {
  const def = subscriptions.get(id)
  if (!def) return 'the schema has no such subscription'
  const description = descriptionOf(def)
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
